import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import type { DocumentTable } from '../../src/documents/documentModel.js';
import { understandTable } from '../../src/documents/understandTable.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';

// A provincial report's “Biểu 2. Cơ cấu hộ nghèo cuối năm 2026 theo nhóm đối tượng” (Kon Tum): the
// total of the poor, then groups naming traits that cross one another (ethnic minority, a woman at
// the head, a disabled member, an elderly member). A household is in several at once: the groups are
// each at most the total and their shares are over it, never parts of its sum.

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}”`;
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);
const rowTotals = (text: string): string[] =>
  understandTable(readTextDocument(text).blocks.find((b): b is DocumentTable => b.kind === 'table')!)
    .evidence.filter((e) => e.type === 'row-total')
    .map((e) => e.text);

type Group = readonly [label: string, count: number, share: string];
const KON_TUM: readonly Group[] = [
  ['Hộ nghèo dân tộc thiểu số', 9410, '83,22'],
  ['Hộ nghèo có chủ hộ là nữ', 3655, '32,33'],
  ['Hộ nghèo có người khuyết tật', 1402, '12,40'],
  ['Hộ nghèo có người cao tuổi', 2233, '19,75'],
];

function bieu2(total: number, groups: readonly Group[]): string {
  return [
    'Biểu 2. Cơ cấu hộ nghèo cuối năm 2026 theo nhóm đối tượng',
    'STT\tNhóm hộ\tSố hộ\tCơ cấu (%)',
    `\tTổng số hộ nghèo\t${formatVnNumber(total, { decimals: 0 })}\t100,00`,
    ...groups.map(([label, count, share], i) => `${i + 1}\t${label}\t${formatVnNumber(count, { decimals: 0 })}\t${share}`),
  ].join('\n');
}

describe('a total row followed by groups that overlap', () => {
  it('the table as printed gives no finding (before: “printed 11.307, expected 16.700 (sum of 4 rows)”)', () => {
    expect(check(bieu2(11307, KON_TUM))).toEqual([]);
  });

  it('a wrong share is still found over the total: 3.655 of 11.307 is 32,33 %, not 33,83 %', () => {
    const wrong = KON_TUM.map((g): Group => (g[1] === 3655 ? [g[0], g[1], '33,83'] : g));
    expect(check(bieu2(11307, wrong))).toEqual(['rate-mismatch “33,83”']);
  });

  it('a group larger than the total is found: each group is at most it', () => {
    const over = KON_TUM.map((g): Group => (g[1] === 9410 ? [g[0], 11410, '100,91'] : g));
    expect(check(bieu2(11307, over))).toEqual(['inequality-broken “11.410”']);
  });

  it('groups of one trait (nam / nữ chủ hộ) split the total: it is read as their sum, the overlapping groups are not', () => {
    const split: Group[] = [
      ['Hộ nghèo có chủ hộ là nam', 7652, '67,67'],
      ['Hộ nghèo có chủ hộ là nữ', 3655, '32,33'],
    ];
    expect(check(bieu2(11307, split))).toEqual([]);
    expect(rowTotals(bieu2(11307, split))).toEqual(['Tổng số hộ nghèo = sum of 2 rows (Hộ nghèo có chủ hộ là nam, Hộ nghèo có chủ hộ là nữ)']);
    expect(rowTotals(bieu2(11307, KON_TUM))).toEqual([]);
  });

  describe('properties', () => {
    it('groups naming different traits, each at most the total, never give a sum finding', () => {
      const traits = ['dân tộc thiểu số', 'có chủ hộ là nữ', 'có người khuyết tật', 'có người cao tuổi', 'có người có công với cách mạng'];
      fc.assert(
        fc.property(fc.integer({ min: 500, max: 50_000 }), fc.shuffledSubarray(traits, { minLength: 2 }), fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { minLength: 5, maxLength: 5 }), (total, picked, fractions) => {
          const groups = picked.map((t, i): Group => {
            const count = Math.floor(total * fractions[i]!);
            // the share half-up to 2 decimals, in integers: 10000 · count / total
            const hundredths = Math.floor((count * 20000) / total + 1) >> 1;
            return [`Hộ nghèo ${t}`, count, `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`];
          });
          expect(check(bieu2(total, groups)).filter((f) => f.startsWith('sum-mismatch'))).toEqual([]);
        }),
        { numRuns: 40 },
      );
    });
  });
});
