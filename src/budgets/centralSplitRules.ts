/**
 * Who receives a project's central-budget (NSTW) funds:
 * - `'localities'`: provinces (*địa phương*);
 * - `'central-agencies'`: ministries and central agencies (*bộ, cơ quan trung ương*);
 * - `'reserved-scheme'`: the share of DA1 kept for the Scheme supporting some poor districts to
 *   escape poverty (DA1 TDA2, QĐ 880/QĐ-TTg).
 */
export type CentralSplitPart = 'localities' | 'central-agencies' | 'reserved-scheme';

/**
 * Every {@link CentralSplitPart}.
 * @example
 * CENTRAL_SPLIT_PARTS.filter((p) => QD_02_2022_CENTRAL_SPLITS.rules.some((r) => r.project === 'DA1' && r.part === p))
 * //=> ['localities', 'reserved-scheme']
 */
export const CENTRAL_SPLIT_PARTS: readonly CentralSplitPart[] = Object.freeze(['localities', 'central-agencies', 'reserved-scheme']);

/** One bound on a project's central funds: `part` gets at least / at most `percent` of them. */
export interface CentralSplitRule {
  /** Project code, e.g. `'DA1'`. */
  readonly project: string;
  readonly part: CentralSplitPart;
  readonly bound: 'at-least' | 'at-most';
  /** Percentage of the project's central funds, e.g. `'85'`. */
  readonly percent: string;
  /** The Vietnamese wording. */
  readonly termVi: string;
}

/** A versioned set of {@link CentralSplitRule}s. */
export interface CentralSplitRuleSet {
  readonly id: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly source: string;
  readonly rules: readonly CentralSplitRule[];
  /** Points not confirmed from the legal text, in plain English. */
  readonly unconfirmed: readonly string[];
}

/**
 * How QĐ 02/2022/QĐ-TTg splits the central funds of DA1 and DA2 between localities and the
 * centre: DA1 at least 85 % to localities and at most 15 % kept for the Scheme of DA1 TDA2
 * (QĐ 880/QĐ-TTg); DA2 at most 15 % to ministries and central agencies, at least 85 % to localities.
 *
 * @remarks UNCONFIRMED: from a district portal's summary of QĐ 02/2022 (Phú Lộc, 28/01/2022);
 * the splits of DA3–DA7 exist but were not retrieved, so they are absent here (a project without
 * rules is reported as unchecked, never as compliant).
 * @example
 * QD_02_2022_CENTRAL_SPLITS.rules.map((r) => `${r.project} ${r.part} ${r.bound} ${r.percent}`)
 * //=> ['DA1 localities at-least 85', 'DA1 reserved-scheme at-most 15', 'DA2 central-agencies at-most 15', 'DA2 localities at-least 85']
 * @see QĐ 02/2022/QĐ-TTg (18/01/2022), principles of allocating central funds per project.
 */
export const QD_02_2022_CENTRAL_SPLITS: CentralSplitRuleSet = Object.freeze({
  id: 'qd-02-2022-central-splits',
  effectiveFrom: '2022-01-18',
  effectiveTo: '2025-12-31',
  source: 'QĐ 02/2022/QĐ-TTg (18/01/2022), allocation of central funds per project (summary, Phú Lộc portal 28/01/2022)',
  rules: Object.freeze([
    Object.freeze({ project: 'DA1', part: 'localities' as const, bound: 'at-least' as const, percent: '85', termVi: 'phân bổ cho địa phương tối thiểu 85%' }),
    Object.freeze({ project: 'DA1', part: 'reserved-scheme' as const, bound: 'at-most' as const, percent: '15', termVi: 'tối đa 15% thực hiện Đề án hỗ trợ một số huyện nghèo thoát khỏi tình trạng nghèo' }),
    Object.freeze({ project: 'DA2', part: 'central-agencies' as const, bound: 'at-most' as const, percent: '15', termVi: 'bộ, cơ quan trung ương tối đa 15%' }),
    Object.freeze({ project: 'DA2', part: 'localities' as const, bound: 'at-least' as const, percent: '85', termVi: 'địa phương tối thiểu 85%' }),
  ]),
  unconfirmed: Object.freeze([
    'full text of QĐ 02/2022/QĐ-TTg not read: splits from a district portal summary',
    'splits for DA3–DA7 exist but were not retrieved',
    'effective dates (taken as the signing date 2022-01-18 to the end of the program period 2025-12-31)',
  ]),
});
