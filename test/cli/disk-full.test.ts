/**
 * A full disk while writing: the build says so (exit 1, the reason and what to do),
 * the previous output is intact and no temporary file is left. Needs a small tmpfs,
 * so root and a system that allows mounting; reported as skipped elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { exampleDefinition } from '../../src/rules/example-definition.js';

const work = mkdtempSync(join(tmpdir(), 'agenda-full-'));
const disk = join(work, 'disk');
mkdirSync(disk);
const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk]).status === 0;
afterAll(() => {
  if (mounted) spawnSync('umount', [disk]);
  rmSync(work, { recursive: true, force: true });
});

describe('a full disk', () => {
  it.skipIf(!mounted)('fails the build with a clear message and keeps the previous output', async () => {
    const input = join(work, 'meeting.yaml');
    writeFileSync(input, exampleDefinition());
    let err = '';
    const io = { out: () => {}, err: (t: string) => (err += t), color: false };
    expect(await main(['node', 'agenda', 'build', input, '--format', 'md,html', '--out', disk], io)).toBe(0);
    const before = { md: readFileSync(join(disk, 'meeting.md')), html: readFileSync(join(disk, 'meeting.html')) };

    // Fill the disk but for room for the new Markdown, not for the HTML; then change
    // the definition so that both must be written again.
    const { bavail, bsize } = statfsSync(disk);
    const pages = (bytes: number) => Math.ceil(bytes / bsize);
    const room = (pages(before.md.length) + 1) * bsize;
    expect(pages(before.html.length)).toBeGreaterThan(1);
    writeFileSync(join(disk, 'filler'), Buffer.alloc(bavail * bsize - room));
    writeFileSync(input, exampleDefinition().replace('Vienna', 'Geneva'));
    err = '';
    expect(await main(['node', 'agenda', 'build', input, '--format', 'md,html', '--out', disk], io)).toBe(1);
    expect(err).toContain(`error cannot write in ${disk}: no space left on device (ENOSPC)\n`);
    expect(err).toContain('→ check that the output folder exists, is writable and has space');
    // Both formats of the previous build, not a new Markdown beside an old HTML.
    expect(readFileSync(join(disk, 'meeting.html')).equals(before.html)).toBe(true);
    expect(readFileSync(join(disk, 'meeting.md')).equals(before.md)).toBe(true);
    expect(readdirSync(disk).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
