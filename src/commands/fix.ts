/**
 * `agenda check --fix` over files on the disk: the core's fixer (core/fix.ts), writing
 * through the path the user named.
 */
import type { CheckOptions } from '../core/check.js';
import { fixDefinition, type FixOutcome } from '../core/fix.js';
import { nodeFileSystem } from '../core/fs.js';
import { Session } from '../core/session.js';
import type { FileIdentity } from '../util/atomic-write.js';

export { fixSource, MAX_FIX_PASSES, type AppliedFix, type FixOutcome, type FixPlan, type SkippedFix } from '../core/fix.js';

/**
 * Applies every certain fix to a file and writes it back (see fixDefinition); `write`
 * stands in for the disk's write (a test's refusal).
 */
export async function fixFile(file: string, options: CheckOptions = {}, write?: (path: string, data: string, expected?: FileIdentity) => void): Promise<FixOutcome> {
  const session = new Session(write ? { fs: { ...nodeFileSystem, write: (path, data, expected) => write(path, data as string, expected as FileIdentity) } } : {});
  return fixDefinition(session, file, options);
}
