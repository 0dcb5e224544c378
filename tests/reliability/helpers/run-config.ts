/**
 * Size and seed of a reliability run. CI-sized by default; `RELIABILITY_LONG=1` (or `npm run test:reliability --
 * --long`) runs the long mode. One seed drives every random choice of a test file, so a failure is reproduced with
 * `RELIABILITY_SEED=<seed> npm run test:reliability`.
 */
export const LONG = process.env.RELIABILITY_LONG === '1';

function readSeed(): number {
  const raw = process.env.RELIABILITY_SEED;
  if (raw === undefined || raw === '') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`RELIABILITY_SEED must be an integer, got ${raw}`);
  return seed;
}

export const SEED = readSeed();

/** Appended to assertion messages so a failing expectation names its seed. */
export const seedMsg = (what: string): string =>
  `${what} [reproduce: RELIABILITY_SEED=${SEED}${LONG ? ' RELIABILITY_LONG=1' : ''}]`;

/** Picks the CI or the long figure. */
export const size = <T>(ci: T, long: T): T => (LONG ? long : ci);
