/**
 * Where the money of a budget line comes from (*nguồn vốn*).
 *
 * - `'central'`: the central budget, *ngân sách trung ương* (NSTW).
 * - `'provincial'`: the local budget, *ngân sách địa phương*, at any local level (province,
 *   district, commune), including the counterpart funds (*vốn đối ứng*) that QĐ 02/2022/QĐ-TTg
 *   requires. Plans print it as *ngân sách tỉnh* or *ngân sách địa phương*.
 * - `'other'`: other lawful mobilisation, *vốn huy động hợp pháp khác* (enterprises, donors,
 *   beneficiaries' contributions).
 *
 * @see QĐ 90/QĐ-TTg (18/01/2022), Part IV (funding of the Program: central, local, other).
 */
export type BudgetSource = 'central' | 'provincial' | 'other';

/**
 * Every {@link BudgetSource}, in the order plans print their columns.
 * @example
 * BUDGET_SOURCES //=> ['central', 'provincial', 'other']
 */
export const BUDGET_SOURCES: readonly BudgetSource[] = Object.freeze(['central', 'provincial', 'other']);

/**
 * Vietnamese names of the sources, as plans print them.
 * @example
 * BUDGET_SOURCE_LABELS_VI.central //=> 'Ngân sách trung ương'
 * @see QĐ 90/QĐ-TTg, Part IV.
 */
export const BUDGET_SOURCE_LABELS_VI: Readonly<Record<BudgetSource, string>> = Object.freeze({
  central: 'Ngân sách trung ương',
  provincial: 'Ngân sách địa phương',
  other: 'Vốn huy động hợp pháp khác',
});
