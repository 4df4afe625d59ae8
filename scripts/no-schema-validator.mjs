// Stands in for ajv and ajv-formats in the bundle. conf imports them at its top to check a store
// against a JSON schema, but ficterm gives conf no schema (its entries are checked by valibot, one
// at a time, so that a bad one is set aside rather than failing the whole store): loading and
// compiling ajv's 440 kB cost every start that reads the store for nothing.
function refuse() {
	throw new Error('ficterm bundles no JSON schema validator: conf was given a schema');
}

export class Ajv2020 {
	constructor() {
		refuse();
	}
}

export default {default: refuse};
