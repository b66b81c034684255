import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../src/core/fs.js';
import { Session } from '../../src/core/session.js';
import { checkDefinition } from '../../src/core/check.js';
import { UnreadableInputError } from '../../src/load/source.js';
import { exampleDefinition, itemsWithAnnotation } from '../../src/rules/example-definition.js';

const definition = exampleDefinition({ items: itemsWithAnnotation('Some 70 percent of the reviews.') });

describe('a Session', () => {
  it('reads and parses a configuration once while it is unchanged, and resolves the rules once per profile', () => {
    const fs = new MemoryFileSystem({ '/p/m.yaml': definition, '/p/.git': '', '/p/agenda.config.yaml': 'rules:\n  per-cent: warning\n' });
    let reads = 0;
    const counting = Object.assign(Object.create(fs) as MemoryFileSystem, { read: (path: string) => (reads++, fs.read(path)) });
    const session = new Session({ fs: counting });
    const first = session.configFor('/p/m.yaml', undefined);
    const again = session.configFor('/p/m.yaml', undefined);
    expect(first.path).toBe('/p/agenda.config.yaml');
    expect(again.config).toBe(first.config);
    expect(reads).toBe(1);
    expect(session.rulesFor('generic', first.config)).toBe(session.rulesFor('generic', again.config));
    expect(session.rulesFor('generic', first.config)).not.toBe(session.rulesFor('generic', undefined));
    expect(checkDefinition(session, '/p/m.yaml').diagnostics.find((d) => d.code === 'AG028')?.severity).toBe('warning');
  });

  it('reads a configuration again once its file changed, and looks again for one after invalidate', () => {
    const fs = new MemoryFileSystem({ '/p/m.yaml': definition, '/p/package.json': '{}' });
    const session = new Session({ fs });
    const severity = () => checkDefinition(session, '/p/m.yaml').diagnostics.find((d) => d.code === 'AG028')?.severity;
    expect(session.configFor('/p/m.yaml', undefined).path).toBeUndefined();
    const before = severity();
    expect(before).toBeDefined();
    fs.set('/p/.agendarc.yaml', 'rules:\n  AG028: off\n');
    expect(severity()).toBe(before); // the folder's search is remembered ...
    session.invalidate(['/p/.agendarc.yaml']);
    expect(severity()).toBeUndefined(); // ... until a watcher says a file was saved
    fs.set('/p/.agendarc.yaml', 'rules:\n  AG028: info\n');
    expect(severity()).toBe('info'); // an edit is seen without being told
  });

  it('reports a configuration that cannot be read as a diagnostic, and a definition that cannot be as UnreadableInputError', () => {
    const fs = new MemoryFileSystem({ '/p/m.yaml': definition });
    const session = new Session({ fs });
    const config = session.configFor('/p/m.yaml', '/p/missing.yaml');
    expect(config.diagnostics[0]?.message).toBe('cannot read the configuration: file not found');
    expect(() => checkDefinition(session, '/p/none.yaml', { config: false })).toThrow(UnreadableInputError);
    expect(() => checkDefinition(session, '/p', { config: false })).toThrow('is a folder, not a file');
  });
});
