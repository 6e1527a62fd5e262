import { expectTypeOf } from 'vitest';
import type { Fraction } from '../../src/numbers/fraction.js';
import { alkireFoster, type AfResult } from '../../src/measures/alkireFoster.js';
import { fgt } from '../../src/measures/fgt.js';
import { equalNestedWeights } from '../../src/measures/nestedWeights.js';

const weights = equalNestedWeights([{ id: 'a', indicators: ['a'] }]);
const r = alkireFoster({ kind: 'deprivations', rows: [[true]] }, { weights, cutoff: { share: 1 }, countBy: 'units' });
expectTypeOf(r).toEqualTypeOf<AfResult>();
expectTypeOf(r.m0).toEqualTypeOf<Fraction>();
expectTypeOf(r.intensity).toEqualTypeOf<Fraction | null>();

// @ts-expect-error countBy has no default: household- and person-weighted results differ
alkireFoster({ kind: 'deprivations', rows: [[true]] }, { weights, cutoff: { share: 1 } });
// @ts-expect-error the cutoff needs an explicit form (share or percent)
alkireFoster({ kind: 'deprivations', rows: [[true]] }, { weights, cutoff: 1, countBy: 'units' });
// @ts-expect-error deprivation entries are booleans, 0/1 or null
alkireFoster({ kind: 'deprivations', rows: [[2]] }, { weights, cutoff: { share: 1 }, countBy: 'units' });
// @ts-expect-error FGT needs to know whether incomes are per head or unit totals
fgt([{ income: 1 }], { alpha: 0, line: 2, countBy: 'units' });
