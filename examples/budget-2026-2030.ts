/**
 * The 2026–2030 money of the 2026–2035 merged national target programme (NQ 257/2025/QH15,
 * QĐ 417/QĐ-BNNMT), rebuilt from the library's programme data and reconciled as a printed table:
 * central 100.000 = 70.000 investment + 30.000 recurrent; state budget 423.000 = 100.000 central +
 * 300.000 local + 23.000 policy credit; 1.044.000 mobilised with 360.000 integrated funds and
 * 261.000 from enterprises and residents; each source's share of the total at one decimal.
 * Then the same table with one figure misprinted, to show the finding.
 */
import {
  BUDGET_SOURCE_LABELS_VI,
  NTP_2026_2035,
  formatReconcileReport,
  formatVnNumber,
  programFor,
  rate,
  reconcileTable,
  type BudgetSource,
  type CapitalType,
  type PrintedTable,
  type ReconcileReport,
} from '../src/index.js';

const BILLION = 1_000_000_000n;

/** The programme's figure for a source (and capital type), in tỷ đồng. */
function ty(source: BudgetSource, capitalType?: CapitalType): bigint {
  const lines = (NTP_2026_2035.funding ?? []).filter((f) => f.budgetSource === source && (capitalType === undefined || f.capitalType === capitalType));
  return lines.reduce((a, f) => a + f.amount, 0n) / BILLION;
}

const PARTS = ['central', 'provincial', 'policy_credit', 'integrated', 'other'] as const;

/** The figures as a plan or press table prints them (Vietnamese number format), from the programme data. */
export function printedFigures(): Readonly<Record<string, string>> {
  const central = ty('central');
  const state = central + ty('provincial') + ty('policy-credit');
  const total = state + ty('integrated') + ty('other');
  const amount = (v: bigint): string => formatVnNumber(v, { decimals: 0 });
  const share = (v: bigint, base: bigint): string => formatVnNumber(rate(v, base, { decimals: 1, rounding: 'half-up' }), { decimals: 1 });
  const figures: Record<string, bigint> = {
    central_investment: ty('central', 'investment'),
    central_recurrent: ty('central', 'recurrent'),
    central,
    provincial: ty('provincial'),
    policy_credit: ty('policy-credit'),
    state,
    integrated: ty('integrated'),
    other: ty('other'),
    total,
  };
  const cells: Record<string, string> = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, amount(v)]));
  for (const k of [...PARTS, 'state'] as const) cells[`${k}_share`] = share(figures[k]!, total);
  cells['central_investment_share'] = share(figures['central_investment']!, central);
  cells['central_recurrent_share'] = share(figures['central_recurrent']!, central);
  return cells;
}

/** The table and the relations that must hold between its cells. */
export function budgetTable(cells: Readonly<Record<string, string>>): PrintedTable {
  const amounts = ['central_investment', 'central_recurrent', 'central', 'provincial', 'policy_credit', 'state', 'integrated', 'other', 'total'];
  const shares = [...PARTS, 'state'].map((k) => `${k}_share`);
  return {
    columns: [
      ...amounts.map((key) => ({ key, kind: 'amount' as const, unit: 'ty' as const, label: key })),
      ...[...shares, 'central_investment_share', 'central_recurrent_share'].map((key) => ({ key, kind: 'rate' as const, label: key })),
    ],
    rows: [{ key: '1', label: 'Giai đoạn 2026–2030', cells }],
    relations: [
      { type: 'column-total', column: 'central', parts: ['central_investment', 'central_recurrent'] },
      { type: 'column-total', column: 'state', parts: ['central', 'provincial', 'policy_credit'] },
      { type: 'column-total', column: 'total', parts: ['state', 'integrated', 'other'] },
      ...[...PARTS, 'state'].map((k) => ({ type: 'rate' as const, column: `${k}_share`, count: k, base: 'total', scale: 100, rounding: 'half-up' as const })),
      { type: 'rate', column: 'central_investment_share', count: 'central_investment', base: 'central', scale: 100, rounding: 'half-up' },
      { type: 'rate', column: 'central_recurrent_share', count: 'central_recurrent', base: 'central', scale: 100, rounding: 'half-up' },
    ],
  };
}

/** Reconciles the table as rebuilt (`ok`) and with the state total misprinted 433.000. */
export function reconcileBoth(): { readonly asPrinted: ReconcileReport; readonly misprinted: ReconcileReport } {
  const cells = printedFigures();
  return {
    asPrinted: reconcileTable(budgetTable(cells)),
    misprinted: reconcileTable(budgetTable({ ...cells, state: '433.000' })),
  };
}

/** The report printed by `npm run example`. */
export function report(): string {
  const program = programFor('2026-03-01');
  const cells = printedFigures();
  const { asPrinted, misprinted } = reconcileBoth();
  const row = (label: string, key: string, share?: string): string =>
    `  ${label.padEnd(38)} ${cells[key]!.padStart(9)} tỷ đồng${share ? `   ${cells[share]!.padStart(4)} %` : ''}`;
  const lines = [
    `${program.nameVi}`,
    `(${program.id}, in force on 2026-03-01; ${program.source})`,
    '',
    '2026–2030 money, from the programme data:',
    row(`${BUDGET_SOURCE_LABELS_VI.central}`, 'central', 'central_share'),
    row('  of which investment', 'central_investment', 'central_investment_share'),
    row('  of which recurrent', 'central_recurrent', 'central_recurrent_share'),
    row(`${BUDGET_SOURCE_LABELS_VI.provincial} (≈)`, 'provincial', 'provincial_share'),
    row(`${BUDGET_SOURCE_LABELS_VI['policy-credit']} (≈)`, 'policy_credit', 'policy_credit_share'),
    row('State budget (ngân sách nhà nước)', 'state', 'state_share'),
    row(`${BUDGET_SOURCE_LABELS_VI.integrated} (≈)`, 'integrated', 'integrated_share'),
    row('Enterprises, community, residents (≈)', 'other', 'other_share'),
    row('Total mobilised', 'total'),
    '',
    'Reconciled (sums exact, shares of the total at one decimal, half-up):',
    ...formatReconcileReport(asPrinted, { source: 'table' }).split('\n').map((l) => `  ${l}`),
    '',
    'The same table with the state budget misprinted as 433.000:',
    ...formatReconcileReport(misprinted, { source: 'table' }).split('\n').map((l) => `  ${l}`),
  ];
  return lines.join('\n');
}
