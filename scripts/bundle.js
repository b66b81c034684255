// Bundles the compiled CLI for start-up speed: `bin/agenda.js` loads dist/agenda.js, the
// batch build's threads load dist/worker.js, and what only some commands need (the
// renderers, pdfkit and fontkit, the diagnostic formatters) stays in chunks loaded on
// demand. Resolving and evaluating ~200 small ESM modules one by one (yaml, micromark,
// mdast, our own) was a large part of every cold start and of every worker's start.
//
// Runs after `tsc` (npm run build), which still writes dist/**, used by the tests, the
// benchmark and scripts. Node built-ins and packages whose files are found at run time
// (fonts, ajv's runtime through createRequire) stay outside the bundle.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

/** Bundle entries: source file → output name in dist/. */
const entries = { agenda: 'src/cli.ts', worker: 'src/batch/worker.ts', batch: 'src/batch/run-batch.ts' };
const entryOutput = new Map(Object.entries(entries).map(([name, file]) => [join(root, file), join(dist, `${name}.js`)]));

/**
 * Sources find files relative to where tsc puts them (dist/batch/run-batch.js reads
 * '../../package.json', pool.ts starts './worker.js' beside it). In the bundle every
 * module lives in dist/ itself: rewrite each `new URL('<relative>', import.meta.url)` to
 * point from dist/ at the same file, or at the bundled entry that replaces a compiled one.
 */
const relocate = {
  name: 'relocate-import-meta-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      let code = await readFile(args.path, 'utf8');
      const compiled = join(dist, relative(src, args.path)).replace(/\.ts$/, '.js');
      code = code.replace(/new URL\((['"])([^'"]+)\1, import\.meta\.url\)/g, (whole, q, spec) => {
        if (!spec.startsWith('.')) return whole;
        let target = resolve(dirname(compiled), spec);
        const source = target.startsWith(dist + sep) ? join(src, relative(dist, target)).replace(/\.js$/, '.ts') : undefined;
        if (source && entryOutput.has(source)) target = entryOutput.get(source);
        let rel = relative(dist, target).split(sep).join('/');
        if (!rel.startsWith('.')) rel = `./${rel}`;
        return `new URL(${q}${rel}${q}, import.meta.url)`;
      });
      return { contents: code, loader: 'ts' };
    });
  },
};

/**
 * Replaces each `from` in `code` by `to`, and fails the build unless it was found exactly
 * `count` times: the packages patched here are pinned, and another version must be read
 * again rather than patched blindly.
 */
function patch(code, file, from, to, count = 1) {
  const found = code.split(from).length - 1;
  if (found !== count) throw new Error(`${file}: expected ${count} of ${JSON.stringify(from.slice(0, 60))}, found ${found}: read the new version before bundling it`);
  return code.split(from).join(to);
}

/**
 * pdfkit finds its own data files (standard-font metrics through package "imports",
 * the sRGB profile) relative to its import.meta.url: give it its own file's URL
 * back, resolved where pdfkit is installed, instead of the bundle's. Resolved on first
 * use, not when the chunk is evaluated: our PDFs use no standard font, and only PDF/A reads
 * the profile, while resolving the package took some 9 ms of every cold PDF.
 * Written for pdfkit 0.20.2.
 */
const pdfkitHome = {
  name: 'pdfkit-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => {
      let code = await readFile(args.path, 'utf8');
      const header = [
        "import { createRequire as __pdfkitRequire } from 'node:module';",
        "import { pathToFileURL as __pdfkitToUrl } from 'node:url';",
        'let __pdfkitHref;',
        "const __pdfkitUrl = () => (__pdfkitHref ??= __pdfkitToUrl(__pdfkitRequire(import.meta.url).resolve('pdfkit')).href);",
      ].join('\n');
      code = patch(code, args.path, "const ICC_PROFILE_PATH = new URL('./data/sRGB_IEC61966_2_1.icc', import.meta.url).href;", "const ICC_PROFILE_PATH = () => new URL('./data/sRGB_IEC61966_2_1.icc', __pdfkitUrl()).href;");
      code = patch(code, args.path, 'fs.readFileSync(ICC_PROFILE_PATH)', 'fs.readFileSync(ICC_PROFILE_PATH())');
      code = patch(code, args.path, 'const require$1 = createRequire(import.meta.url);', 'let __pdfkitRequire$1;\nconst require$1 = (id) => (__pdfkitRequire$1 ??= createRequire(__pdfkitUrl()))(id);');
      code = patch(code, args.path, 'import.meta.url', '__pdfkitUrl()', 0);
      return { contents: `${header}\n${code}`, loader: 'js' };
    });
  },
};

