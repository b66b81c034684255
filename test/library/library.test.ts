// The package's library entry, as another Node program uses it: the built dist/index.js
// reached through the package's own name (its `exports`), no CLI process started.
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/reference.js';

type Library = typeof import('../../src/index.js');
let agenda: Library;

const example = (name: string) => readFileSync(resolve(repoRoot, 'examples', name), 'utf8');
const golden = (name: string) => readFileSync(resolve(repoRoot, 'test/golden', name), 'utf8');

beforeAll(async () => {
  // Built by `npm run build` (pretest). The package's name resolves to itself through "exports".
  agenda = (await import('un-agenda')) as Library;
});

describe('the package entry', () => {
  it('is declared with its types, and both files are built', () => {
    const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { exports: Record<string, { types: string; default: string } | string>; bin: Record<string, string> };
    const main = pkg.exports['.'] as { types: string; default: string };
    expect(existsSync(resolve(repoRoot, main.default))).toBe(true);
    expect(existsSync(resolve(repoRoot, main.types))).toBe(true);
    expect(readFileSync(resolve(repoRoot, main.types), 'utf8')).toMatch(/export \* from '\.\/core\/index\.js'/);
    expect(readFileSync(resolve(repoRoot, 'dist/core/index.d.ts'), 'utf8')).toMatch(/export declare function build\(/);
    expect(pkg.bin.agenda).toBe('bin/agenda.js');
    expect(Object.keys(agenda)).toEqual(expect.arrayContaining(['check', 'fix', 'build', 'Session', 'MemoryFileSystem', 'compileSource']));
  });
});

describe('compiling the reference in-process', () => {
  it('builds the golden Markdown of the reference from files held in memory, and writes them there', async () => {
    const fs = new agenda.MemoryFileSystem({ 'meetings/ctoc-cop-wg3-2023.yaml': example('ctoc-cop-wg3-2023.yaml') });
    const session = new agenda.Session({ fs });
    const built = await agenda.build('meetings/ctoc-cop-wg3-2023.yaml', { session, formats: ['md', 'html'], config: false, outDir: 'out' });
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.outputs!.map((o) => o.format)).toEqual(['md', 'html']);
    expect(built.outputs![0]!.data).toBe(golden('ctoc-cop-wg3-2023.md'));
    expect(built.written).toEqual(['out/ctoc-cop-wg3-2023.md', 'out/ctoc-cop-wg3-2023.html']);
    expect(fs.text('out/ctoc-cop-wg3-2023.md')).toBe(golden('ctoc-cop-wg3-2023.md'));
    expect(fs.text('out/ctoc-cop-wg3-2023.html')).toMatch(/^<!DOCTYPE html>/i);
  });

  it('compiles a text to the model, and checks one with its diagnostics at file:line:col', () => {
    const compiled = agenda.compileSource('m.yaml', example('minimal.yaml'));
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.model).toBeDefined();
    const result = agenda.check('m.yaml', { text: 'document: 3\n', config: false, session: new agenda.Session({ fs: new agenda.MemoryFileSystem() }) });
    expect(result.diagnostics[0]).toMatchObject({ file: 'm.yaml', severity: 'error', line: expect.any(Number), column: expect.any(Number) });
    expect(agenda.hasErrors(result.diagnostics)).toBe(true);
  });
});

describe('a session', () => {
  const definition = example('ctoc-cop-wg3-2023.yaml').replace('70 per cent of the reviews', '70 percent of the reviews');

  // Absolute paths: the search for a configuration goes up from the definition's folder.
  it('finds the configuration beside a definition, and reads it again once it changed', () => {
    const fs = new agenda.MemoryFileSystem({ '/p/m.yaml': definition, '/p/package.json': '{}', '/p/agenda.config.yaml': 'rules:\n  per-cent: error\n' });
    const session = new agenda.Session({ fs });
    const severityOf = () => agenda.check('/p/m.yaml', { session }).diagnostics.find((d) => d.code === 'AG028')?.severity;
    expect(agenda.check('/p/m.yaml', { session }).configFile).toBe('/p/agenda.config.yaml');
    expect(severityOf()).toBe('error');
    fs.set('/p/agenda.config.yaml', 'rules:\n  per-cent: off\n');
    expect(severityOf()).toBeUndefined();
    // A configuration file created where none was: found once the watcher says so.
    fs.delete('/p/agenda.config.yaml');
    session.invalidate(['/p/agenda.config.yaml']);
    expect(agenda.check('/p/m.yaml', { session }).configFile).toBeUndefined();
    fs.set('/p/.agendarc.yaml', 'rules:\n  per-cent: info\n');
    session.invalidate(['/p/.agendarc.yaml']);
    expect(severityOf()).toBe('info');
  });

  it('fixes in memory, and in place through its file system, refusing a file changed since it was read', () => {
    const fs = new agenda.MemoryFileSystem({ 'm.yaml': definition });
    const session = new agenda.Session({ fs });
    const plan = agenda.fix('m.yaml', { session, config: false });
    expect(definition).toContain('70 percent of');
    expect(plan.text).toBe(example('ctoc-cop-wg3-2023.yaml'));
    expect(fs.text('m.yaml')).toBe(definition); // fix writes nothing
    const outcome = agenda.fixInPlace('m.yaml', { session, config: false });
    expect(outcome.applied.some((line) => line.includes("AG028 'percent' → 'per cent'"))).toBe(true);
    expect(fs.text('m.yaml')).toBe(plan.text);
    // An editor saves the file between the fixer's read and its write.
    class Racing extends agenda.MemoryFileSystem {
      override read(path: string) {
        const read = super.read(path);
        this.set(path, definition);
        return read;
      }
    }
    const racing = new Racing({ 'm.yaml': definition });
    const refused = agenda.fixInPlace('m.yaml', { session: new agenda.Session({ fs: racing }), config: false });
    expect(refused.refused).toMatch(/changed while it was being fixed/);
    expect(racing.text('m.yaml')).toBe(definition);
  });
});
