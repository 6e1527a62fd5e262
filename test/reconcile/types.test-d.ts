/**
 * Type tests for tables, relations, targets and reports, checked by `tsc` (npm run typecheck).
 * Each `@ts-expect-error` line must fail to compile.
 */
import { expectTypeOf } from 'vitest';
import {
  reconcileTable,
  reductionTarget,
  splitTarget,
  type ReconcileIssue,
  type ReconcileSeverity,
  type ReductionTarget,
  type TableRelation,
} from '../../src/index.js';

// severities and shortcuts are string literals
expectTypeOf<ReconcileSeverity>().toEqualTypeOf<'error' | 'rounding'>();
expectTypeOf<ReconcileIssue['shortcut']>().toEqualTypeOf<'difference-of-rounded-rates' | 'sum-of-rounded-rates' | 'truncated' | 'rounded-parts' | null>();
// the report is readonly
expectTypeOf(reconcileTable).returns.toHaveProperty('issues').toEqualTypeOf<readonly ReconcileIssue[]>();

// a rate relation must name its rounding and its scale: no silent default
// @ts-expect-error rounding missing
const noRounding: TableRelation = { type: 'rate', column: 'r', count: 'c', base: 'b', scale: 100 };
// @ts-expect-error unknown relation type
const unknown: TableRelation = { type: 'average', column: 'r' };
void noRounding;
void unknown;

// targets narrow on their form
const t: ReductionTarget = reductionTarget({ form: 'points', subject: 'poor', points: '0.8' });
if (t.form === 'range') expectTypeOf(t.low).toHaveProperty('num');
// @ts-expect-error a count target has no points
reductionTarget({ form: 'count', subject: 'poor', points: '1' });
// @ts-expect-error the split method is required
splitTarget(10, [{ unit: 'a', poor: 1 }], {});
