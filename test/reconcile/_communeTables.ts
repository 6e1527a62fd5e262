import fc from 'fast-check';
import { COMMUNE_TARGETS_COLUMNS } from '../../src/reconcile/communeTargetsLayout.js';

/** One unit row of a commune-targets table, as counts. */
export interface UnitCounts {
  readonly households: number;
  readonly poorStart: number;
  readonly poorExit: number;
  readonly nearStart: number;
  readonly nearExit: number;
}

/** Unit counts that are consistent by construction (poor + near-poor ≤ households, exits ≤ start). */
export const unitCounts: fc.Arbitrary<UnitCounts> = fc
  .integer({ min: 1, max: 6000 })
  .chain((households) =>
    fc.integer({ min: 0, max: households }).chain((poorStart) =>
      fc.record({
        households: fc.constant(households),
        poorStart: fc.constant(poorStart),
        poorExit: fc.integer({ min: 0, max: poorStart }),
        nearStart: fc.integer({ min: 0, max: households - poorStart }),
      }).chain((r) => fc.record({ ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fc.constant(v)])), nearExit: fc.integer({ min: 0, max: r.nearStart }) }) as fc.Arbitrary<UnitCounts>),
    ),
  );

/** 16194 → '16.194' (an independent oracle: plain string work, no library code). */
const vn = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
/** count ÷ households × 100, half-up to 2 decimals, printed '0,70' — in integers. */
const pct = (c: number, h: number): string => {
  const q = (BigInt(c) * 20000n + BigInt(h)) / (2n * BigInt(h));
  return `${vn(Number(q / 100n))},${String(q % 100n).padStart(2, '0')}`;
};

/** A printed row of the commune-targets layout, every rate computed from counts. */
export function printedRow(stt: string, unit: string, role: string, c: UnitCounts): string[] {
  const h = c.households;
  return [
    stt, unit, role, vn(h),
    vn(c.poorStart), pct(c.poorStart, h), vn(c.poorExit), pct(c.poorExit, h), vn(c.poorStart - c.poorExit), pct(c.poorStart - c.poorExit, h),
    vn(c.nearStart), pct(c.nearStart, h), vn(c.nearExit), pct(c.nearExit, h), vn(c.nearStart - c.nearExit), pct(c.nearStart - c.nearExit, h),
  ];
}

const add = (a: UnitCounts, b: UnitCounts): UnitCounts => ({
  households: a.households + b.households,
  poorStart: a.poorStart + b.poorStart,
  poorExit: a.poorExit + b.poorExit,
  nearStart: a.nearStart + b.nearStart,
  nearExit: a.nearExit + b.nearExit,
});

/**
 * A consistent commune-targets CSV (header first): blocks of units each under a subtotal,
 * and a total printed first or last.
 */
export const consistentCommuneTable: fc.Arbitrary<string[][]> = fc
  .record({ blocks: fc.array(fc.array(unitCounts, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }), totalFirst: fc.boolean() })
  .map(({ blocks, totalFirst }) => {
    const rows: string[][] = [];
    let n = 0;
    let all: UnitCounts | null = null;
    blocks.forEach((units, b) => {
      const sub = units.reduce(add);
      rows.push(printedRow(['I', 'II', 'III'][b]!, `Block ${b + 1}`, 'subtotal', sub));
      for (const u of units) rows.push(printedRow(String(++n), `Unit ${n}`, 'unit', u));
      all = all === null ? sub : add(all, sub);
    });
    const total = printedRow('', 'Tổng', 'total', all!);
    return [[...COMMUNE_TARGETS_COLUMNS], ...(totalFirst ? [total, ...rows] : [...rows, total])];
  });
