import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referencePath, sharedReferencePath } from '../helpers/reference.js';

describe('the copy of the reference document', () => {
  it('is there, so that a clean clone runs the reference tests', () => {
    expect(existsSync(referencePath)).toBe(true);
  });
  it.skipIf(!existsSync(sharedReferencePath))('is the same text as shared/reference', () => {
    expect(readFileSync(referencePath, 'utf8')).toBe(readFileSync(sharedReferencePath, 'utf8'));
  });
});
