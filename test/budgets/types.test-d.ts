/**
 * Type tests of the budget module, checked by `tsc` (npm run typecheck). Each `@ts-expect-error`
 * line must fail to compile.
 */
import { expectTypeOf } from 'vitest';
import { allocateByCriteria } from '../../src/budgets/allocateByCriteria.js';
import { budgetLines, type BudgetLine } from '../../src/budgets/budgetLine.js';
import type { BudgetSource } from '../../src/budgets/budgetSource.js';
import { budgetTotals } from '../../src/budgets/budgetTotals.js';
import { deriveCounterpart } from '../../src/budgets/deriveCounterpart.js';
import { requiredCounterpart } from '../../src/budgets/requiredCounterpart.js';
import type { Dong } from '../../src/numbers/money.js';

const lines = budgetLines([{ amount: 1, unit: 'trieu', source: 'central', capitalType: 'recurrent', project: 'DA2', year: 2024 }]);
// amounts are bigint đồng; lines and groups are readonly
expectTypeOf(lines).toEqualTypeOf<readonly BudgetLine[]>();
expectTypeOf(lines[0]!.amount).toEqualTypeOf<Dong>();
expectTypeOf(budgetTotals(lines, { by: ['source'] }).total).toEqualTypeOf<bigint>();
expectTypeOf(deriveCounterpart([1n], { percent: '10', roundTo: 'trieu', rounding: 'ceil', strategy: 'per-line' }).lines).toEqualTypeOf<readonly bigint[]>();

// @ts-expect-error sources are string literals
const src: BudgetSource = 'district';
// @ts-expect-error capital types are string literals
budgetLines([{ amount: 1, source: 'central', capitalType: 'operating', project: 'DA2', year: 2024 }]);
// @ts-expect-error rounding has no default: deriving a column needs one
deriveCounterpart([1n], { percent: '10', roundTo: 'trieu', strategy: 'per-line' });
// @ts-expect-error the strategy must be named too
deriveCounterpart([1n], { percent: '10', roundTo: 'trieu', rounding: 'ceil' });
// @ts-expect-error the minimum needs a rounding
requiredCounterpart(1n, { supportPercent: '70' });
// @ts-expect-error amounts of counterpart functions are bigint đồng, not numbers
requiredCounterpart(1000, { supportPercent: '70', rounding: 'ceil' });
// @ts-expect-error the step of an allocation is a money unit
allocateByCriteria(1n, [{ id: 'a', criteria: { poor: 1 } }], { coefficients: { poor: 1 }, step: 'million' });
// @ts-expect-error lines are readonly
lines[0]!.amount = 2n;
// @ts-expect-error unknown dimension
budgetTotals(lines, { by: ['province'] });
void src;
