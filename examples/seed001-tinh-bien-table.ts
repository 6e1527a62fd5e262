/**
 * Seed 001 (Tịnh Biên town, plan for 2024), section I.3.c, lines 116–137: the per-commune target
 * table, transcribed as printed, reconciled with the `commune-targets` preset; then the plan's
 * headline targets (lines 73 and 80) evaluated against its own planned exits.
 */
import {
  COMMUNE_TARGETS_COLUMNS,
  evaluatePlan,
  formatReconcileReport,
  formatVnNumber,
  fractionToDecimal,
  reconcileTable,
  reductionTarget,
  splitTarget,
  tableFromLayout,
  type Fraction,
} from '../src/index.js';

/** Lines 121–137, cell for cell (row numbers as printed: 11 twice, no 12). */
const ROWS: readonly (readonly string[])[] = [
  ['I', 'Thành thị', 'subtotal', '16.194', '113', '0,70', '8', '0,05', '105', '0,65', '412', '2,54', '34', '0,21', '378', '2,33'],
  ['1', 'Nhà Bàng', 'unit', '3.339', '18', '0,54', '1', '0,03', '17', '0,51', '95', '2,85', '5', '0,15', '90', '2,70'],
  ['2', 'Tịnh Biên', 'unit', '3.750', '23', '0,61', '1', '0,03', '22', '0,59', '40', '1,07', '1', '0,03', '39', '1,04'],
  ['3', 'Chi Lăng', 'unit', '1.831', '7', '0,38', '1', '0,05', '6', '0,33', '38', '2,08', '2', '0,11', '36', '1,97'],
  ['4', 'Nhon Hưng', 'unit', '1.657', '7', '0,42', '1', '0,06', '6', '0,36', '21', '1,27', '1', '0,06', '20', '1,21'],
  ['5', 'An Phú', 'unit', '2.348', '38', '1,62', '1', '0,04', '37', '1,58', '58', '2,47', '5', '0,21', '53', '2,56'],
  ['6', 'Thới Sơn', 'unit', '2.073', '6', '0,29', '1', '0,05', '5', '0,24', '99', '4,78', '15', '0,72', '84', '4,05'],
  ['7', 'Núi Voi', 'unit', '1.196', '14', '1,17', '2', '0,17', '12', '1,00', '61', '5,10', '5', '0,42', '56', '4,68'],
  ['II', 'Nông thôn', 'subtotal', '14.325', '649', '4,53', '146', '1,02', '503', '3,51', '311', '2,17', '61', '0,43', '250', '1,75'],
  ['8', 'Tân Lập', 'unit', '1.375', '28', '2,04', '2', '0,15', '26', '1,89', '28', '2,04', '3', '0,22', '25', '1,82'],
  ['9', 'Tân Lợi', 'unit', '2.154', '44', '2,04', '1', '0,05', '43', '1,99', '98', '4,55', '25', '1,16', '73', '3,39'],
  ['10', 'Văn Giáo', 'unit', '1.660', '139', '8,37', '50', '3,01', '89', '5,36', '11', '0,66', '8', '0,66', '3', '0,18'],
  ['11', 'Vĩnh Trung', 'unit', '2.213', '44', '1,99', '1', '0,05', '43', '1,94', '28', '1,27', '1', '1,27', '27', '1,22'],
  ['13', 'An Nông', 'unit', '1.006', '28', '2,78', '1', '0,10', '27', '2,68', '19', '1,89', '1', '0,10', '18', '1,79'],
  ['14', 'An Hào', 'unit', '3.393', '171', '5,04', '38', '1,12', '133', '3,92', '95', '2,80', '11', '0,32', '84', '2,48'],
  ['11', 'An Cư', 'unit', '2.524', '195', '7,73', '53', '2,10', '142', '5,63', '32', '1,27', '12', '0,48', '20', '0,79'],
  ['', 'Tổng', 'total', '30.519', '762', '2,50', '154', '0,50', '608', '1,99', '723', '2,37', '95', '0,31', '628', '2,06'],
];

