import * as z from 'zod';
import { Decimal } from '../_internal/_decimal.js';
import { fail, VnPovertyError, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import { DONG_PER_UNIT, MONEY_UNITS, toDong, type Dong, type MoneyUnit } from '../numbers/money.js';
import { ROUNDING_MODES, type RoundingMode } from '../numbers/rounding.js';

/** zod schema of an amount as given by a caller: bigint, finite number, decimal string or Decimal. */
export const amountInputSchema = z.union([
  z.bigint(),
  z.number().refine((n) => Number.isFinite(n), 'a finite number'),
  z.string().regex(/^\s*-?\d+([.,]\d+)?\s*$/, 'a plain decimal number such as "2293", "68.8" or "68,8"'),
  z.custom<Decimal>((v) => Decimal.isDecimal(v) && (v as Decimal).isFinite(), 'a finite Decimal'),
]);

/** zod schema of a money unit. */
export const moneyUnitSchema = z.enum(MONEY_UNITS as unknown as [MoneyUnit, ...MoneyUnit[]]);

/** zod schema of a rounding mode. */
export const roundingSchema = z.enum(ROUNDING_MODES as unknown as [RoundingMode, ...RoundingMode[]]);

/** An amount as a caller may give it. */
export type AmountInput = bigint | number | string | Decimal;

/** Re-throws an error of the library with `prefix` put in front of every issue's path. */
export function withPathPrefix<T>(prefix: ReadonlyArray<string | number>, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof VnPovertyError)) throw error;
    if (prefix.length === 0) throw error;
    const issues = error.issues.map((i): VnIssue => ({ ...i, path: [...prefix, ...i.path], message: `${prefix.join('.')}${i.path.length > 0 ? '.' : ': '}${i.message}` }));
    throw new VnPovertyError(issues as unknown as VnIssues);
  }
}

/**
 * Converts an amount in `unit` to đồng (a string may mark decimals with `,`; a string with one `.`
 * before three digits under a unit other than đồng is refused as `ambiguous-separator`); the path of any issue is put after `prefix` (the amount itself is at `[...prefix, 'amount']`).
 */
export function amountToDong(amount: AmountInput, unit: MoneyUnit, rounding: RoundingMode | undefined, prefix: ReadonlyArray<string | number>): Dong {
  // fast path for whole amounts: exact without going through fractions
  if (typeof amount === 'bigint') return amount * DONG_PER_UNIT[unit];
  if (typeof amount === 'number' && Number.isSafeInteger(amount)) return BigInt(amount) * DONG_PER_UNIT[unit];
  if (typeof amount === 'string') {
    const lone = /^\s*(-?\d+)\.(\d{3})\s*$/.exec(amount);
    if (lone && unit !== 'dong') {
      // "2.293" may be 2293 (a thousands mark) or 2,293 (a decimal point): refused, as parseVnNumber refuses it
      return fail({
        code: 'ambiguous-separator',
        path: [...prefix, 'amount'],
        value: amount,
        expected: `an amount in ${unit} without a lone "." before three digits (a thousands mark or a decimal point): write "${amount.trim()}" as ${lone[1]}${lone[2]} or "${lone[1]},${lone[2]}"`,
      });
    }
    if (amount.includes(',')) return withPathPrefix(prefix, () => toDong(amount.trim().replace(',', '.'), unit, rounding === undefined ? {} : { rounding }));
  }
  return withPathPrefix(prefix, () => toDong(amount, unit, rounding === undefined ? {} : { rounding }));
}
