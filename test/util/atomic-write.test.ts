import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { random } from '../../bench/generate.js';
import { main } from '../../src/cli.js';
import { FileChangedError, removeStaleTemporaries, temporaryPath, writeFilesAtomic, writeFileThrough } from '../../src/util/atomic-write.js';

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

  it('puts the previous files back when a later rename fails, and removes the new ones that had none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-atomic-'));
    writeFileSync(join(dir, 'a.md'), 'old a');
    const before = statSync(join(dir, 'a.md')).ino;
    mkdirSync(join(dir, 'c.pdf')); // the last rename fails
    expect(() =>
      writeFilesAtomic([
        [join(dir, 'a.md'), 'new a'],
        [join(dir, 'b.html'), 'new b'],
        [join(dir, 'c.pdf'), 'new c'],
      ]),
    ).toThrow(/EISDIR/);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('old a');
    // The previous file itself, not a copy of it.
    expect(statSync(join(dir, 'a.md')).ino).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'c.pdf']);
  });

  it('leaves no second name behind when a path is listed twice and a later rename fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-atomic-'));
    writeFileSync(join(dir, 'a.md'), 'old a');
    mkdirSync(join(dir, 'c.pdf'));
    expect(() =>
      writeFilesAtomic([
        [join(dir, 'a.md'), 'one'],
        [join(dir, 'a.md'), 'two'],
        [join(dir, 'c.pdf'), 'x'],
      ]),
    ).toThrow(/EISDIR/);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('old a');
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'c.pdf']);
  });

  it('keeps a copy of the previous file where the file system makes no hard links', async () => {
    vi.resetModules();
    vi.doMock('node:fs', async (original) => {
      const fs = await original<typeof import('node:fs')>();
      const linkSync = () => {
        throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
      };
      return { ...fs, default: { ...fs, linkSync }, linkSync };
    });
    try {
      const { writeFilesAtomic: withoutLinks } = await import('../../src/util/atomic-write.js');
      const dir = mkdtempSync(join(tmpdir(), 'agenda-atomic-'));
      writeFileSync(join(dir, 'a.md'), 'old a');
      mkdirSync(join(dir, 'b.pdf'));
      expect(() =>
        withoutLinks([
          [join(dir, 'a.md'), 'new a'],
          [join(dir, 'b.pdf'), 'new b'],
        ]),
      ).toThrow(/EISDIR/);
      expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('old a');
      expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.pdf']);
      withoutLinks([
        [join(dir, 'a.md'), 'new a'],
        [join(dir, 'c.html'), 'new c'],
      ]);
      expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('new a');
      expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.pdf', 'c.html']);
    } finally {
      vi.doUnmock('node:fs');
      vi.resetModules();
    }
  });

  it("removes a previous file's second name that a killed build left", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-atomic-'));
    const kept = basename(temporaryPath(join(dir, 'a.md'), 'old')).replace(`.${process.pid}.`, '.999999999.');
    writeFileSync(join(dir, kept), 'old a');
    writeFileSync(join(dir, 'a.md'), 'new a');
    await removeStaleTemporaries(dir);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });
});

