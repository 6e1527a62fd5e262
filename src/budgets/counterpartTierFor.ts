import type { ExactInput } from '../numbers/fraction.js';
import { pickTier, resolveCounterpartOptions } from './_counterpart.js';
import type { CounterpartRuleSet, CounterpartTier } from './counterpartRules.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link counterpartTierFor}. */
export interface CounterpartTierOptions {
  /**
   * The province's share of central-budget support, in percent from 0 to 100 (e.g. `'72.5'`).
   * @remarks UNCONFIRMED: which aggregate and which year QĐ 02/2022 uses; give the figure you are bound by.
   */
  readonly supportPercent: ExactInput;
  /** The province's name (e.g. `'Quảng Nam'`, with or without `tỉnh`), for tiers that name provinces. */
  readonly province?: string;
  /** The rule set; QĐ 02/2022/QĐ-TTg when left out. */
  readonly rules?: CounterpartRuleSet;
  /** The budget year; when given it must fall within the rule set's effective dates. */
  readonly year?: number;
}

/**
 * The counterpart tier that applies to a province: a named-province tier first, otherwise the
 * band of its share of central-budget support (≥ 70 % → 3 %; 50 % to < 70 % → 10 %;
 * < 50 % → 15 % under QĐ 02/2022). Exactly 70 % is in the 3 % band, exactly 50 % in the 10 % band.
 *
 * @param options - the support share in percent, the province, the rule set and the year
 * @returns the tier (frozen data of the rule set)
 * @throws VnPovertyError `out-of-range` for a share outside 0–100, `invalid-number` for NaN or garbage,
 *   `invalid-input` for a malformed rule set, `rule-not-in-force` for a year outside the rule set,
 *   `no-counterpart-tier` when no tier covers the share.
 * @example
 * counterpartTierFor({ supportPercent: '70' }).minCounterpartPercent //=> '3'
 * counterpartTierFor({ supportPercent: '80', province: 'tỉnh Quảng Nam' }).minCounterpartPercent //=> '15'
 * @remarks UNCONFIRMED: the tiers come from a summary of QĐ 02/2022 (see {@link QD_02_2022_COUNTERPART_RULES}).
 * @see QĐ 02/2022/QĐ-TTg (18/01/2022), local counterpart ratio.
 */
export function counterpartTierFor(options: CounterpartTierOptions): CounterpartTier {
  assertOptions(options, 'counterpartTierFor', true);
  return pickTier(resolveCounterpartOptions(options));
}
