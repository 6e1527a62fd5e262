import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, roundEachPart } from '../../src/numbers/apportion.js';
import { ROUNDING_MODES } from '../../src/numbers/rounding.js';
import { expectPure } from '../_helpers/purity.js';
import { firstIssueCode } from '../_helpers/errors.js';

/** Seed 001 (Tịnh Biên 2024), DA budget lines in triệu đồng: central column. */
const SEED001_CENTRAL_TRIEU = [2293, 948, 1100];

describe('apportion (largest remainder)', () => {
  it('splits evenly, ties going to the earlier part', () => {
    expect(apportion(10, [1, 1, 1]).parts).toEqual([4, 3, 3]);
    expect(apportion(2, [1, 1, 1]).parts).toEqual([1, 1, 0]);
  });

  it('splits seed 001 urban exits (8) over the communes in proportion to poor households at the start of 2024', () => {
    // seed 001, lines 123-129: Nhà Bàng 18, Tịnh Biên 23, Chi Lăng 7, Nhơn Hưng 7, An Phú 38, Thới Sơn 6, Núi Voi 14 (= 113)
    const poorStart = [18, 23, 7, 7, 38, 6, 14];
    const { parts, quotas } = apportion(8, poorStart);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(8);
    // quotas 1.27, 1.63, 0.50, 0.50, 2.69, 0.42, 0.99: floors 1,1,0,0,2,0,0 then the 4 largest remainders
    // (Núi Voi .99, An Phú .69, Tịnh Biên .63, Chi Lăng .496 — tied with Nhơn Hưng, listed first)
    expect(parts).toEqual([1, 2, 1, 0, 3, 0, 1]);
    expect(quotas[0]).toEqual({ num: 144n, den: 113n });
    // the plan itself gives 1,1,1,1,1,1,2: one exit per commune, not a proportional split
  });

  it('keeps bigint totals as bigint, at provincial scale', () => {
    const total = 1_234_567_890_123_457n;
    const { parts } = apportion(total, SEED001_CENTRAL_TRIEU);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
    expect(typeof parts[0]).toBe('bigint');
  });

  it('honours minimums, then shares the rest in proportion', () => {
    expect(apportion(10, [1, 0, 1], { minimums: [0, 2, 0] }).parts).toEqual([4, 2, 4]);
  });

  it('accepts decimal weights exactly', () => {
    expect(apportion(3, ['0.1', '0.2']).parts).toEqual([1, 2]);
  });

  it('refuses impossible requests with typed errors', () => {
    expect(firstIssueCode(() => apportion(-1, [1]))).toBe('negative-total');
    expect(firstIssueCode(() => apportion(1, [1, -1]))).toBe('negative-weight');
    expect(firstIssueCode(() => apportion(1, [0, 0]))).toBe('zero-weights');
    expect(firstIssueCode(() => apportion(1, []))).toBe('empty-weights');
    expect(firstIssueCode(() => apportion(1.5, [1]))).toBe('not-an-integer');
    expect(firstIssueCode(() => apportion(1, [1], { minimums: [2] }))).toBe('minimums-exceed-total');
    expect(firstIssueCode(() => apportion(1, [1], { minimums: [0, 0] }))).toBe('length-mismatch');
    expect(apportion(0, [0, 0]).parts).toEqual([0, 0]);
  });

  it('is pure', () => {
    expectPure((total: number, weights: number[]) => apportion(total, weights), 58, [120, 75, 43, 52]);
  });

  describe('properties', () => {
    const arbWeights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }).filter((w) => w.some((x) => x > 0));

    it('apportioned parts sum to the total and are never negative', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), arbWeights, (total, weights) => {
          const { parts } = apportion(total, weights);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          expect(parts.every((p) => p >= 0n)).toBe(true);
        }),
      );
    });

    it('each part is its quota rounded down or up (quota rule)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1_000_000 }), arbWeights, (total, weights) => {
          const { parts, quotas } = apportion(total, weights);
          parts.forEach((p, i) => {
            const q = quotas[i]!;
            const floor = q.num / q.den;
            expect(BigInt(p) === floor || BigInt(p) === floor + 1n).toBe(true);
          });
        }),
      );
    });

    it('parts are monotone in their weights: raising one weight never lowers its part', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 100_000 }), arbWeights, fc.nat(), fc.integer({ min: 1, max: 1_000_000 }), (total, weights, at, extra) => {
          const i = at % weights.length;
          const raised = weights.map((w, j) => (j === i ? w + extra : w));
          expect(apportion(total, raised).parts[i]!).toBeGreaterThanOrEqual(apportion(total, weights).parts[i]!);
        }),
      );
    });

    it('parts are ordered like their weights', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 100_000 }), arbWeights, (total, weights) => {
          const { parts } = apportion(total, weights);
          for (let i = 0; i < weights.length; i++)
            for (let j = 0; j < weights.length; j++) if (weights[i]! > weights[j]!) expect(parts[i]!).toBeGreaterThanOrEqual(parts[j]!);
        }),
      );
    });

    it('rounding each part on its own reports exactly what it misses', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1_000_000 }), arbWeights, fc.constantFrom(...ROUNDING_MODES), (total, weights, rounding) => {
          const { parts, residual } = roundEachPart(total, weights, { rounding });
          expect(parts.reduce((a, b) => a + b, 0) + residual).toBe(total);
        }),
      );
    });
  });
});

describe('roundEachPart', () => {
  it('shows the residual a hand-made plan hides', () => {
    const r = roundEachPart(10, [1, 1, 1], { rounding: 'half-up' });
    expect(r.parts).toEqual([3, 3, 3]);
    expect(r.residual).toBe(1);
    expect(r.method).toBe('round-each-part');
  });

  it('seed 001: sharing a 434 triệu provincial total over the central lines 2.293, 948, 1.100 gives the printed 229, 95, 110', () => {
    const perLine = roundEachPart(434, SEED001_CENTRAL_TRIEU, { rounding: 'half-up' });
    expect(perLine.parts).toEqual([229, 95, 110]);
    expect(perLine.residual).toBe(0);
    expect(apportion(434, SEED001_CENTRAL_TRIEU).parts).toEqual([229, 95, 110]);
  });
});
