// Loads the interface without Node's HTTP client. Ink lays out with Yoga, whose WebAssembly loader
// reads its own bytes (a base64 data: URL) with `fetch` whenever `fetch` exists, and the first use
// of `fetch` loads undici, Node's whole HTTP client: 45–70 ms of every start. With `fetch` hidden
// while Ink loads, the loader decodes the same bytes itself. Sync still gets `fetch`, loaded when
// it first asks for it.

/** Runs `load` with `globalThis.fetch` absent, then puts it back exactly as it was. */
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
	// The descriptor, not the value: reading `fetch` is what loads undici.
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!descriptor?.configurable) return load();
	Reflect.deleteProperty(globalThis, 'fetch');
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', descriptor);
	}
}
