/**
 * Seed 003 (Phước Hải ward, Nha Trang, plan for 2023), section I.2, lines 23–24: the same goal
 * stated twice — “Tỷ lệ hộ nghèo đa chiều giảm từ 0,17 – 0,2%/năm” and “phấn đấu giảm 10 hộ
 * nghèo”. Expresses both forms in each other and finds the ward sizes for which they agree.
 */
import { convertTarget, evaluateTarget, formatVnNumber, fractionToDecimal, impliedBase, targetFromText, type Fraction } from '../src/index.js';

const RANGE_TEXT = 'Tỷ lệ hộ nghèo đa chiều giảm từ 0,17 – 0,2%/năm.';
const COUNT_TEXT = 'Đến cuối năm 2023, phấn đấu giảm 10 hộ nghèo theo chuẩn nghèo đa chiều.';

const dec = (f: Fraction, d: number): string => formatVnNumber(fractionToDecimal(f), { decimals: d, rounding: 'half-up' });

/** The report printed by `npm run example`. */
export function report(): string {
  const range = targetFromText(RANGE_TEXT, { subject: 'poor' });
  const count = targetFromText(COUNT_TEXT, { subject: 'poor' });
  if (range.form !== 'range' || count.form !== 'count') throw new Error('unexpected target forms');
  const lines = [
    'Seed 003 — Phước Hải 2023: one goal, two forms',
    `  “${RANGE_TEXT}” → ${dec(range.low, 2)} – ${dec(range.high, 2)} percentage points`,
    `  “${COUNT_TEXT}” → ${count.households} households`,
    '',
    `  They agree when the ward has ${dec(impliedBase(count.households, range.high), 0)} – ${dec(impliedBase(count.households, range.low), 0)} households`,
    '  (10 households are 0,2 points of 5.000 households and 0,17 points of 5.882).',
    '',
    '  households   range in households (exact)   10 households in points   10 meets the range?',
  ];
  for (const households of [4000, 5000, 5500, 5882, 5883, 7000]) {
    const base = { households, poor: 0, nearPoor: 0 };
    const c = convertTarget(range, base);
    const e = evaluateTarget(range, base, count.households);
    const points = convertTarget(count, base).low.points;
    const verdict = !e.met ? 'no, below 0,17' : e.aboveRange ? 'beyond 0,2' : 'yes';
    lines.push(`  ${formatVnNumber(households, { decimals: 0 }).padStart(10)}   ${`${dec(c.low.households, 2)} – ${dec(c.high.households, 2)}`.padStart(27)}   ${dec(points, 3).padStart(23)}   ${verdict}`);
  }
  return lines.join('\n');
}
