import * as z from 'zod';

/**
 * A count of households as the target functions take it: a whole number ≥ 0, as a number or a
 * bigint (as `apportion` takes its total), read as a number; a bigint above
 * `Number.MAX_SAFE_INTEGER` is refused at its field, since the targets count in numbers. @internal
 * @example
 * householdCount.parse(10n) //=> 10
 */
export const householdCount = z.union([
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  z
    .bigint()
    .nonnegative()
    .max(BigInt(Number.MAX_SAFE_INTEGER), `a count of at most ${Number.MAX_SAFE_INTEGER} (Number.MAX_SAFE_INTEGER: the targets count in numbers)`)
    .transform((v) => Number(v)),
]);

