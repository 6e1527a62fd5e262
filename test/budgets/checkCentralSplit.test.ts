import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QD_02_2022_CENTRAL_SPLITS, type CentralSplitRuleSet } from '../../src/budgets/centralSplitRules.js';
import { checkCentralSplit } from '../../src/budgets/checkCentralSplit.js';
import { fraction } from '../../src/numbers/fraction.js';
import { expectDeepFrozen, expectPure } from '../_helpers/purity.js';

const BN = 1_000_000_000n;

describe('QD_02_2022_CENTRAL_SPLITS', () => {
  it('holds the DA1 and DA2 bounds as frozen data, DA3–DA7 listed as unconfirmed', () => {
    expectDeepFrozen(QD_02_2022_CENTRAL_SPLITS);
    expect(QD_02_2022_CENTRAL_SPLITS.rules.map((r) => r.project)).toEqual(['DA1', 'DA1', 'DA2', 'DA2']);
    expect(QD_02_2022_CENTRAL_SPLITS.unconfirmed.join(' ')).toMatch(/DA3–DA7/);
  });
});

describe('checkCentralSplit', () => {
  it('DA1: exactly 85 % to localities and 15 % to the Scheme passes', () => {
    const r = checkCentralSplit('DA1', { localities: 85n * BN, 'reserved-scheme': 15n * BN });
    expect(r).toMatchObject({ ok: true, checked: true, total: 100n * BN, project: 'DA1' });
    expect(r.findings.map((f) => f.ok)).toEqual([true, true]);
  });

  it('DA1: one đồng too many kept for the Scheme fails both bounds', () => {
    const r = checkCentralSplit('da 1', { localities: 85n * BN - 1n, 'reserved-scheme': 15n * BN + 1n });
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.rule.part, f.ok])).toEqual([
      ['localities', false],
      ['reserved-scheme', false],
    ]);
  });

  it('DA2: 16 % to central agencies is above the 15 % ceiling', () => {
    const r = checkCentralSplit('DA2', { localities: 84n * BN, 'central-agencies': 16n * BN });
    expect(r.ok).toBe(false);
    expect(r.findings[0]).toMatchObject({ ok: false, actualPercent: fraction(16n), limit: fraction(15n * BN) });
  });

  it('a project without rules is reported unchecked, never compliant', () => {
    expect(checkCentralSplit('DA4', { localities: BN })).toMatchObject({ ok: false, checked: false, findings: [] });
  });

  it('refuses a sub-project code, an unknown part and a negative amount', () => {
    expect(() => checkCentralSplit('DA1.TDA1', { localities: BN })).toThrow(/project code/);
    expect(() => checkCentralSplit('DA1', { provinces: BN } as never)).toThrow(/localities, central-agencies, reserved-scheme/);
    expect(() => checkCentralSplit('DA1', { localities: -1n })).toThrow(/≥ 0/);
  });

  it('accepts another rule set without freezing the caller’s objects', () => {
    const mine: CentralSplitRuleSet = { ...QD_02_2022_CENTRAL_SPLITS, id: 'mine', rules: [{ project: 'DA4', part: 'localities', bound: 'at-least', percent: '90', termVi: '' }] };
    expect(checkCentralSplit('DA4', { localities: 9n, 'central-agencies': 1n }, { rules: mine }).ok).toBe(true);
    expect(Object.isFrozen(mine.rules[0])).toBe(false);
  });

  it('is pure', () => {
    expectPure(checkCentralSplit, 'DA2', { localities: 84n * BN, 'central-agencies': 16n * BN });
  });

  describe('properties', () => {
    it('a split that passes stays passing when money moves from the capped part to localities', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 10n ** 15n }), (loc, agencies, move) => {
          const before = checkCentralSplit('DA2', { localities: loc, 'central-agencies': agencies });
          const m = move > agencies ? agencies : move;
          const after = checkCentralSplit('DA2', { localities: loc + m, 'central-agencies': agencies - m });
          if (before.ok) expect(after.ok).toBe(true);
          expect(after.total).toBe(before.total);
        }),
      );
    });
  });
});
