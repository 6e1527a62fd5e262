import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetLines, parentProjectCode, type BudgetLineInput } from '../../src/budgets/budgetLine.js';
import { budgetTotals, BUDGET_DIMENSIONS, type BudgetDimension } from '../../src/budgets/budgetTotals.js';
import { BUDGET_SOURCES } from '../../src/budgets/budgetSource.js';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { CAPITAL_TYPES } from '../../src/program/programStructure.js';
import { expectPure } from '../_helpers/purity.js';
import { firstIssue, issueCodesAt } from '../_helpers/errors.js';
import { MILLION, SEED001_PROJECTS, SEED001_TOTALS, seed001LineInputs } from './_seed001.js';

describe('budgetLines', () => {
  it('reads seed 001 amounts printed in triệu đồng into whole đồng (seed 001 line 187)', () => {
    const lines = budgetLines(seed001LineInputs());
    expect(lines).toHaveLength(12);
    expect(lines[0]).toEqual({ amount: 2_293_000_000n, source: 'central', capitalType: 'recurrent', project: 'DA2', adminUnit: 'Tịnh Biên', year: 2024 });
  });

  it('reads tỷ đồng with decimals exactly (68.8 tỷ)', () => {
    const [line] = budgetLines([{ amount: '68.8', unit: 'ty', source: 'central', capitalType: 'investment', project: 'DA1.TDA1', year: 2022 }]);
    expect(line?.amount).toBe(68_800_000_000n);
  });

  it('normalises project codes as plans write them', () => {
    const [line] = budgetLines([{ amount: 1n, source: 'other', capitalType: 'recurrent', project: 'da 7 - tda 2', year: 2024 }]);
    expect(line?.project).toBe('DA7.TDA2');
    expect(line?.adminUnit).toBeNull();
  });

  it('refuses a code that is not a component of the program (DA2 has no sub-projects)', () => {
    const found = firstIssue(() => budgetLines([{ amount: 1n, source: 'central', capitalType: 'recurrent', project: 'DA2.TDA1', year: 2024 }]));
    expect(found).toMatchObject({ code: 'unknown-component', path: [0, 'project'], value: 'DA2.TDA1' });
  });

  it('refuses fractions of a đồng unless a rounding is named, with the path of the line', () => {
    const input: BudgetLineInput[] = [
      { amount: 1n, source: 'central', capitalType: 'recurrent', project: 'DA2', year: 2024 },
      { amount: '0.0000005', unit: 'trieu', source: 'central', capitalType: 'recurrent', project: 'DA2', year: 2024 },
    ];
    expect(firstIssue(() => budgetLines(input))).toMatchObject({ code: 'fractional-dong', path: [1, 'amount'] });
    expect(budgetLines(input, { rounding: 'half-up' })[1]?.amount).toBe(1n);
    expect(budgetLines(input, { rounding: 'down' })[1]?.amount).toBe(0n);
  });

  it('lists every bad line at once: negative amount, NaN, unknown source', () => {
    const bad = [
      { amount: -1, source: 'central', capitalType: 'recurrent', project: 'DA2', year: 2024 },
      { amount: Number.NaN, source: 'central', capitalType: 'recurrent', project: 'DA2', year: 2024 },
      { amount: 1, source: 'district', capitalType: 'recurrent', project: 'DA2', year: 2024 },
    ] as unknown as BudgetLineInput[];
    const codes = issueCodesAt(() => budgetLines(bad));
    expect(codes).toContain('invalid-input@1.amount');
    expect(codes).toContain('invalid-input@2.source');
    expect(() => budgetLines([bad[0]!])).toThrow(/amount ≥ 0/);
  });

  it('is pure: input unchanged, output deep-frozen, same output twice', () => {
    expectPure(budgetLines, seed001LineInputs());
  });

  it('parentProjectCode rolls a sub-project up to its project', () => {
    expect(parentProjectCode('DA7.TDA2')).toBe('DA7');
    expect(parentProjectCode('DA2')).toBe('DA2');
  });
});

