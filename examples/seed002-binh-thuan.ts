/**
 * Seed 002 (Bình Thuận province, plan for 2024), section II.1, line 29: “Giảm tỷ lệ hộ nghèo toàn
 * tỉnh 0,42%”, split by locality in an appendix that is not included. The plan gives no household
 * total, so the target is expressed per base: what 0,42 points means in households and as a
 * share of the poor, for a few provincial sizes.
 */
import { convertTarget, formatVnNumber, fractionToDecimal, targetFromText, type Fraction } from '../src/index.js';

const TEXT = 'Giảm tỷ lệ hộ nghèo toàn tỉnh 0,42% theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025';
/** Illustrative bases (the plan states none): households and a start-of-year poor rate. */
const BASES = [
  { households: 100_000, poorRate: 2 },
  { households: 350_000, poorRate: 2 },
  { households: 350_000, poorRate: 1 },
] as const;

const dec = (f: Fraction, d: number): string => formatVnNumber(fractionToDecimal(f), { decimals: d, rounding: 'half-up' });

/** The report printed by `npm run example`. */
export function report(): string {
  const target = targetFromText(TEXT, { subject: 'poor' });
  const lines = [`Seed 002 — Bình Thuận 2024: “${TEXT}”`, `  read as: ${target.form === 'points' ? `${dec(target.points, 2)} percentage points of the poor rate` : target.form}`, ''];
  lines.push('  households (base)   poor at start   households out (exact / whole)   share of the poor');
  for (const b of BASES) {
    const poor = (b.households * b.poorRate) / 100;
    const c = convertTarget(target, { households: b.households, poor, nearPoor: 0 });
    lines.push(
      `  ${formatVnNumber(b.households, { decimals: 0 }).padStart(17)}   ${`${formatVnNumber(poor, { decimals: 0 })} (${b.poorRate} %)`.padStart(13)}   ${`${dec(c.low.households, 1)} / ${formatVnNumber(c.low.householdsNeeded, { decimals: 0 })}`.padStart(30)}   ${`${dec(c.low.share!, 3)}`.padStart(17)}`,
    );
  }
  lines.push(
    '',
    '  0,42 points is 42 households per 10.000, whatever the poor count; as a share of the poor it',
    '  depends on the start rate (21 % of the poor at a 2 % rate, 42 % at 1 %). Bases are illustrative:',
    '  the plan prints none, and its per-locality split is in an appendix not included.',
  );
  return lines.join('\n');
}
