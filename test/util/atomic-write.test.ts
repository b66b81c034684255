import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../src/util/atomic-write.js';

describe('writeFilesAtomic', () => {
  it('replaces every file, and leaves no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-atomic-'));
    writeFileSync(join(dir, 'a.md'), 'old');
    writeFilesAtomic([
      [join(dir, 'a.md'), 'new a'],
      [join(dir, 'b.pdf'), new Uint8Array([37, 80, 68, 70])],
    ]);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('new a');
    expect([...readFileSync(join(dir, 'b.pdf'))]).toEqual([37, 80, 68, 70]);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.pdf']);
  });

  it('changes nothing when one file cannot be written, and removes its temporaries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-atomic-'));
    writeFileSync(join(dir, 'a.md'), 'old');
    // A folder where the second file should go: its rename fails after both temporaries are written.
    mkdirSync(join(dir, 'b.html'));
    writeFileSync(join(dir, 'b.html', 'inside'), 'x');
    expect(() =>
      writeFilesAtomic([
        [join(dir, 'b.html'), 'new b'],
        [join(dir, 'a.md'), 'new a'],
      ]),
    ).toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.html']);
  });
});
