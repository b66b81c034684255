import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import { FORMAT_NAMES } from '../../src/render/formats.js';

export interface CaseOutcome {
  code: number;
  crashed: boolean;
  output: string;
}

/** Runs `agenda build` on one input through the real CLI entry point, all formats. */
export async function runCase(source: string | Buffer): Promise<CaseOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'agenda-fuzz-'));
  try {
    const file = join(dir, 'meeting.yaml');
    writeFileSync(file, source);
    let output = '';
    const io = { out: (t: string) => (output += t), err: (t: string) => (output += t), color: false };
    const code = await main(['node', 'agenda', 'build', file, '--format', FORMAT_NAMES.join(','), '--out', join(dir, 'out')], io);
    const crashed = /internal error|\n\s+at /.test(output) || ![0, 1, 2].includes(code);
    return { code, crashed, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
