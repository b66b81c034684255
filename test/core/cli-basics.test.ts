import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { FORMATS, parseFormats } from '../../src/core/formats.js';
import { examplePath, MINIMAL } from '../helpers/compile.js';

/** Runs the CLI in-process, capturing what it prints. */
async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'agenda', ...args], { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}

const scratch = () => mkdtempSync(join(tmpdir(), 'agenda-test-'));

describe('agenda check', () => {
  it('exits 0 on a clean definition', async () => {
    expect(await run('check', examplePath('ctoc-cop-wg3-2023.yaml'))).toMatchObject({ code: 0, err: '' });
  });

  it('exits 1 and prints file:line:col with a hint on an error, without colour codes when not on a terminal', async () => {
    const dir = scratch();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, MINIMAL.replace('title: Adoption of the agenda', 'titel: Adoption of the agenda'));
    const { code, out } = await run('check', file);
    expect(code).toBe(1);
    expect(out).toContain(`${file}:10:5: error agenda item 'adoption' has an unknown field 'titel' (did you mean 'title'?) [schema]`);
    expect(out).toContain('→ the fields allowed here are:');
    expect(out).not.toMatch(/\u001b\[/);
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 on a missing file and on an unknown option', async () => {
    expect(await run('check', '/nonexistent/meeting.yaml')).toMatchObject({ code: 2 });
    expect((await run('check', '/nonexistent/meeting.yaml')).err).toContain('file not found');
    expect(await run('check', '--no-such-option', examplePath('minimal.yaml'))).toMatchObject({ code: 2 });
  });

  it('refuses a file that is not UTF-8 text with exit 2', async () => {
    const file = join(scratch(), 'utf16.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('body: x', 'utf16le')]));
    const { code, err } = await run('check', file);
    expect(code).toBe(2);
    expect(err).toContain('UTF-16');
  });
});

describe('agenda build', () => {
  it('writes <name>.md into --out', async () => {
    const out = scratch();
    const { code, err: printed } = await run('build', examplePath('ctoc-cop-wg3-2023.yaml'), '--format', 'md', '--out', out);
    expect(code).toBe(0);
    expect(printed).toMatch(/^wrote .*ctoc-cop-wg3-2023\.md$/m);
    expect(readFileSync(join(out, 'ctoc-cop-wg3-2023.md'), 'utf8')).toContain('# Annotated provisional agenda');
  });

  it('writes nothing when the definition has errors', async () => {
    const dir = scratch();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, MINIMAL.replace('body: Ad Hoc Committee on Example Matters\n', ''));
    const { code, err } = await run('build', file, '--out', dir);
    expect(code).toBe(1);
    expect(err).toContain('the definition has no body');
    expect(readdirSync(dir)).toEqual(['bad.yaml']);
  });

  it('exits 2 on an unknown format', async () => {
    const { code, err } = await run('build', examplePath('minimal.yaml'), '--format', 'docx', '--out', scratch());
    expect(code).toBe(2);
    expect(err).toContain('unknown format: docx');
  });

  it('reads format names in any case: --format ALL and Md,HTML build, as "all" and "md,html" do', async () => {
    const dir = scratch();
    expect(await run('build', examplePath('minimal.yaml'), '--format', 'Md,HTML', '--out', dir)).toMatchObject({ code: 0 });
    expect(readdirSync(dir).filter((f) => !f.startsWith('.')).sort()).toEqual(['minimal.html', 'minimal.md']);
    expect(parseFormats('ALL').formats.map((f) => f.name)).toEqual(Object.keys(FORMATS).filter((n) => FORMATS[n]!.group === 'publishing'));
    expect(parseFormats('md, All')).toEqual(parseFormats('all'));
    // Only the formats themselves: an inherited property of the table is not one.
    expect(parseFormats('constructor,md')).toMatchObject({ formats: [{ name: 'md' }], unknown: ['constructor'] });
  });

  it('is the same program when launched through bin/agenda.js', async () => {
    const { stdout } = await promisify(execFile)('node', [new URL('../../bin/agenda.js', import.meta.url).pathname, 'schema']);
    expect(JSON.parse(stdout).title).toBe('Meeting definition');
  });

  it('prints no Node warning of the YAML parser, only its own diagnostic (a key that is a list)', async () => {
    const file = new URL('../fixtures/bad/collection-key.yaml', import.meta.url).pathname;
    const result = await promisify(execFile)('node', [new URL('../../bin/agenda.js', import.meta.url).pathname, 'check', file]).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in result && result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain('12:5: error this key is a list or a mapping');
    expect(result.stdout + result.stderr).not.toMatch(/Warning|trace-warnings/);
  });

  it('builds through the bundle a PDF whose text needs fontkit’s engine and the packages the bundle loads on first use', async () => {
    // Combining marks with no precomposed form: shaped by fontkit, which then reads unicode-properties.
    const dir = scratch();
    const file = join(dir, 'marks.yaml');
    writeFileSync(file, readFileSync(examplePath('ctoc-cop-wg3-2023.yaml'), 'utf8').replace('title: Opening of the meeting', 'title: Opening of the meeting q\u0301 x\u0323'));
    await promisify(execFile)('node', [new URL('../../bin/agenda.js', import.meta.url).pathname, 'build', file, '--format', 'pdf', '--quiet']);
    const { stdout } = await promisify(execFile)('pdftotext', [join(dir, 'marks.pdf'), '-']);
    expect(stdout.normalize('NFC')).toContain('Opening of the meeting q\u0301 x\u0323');
  });
});

describe('an internal error', () => {
  it('prints one line asking for a bug report, and the stack only with --debug', async () => {
    FORMATS.broken = { name: 'broken', extension: 'x', render: async () => { throw new Error('renderer exploded'); } };
    try {
      const out = scratch();
      const plain = await run('build', examplePath('minimal.yaml'), '--format', 'broken', '--out', out);
      expect(plain.code).toBe(1);
      expect(plain.err).toMatch(/^agenda: internal error while processing .*minimal\.yaml: renderer exploded\. This is a bug/);
      expect(plain.err.trim().split('\n')).toHaveLength(1);
      expect(readdirSync(out)).toEqual([]);
      const debug = await run('--debug', 'build', examplePath('minimal.yaml'), '--format', 'broken', '--out', out);
      expect(debug.err).toMatch(/\n\s+at /);
    } finally {
      delete FORMATS.broken;
    }
  });
});

describe('the JSON Schema', () => {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/meeting.schema.json', import.meta.url), 'utf8'));

  it('describes every property, with examples for editors', () => {
    const missing: string[] = [];
    const visit = (node: Record<string, unknown>, path: string) => {
      const props = node.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [key, child] of Object.entries(props ?? {})) {
        if (!child.description) missing.push(`${path}.${key}: description`);
        if (key !== '$schema' && !child.examples && !child.properties && !(child.items as { properties?: unknown })?.properties) missing.push(`${path}.${key}: examples`);
        visit(child, `${path}.${key}`);
      }
      if (node.items && typeof node.items === 'object') visit(node.items as Record<string, unknown>, `${path}[]`);
      if (node.additionalProperties && typeof node.additionalProperties === 'object') visit(node.additionalProperties as Record<string, unknown>, `${path}.*`);
    };
    visit(schema, '$');
    expect(missing).toEqual([]);
  });
});
