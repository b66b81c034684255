/**
 * 0: all done cleanly; 1: errors in the definitions or the build; 2: bad usage, unreadable
 * input, bad configuration, an output folder that cannot be used or is in use by another
 * build; 128 + the signal's number when a signal stopped a build before the end, as shells
 * report it: 130 for Ctrl+C (SIGINT), 143 for SIGTERM (what a CI cancel or a service
 * manager sends), 129 for SIGHUP (a closed terminal).
 */
export const EXIT = { ok: 0, errors: 1, usage: 2, hangup: 129, interrupted: 130, terminated: 143 } as const;

/** The signals a build stops on after the files in hand, with the exit code each gives. */
export const STOP_SIGNALS = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated, SIGHUP: EXIT.hangup } as const;
export type StopSignal = keyof typeof STOP_SIGNALS;

/** The exit code of a build stopped by `reason` (an AbortSignal's): the signal's, or Ctrl+C's. */
export function stoppedExitCode(reason: unknown): number {
  return typeof reason === 'string' && Object.hasOwn(STOP_SIGNALS, reason) ? STOP_SIGNALS[reason as StopSignal] : EXIT.interrupted;
}
