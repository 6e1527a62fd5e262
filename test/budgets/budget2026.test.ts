import { describe, expect, it } from 'vitest';
import { budgetTable, printedFigures, reconcileBoth, report } from '../../examples/budget-2026-2030.js';
import { reconcileTable } from '../../src/reconcile/reconcileTable.js';

describe('worked example: the 2026–2030 money of the 2026–2035 programme', () => {
  it('reproduces 100.000 = 70.000 + 30.000, 423.000 = 100.000 + 300.000 + 23.000, 1.044.000, shares at one decimal', () => {
    const c = printedFigures();
    expect([c['central'], c['central_investment'], c['central_recurrent']]).toEqual(['100.000', '70.000', '30.000']);
    expect([c['state'], c['provincial'], c['policy_credit']]).toEqual(['423.000', '300.000', '23.000']);
    expect([c['integrated'], c['other'], c['total']]).toEqual(['360.000', '261.000', '1.044.000']);
    expect([c['central_share'], c['provincial_share'], c['policy_credit_share'], c['state_share'], c['integrated_share'], c['other_share']]).toEqual(['9,6', '28,7', '2,2', '40,5', '34,5', '25,0']);
    expect([c['central_investment_share'], c['central_recurrent_share']]).toEqual(['70,0', '30,0']);
  });

  it('the table reconciles; a misprinted state total is found with its difference', () => {
    const { asPrinted, misprinted } = reconcileBoth();
    expect(asPrinted.ok).toBe(true);
    expect(asPrinted.issues).toEqual([]);
    const state = misprinted.issues.find((i) => i.column === 'state');
    expect([misprinted.ok, state?.severity, state?.expected, state?.difference]).toEqual([false, 'error', '423.000', '10000']);
    expect(report()).toContain('everything reconciles');
  });

  it('a share misprinted by one tenth is a finding too', () => {
    const r = reconcileTable(budgetTable({ ...printedFigures(), other_share: '25,1' }));
    expect(r.issues.map((i) => [i.column, i.expected])).toEqual([['other_share', '25,0']]);
  });
});
