// fast-check settings: a fixed seed, so that CI runs are repeatable; FICTERM_FUZZ_SEED=random (or a
// number) explores further, and a failure prints the seed to replay it.

const setting = process.env['FICTERM_FUZZ_SEED'];

export function fuzzRuns(numRuns: number): {numRuns: number; seed?: number} {
	if (setting === 'random') return {numRuns};
	return {numRuns, seed: setting ? Number(setting) : 20_261_124};
}