/**
 * fontkit builds three Unicode tries when it is evaluated (Arabic joining, the Indic and
 * the universal shaping engines' categories): some 12 ms of every cold PDF, though only
 * text in those scripts reads them. Each is built on its first lookup instead (`get` is
 * all fontkit calls on them). Written for fontkit 2.0.4.
 */
const fontkitLazyTries = {
  name: 'fontkit-lazy-tries',
  setup(b) {
    b.onLoad({ filter: /[\\/]fontkit[\\/]dist[\\/]module\.mjs$/ }, async (args) => {
      let code = await readFile(args.path, 'utf8');
      const made = /^const (\$\w+\$var\$trie) = new \(0, \$52ZIf\$unicodetrie\)\((.*)\);$/gm;
      const found = code.match(made)?.length ?? 0;
      if (found !== 3) throw new Error(`${args.path}: expected 3 Unicode tries built at evaluation, found ${found}: read the new version before bundling it`);
      code = code.replace(made, (_, name, data) => `let ${name}$made;\nconst ${name} = { get: (codePoint) => (${name}$made ??= new (0, $52ZIf$unicodetrie)(${data})).get(codePoint) };`);
      return { contents: code, loader: 'js' };
    });
  },
};

/**
 * Packages pdfkit and fontkit import that our PDFs never use, or only for text the shaping
 * tables leave to fontkit: loaded on first use (from where pdfkit's own import would find
 * them) instead of bundled and evaluated at every start. brotli decodes WOFF2 fonts (we embed
 * TrueType files) and is 1.3 MB of dictionary; linebreak serves pdfkit's text wrapping (the
 * typesetter loads it itself, on first use: src/typeset/break-opportunities.ts); unicode-properties builds a table at import that only fontkit's
 * OpenType engine reads.
 */
const LAZY = {
  // package specifier → [the importer's package, what it imports: a default function or class, or named functions]
  'brotli/decompress.js': ['fontkit', 'function'],
  linebreak: ['pdfkit', 'class'],
  'unicode-properties': ['fontkit', ['getCategory', 'getCombiningClass', 'getScript', 'isDigit', 'isMark']],
  // AES for encrypted PDFs, which we never write; its tables took some 10 ms to build at evaluation.
  '@noble/ciphers/aes': ['pdfkit', ['cbc', 'ecb']],
};
const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${Object.keys(LAZY).map((k) => k.replace(/[./]/g, '\\$&')).join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
      const [importer, exports] = LAZY[args.path];
      const lines = [
        "import { createRequire } from 'node:module';",
        'let loaded;',
        // pdfkit is our dependency; fontkit is pdfkit's, and the package is the importer's.
        `const load = () => (loaded ??= createRequire(${importer === 'pdfkit' ? "createRequire(import.meta.url).resolve('pdfkit')" : "createRequire(createRequire(import.meta.url).resolve('pdfkit')).resolve('fontkit')"})(${JSON.stringify(args.path)}));`,
      ];
      if (exports === 'class') lines.push('export default class { constructor(...args) { const Real = load(); return new (Real.default ?? Real)(...args); } }');
      else if (exports === 'function') lines.push('export default (...args) => { const real = load(); return (real.default ?? real)(...args); };');
      else for (const name of exports) lines.push(`export const ${name} = (...args) => load().${name}(...args);`);
      return { contents: lines.join('\n'), loader: 'js', resolveDir: root };
    });
  },
};

/**
 * Packages of our own code that a clean run never calls: yaml (definitions are read by
 * src/load/plain-yaml.ts; yaml parses what that declines, and for the places of diagnostics,
 * --fix, XLIFF and the editor) and the Markdown parser (plainParagraphs reads most texts).
 * Each group is bundled into a CommonJS file of its own in dist/lazy/, required on the first
 * call of one of its functions: one file to read then, and about a half of the core chunk
 * less to compile at every start.
 */
