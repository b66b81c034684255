/** 0: all done cleanly; 1: errors in the definitions or the build; 2: bad usage, unreadable input, bad configuration. */
export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;
