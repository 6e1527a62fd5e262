/**
 * Seed 001 (Tịnh Biên town, An Giang, plan for 2024), section III "Vốn và nguồn vốn" of each
 * project and section 6 "Kinh phí thực hiện Chương trình" (lines 185–459): the budget by project,
 * central and provincial, all recurrent capital, in triệu đồng.
 *
 * Reproduces the provincial column as 10 % of the central column rounded half-up to the million
 * per line, finds which percentages would reproduce it, compares per-line and on-total rounding,
 * checks the counterpart against the QĐ 02/2022 tiers, allocates the central total over four
 * communes by criteria, and reconciles the table as printed (with its "19 đồng" typo).
 */
import { allocateByCriteria, formatAllocation } from '../src/budgets/allocateByCriteria.js';
import { budgetLines } from '../src/budgets/budgetLine.js';
import { budgetTotals } from '../src/budgets/budgetTotals.js';
import { checkCounterpart } from '../src/budgets/checkCounterpart.js';
import { counterpartPercentRange } from '../src/budgets/counterpartPercentRange.js';
import { deriveCounterpart } from '../src/budgets/deriveCounterpart.js';
import { parseCsv } from '../src/io/csv.js';
import { compareFractions, roundFraction, type Fraction } from '../src/numbers/fraction.js';
import { formatVnNumber } from '../src/numbers/formatVnNumber.js';
import { type Dong } from '../src/numbers/money.js';
import { formatReconcileReport } from '../src/reconcile/formatReconcileReport.js';
import { tableFromLayout } from '../src/layouts.js';
import { reconcileTable } from '../src/reconcile/reconcileTable.js';

/** Central and provincial budget per project as the plan prints them (triệu đồng), with the plan's line. */
const PLAN = [
  { project: 'DA2', central: 2293, provincial: 229, line: 187 },
  { project: 'DA3.TDA1', central: 948, provincial: 95, line: 247 },
  { project: 'DA4.TDA1', central: 1100, provincial: 110, line: 307 },
  { project: 'DA6.TDA2', central: 139, provincial: 14, line: 381 },
  { project: 'DA7.TDA1', central: 311, provincial: 31, line: 409 },
  { project: 'DA7.TDA2', central: 187, provincial: 19, line: 443 }, // printed "19 đồng" (line 445)
] as const;
const PRINTED_TOTALS = { central: 4978, provincial: 498, total: 5476 }; // lines 451–455

/** The attached table laid out for `vn-poverty reconcile --layout budget-by-project`, as printed (with "19 đồng"). */
const AS_PRINTED_CSV = `stt,item,role,central (triệu đồng),provincial (triệu đồng),other (triệu đồng),total (triệu đồng)
1,"Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo",project,2.293,229,-,2.522
2,"Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng",project,948,95,-,1.043
2.1,Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp,sub-project,948,95,-,1.043
3,"Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững",project,1.100,110,-,1.210
3.1,Tiểu dự án 1: Phát triển giáo dục nghề nghiệp,sub-project,1.100,110,-,1.210
4,Dự án 6: Truyền thông và giảm nghèo về thông tin,project,139,14,-,153
4.2,Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều,sub-project,139,14,-,153
5,"Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình",project,498,50,-,548
5.1,Tiểu dự án 1: Nâng cao năng lực thực hiện Chương trình,sub-project,311,31,-,342
5.2,"Tiểu dự án 2: Giám sát, đánh giá",sub-project,187,19 đồng,-,206
,Tổng cộng,total,4.978,498,0,5.476
`;

const M = 1_000_000n;
const tr = (d: Dong): string => formatVnNumber(d / M, { decimals: 0 });
const pct = (f: Fraction, decimals = 2): string => formatVnNumber(roundFraction(f, decimals, 'half-up'), { decimals });
const exactTr = (f: Fraction, decimals = 1): string => formatVnNumber(roundFraction({ num: f.num, den: f.den * M }, decimals, 'half-up'), { decimals });

