import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAreaFlow } from '../../src/areas/checkAreaFlow.js';
import { reviewTransitions, type ReviewEntry } from '../../src/status/reviewTransitions.js';
import { HOUSEHOLD_STATUSES } from '../../src/standards/householdStatus.js';

describe('checkAreaFlow with moves', () => {
  it('balances start + newly poor + re-poor + moved in − exits − moved out', () => {
    const c = checkAreaFlow({ unit: 'X', start: 10, newlyPoor: 1, rePoor: 0, exits: 2, movedIn: 1, movedOut: 3, end: 7 });
    expect([c.ok, c.expectedEnd, c.difference]).toEqual([true, 7, 0]);
    expect(c.message).toBe('X: 10 + 1 + 0 + 1 moved in − 2 − 3 moved out = 7');
  });

  describe('properties', () => {
    it('the per-area poor flows of two review results always balance in checkAreaFlow', () => {
      const entry = fc.record({
        area: fc.constantFrom('A', 'B', 'C'),
        status: fc.constantFrom(...HOUSEHOLD_STATUSES),
      });
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.option(entry, { nil: null }), fc.option(entry, { nil: null })), { maxLength: 40 }),
          (pairs) => {
            const start: ReviewEntry[] = [];
            const end: ReviewEntry[] = [];
            pairs.forEach(([a, b], i) => {
              if (a) start.push({ householdId: `h${i}`, ...a });
              if (b) end.push({ householdId: `h${i}`, ...b });
            });
            const t = reviewTransitions(start, end);
            for (const a of [...t.areas, t.total]) {
              const p = a.poor;
              const c = checkAreaFlow({ unit: a.area, start: p.start, newlyPoor: p.newlyPoor, rePoor: p.rePoor, exits: p.escaped, movedIn: p.movedIn, movedOut: p.movedOut, end: p.end });
              expect(c.ok, c.message).toBe(true);
            }
          },
        ),
      );
    });
  });
});
