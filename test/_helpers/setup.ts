import fc from 'fast-check';

/**
 * Every property runs at least 1,000 times. Set FC_SEED to replay a failure,
 * FC_NUM_RUNS to run more.
 */
// Note: a property callback must not return the value of `expect(...)` (fast-check reads a returned false as failure).
const seed = process.env['FC_SEED'];
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? '1000');
fc.configureGlobal({
  numRuns: Number.isSafeInteger(numRuns) && numRuns >= 1000 ? numRuns : 1000,
  ...(seed !== undefined ? { seed: Number(seed) } : {}),
});
