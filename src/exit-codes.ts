/**
 * 0: all done cleanly; 1: errors in the definitions or the build; 2: bad usage, unreadable
 * input, bad configuration; 130: stopped by Ctrl+C before the end (128 + SIGINT, as shells report it).
 */
export const EXIT = { ok: 0, errors: 1, usage: 2, interrupted: 130 } as const;
