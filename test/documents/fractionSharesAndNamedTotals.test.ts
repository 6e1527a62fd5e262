import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// Shares printed as fractions (“trên 1/3 số hộ nghèo”, “gần một nửa”), and shares of a total named
// by its area (“… của xã”) after the district's and the commune's totals: each sentence once wrong,
// once right (no finding), and near misses that are no share (a date, an article, a document number).

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

const COMMUNE = 'Toàn xã có 1.842 hộ dân cư, trong đó có 97 hộ nghèo, chiếm 5,27%.\n';
const DISTRICT = 'Đầu năm 2026, toàn huyện có 2.150 hộ nghèo. Riêng xã Tân Lập có 160 hộ nghèo, nhiều nhất huyện.\n';

const CASES: ReadonlyArray<readonly [string, string, string, readonly string[]]> = [
  ['“chiếm trên 1/3 số hộ nghèo”', `${COMMUNE}Có 30 hộ nghèo là hộ dân tộc thiểu số, chiếm trên 1/3 số hộ nghèo.`, `${COMMUNE}Có 35 hộ nghèo là hộ dân tộc thiểu số, chiếm trên 1/3 số hộ nghèo.`, ['share-mismatch “trên 1/3” → 30,93%']],
  ['“hơn một nửa số hộ nghèo của xã”', `${COMMUNE}Thôn Nà Mạ có 45 hộ nghèo, chiếm hơn một nửa số hộ nghèo của xã.`, `${COMMUNE}Thôn Nà Mạ có 50 hộ nghèo, chiếm hơn một nửa số hộ nghèo của xã.`, ['share-mismatch “hơn một nửa” → 46,39%']],
  ['“gần một nửa”: a little under half', `${COMMUNE}Thôn Nà Mạ có 52 hộ nghèo, chiếm gần một nửa tổng số hộ nghèo.`, `${COMMUNE}Thôn Nà Mạ có 47 hộ nghèo, chiếm gần một nửa tổng số hộ nghèo.`, ['share-mismatch “gần một nửa” → 53,61%']],
  ['“khoảng một phần ba”', `${COMMUNE}Có 40 hộ nghèo là hộ có người cao tuổi, chiếm khoảng một phần ba số hộ nghèo.`, `${COMMUNE}Có 32 hộ nghèo là hộ có người cao tuổi, chiếm khoảng một phần ba số hộ nghèo.`, ['share-mismatch “khoảng một phần ba” → 41,24%']],
  ['“2/3 số hộ” in the total’s own sentence', 'Toàn xã có 97 hộ nghèo, trong đó 50 hộ là hộ dân tộc thiểu số, chiếm 2/3 số hộ nghèo.', 'Toàn xã có 97 hộ nghèo, trong đó 65 hộ là hộ dân tộc thiểu số, chiếm 2/3 số hộ nghèo.', ['share-mismatch “2/3” → 51,55%']],
  ['a fraction beside a date, an article and a document number', `Tính đến ngày 1/3/2026, toàn xã có 97 hộ nghèo.\nTheo khoản 1/Điều 3 Quyết định số 1/3/QĐ-UBND, có 30 hộ nghèo là hộ dân tộc thiểu số, chiếm trên 1/3 số hộ nghèo.`, `Tính đến ngày 1/3/2026, toàn xã có 97 hộ nghèo.\nTheo khoản 1/Điều 3 Quyết định số 1/3/QĐ-UBND, có 35 hộ nghèo là hộ dân tộc thiểu số, chiếm trên 1/3 số hộ nghèo.`, ['share-mismatch “trên 1/3” → 30,93%']],
  ['a share of the commune’s poor after the district’s and the commune’s', `${DISTRICT}Thôn Nà Mạ có 68 hộ nghèo, chiếm 3,16% tổng số hộ nghèo của xã.`, `${DISTRICT}Thôn Nà Mạ có 68 hộ nghèo, chiếm 42,50% tổng số hộ nghèo của xã.`, ['share-mismatch “3,16%” → 42,50%']],
  ['a share of the district’s poor after the commune’s', `Xã Tân Lập có 160 hộ nghèo.\nToàn huyện có 2.150 hộ nghèo.\nThôn Nà Mạ có 68 hộ nghèo, chiếm 42,50% tổng số hộ nghèo toàn huyện.`, `Xã Tân Lập có 160 hộ nghèo.\nToàn huyện có 2.150 hộ nghèo.\nThôn Nà Mạ có 68 hộ nghèo, chiếm 3,16% tổng số hộ nghèo toàn huyện.`, ['share-mismatch “42,50%” → 3,16%']],
  ['a fraction of the district’s poor “trên địa bàn huyện”', `${DISTRICT}Các xã vùng cao có 600 hộ nghèo, chiếm trên 1/3 số hộ nghèo trên địa bàn huyện.`, `${DISTRICT}Các xã vùng cao có 800 hộ nghèo, chiếm trên 1/3 số hộ nghèo trên địa bàn huyện.`, ['share-mismatch “trên 1/3” → 27,91%']],
];

describe('fraction shares and shares of a total named by its area', () => {
  for (const [name, wrong, right, found] of CASES) {
    it(name, () => {
      expect(check(wrong)).toEqual(found);
      expect(check(right)).toEqual([]);
    });
  }

  it('a fraction that is a date, an article or a document number is no share', () => {
    const report = checkDocument(readTextDocument('Tính đến ngày 1/3/2026, toàn xã có 97 hộ nghèo.\nCó 35 hộ nghèo được hỗ trợ theo khoản 1/Điều 3 Quyết định số 1/3/QĐ-UBND, bằng 1/3/2026 số hộ nghèo.\nPhấn đấu giảm 1/3 số hộ nghèo.'));
    expect(report.findings).toEqual([]);
    expect(report.claims.filter((c) => c.kind === 'total-with-parts')).toEqual([]);
  });

  it('two totals of one level with different values: the share is not read', () => {
    const report = checkDocument(readTextDocument('Xã Tân Lập có 160 hộ nghèo. Xã Tân Hòa có 120 hộ nghèo.\nThôn Nà Mạ có 68 hộ nghèo, chiếm 3,16% tổng số hộ nghèo của xã.'));
    expect(report.findings).toEqual([]);
  });

  it('“nữa” (more) is not “nửa” (half)', () => {
    expect(checkDocument(readTextDocument(`${COMMUNE}Có 30 hộ nghèo được hỗ trợ thêm, chiếm nữa số hộ nghèo.`)).findings).toEqual([]);
  });

  describe('properties', () => {
    it('“chiếm trên 1/3 số hộ nghèo” is a finding exactly when the part is at most a third', () => {
      fc.assert(
        fc.property(fc.integer({ min: 30, max: 5000 }), fc.integer({ min: 1, max: 1000 }), (total, per) => {
          const part = Math.max(1, Math.floor((total * per) / 1000));
          if (part >= total) return;
          const text = `Toàn xã có ${total.toLocaleString('de-DE')} hộ nghèo.\nCó ${part.toLocaleString('de-DE')} hộ nghèo là hộ dân tộc thiểu số, chiếm trên 1/3 số hộ nghèo.`;
          expect(check(text).length).toBe(3 * part <= total ? 1 : 0);
        }),
        { numRuns: 60 },
      );
    });
  });
});
