import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';

// Four plans of kinds not tried before (a province's 2026 review results with counts by district in
// prose, a housing-support plan with amounts per household by source, a report on vocational training,
// jobs and information, a commune's 2027 plan in short bullet lines), each with planted errors
// (test/fixtures/documents/README.md) and a twin with none. 27 of the 29 planted are found; the two
// not found are listed below, so that a change that finds them updates this tally.

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const check = (name: string): string[] => checkDocument(readTextDocument(readFixture(`documents/prose3-${name}`))).findings.map(brief);

const FOUND: Readonly<Record<string, readonly string[]>> = {
  'ra-soat-2026': ['list-count-mismatch “6 huyện” → 5', 'parts-short-of-total “12.924 hộ” → 12.834 hộ', 'share-mismatch “72,00%” → 70,00%', 'rate-mismatch “5,20%” → 5,00%', 'plans-disagree “117,8%” → 1.914,2 – 1.916,0 hộ', 'share-mismatch “66,00%” → 60,00%', 'list-count-mismatch “4 nhiệm vụ” → 3'],
  'nha-o-2027': ['parts-exceed-total “350 hộ” → 360 hộ', 'parts-exceed-total “60 triệu đồng” → 65 triệu đồng', 'unit-amount-mismatch “17.040 triệu đồng” → 17.400 triệu đồng', 'unit-amount-mismatch “12.600 triệu đồng” → 11.600 triệu đồng', 'parts-short-of-total “17.400 triệu đồng” → 16.900 triệu đồng', 'list-count-mismatch “4 nguồn vốn” → 3', 'sum-mismatch “110” → 100'],
  'viec-lam-2026': ['parts-short-of-total “720 lao động” → 648 lao động', 'unit-amount-mismatch “2.529.000.000 đồng” → 2.592.000.000 đồng', 'unit-amount-mismatch “380 triệu đồng” → 480 triệu đồng', 'unit-amount-mismatch “1.020 triệu đồng” → 1.200 triệu đồng', 'list-count-mismatch “5 mô hình” → 4', 'parts-short-of-total “9.722 triệu đồng” → 9.272 triệu đồng', 'plans-disagree “95,0%” → 8.779,5 – 8.788,9 triệu đồng'],
  'xa-2027-gach': ['rate-mismatch “8,80%” → 8,00%', 'list-count-mismatch “6 nội dung” → 5', 'unit-amount-mismatch “702 triệu đồng” → 720 triệu đồng', 'unit-amount-mismatch “160 triệu đồng” → 180 triệu đồng', 'list-count-mismatch “5 thôn, bản” → 4', 'parts-exceed-total “1.800 triệu đồng” → 1.850 triệu đồng'],
};

/** Planted and not yet found (each left unchecked, never a false finding). */
const NOT_FOUND: Readonly<Record<string, readonly string[]>> = {
  'ra-soat-2026': [
    '“giảm 2.256 hộ” from the 15.080 at the start (in brackets) to the 12.924 printed two paragraphs before: a change whose end is in another paragraph',
  ],
  'xa-2027-gach': ['“Giảm 25 hộ nghèo, còn 120 hộ nghèo” with 150 hộ nghèo at the start in another bullet line'],
};

describe('a last prose pass: four plans of new kinds, every twin clean', () => {
  for (const [name, expected] of Object.entries(FOUND)) {
    it(`${name}: ${expected.length} of ${expected.length + (NOT_FOUND[name]?.length ?? 0)} planted found, the twin gives nothing`, () => {
      expect(check(`${name}.clean.txt`)).toEqual([]);
      expect(check(`${name}.txt`)).toEqual(expected);
    });
  }

  it('the tally: 27 of 29 found, no false finding', () => {
    const found = Object.values(FOUND).reduce((n, x) => n + x.length, 0);
    const missed = Object.values(NOT_FOUND).reduce((n, x) => n + x.length, 0);
    expect([found, found + missed]).toEqual([27, 29]);
  });
});