/** The report printed by `npm run example`. */
export function report(): string {
  const out: string[] = ['Seed 001 — Tịnh Biên 2024: budget by project (triệu đồng, vốn sự nghiệp)'];
  const lines = budgetLines(
    PLAN.map((p) => ({ amount: p.central, unit: 'trieu' as const, source: 'central' as const, capitalType: 'recurrent' as const, project: p.project, adminUnit: 'Tịnh Biên', year: 2024 })),
  );
  const central = lines.map((l) => l.amount);
  const derived = deriveCounterpart(central, { percent: '10', roundTo: 'trieu', rounding: 'half-up', strategy: 'per-line' });

  out.push('', '1. Provincial budget = 10 % of central, rounded half-up to the million per line');
  out.push(`  ${'project'.padEnd(10)} ${'central'.padStart(7)} ${'10 % exact'.padStart(10)} ${'derived'.padStart(7)} ${'printed'.padStart(7)}  line`);
  PLAN.forEach((p, i) => {
    const d = derived.lines[i]!;
    out.push(
      `  ${p.project.padEnd(10)} ${tr(central[i]!).padStart(7)} ${exactTr(derived.exact[i]!).padStart(10)} ${tr(d).padStart(7)} ${String(p.provincial).padStart(7)}  ${p.line}${d === BigInt(p.provincial) * M ? '  ✓' : '  ✗'}`,
    );
  });
  out.push(`  ${'total'.padEnd(10)} ${tr(derived.centralTotal).padStart(7)} ${exactTr(derived.exactTotal).padStart(10)} ${tr(derived.total).padStart(7)} ${String(PRINTED_TOTALS.provincial).padStart(7)}  451–455`);
  out.push(`  program total: central ${tr(derived.centralTotal)} + provincial ${tr(derived.total)} = ${tr(derived.grandTotal)} (printed ${formatVnNumber(PRINTED_TOTALS.total, { decimals: 0 })})`);
  const provincial = budgetLines(
    PLAN.map((p, i) => ({ amount: derived.lines[i]!, source: 'provincial' as const, capitalType: 'recurrent' as const, project: p.project, adminUnit: 'Tịnh Biên', year: 2024 })),
  );
  const totals = budgetTotals([...lines, ...provincial], { by: ['parentProject'] });
  out.push(`  by project: ${totals.groups.map((g) => `${g.key.parentProject} ${tr(g.total)}`).join(', ')}`);

  out.push('', '2. Which ratio? Every percentage that reproduces the printed column line by line');
  const printed = PLAN.map((p) => BigInt(p.provincial) * M);
  const ten = { num: 10n, den: 1n };
  for (const rounding of ['half-up', 'half-even', 'down', 'ceil'] as const) {
    const { range } = counterpartPercentRange(central, printed, { roundTo: 'trieu', rounding });
    const holdsTen =
      range !== null &&
      (compareFractions(ten, range.low) > 0 || (range.lowInclusive && compareFractions(ten, range.low) === 0)) &&
      (range.high === null || compareFractions(ten, range.high) < 0 || (range.highInclusive && compareFractions(ten, range.high) === 0));
    out.push(
      `  ${rounding.padEnd(9)}: ${range === null ? 'no percentage at all' : `${range.lowInclusive ? '[' : '('}${pct(range.low, 4)} %; ${range.high === null ? '∞' : `${pct(range.high, 4)} %`}${range.highInclusive ? ']' : ')'}`}${range === null ? '' : holdsTen ? ' — contains 10 %' : ' — not 10 %'}`,
    );
  }
  out.push('  → 10 % rounded to nearest (half-up; half-even gives the same here: no line ends in ,5) reproduces every line;');
  out.push('    truncation reproduces it at no ratio, rounding up only at ratios between 9,94 % and 9,97 %.');

  out.push('', '3. Per line or on the total?');
  out.push(`  per line ${tr(derived.perLine.total)}, on the total ${tr(derived.onTotal.total)} (exact ${exactTr(derived.exactTotal)}): difference ${tr(derived.difference)}`);
  const floor = deriveCounterpart(central, { percent: '10', roundTo: 'trieu', rounding: 'ceil', strategy: 'per-line' });
  out.push(`  rounding up (ceil) per line would give ${tr(floor.total)}: never below the exact 10 %, at a cost of ${exactTr({ num: floor.total * floor.exactTotal.den - floor.exactTotal.num, den: floor.exactTotal.den })} triệu`);

  out.push('', '4. Counterpart against the QĐ 02/2022 tiers (An Giang’s support share is not in the plan: each tier shown)');
  for (const supportPercent of ['75', '60', '40']) {
    const c = checkCounterpart({ central: derived.centralTotal, counterpart: derived.total }, { supportPercent, year: 2024 });
    out.push(
      `  share ${supportPercent.padStart(2)} % → tier ${c.tier.minCounterpartPercent.padStart(2)} %: minimum ${exactTr(c.exactMinimum, 2)}, planned ${tr(c.counterpart)} (${pct(c.actualPercent!, 3)} %) ${c.ok ? 'ok' : `short by ${formatVnNumber(c.shortfall, { decimals: 0 })} đồng`}`,
    );
  }

  out.push('', '5. The central total allocated over four communes by criteria (poor × 2 + near-poor × 1, start of 2024, lines 123–136)');
  const allocation = allocateByCriteria(derived.centralTotal, [
    { id: 'Nhà Bàng', criteria: { poor: 18, nearPoor: 95 } },
    { id: 'Tịnh Biên', criteria: { poor: 23, nearPoor: 40 } },
    { id: 'Văn Giáo', criteria: { poor: 139, nearPoor: 11 } },
    { id: 'An Cư', criteria: { poor: 195, nearPoor: 32 } },
  ], { coefficients: { poor: 2, nearPoor: 1 }, step: 'trieu' });
  out.push(...formatAllocation(allocation, { unit: 'trieu', decimals: 2, rounding: 'half-up' }).split('\n').map((l) => `  ${l}`));
  out.push('  (illustration: the plan does not allocate by commune; QĐ 02/2022’s own criteria are UNCONFIRMED)');

  out.push('', '6. The table as printed, reconciled (layout budget-by-project; "19 đồng" at line 445)');
  const table = tableFromLayout('budget-by-project', parseCsv(AS_PRINTED_CSV), { source: 'seed001-budget.csv' });
  out.push(...formatReconcileReport(reconcileTable(table), { source: 'seed001-budget.csv' }).split('\n').map((l) => `  ${l}`));
  return out.join('\n');
}
