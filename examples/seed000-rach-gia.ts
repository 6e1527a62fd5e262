/**
 * Seed 000 (Rạch Giá city, plan for 2023), section I.1, lines 23–27: poor and near-poor rates
 * printed with their household counts (“1,95%, (tương đương 139 hộ)”) but without the number of
 * households they are rates of. Works out which bases each (count, rate) pair allows and flags
 * the pairs no common base can satisfy.
 */
import { formatVnNumber, inferCommonBase, reconcileTable, type CountRatePair, type PrintedTable } from '../src/index.js';

/** The pairs as printed, grouped by the moment they describe (same households within a group). */
const GROUPS: ReadonlyArray<{ readonly title: string; readonly pairs: readonly CountRatePair[] }> = [
  {
    title: 'July 2022, all households (lines 23, 25)',
    pairs: [
      { label: 'poor “1,5% (697 hộ)”', count: 697, rate: '1,5%' },
      { label: 'near-poor “0,57% (343 hộ)”', count: 343, rate: '0,57%' },
    ],
  },
  {
    title: 'end of 2022 (estimate), all households (line 27)',
    pairs: [
      { label: 'poor “1,06% (642 hộ)”', count: 642, rate: '1,06%' },
      { label: 'near-poor “0,63% (382 hộ)”', count: 382, rate: '0,63%' },
    ],
  },
  {
    title: 'ethnic-minority households, July and end of 2022 (lines 23, 25, 27)',
    pairs: [
      { label: 'poor, July “1,95% (139 hộ)”', count: 139, rate: '1,95%' },
      { label: 'near-poor, July “0,93% (66 hộ)”', count: 66, rate: '0,93%' },
      { label: 'poor, end “1,87% (133 hộ)”', count: 133, rate: '1,87%' },
      { label: 'near-poor, end “1,01% (72 hộ)”', count: 72, rate: '1,01 %' },
    ],
  },
  {
    title: 'July and end of 2022 together (if the households barely changed)',
    pairs: [
      { label: 'poor, July', count: 697, rate: '1,5%' },
      { label: 'near-poor, July', count: 343, rate: '0,57%' },
      { label: 'poor, end', count: 642, rate: '1,06%' },
      { label: 'near-poor, end', count: 382, rate: '0,63%' },
    ],
  },
];

const vn = (n: number): string => formatVnNumber(n, { decimals: 0 });

/** The report printed by `npm run example`. */
export function report(): string {
  const lines = ['Seed 000 — Rạch Giá 2023 plan: which household totals do the printed rates imply? (half-up rounding)'];
  for (const group of GROUPS) {
    const r = inferCommonBase(group.pairs, { rounding: 'half-up' });
    lines.push('', `  ${group.title}`);
    for (const p of r.pairs) {
      const bases = p.bases === null ? 'no base prints this rate' : `${vn(p.bases.min)} – ${p.bases.max === null ? '∞' : vn(p.bases.max)} households`;
      lines.push(`    ${p.fits ? ' ' : '✗'} ${p.label.padEnd(34)} ${bases}`);
    }
    if (r.common !== null) lines.push(`    → consistent: a common base of ${vn(r.common.min)} – ${r.common.max === null ? '∞' : vn(r.common.max)} households`);
    else if (r.best === null) lines.push(`    → NO common base, and no majority: the pairs contradict each other (${r.outliers.join('; ')})`);
    else lines.push(`    → NO common base. Most pairs agree on ${vn(r.best.min)} – ${r.best.max === null ? '∞' : vn(r.best.max)}; does not fit: ${r.outliers.join('; ')}`);
  }
  lines.push(
    '',
    '  Reading: “1,5%” for 697 poor households needs 44.968 – 48.068 households, but every other',
    '  figure of the city points to about 60.300 – 60.700. 697 of 60.500 households is 1,15 %:',
    '  the printed 1,5 % is most likely 1,15 % with a digit lost.',
  );
  // line 51: a result and an approximate estimate, each as a share of a plan the text does not print
  const jobs = (estimate: string): PrintedTable => ({
    columns: [{ key: 'people', kind: 'count' }, { key: 'of_plan', kind: 'rate' }],
    rows: [
      { key: '7 months', label: '7 tháng: 4.952 lượt người, 99,04% kế hoạch', cells: { people: '4.952', of_plan: '99,04%' } },
      { key: 'year', label: `cả năm: ${estimate} lượt người, 112% kế hoạch`, cells: { people: estimate, of_plan: '112%' } },
    ],
    relations: [{ type: 'common-base', count: 'people', rate: 'of_plan', scale: 100, rounding: 'half-up' }],
  });
  const asPrinted = reconcileTable(jobs('khoảng 5.600'));
  const changed = reconcileTable(jobs('khoảng 6.600'));
  lines.push(
    '',
    '  Jobs (line 51): “4.952 lượt người, đạt 99,04% so với kế hoạch” and “khoảng 5.600 lượt người, đạt 112% kế hoạch”',
    `    → ${asPrinted.issues.length === 0 ? 'consistent: both fit one plan (4.952 ÷ 99,04 % and 5.550–5.650 ÷ 112 % meet at 5.000)' : 'NO common plan'}`,
    `    had it printed “khoảng 6.600”: ${changed.issues[1]?.message ?? 'consistent'}`,
  );
  return lines.join('\n');
}