const LAZY_BUNDLED = {
  // group → the packages it serves, each with the names our code imports from it
  yaml: { yaml: ['isMap', 'isPair', 'isScalar', 'isSeq', 'parseDocument', 'visit:BREAK,SKIP,REMOVE', 'class:LineCounter'] },
  markdown: { 'mdast-util-from-markdown': ['fromMarkdown'], 'micromark-extension-gfm-footnote': ['gfmFootnote'], 'mdast-util-gfm-footnote': ['gfmFootnoteFromMarkdown'] },
  // An SVG emblem drawn as vectors: 83 KB of code that most PDFs, with no emblem or a PNG one, never run.
  'svg-emblem': { 'svg-to-pdfkit': ['default'] },
};
const lazyGroupOf = new Map(Object.entries(LAZY_BUNDLED).flatMap(([group, packages]) => Object.keys(packages).map((p) => [p, group])));
const lazyBundled = {
  name: 'lazy-bundled',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${[...lazyGroupOf.keys()].map((k) => k.replace(/[./-]/g, '\\$&')).join('|')})$`) }, (args) => (args.importer.startsWith(src) ? { path: args.path, namespace: 'lazy-bundled' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-bundled' }, (args) => {
      const group = lazyGroupOf.get(args.path);
      const lines = [
        "import { createRequire } from 'node:module';",
        'let loaded;',
        // The chunks are in dist/, the group's file in dist/lazy/.
        `const load = () => (loaded ??= createRequire(import.meta.url)('./lazy/${group}.cjs'));`,
      ];
      for (const entry of LAZY_BUNDLED[group][args.path]) {
        const [kind, name] = entry.startsWith('class:') ? ['class', entry.slice(6)] : ['function', entry.split(':')[0]];
        if (kind === 'class') lines.push(`export class ${name} { constructor(...args) { return new (load().${name})(...args); } }`);
        else if (name === 'default') lines.push('export default (...args) => load().default(...args);');
        else {
          lines.push(`export const ${name} = (...args) => load().${name}(...args);`);
          // Constants hung on a function (yaml's visit.BREAK), read from the real one.
          for (const constant of (entry.split(':')[1] ?? '').split(',').filter(Boolean)) lines.push(`Object.defineProperty(${name}, ${JSON.stringify(constant)}, { get: () => load().${name}.${constant} });`);
        }
      }
      return { contents: lines.join('\n'), loader: 'js', resolveDir: root };
    });
  },
};

// Chunks of an earlier build have other hashes: remove them first.
for (const f of readdirSync(dist)) if (/^chunk-.*\.js$/.test(f)) rmSync(join(dist, f));

await build({
  entryPoints: entries,
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  packages: 'bundle',
  // Kept outside: found at run time relative to node_modules (pdf.js also starts its worker
  // code from its own folder; it reads PDF emblems only).
  external: ['@expo-google-fonts/*', 'pdfjs-dist', 'pdfjs-dist/*'],
  plugins: [relocate, pdfkitHome, fontkitLazyTries, lazyPackages, lazyBundled],
  // The locale's messages are parsed at build time (scripts/compile-messages.js): the command
  // formats syntax trees, and intl-messageformat gets the parser package's parser-less entry.
  alias: { '@formatjs/icu-messageformat-parser': '@formatjs/icu-messageformat-parser/no-parser.js' },
  // Bundled CommonJS packages (pdfkit's dependencies) call require() for Node built-ins.
  banner: { js: "import { createRequire as __agendaRequire } from 'node:module'; const require = __agendaRequire(import.meta.url);" },
  legalComments: 'none',
  // Fewer bytes to read, decode and parse at every start (a cold check reads about 1.2 MB of
  // code); names are kept, so that an internal error's stack still names its functions.
  minifyWhitespace: true,
  minifySyntax: true,
  // Text in its own characters: the locales' Arabic, Chinese and Cyrillic written as \u escapes
  // took six bytes a character to read and scan.
  charset: 'utf8',
  logLevel: 'warning',
});

// The lazily required groups (LAZY_BUNDLED), one CommonJS file each.
rmSync(join(dist, 'lazy'), { recursive: true, force: true });
for (const [group, packages] of Object.entries(LAZY_BUNDLED)) {
  await build({
    stdin: { contents: Object.entries(packages).map(([p, names]) => `export { ${names.map((n) => n.replace(/^class:/, '').split(':')[0]).join(', ')} } from ${JSON.stringify(p)};`).join('\n'), resolveDir: root, loader: 'js' },
    outfile: join(dist, 'lazy', `${group}.cjs`),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'utf8',
    logLevel: 'warning',
  });
}

// The build's id: a digest of the bundle. Batch builds put it in the key of every output they
// record (src/batch/run-batch.ts), so that a new build of the tool rebuilds what it would
// write differently even when the package's version stays the same.
{
  const { createHash } = await import('node:crypto');
  const { readFileSync, writeFileSync } = await import('node:fs');
  const hash = createHash('sha256');
  for (const f of readdirSync(dist).filter((n) => n.endsWith('.js')).sort()) hash.update(f).update(readFileSync(join(dist, f)));
  writeFileSync(join(dist, 'build-id'), `${hash.digest('hex')}\n`);
}
