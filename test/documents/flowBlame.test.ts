import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typingSlip } from '../../src/documents/_flowBlame.js';

describe('typingSlip', () => {
  it('two digits swapped or one digit changed is a slip; more, or another length, is not', () => {
    expect(typingSlip('168', '186')).toBe(true);
    expect(typingSlip('137', '173')).toBe(true);
    expect(typingSlip('196', '186')).toBe(true);
    expect(typingSlip('186', '150')).toBe(false);
    expect(typingSlip('173', '155')).toBe(false);
    expect(typingSlip('1217', '217')).toBe(false);
    expect(typingSlip('186', '186')).toBe(false);
  });

  describe('properties', () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 9 }).map((d) => d.join(''));

    it('a swap of two different digits is a slip, both ways', () => {
      fc.assert(
        fc.property(digits, fc.nat(), fc.nat(), (s, a, b) => {
          const [i, j] = [a % s.length, b % s.length];
          fc.pre(s[i] !== s[j]);
          const t = [...s];
          [t[i], t[j]] = [t[j]!, t[i]!];
          return typingSlip(s, t.join('')) && typingSlip(t.join(''), s);
        }),
      );
    });

    it('a figure is no slip of itself', () => {
      fc.assert(fc.property(digits, (s) => !typingSlip(s, s)));
    });
  });
});
