/**
 * Seed 004 (Phong Thổ district, Lai Châu, plan for 2022, line 47): the capital the province
 * assigned for the year (QĐ 747/QĐ-UBND of 30/6/2022): total 82.075 triệu đồng, of which
 * investment 71.750 and recurrent 10.505. Checks total = investment + recurrent, with the
 * budget lines and with the `capital-by-type` layout, and lists the projects the plan funds
 * against the capital types the program structure records for them.
 */
import { budgetLines } from '../src/budgets/budgetLine.js';
import { budgetTotals } from '../src/budgets/budgetTotals.js';
import { requiredCounterpart } from '../src/budgets/requiredCounterpart.js';
import { parseCsv } from '../src/io/csv.js';
import { formatVnNumber } from '../src/numbers/formatVnNumber.js';
import { toDong, type Dong } from '../src/numbers/money.js';
import { parseVnNumber } from '../src/numbers/parseVnNumber.js';
import { findProgramComponent, NTP_SPRR_2021_2025 } from '../src/program/programStructure.js';
import { formatReconcileReport } from '../src/reconcile/formatReconcileReport.js';
import { tableFromLayout } from '../src/layouts.js';
import { reconcileTable } from '../src/reconcile/reconcileTable.js';

/** Line 47, as printed. */
const LINE_47 = { total: '82.075 triệu đồng', investment: '71.750 triệu đồng', recurrent: '10.505 triệu đồng' };

/** Components the plan funds, each "Vốn và nguồn vốn: Ngân sách trung ương" (lines 49–218). */
const FUNDED = ['DA1.TDA1', 'DA2', 'DA3.TDA1', 'DA4.TDA1', 'DA4.TDA2', 'DA4.TDA3', 'DA6.TDA2', 'DA7.TDA1', 'DA7.TDA2'];

const CSV = `item,investment,recurrent,total
Kế hoạch vốn năm 2022 (QĐ 747/QĐ-UBND ngày 30/6/2022),71.750,10.505,82.075
`;

const M = 1_000_000n;
const amount = (text: string): Dong => {
  const p = parseVnNumber(text, { kind: 'amount' });
  return toDong(p.value, p.unit === 'trieu' ? 'trieu' : 'dong');
};
const tr = (d: Dong, decimals = 0): string => formatVnNumber({ num: d, den: M }, { decimals, rounding: 'half-up' });

/** The report printed by `npm run example`. */
export function report(): string {
  const out: string[] = ['Seed 004 — Phong Thổ 2022: program capital by type (triệu đồng)'];
  const lines = budgetLines([
    { amount: amount(LINE_47.investment), source: 'central', capitalType: 'investment', adminUnit: 'Phong Thổ', year: 2022 },
    { amount: amount(LINE_47.recurrent), source: 'central', capitalType: 'recurrent', adminUnit: 'Phong Thổ', year: 2022 },
  ]);
  const byType = budgetTotals(lines, { by: ['capitalType'] });
  const printedTotal = amount(LINE_47.total);
  for (const g of byType.groups) out.push(`  ${String(g.key.capitalType).padEnd(12)} ${tr(g.total).padStart(7)}`);
  out.push(`  ${'sum'.padEnd(12)} ${tr(byType.total).padStart(7)}`);
  out.push(`  ${'printed'.padEnd(12)} ${tr(printedTotal).padStart(7)}  → ${byType.total === printedTotal ? 'adds up' : `does not add up: the parts exceed the total by ${tr(byType.total - printedTotal)}`}`);
  out.push('  one reading that adds up: investment 71.570 (digits 5 and 7 swapped) + 10.505 = 82.075; the plan does not say which figure is wrong.');

  out.push('', '  the same check with the capital-by-type layout (vn-poverty reconcile FILE --layout capital-by-type --unit trieu):');
  const report = reconcileTable(tableFromLayout('capital-by-type', parseCsv(CSV), { options: { unit: 'trieu' }, source: 'seed004-capital-2022.csv' }));
  out.push(...formatReconcileReport(report, { source: 'seed004-capital-2022.csv' }).split('\n').map((l) => `    ${l}`));

  out.push('', '  components funded (all central budget) and the capital types QĐ 90 data records for them:');
  for (const code of FUNDED) {
    const c = findProgramComponent(NTP_SPRR_2021_2025, code);
    out.push(`    ${code.padEnd(9)} ${c === undefined ? '(unknown)' : `${c.capitalTypes.join(' + ').padEnd(22)} (${c.capitalConfidence})`}`);
  }

  out.push('', '  counterpart: the plan lists central money only. Were Lai Châu in the 3 % tier (support share ≥ 70 %, not stated):');
  for (const [label, central] of [['printed total', printedTotal], ['sum of types', byType.total]] as const) {
    const r = requiredCounterpart(central, { supportPercent: '70', rounding: 'ceil', roundTo: 'trieu', year: 2022 });
    const exact = formatVnNumber({ num: r.exactMinimum.num, den: r.exactMinimum.den * M }, { decimals: 2, rounding: 'half-up' });
    out.push(`    on the ${label} ${tr(central)}: at least ${exact} → ${tr(r.minimum)} rounded up (ceil)`);
  }
  return out.join('\n');
}
