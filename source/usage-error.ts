// A mistake in the command line: told in one line, with exit status 2.

export class UsageError extends Error {}
