import type { BudgetLineInput } from '../../src/budgets/budgetLine.js';

/**
 * Seed 001 (Tịnh Biên town, An Giang, plan for 2024), "Vốn và nguồn vốn" of each project,
 * in triệu đồng, all recurrent capital (vốn sự nghiệp):
 * DA2 lines 185–188, DA3 TDA1 lines 245–249, DA4 TDA1 lines 305–309, DA6 TDA2 lines 379–382,
 * DA7 TDA1 lines 407–410, DA7 TDA2 lines 441–445 ("19 đồng" at line 445 is a typo for 19 triệu),
 * program total lines 451–457.
 */
export const SEED001_PROJECTS: ReadonlyArray<{ readonly project: string; readonly central: number; readonly provincial: number; readonly total: number; readonly line: number }> = [
  { project: 'DA2', central: 2293, provincial: 229, total: 2522, line: 185 },
  { project: 'DA3.TDA1', central: 948, provincial: 95, total: 1043, line: 245 },
  { project: 'DA4.TDA1', central: 1100, provincial: 110, total: 1210, line: 305 },
  { project: 'DA6.TDA2', central: 139, provincial: 14, total: 153, line: 379 },
  { project: 'DA7.TDA1', central: 311, provincial: 31, total: 342, line: 407 },
  { project: 'DA7.TDA2', central: 187, provincial: 19, total: 206, line: 441 },
];

/** Seed 001 lines 451–457: program total 5.476, central 4.978, provincial 498, other 0 (triệu đồng). */
export const SEED001_TOTALS = { total: 5476, central: 4978, provincial: 498, other: 0 } as const;

export const MILLION = 1_000_000n;

/** Seed 001 as budget line inputs (central and provincial lines, triệu đồng). */
export function seed001LineInputs(): BudgetLineInput[] {
  return SEED001_PROJECTS.flatMap((p) => [
    { amount: p.central, unit: 'trieu' as const, source: 'central' as const, capitalType: 'recurrent' as const, project: p.project, adminUnit: 'Tịnh Biên', year: 2024 },
    { amount: p.provincial, unit: 'trieu' as const, source: 'provincial' as const, capitalType: 'recurrent' as const, project: p.project, adminUnit: 'Tịnh Biên', year: 2024 },
  ]);
}
