/**
 * Where the money of a budget line comes from (*nguồn vốn*).
 *
 * - `'central'`: the central budget, *ngân sách trung ương* (NSTW).
 * - `'provincial'`: the local budget, *ngân sách địa phương*, at any local level (province,
 *   district, commune), including the counterpart funds (*vốn đối ứng*) that QĐ 02/2022/QĐ-TTg
 *   requires. Plans print it as *ngân sách tỉnh* or *ngân sách địa phương*.
 * - `'other'`: other lawful mobilisation, *vốn huy động hợp pháp khác* (enterprises, donors,
 *   community and beneficiaries' contributions).
 * - `'integrated'`: funds integrated from other programmes and projects, *vốn lồng ghép* (2026–2035
 *   programme: ≈ 360,000 tỷ đồng for 2026–2030).
 * - `'policy-credit'`: policy credit, *vốn tín dụng chính sách* (through the Bank for Social
 *   Policies; 2026–2035 programme: ≈ 23,000 tỷ đồng for 2026–2030, counted in the state budget total).
 *
 * @see QĐ 90/QĐ-TTg (18/01/2022), Part IV (central, local, other); NQ 257/2025/QH15 and
 *   QĐ 417/QĐ-BNNMT (2026–2035: integrated funds and policy credit; SECONDARY, press reports).
 */
export type BudgetSource = 'central' | 'provincial' | 'other' | 'integrated' | 'policy-credit';

/**
 * Every {@link BudgetSource}: the three sources of the 2021–2025 programme in the order plans print
 * their columns, then the two the 2026–2035 programme adds.
 * @example
 * BUDGET_SOURCES //=> ['central', 'provincial', 'other', 'integrated', 'policy-credit']
 */
export const BUDGET_SOURCES: readonly BudgetSource[] = Object.freeze(['central', 'provincial', 'other', 'integrated', 'policy-credit']);

/**
 * Vietnamese names of the sources, as plans print them.
 * @example
 * BUDGET_SOURCE_LABELS_VI.central //=> 'Ngân sách trung ương'
 * BUDGET_SOURCE_LABELS_VI.integrated //=> 'Vốn lồng ghép'
 * @see QĐ 90/QĐ-TTg, Part IV; NQ 257/2025/QH15.
 */
export const BUDGET_SOURCE_LABELS_VI: Readonly<Record<BudgetSource, string>> = Object.freeze({
  central: 'Ngân sách trung ương',
  provincial: 'Ngân sách địa phương',
  other: 'Vốn huy động hợp pháp khác',
  integrated: 'Vốn lồng ghép',
  'policy-credit': 'Vốn tín dụng chính sách',
});
