import { fraction, type Fraction } from '../../src/numbers/fraction.js';

/** The exact fraction `num / den` (whole numbers or bigints; `den` defaults to 1): `f(1, 3)`. */
export const f = (num: number | bigint, den: number | bigint = 1n): Fraction => fraction(BigInt(num), BigInt(den));