describe('temporary names', () => {
  it.each([
    ['a 245-character name', `${'m'.repeat(240)}.yaml`],
    ['a 255-byte name', `${'m'.repeat(250)}.yaml`],
    ['a name of 2-byte characters', `${'é'.repeat(120)}.pdf`],
    ['a name of 4-byte characters', `${'𝕏'.repeat(62)}.md`],
  ])('fit NAME_MAX (255 bytes) for %s, and are found again as stale temporaries', async (_, name) => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-atomic-'));
    const temporary = basename(temporaryPath(join(dir, name)));
    expect(Buffer.byteLength(temporary)).toBeLessThanOrEqual(255);
    expect(temporary).toMatch(new RegExp(`^\\..+\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
    expect(temporary).not.toMatch(/\uFFFD/); // cut at a character boundary
    // One left by a process that is gone is recognised and removed.
    const stale = temporary.replace(`.${process.pid}.`, '.999999999.');
    writeFileSync(join(dir, stale), 'x');
    await removeStaleTemporaries(dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keep temporaries of two long names with the same beginning apart', () => {
    const a = basename(temporaryPath(`/x/${'m'.repeat(250)}.a`));
    const b = basename(temporaryPath(`/x/${'m'.repeat(250)}.b`));
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  it('let writeFilesAtomic write a file with a 245-character name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-atomic-'));
    const name = `${'m'.repeat(242)}.md`;
    writeFilesAtomic([[join(dir, name), 'text']]);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('let agenda build write the outputs of a definition with a 245-character name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-atomic-'));
    const stem = 'm'.repeat(240);
    writeFileSync(join(dir, `${stem}.yaml`), readFileSync(new URL('../../examples/minimal.yaml', import.meta.url)));
    let output = '';
    const io = { out: (t: string) => (output += t), err: (t: string) => (output += t), color: false };
    const code = await main(['node', 'agenda', 'build', join(dir, `${stem}.yaml`), '--format', 'md', '--out', join(dir, 'out')], io);
    expect([code, output]).toEqual([0, `wrote ${join(dir, 'out', `${stem}.md`)}\n`]);
    expect(readdirSync(join(dir, 'out'))).toContain(`${stem}.md`);
  });
});

describe('writeFileThrough', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'agenda-through-'));

  it('rewrites the target of a link chain and keeps the links', () => {
    const dir = folder();
    writeFileSync(join(dir, 'target.yaml'), 'old');
    symlinkSync('target.yaml', join(dir, 'one.yaml'));
    symlinkSync(join(dir, 'one.yaml'), join(dir, 'two.yaml'));
    writeFileThrough(join(dir, 'two.yaml'), 'new');
    expect(lstatSync(join(dir, 'two.yaml')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'one.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.yaml'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['one.yaml', 'target.yaml', 'two.yaml']);
  });

  it('refuses a file it may not write (made read-only), and leaves it as it was', async () => {
    const dir = folder();
    const file = join(dir, 'ro.yaml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o444);
    const denied = () => {
      throw Object.assign(new Error(`EACCES: permission denied, access '${file}'`), { code: 'EACCES', syscall: 'access', path: file });
    };
    // As root every file may be written: the refusal is the access check's, asked here of a stand-in.
    vi.resetModules();
    vi.doMock('node:fs', async (original) => {
      const fs = await original<typeof import('node:fs')>();
      const accessSync = (path: string, mode?: number) => (mode === fs.constants.W_OK ? denied() : fs.accessSync(path, mode));
      return { ...fs, default: { ...fs, accessSync }, accessSync };
    });
    try {
      const { writeFileThrough: guarded } = await import('../../src/util/atomic-write.js');
      expect(() => guarded(file, 'new')).toThrow(/EACCES/);
    } finally {
      vi.doUnmock('node:fs');
      vi.resetModules();
    }
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['ro.yaml']);
    // Not as root, the real check says the same.
    if (process.getuid?.() !== 0) expect(() => writeFileThrough(file, 'new')).toThrow(/EACCES/);
  });

  it('keeps the mode, and replaces the file atomically (a new inode) when it has one link', () => {
    const file = join(folder(), 'm.yaml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    const before = statSync(file);
    writeFileThrough(file, 'new');
    const after = statSync(file);
    expect([after.mode & 0o7777, after.uid, after.gid]).toEqual([0o640, before.uid, before.gid]);
    expect(after.ino).not.toBe(before.ino);
  });

  it('writes in place, shorter or longer, when the file has several hard links', () => {
    const dir = folder();
    const file = join(dir, 'm.yaml');
    writeFileSync(file, 'a long previous content');
    linkSync(file, join(dir, 'n.yaml'));
    const inode = statSync(file).ino;
    writeFileThrough(file, 'short');
    expect(readFileSync(join(dir, 'n.yaml'), 'utf8')).toBe('short');
    writeFileThrough(join(dir, 'n.yaml'), 'a content longer than the previous one');
    expect(readFileSync(file, 'utf8')).toBe('a content longer than the previous one');
    expect([statSync(file).ino, statSync(file).nlink]).toEqual([inode, 2]);
    expect(readdirSync(dir).sort()).toEqual(['m.yaml', 'n.yaml']);
  });

  it('writes in place, with the copy of the previous content in the system temporary folder, when the folder refuses new files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-through-'));
    const file = join(dir, 'm.yaml');
    writeFileSync(file, 'old content');
    chmodSync(file, 0o644);
    const ino = statSync(file).ino;
    // As root every folder is writable: a folder that refuses new files is stood in for.
    const made: string[] = [];
    const create = (path: string) => {
      if (dirname(path) === dir) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', syscall: 'open', path });
      made.push(path);
      const fd = openSync(path, 'wx', 0o600);
      expect(readFileSync(file, 'utf8')).toBe('old content'); // the copy is taken before the file is touched
      return fd;
    };
    writeFileThrough(file, 'new', undefined, { create });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).ino).toBe(ino); // in place: no rename was possible
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(made).toHaveLength(1);
    expect(dirname(made[0]!)).toBe(tmpdir());
    expect(existsSync(made[0]!)).toBe(false); // removed once the new content is on disk
    expect(readdirSync(dir)).toEqual(['m.yaml']);
  });

  it('refuses to write when the file is not the one that was read', () => {
    const file = join(folder(), 'm.yaml');
    writeFileSync(file, 'old');
    const st = statSync(file);
    const identity = { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
    writeFileSync(file, 'changed by someone');
    expect(() => writeFileThrough(file, 'new', identity)).toThrow(FileChangedError);
    expect(readFileSync(file, 'utf8')).toBe('changed by someone');
  });
});

describe('writeFileThrough killed while it writes a file with two hard links in place', () => {
  it('leaves the previous content or the new one, or else the previous content in a copy beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agenda-through-kill-'));
    const file = join(dir, 'm.yaml');
    const other = join(dir, 'n.yaml');
    const a = 'a'.repeat(2 << 20);
    const b = 'b'.repeat(3 << 19);
    writeFileSync(file, a);
    linkSync(file, other);
    // The built module (npm run build), in a process that rewrites the file, b and a in turn, until killed.
    const module = new URL('../../dist/util/atomic-write.js', import.meta.url).href;
    const script = `const { writeFileThrough } = await import(${JSON.stringify(module)});
      const a = 'a'.repeat(2 << 20), b = 'b'.repeat(3 << 19);
      process.stdout.write('ready');
      for (let i = 0; ; i++) writeFileThrough(${JSON.stringify(file)}, i % 2 ? a : b);`;
    const rnd = random(7);
    for (let attempt = 0; attempt < 3; attempt++) {
      await new Promise<void>((done) => {
        const child = spawn('node', ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
        child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), 5 + rnd() * 60));
        child.on('exit', () => done());
      });
      const now = readFileSync(file, 'utf8');
      const copies = readdirSync(dir).filter((n) => n.endsWith('.bak'));
      if (now !== a && now !== b) {
        // Killed in the middle of the write: the copy holds the whole previous content.
        expect(copies, `attempt ${attempt}`).toHaveLength(1);
        expect([a, b]).toContain(readFileSync(join(dir, copies[0]!), 'utf8'));
      }
      for (const copy of copies) rmSync(join(dir, copy));
      expect(statSync(other).ino).toBe(statSync(file).ino); // the links hold
    }
  }, 30_000);
});
