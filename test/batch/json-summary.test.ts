import { describe, expect, it } from 'vitest';
import type { JobResult } from '../../src/batch/job.js';
import { JsonSummary } from '../../src/batch/reporters.js';
import type { BatchSummary } from '../../src/batch/run-batch.js';

const summary = (over: Partial<BatchSummary> = {}): BatchSummary => ({ files: [], unmatched: [], base: '/w', built: 0, skipped: 0, failed: 0, notStarted: 0, seconds: 1.23456, workers: 0, ...over });
const built = (file: string): JobResult => ({ file, status: 'built', key: 'k', written: [file.replace('.yaml', '.md')], diagnostics: [] });

function written(json: JsonSummary, s: BatchSummary): { text: string; pieces: number } {
  let text = '';
  let pieces = 0;
  json.write(s, (t) => ((text += t), pieces++));
  return { text, pieces };
}

describe('the --json summary', () => {
  it('reads as JSON.stringify of the whole would write it, files sorted, paths relative', () => {
    const json = new JsonSummary('/w');
    json.add(built('/w/b.yaml'));
    json.add({ file: '/w/a.yaml', status: 'failed', written: [], diagnostics: [{ file: '/w/a.yaml', line: 2, column: 1, severity: 'error', code: 'yaml-syntax', message: 'm "quoted"', fix: { range: [0, 1], text: '' } } as never], error: { kind: 'unreadable', message: 'x', hint: 'h', at: { line: 1, column: 2 } } });
    const { text } = written(json, summary({ built: 1, failed: 1, unmatched: ['none/*.yaml'] }));
    const parsed = JSON.parse(text);
    expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(parsed).toEqual({
      built: 1, skipped: 0, failed: 1, stopped: 0, seconds: 1.235, workers: 0, unmatched: ['none/*.yaml'], configFiles: [],
      files: [
        { file: 'a.yaml', status: 'failed', outputs: [], diagnostics: [{ file: 'a.yaml', line: 2, column: 1, severity: 'error', code: 'yaml-syntax', message: 'm "quoted"' }], error: { kind: 'unreadable', message: 'x', hint: 'h', line: 1, column: 2 } },
        { file: 'b.yaml', status: 'built', outputs: ['b.md'], diagnostics: [] },
      ],
    });
  });

  it('writes what one JSON.stringify of the whole writes, text with line separators (U+2028) included', () => {
    const json = new JsonSummary('/w');
    const odd = 'a\u2028b\u2029c\nd';
    json.add({ file: `/w/${odd}.yaml`, status: 'failed', written: [], diagnostics: [{ file: `/w/${odd}.yaml`, line: 1, column: 1, severity: 'error', code: 'x', message: odd } as never] });
    const whole = {
      built: 0, skipped: 0, failed: 1, stopped: 0, seconds: 1.235, workers: 0, unmatched: [], configFiles: [],
      files: [{ file: `${odd}.yaml`, status: 'failed', outputs: [], diagnostics: [{ file: `${odd}.yaml`, line: 1, column: 1, severity: 'error', code: 'x', message: odd }] }],
    };
    expect(written(json, summary({ failed: 1 })).text).toBe(`${JSON.stringify(whole, null, 2)}\n`);
  });

  it('writes an empty list of files, and a large one in pieces', () => {
    const empty = written(new JsonSummary('/w'), summary({ notStarted: 3 }));
    expect(empty.text).toBe(`${JSON.stringify({ built: 0, skipped: 0, failed: 0, stopped: 3, seconds: 1.235, workers: 0, unmatched: [], configFiles: [], files: [] }, null, 2)}\n`);
    const json = new JsonSummary('/w');
    for (let i = 2999; i >= 0; i--) json.add(built(`/w/m${String(i).padStart(4, '0')}.yaml`));
    const large = written(json, summary({ built: 3000 }));
    expect(large.pieces).toBeGreaterThan(3);
    const files = JSON.parse(large.text).files.map((f: { file: string }) => f.file);
    expect(files).toHaveLength(3000);
    expect(files).toEqual([...files].sort());
  });
});
