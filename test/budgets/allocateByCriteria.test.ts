import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByCriteria, formatAllocation, type AllocationRecipient } from '../../src/budgets/allocateByCriteria.js';
import { compareFractions, fraction } from '../../src/numbers/fraction.js';
import { expectPure } from '../_helpers/purity.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { MILLION, SEED001_TOTALS } from './_seed001.js';

/**
 * Seed 001 (Tịnh Biên 2024) per-commune table: poor (HN) and near-poor (HCN) households at the
 * start of 2024 of four communes, used here as allocation criteria: Nhà Bàng (line 123),
 * Tịnh Biên (line 124), Văn Giáo (line 133), An Cư (line 136).
 */
const COMMUNES: AllocationRecipient[] = [
  { id: 'Nhà Bàng', criteria: { poor: 18, nearPoor: 95 } },
  { id: 'Tịnh Biên', criteria: { poor: 23, nearPoor: 40 } },
  { id: 'Văn Giáo', criteria: { poor: 139, nearPoor: 11 } },
  { id: 'An Cư', criteria: { poor: 195, nearPoor: 32 } },
];

describe('allocateByCriteria', () => {
  it('scores Σ coefficient × criterion and shares in proportion, in whole millions summing exactly', () => {
    // scores (poor × 2 + near-poor × 1): 131, 86, 289, 422; Σ = 928
    const a = allocateByCriteria(BigInt(SEED001_TOTALS.central) * MILLION, COMMUNES, { coefficients: { poor: 2, nearPoor: 1 }, step: 'trieu' });
    expect(a.rows.map((r) => r.score)).toEqual([fraction(131n), fraction(86n), fraction(289n), fraction(422n)]);
    expect(a.totalScore).toEqual(fraction(928n));
    expect(a.rows[0]!.share).toEqual(fraction(131n, 928n));
    // exact: 702,71… 461,32… 1550,26… 2263,70… → floors add to 4976; the 2 left go to the largest remainders (Nhà Bàng 0,71, An Cư 0,70)
    expect(a.rows.map((r) => r.amount / MILLION)).toEqual([703n, 461n, 1550n, 2264n]);
    expect(a.rows.reduce((s, r) => s + r.amount, 0n)).toBe(4_978n * MILLION);
    expect(a.method).toBe('largest-remainder');
    expect(a.rows[1]!.points).toEqual({ poor: fraction(46n), nearPoor: fraction(40n) });
  });

  it('accepts decimal coefficients and criteria exactly (coefficient 1,5; share of ethnic minorities 0,25)', () => {
    const a = allocateByCriteria(1000n, [{ id: 'X', criteria: { poor: '1.5' } }, { id: 'Y', criteria: { poor: '0.25' } }], { coefficients: { poor: '1.5' }, step: 'dong' });
    expect(a.rows.map((r) => r.amount)).toEqual([857n, 143n]);
  });

  it('prints the table that explains each share, with a total row', () => {
    const a = allocateByCriteria(100n * MILLION, [{ id: 'A', criteria: { poor: 3 } }, { id: 'B', criteria: { poor: 1 } }], { coefficients: { poor: 1 }, step: 'trieu' });
    expect(formatAllocation(a, { unit: 'trieu', decimals: 2, rounding: 'half-up' }).split('\n')).toEqual([
      'id | poor | score | share % | exact (triệu đồng) | amount (triệu đồng)',
      'A | 3 | 3 | 75,00 | 75,00 | 75',
      'B | 1 | 1 | 25,00 | 25,00 | 25',
      'Tổng |  | 4 | 100,00 | 100,00 | 100',
    ]);
  });

  it('refuses what it cannot allocate', () => {
    const opts = { coefficients: { poor: 1 }, step: 'trieu' as const };
    expect(firstIssueCode(() => allocateByCriteria(1_500_000n, COMMUNES.map((c) => ({ id: c.id, criteria: { poor: c.criteria['poor']! } })), opts))).toBe('amount-not-whole-step');
    expect(firstIssueCode(() => allocateByCriteria(MILLION, [{ id: 'A', criteria: {} }], opts))).toBe('missing-criterion');
    expect(firstIssueCode(() => allocateByCriteria(MILLION, [{ id: 'A', criteria: { poor: 1, other: 2 } }], opts))).toBe('unknown-criterion');
    expect(firstIssueCode(() => allocateByCriteria(MILLION, [{ id: 'A', criteria: { poor: -1 } }], opts))).toBe('negative-criterion');
    expect(firstIssueCode(() => allocateByCriteria(MILLION, [{ id: 'A', criteria: { poor: 0 } }], opts))).toBe('zero-scores');
    expect(firstIssueCode(() => allocateByCriteria(MILLION, [{ id: 'A', criteria: { poor: 1 } }, { id: 'A', criteria: { poor: 1 } }], opts))).toBe('duplicate-id');
    expect(firstIssueCode(() => allocateByCriteria(MILLION, [], opts))).toBe('no-recipients');
    expect(firstIssueCode(() => allocateByCriteria(MILLION, [{ id: 'A', criteria: { poor: 1 } }], { coefficients: { poor: -2 }, step: 'trieu' }))).toBe('negative-coefficient');
    expect(allocateByCriteria(0n, [{ id: 'A', criteria: { poor: 0 } }], opts).rows[0]!.amount).toBe(0n);
    expect(firstIssueCode(() => allocateByCriteria(MILLION, [{ id: 'A' } as unknown as AllocationRecipient], opts))).toBe('invalid-input');
  });

  it('is pure', () => {
    expectPure(allocateByCriteria, 4_978n * MILLION, COMMUNES, { coefficients: { poor: 2, nearPoor: 1 }, step: 'trieu' });
  });

  describe('properties', () => {
    const criterion = fc.integer({ min: 0, max: 5_000 });
    const recipients = fc
      .array(fc.record({ a: criterion, b: criterion }), { minLength: 1, maxLength: 12 })
      .filter((rs) => rs.some((r) => r.a > 0)) // coefficient a ≥ 1, so Σ scores > 0
      .map((rs) => rs.map((r, i) => ({ id: `u${i}`, criteria: { a: r.a, b: r.b } })));
    const coefficients = fc.record({ a: fc.integer({ min: 1, max: 10 }), b: fc.integer({ min: 0, max: 10 }) });
    // few steps (where rounding paradoxes live) or many, up to 10^9 triệu = 10^15 đồng
    const amountSteps = fc.oneof(fc.bigInt({ min: 0n, max: 40n }), fc.bigInt({ min: 0n, max: 10n ** 9n }));

    it('allocations add up exactly to the amount (up to 10^15 đồng), each a whole number of steps', () => {
      fc.assert(
        fc.property(amountSteps, recipients, coefficients, (steps, rs, co) => {
          const a = allocateByCriteria(steps * MILLION, rs, { coefficients: co, step: 'trieu' });
          expect(a.rows.reduce((s, r) => s + r.amount, 0n)).toBe(steps * MILLION);
          for (const r of a.rows) expect(r.amount % MILLION).toBe(0n);
        }),
      );
    });

    it('each part is its exact share rounded down or up (within one step)', () => {
      fc.assert(
        fc.property(amountSteps, recipients, coefficients, (steps, rs, co) => {
          const a = allocateByCriteria(steps * MILLION, rs, { coefficients: co, step: 'trieu' });
          for (const r of a.rows) {
            const diff = r.amount * r.exact.den - r.exact.num;
            expect(diff < 0n ? -diff : diff).toBeLessThan(MILLION * r.exact.den);
          }
        }),
      );
    });

    it('allocation is monotone in each criterion: raising one unit’s value never lowers its share or its amount', () => {
      fc.assert(
        fc.property(amountSteps, recipients, coefficients, fc.nat(), fc.constantFrom('a', 'b'), fc.integer({ min: 1, max: 5_000 }), (steps, rs, co, pick, key, more) => {
          const i = pick % rs.length;
          const before = allocateByCriteria(steps * MILLION, rs, { coefficients: co, step: 'trieu' });
          const raised = rs.map((r, j) => (j === i ? { id: r.id, criteria: { ...r.criteria, [key]: r.criteria[key] + more } } : r));
          const after = allocateByCriteria(steps * MILLION, raised, { coefficients: co, step: 'trieu' });
          expect(compareFractions(after.rows[i]!.share, before.rows[i]!.share)).toBeGreaterThanOrEqual(0);
          expect(after.rows[i]!.amount).toBeGreaterThanOrEqual(before.rows[i]!.amount);
        }),
      );
    });
  });
});
