/**
 * One tier of the counterpart-fund rule: the minimum local counterpart, as a percentage of
 * the central-budget support for the Program, for provinces whose share of central-budget
 * support falls in `[fromSupportPercent, belowSupportPercent)`, or for the provinces named.
 */
export interface CounterpartTier {
  /** Inclusive lower bound of the support share, in percent; null for no lower bound. */
  readonly fromSupportPercent: string | null;
  /** Exclusive upper bound of the support share, in percent; null for no upper bound. */
  readonly belowSupportPercent: string | null;
  /** Provinces this tier applies to whatever their support share (checked before the share bands). */
  readonly namedProvinces: readonly string[];
  /** Minimum counterpart as a percentage of the central support, e.g. `'10'`. */
  readonly minCounterpartPercent: string;
  /** The Vietnamese wording of the tier. */
  readonly termVi: string;
}

/** A versioned set of counterpart tiers (one program period). */
export interface CounterpartRuleSet {
  /** Stable id, e.g. `'qd-02-2022'`. */
  readonly id: string;
  /** First day the rule applies (ISO date). */
  readonly effectiveFrom: string;
  /** Last day the rule applies (ISO date), or null when open-ended. */
  readonly effectiveTo: string | null;
  /** Document and article. */
  readonly source: string;
  /** The Vietnamese term for the counterpart funds. */
  readonly term: string;
  /** Tiers; named-province tiers are applied first, then the first share band that holds. */
  readonly tiers: readonly CounterpartTier[];
  /** Points of the rule that could not be confirmed from the legal text, in plain English. */
  readonly unconfirmed: readonly string[];
}

/**
 * The counterpart tiers of QĐ 02/2022/QĐ-TTg (18/01/2022) for the National Target Program for
 * Sustainable Poverty Reduction 2021–2025: each year a province puts in from its own budget at
 * least 3 %, 10 % or 15 % of the central-budget support for the Program, depending on the share
 * of central-budget support it receives (≥ 70 %; 50 % to < 70 %; < 50 %), and Quảng Ngãi and
 * Quảng Nam at least 15 % whatever their share.
 *
 * @remarks UNCONFIRMED: the full text of QĐ 02/2022 could not be read; the tiers come from a
 * district portal's summary (Phú Lộc, Thừa Thiên Huế, 28/01/2022). Unconfirmed are the
 * definition of the support share and the year it is taken from (give it as an input); whether
 * the ratio applies to investment and recurrent capital separately or combined; the effective
 * dates (here the signing date and the end of the program period); how the named provinces
 * apply after the 2025 merger of provinces. Override with your own {@link CounterpartRuleSet}
 * when you have the text.
 * @example
 * QD_02_2022_COUNTERPART_RULES.tiers.map((t) => t.minCounterpartPercent) //=> ['15', '3', '10', '15']
 * @see QĐ 02/2022/QĐ-TTg (18/01/2022), principles of central allocation and local counterpart ratios.
 */
export const QD_02_2022_COUNTERPART_RULES: CounterpartRuleSet = Object.freeze({
  id: 'qd-02-2022',
  effectiveFrom: '2022-01-18',
  effectiveTo: '2025-12-31',
  source: 'QĐ 02/2022/QĐ-TTg (18/01/2022), counterpart ratio of local budgets (summary, Phú Lộc portal 28/01/2022)',
  term: 'vốn đối ứng của ngân sách địa phương',
  tiers: Object.freeze([
    Object.freeze({
      fromSupportPercent: null,
      belowSupportPercent: null,
      namedProvinces: Object.freeze(['Quảng Ngãi', 'Quảng Nam']),
      minCounterpartPercent: '15',
      termVi: 'tỉnh Quảng Ngãi, Quảng Nam: tối thiểu 15%',
    }),
    Object.freeze({
      fromSupportPercent: '70',
      belowSupportPercent: null,
      namedProvinces: Object.freeze([]),
      minCounterpartPercent: '3',
      termVi: 'địa phương nhận hỗ trợ từ NSTW từ 70% trở lên: tối thiểu 3%',
    }),
    Object.freeze({
      fromSupportPercent: '50',
      belowSupportPercent: '70',
      namedProvinces: Object.freeze([]),
      minCounterpartPercent: '10',
      termVi: 'địa phương nhận hỗ trợ từ NSTW từ 50% đến dưới 70%: tối thiểu 10%',
    }),
    Object.freeze({
      fromSupportPercent: null,
      belowSupportPercent: '50',
      namedProvinces: Object.freeze([]),
      minCounterpartPercent: '15',
      termVi: 'địa phương nhận hỗ trợ từ NSTW dưới 50%: tối thiểu 15%',
    }),
  ]),
  unconfirmed: Object.freeze([
    'full text of QĐ 02/2022/QĐ-TTg not read: tiers from a district portal summary',
    'definition of the support share (denominator) and the year it is taken from',
    'whether the ratio applies to investment and recurrent capital separately or combined',
    'effective dates (taken as the signing date 2022-01-18 to the end of the program period 2025-12-31)',
    'how the named provinces (Quảng Ngãi, Quảng Nam) apply after the 2025 merger of provinces',
  ]),
});

/**
 * Every counterpart rule set the library knows, newest last.
 * @example
 * COUNTERPART_RULE_SETS.map((r) => r.id) //=> ['qd-02-2022']
 */
export const COUNTERPART_RULE_SETS: readonly CounterpartRuleSet[] = Object.freeze([QD_02_2022_COUNTERPART_RULES]);
