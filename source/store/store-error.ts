// The error the saved state raises, apart from the store so that the command line can tell it
// without loading conf.

/** The saved state cannot be written (or read): `reason` says why in a few words. */
export class StoreError extends Error {
	constructor(readonly reason: string) {
		super(`cannot save in the state folder: ${reason}`);
	}
}
