/**
 * Type tests, checked by `tsc` (npm run typecheck). Each `@ts-expect-error` line must fail to compile.
 */
import { expectTypeOf } from 'vitest';
import { apportion, rate, toDong, parseVnNumber, type Decimal, type Dong, type HouseholdStatus, type RoundingMode } from '../../src/index.js';

// apportion keeps the type of the total
expectTypeOf(apportion(10, [1, 2]).parts).toEqualTypeOf<readonly number[]>();
expectTypeOf(apportion(10n, [1, 2]).parts).toEqualTypeOf<readonly bigint[]>();
// money is bigint đồng
expectTypeOf(toDong(1, 'trieu')).toEqualTypeOf<Dong>();
expectTypeOf<Dong>().toEqualTypeOf<bigint>();
// rates are Decimals
expectTypeOf(rate(1, 2, { decimals: 2, rounding: 'half-up' })).toEqualTypeOf<Decimal>();
// outputs are readonly
expectTypeOf(parseVnNumber('1')).toHaveProperty('value');

// @ts-expect-error rounding has no default: it must be named
rate(1, 2, { decimals: 2 });
// @ts-expect-error unknown rounding mode
const bad: RoundingMode = 'nearest';
// @ts-expect-error unknown money unit
toDong(1, 'usd');
// @ts-expect-error statuses are string literals
const s: HouseholdStatus = 'rich';
// @ts-expect-error parts are readonly
apportion(10, [1]).parts.push(1);
void bad;
void s;
