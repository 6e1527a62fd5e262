/**
 * Numbers as plans print them: seed 000 (Rạch Giá city, plan for 2023), section III.1.1,
 * preferential loans by household group. Parses the Vietnamese figures, adds them up
 * exactly, and checks them against the printed totals.
 */
import { apportion, formatVnNumber, parseVnNumber, sumDong, toDong, type Dong } from '../src/index.js';

const LOANS = [
  { group: 'Hộ nghèo (poor)', amount: '14.045.000.000 đồng', households: '582' },
  { group: 'Hộ cận nghèo (near-poor)', amount: '7.245.000.000 đồng', households: '404' },
  { group: 'Hộ mới thoát nghèo (recently escaped)', amount: '47.440.000.000 đồng', households: '2.121' },
] as const;
const PRINTED_TOTAL = { amount: '68.730.000.000 đồng', households: '3.107' };
const LATER_FIGURE = 'trên 68,8 tỷ đồng'; // line 53: "cho 3.111 hộ … vay trên 68,8 tỷ đồng"

function amountInDong(text: string): Dong {
  const p = parseVnNumber(text, { kind: 'amount' });
  if (p.unit === null || p.unit === 'percent' || p.unit === 'household' || p.unit === 'person') throw new Error(`no money unit in ${text}`);
  return toDong(p.value, p.unit);
}
const households = (text: string): number => parseVnNumber(text, { kind: 'count' }).value.toNumber();
const vn = (n: bigint | number): string => formatVnNumber(n, { decimals: 0 });

/** The report printed by `npm run example`. */
export function report(): string {
  const lines = ['Seed 000 — Rạch Giá 2023 plan: preferential loans (section III.1.1)'];
  for (const l of LOANS) lines.push(`  ${l.group.padEnd(40)} ${vn(amountInDong(l.amount)).padStart(16)} đồng  ${vn(households(l.households)).padStart(6)} hộ`);
  const total = sumDong(LOANS.map((l) => amountInDong(l.amount)));
  const count = LOANS.reduce((a, l) => a + households(l.households), 0);
  const printed = amountInDong(PRINTED_TOTAL.amount);
  const printedCount = households(PRINTED_TOTAL.households);
  lines.push(`  ${'sum of the groups'.padEnd(40)} ${vn(total).padStart(16)} đồng  ${vn(count).padStart(6)} hộ`);
  lines.push(`  ${'printed total'.padEnd(40)} ${vn(printed).padStart(16)} đồng  ${vn(printedCount).padStart(6)} hộ`);
  lines.push(`  → amounts ${total === printed ? 'add up' : `differ by ${vn(total - printed)} đồng`}; households ${count === printedCount ? 'add up' : `differ by ${count - printedCount}`}`);
  const later = parseVnNumber(LATER_FIGURE);
  lines.push(
    `  line 53 prints “${LATER_FIGURE}”: ${later.qualifier?.meaning} ${vn(toDong(later.value, 'ty'))} đồng — the qualifier is kept, so it is not mistaken for the exact total (${vn(printed)}).`,
  );
  const shares = apportion(total, LOANS.map((l) => households(l.households)));
  lines.push('  the total shared in proportion to borrowers (largest remainder, parts add up exactly):');
  LOANS.forEach((l, i) => lines.push(`    ${l.group.padEnd(38)} ${vn(shares.parts[i]!).padStart(16)} đồng`));
  return lines.join('\n');
}
