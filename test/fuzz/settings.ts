/**
 * How hard the fuzz suites push: a fixed seed and a bounded number of runs in `npm test` (a few minutes at most);
 * `npm run fuzz` sets FUZZ_RUNS (and may set FUZZ_SEED) for a longer search. A failure prints the seed and the path
 * that reproduce it.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 0);
const seed = process.env.FUZZ_SEED === undefined ? 20261207 : Number(process.env.FUZZ_SEED);

/** fast-check parameters for a property whose CI size is `ci` runs. */
export function fuzzParams(ci: number): { seed: number; numRuns: number; endOnFailure: true } {
  return { seed, numRuns: runs > 0 ? Math.max(ci, Math.round((ci * runs) / 100)) : ci, endOnFailure: true };
}