describe('budgetTotals', () => {
  const lines = budgetLines(seed001LineInputs());

  it('reproduces seed 001 source totals: central 4.978, provincial 498, program 5.476 triệu (lines 451–455)', () => {
    const t = budgetTotals(lines, { by: ['source'] });
    expect(t.groups).toEqual([
      { key: { source: 'central' }, total: BigInt(SEED001_TOTALS.central) * MILLION, lineCount: 6 },
      { key: { source: 'provincial' }, total: BigInt(SEED001_TOTALS.provincial) * MILLION, lineCount: 6 },
    ]);
    expect(t.total).toBe(BigInt(SEED001_TOTALS.total) * MILLION);
  });

  it('reproduces each project total of seed 001 (central + provincial)', () => {
    const t = budgetTotals(lines, { by: ['project'] });
    expect(t.groups.map((g) => [g.key.project, g.total / MILLION])).toEqual(SEED001_PROJECTS.map((p) => [p.project, BigInt(p.total)]));
  });

  it('rolls sub-projects up to projects: DA7 = 342 + 206 = 548 triệu', () => {
    const t = budgetTotals(lines, { by: ['parentProject'] });
    expect(t.groups.find((g) => g.key.parentProject === 'DA7')?.total).toBe(548n * MILLION);
  });

  it('filters, then groups by two dimensions', () => {
    const t = budgetTotals(lines, { by: ['parentProject', 'source'], where: { capitalType: 'recurrent', parentProject: 'DA7' } });
    expect(t.groups.map((g) => [g.key.parentProject, g.key.source, g.total / MILLION])).toEqual([
      ['DA7', 'central', 498n],
      ['DA7', 'provincial', 50n],
    ]);
    expect(budgetTotals(lines, { by: [], where: { capitalType: 'investment' } }).total).toBe(0n);
  });

  it('refuses an unknown or repeated dimension', () => {
    expect(() => budgetTotals(lines, { by: ['province' as BudgetDimension] })).toThrow(VnPovertyError);
    expect(() => budgetTotals(lines, { by: ['source', 'source'] })).toThrow(/no dimension twice/);
  });

  it('is pure', () => {
    expectPure(budgetTotals, lines, { by: ['source', 'project'] });
  });

  describe('properties', () => {
    const codes = ['DA1.TDA1', 'DA1.TDA2', 'DA2', 'DA3.TDA1', 'DA4.TDA3', 'DA5', 'DA7.TDA2'];
    const lineArb = fc.record({
      amount: fc.bigInt({ min: 0n, max: 10n ** 15n }),
      source: fc.constantFrom(...BUDGET_SOURCES),
      capitalType: fc.constantFrom(...CAPITAL_TYPES),
      project: fc.constantFrom(...codes),
      adminUnit: fc.constantFrom('A', 'B', 'C'),
      year: fc.integer({ min: 2021, max: 2025 }),
    });
    const byArb = fc.subarray([...BUDGET_DIMENSIONS]);

    it('group totals add up to the grand total, which is the exact sum of the lines (amounts up to 10^15 đồng)', () => {
      fc.assert(
        fc.property(fc.array(lineArb, { maxLength: 30 }), byArb, (inputs, by) => {
          const ls = budgetLines(inputs);
          const t = budgetTotals(ls, { by });
          const exact = inputs.reduce((a, l) => a + l.amount, 0n);
          expect(t.total).toBe(exact);
          expect(t.groups.reduce((a, g) => a + g.total, 0n)).toBe(exact);
          expect(t.groups.reduce((a, g) => a + g.lineCount, 0)).toBe(inputs.length);
        }),
      );
    });

    it('one group per distinct combination, whatever the unit names hold', () => {
      const unitName = fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom('a', '|', '#', '1', ':', 'n', '\u0000') }).filter((u) => u.trim() !== '');
      fc.assert(
        fc.property(fc.array(fc.record({ adminUnit: unitName, year: fc.integer({ min: 2021, max: 2023 }) }), { maxLength: 20 }), (rows) => {
          const ls = budgetLines(rows.map((r) => ({ amount: 1n, source: 'central' as const, capitalType: 'recurrent' as const, project: 'DA2', ...r })));
          const t = budgetTotals(ls, { by: ['adminUnit', 'year'] });
          const distinct = new Set(ls.map((l) => JSON.stringify([l.adminUnit, l.year])));
          expect(t.groups).toHaveLength(distinct.size);
        }),
      );
    });

    it('an amount printed in triệu đồng becomes exactly a million times as many đồng', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), (trieu) => {
          const [l] = budgetLines([{ amount: trieu.toString(), unit: 'trieu', source: 'central', capitalType: 'recurrent', project: 'DA2', year: 2024 }]);
          expect(l?.amount).toBe(trieu * MILLION);
        }),
      );
    });

    it('a finer grouping refines a coarser one: totals by project add up to the totals by parent project', () => {
      fc.assert(
        fc.property(fc.array(lineArb, { maxLength: 30 }), (inputs) => {
          const ls = budgetLines(inputs);
          const fine = budgetTotals(ls, { by: ['project'] });
          const coarse = budgetTotals(ls, { by: ['parentProject'] });
          for (const g of coarse.groups) {
            const sum = fine.groups.filter((f) => parentProjectCode(f.key.project!) === g.key.parentProject).reduce((a, f) => a + f.total, 0n);
            expect(sum).toBe(g.total);
          }
        }),
      );
    });
  });
});

describe('a string amount with a lone dot before three digits', () => {
  // “Dự án 2: 2.293 triệu đồng” — 2293 triệu (thousands mark) or 2,293 triệu (decimal point)?
  const line = (amount: BudgetLineInput['amount'], unit: BudgetLineInput['unit'] = 'trieu'): BudgetLineInput => ({ amount, unit, source: 'central', capitalType: 'recurrent', project: 'DA2', year: 2024 });

  it('is refused as ambiguous-separator at the amount, saying how to write it', () => {
    const found = firstIssue(() => budgetLines([line(2293), line('2.293')]));
    expect(found).toMatchObject({ code: 'ambiguous-separator', path: [1, 'amount'], value: '2.293' });
    expect(found.expected).toContain('2293');
    expect(found.expected).toContain('"2,293"');
  });

  it('written either way it is read without a finding', () => {
    expect(budgetLines([line('2293'), line(2293), line('2,293'), line('68.8', 'ty'), line('2.2930')]).map((l) => l.amount)).toEqual([2_293_000_000n, 2_293_000_000n, 2_293_000n, 68_800_000_000n, 2_293_000n]);
  });

  it('a lone dot in a number of đồng is refused as a fraction of a đồng, as before', () => {
    expect(firstIssue(() => budgetLines([line('2.293', 'dong')]))).toMatchObject({ code: 'fractional-dong', path: [0, 'amount'] });
  });

  it('any string with one dot before three digits under a unit with decimals is refused (property)', () => {
    fc.assert(
      fc.property(fc.nat(999_999), fc.integer({ min: 0, max: 999 }), fc.constantFrom('nghin' as const, 'trieu' as const, 'ty' as const), (whole, frac, unit) => {
        const text = `${whole}.${String(frac).padStart(3, '0')}`;
        expect(firstIssue(() => budgetLines([line(text, unit)]))).toMatchObject({ code: 'ambiguous-separator', path: [0, 'amount'], value: text });
      }),
    );
  });
});