const pts = (f: Fraction): string => formatVnNumber(fractionToDecimal(f), { decimals: 2, rounding: 'half-up' });
const hh = (f: Fraction): string => formatVnNumber(fractionToDecimal(f), { decimals: 1, rounding: 'half-up' });

/** The report printed by `npm run example`. */
export function report(): string {
  const table = tableFromLayout('commune-targets', [COMMUNE_TARGETS_COLUMNS, ...ROWS]);
  const lines = ['Seed 001 — Tịnh Biên 2024: the per-commune target table (lines 116–137)', ''];
  lines.push(...formatReconcileReport(reconcileTable(table), { source: 'table' }).split('\n').map((l) => `  ${l}`));
  lines.push(
    '',
    '  Every subtotal and the grand total add up, and every “remaining = start − exits” holds.',
    '  Three printed rates match no rounding of their count: two near-poor exit rates repeat the',
    '  start rate, and An Phú’s 2,56 % should be 2,26 %. Tân Lợi’s 1,99 % is 2,04 − 0,05 (rounded',
    '  rates subtracted) where 43 ÷ 2.154 gives 2,00 %. The row numbers skip 12 and repeat 11',
    '  (no commune is missing from the totals: the printed units add up to them).',
  );

  const base = { households: 30519, poor: 762, nearPoor: 723 };
  const [poor, fifth, md] = evaluatePlan({ base, exits: { poor: 154, nearPoor: 95 } }, [
    reductionTarget({ form: 'points', subject: 'poor', points: '0.8' }),
    reductionTarget({ form: 'share', subject: 'poor-and-near-poor', share: { num: 1n, den: 5n } }),
    reductionTarget({ form: 'points', subject: 'poor-and-near-poor', points: '0.8' }),
  ]);
  lines.push('', 'Headline targets against the plan’s own exits (154 poor, 95 near-poor; 30.519 households):');
  lines.push(`  “giảm 0,8%” read as the poor rate: needs ${poor!.conversion.low.householdsNeeded} exits (${hh(poor!.conversion.low.households)}), plans 154 = ${pts(poor!.achievedPoints)} points → ${poor!.met ? 'met' : `NOT met, short by ${hh(subtractAbs(poor!.marginHouseholds))} households (${pts(subtractAbs(poor!.marginPoints))} points)`}`);
  lines.push(`  “giảm 0,8%” read as poor + near-poor: 249 exits = ${pts(md!.achievedPoints)} points → ${md!.met ? 'met' : 'NOT met'}`);
  lines.push(`  “giảm 1/5 số hộ nghèo và hộ cận nghèo”: needs ${fifth!.conversion.low.householdsNeeded} of 1.485, plans 249 → ${fifth!.met ? 'met' : `NOT met, short by ${hh(subtractAbs(fifth!.marginHouseholds))} households`}`);

  const units = ROWS.filter((r) => r[2] === 'unit');
  const split = splitTarget(
    fifth!.conversion.low.householdsNeeded,
    units.map((r) => ({ unit: r[1]!, weight: Number(r[4]) + Number(r[10]), minimum: 1 })),
    { method: 'weights' },
  );
  lines.push('', `Splitting the one-fifth target (${split.total} households) over the communes by poor + near-poor households, at least 1 each:`);
  split.parts.forEach((p, i) => {
    const planned = Number(units[i]![6]) + Number(units[i]![12]);
    lines.push(`  ${p.unit.padEnd(11)} ${String(p.households).padStart(4)}   (plan: ${String(planned).padStart(3)})`);
  });
  lines.push(`  ${'sum'.padEnd(11)} ${String(split.parts.reduce((a, p) => a + p.households, 0)).padStart(4)}   (plan: 249)`);
  return lines.join('\n');
}

function subtractAbs(f: Fraction): Fraction {
  return f.num < 0n ? { num: -f.num, den: f.den } : f;
}
