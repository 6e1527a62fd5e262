import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// A share of a total printed in an earlier sentence, with no amount or “trong đó” beside it (blind
// judges' Word plans): each sentence once wrong, once right (the twin gives no finding).

const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;
const check = (text: string): string[] => checkDocument(readTextDocument(text)).findings.map(brief);

const CAPITAL = (ratio: string, share: string): string =>
  'Phân bổ kế hoạch vốn năm 2027 với tổng số vốn là 154.111,0 triệu đồng, trong đó:\n' +
  '- Vốn ngân sách Trung ương: 140.100,5 triệu đồng, gồm vốn đầu tư phát triển 93.850,0 triệu đồng và vốn sự nghiệp 46.250,5 triệu đồng;\n' +
  `- Vốn ngân sách địa phương đối ứng: 14.010,5 triệu đồng, bằng ${ratio} vốn ngân sách Trung ương.\n` +
  `Vốn đầu tư phát triển chiếm ${share} tổng vốn.`;

const CASES: ReadonlyArray<readonly [string, (x: string) => string, string, string, readonly string[]]> = [
  ['a village’s share of the commune’s poor, printed two sentences before', (x) => `Toàn xã có 1.842 hộ dân cư, trong đó có 97 hộ nghèo, chiếm 5,27%.\nTổng số hộ nghèo và hộ cận nghèo là 231 hộ.\nThôn 5 có số hộ nghèo cao nhất với 32 hộ, chiếm ${x} tổng số hộ nghèo của xã.`, '39,29%', '32,99%', ['share-mismatch “39,29%” → 32,99%']],
  ['the same, in one paragraph', (x) => `Toàn xã có 97 hộ nghèo. Thôn 5 có số hộ nghèo cao nhất với 32 hộ, chiếm ${x} tổng số hộ nghèo của xã.`, '39,29%', '32,99%', ['share-mismatch “39,29%” → 32,99%']],
  ['“chiếm tỷ lệ … số hộ nghèo của xã”', (x) => `Toàn xã có 97 hộ nghèo. Trong đó, Thôn 5 có 32 hộ nghèo, chiếm tỷ lệ ${x} số hộ nghèo của xã.`, '39,29%', '32,99%', ['share-mismatch “39,29%” → 32,99%']],
  ['the rural poor’s share of the town’s poor', (x) => `Tổng số hộ dân cư toàn thị xã là 12.071 hộ. Số hộ nghèo là 382 hộ, chiếm tỷ lệ 3,16%.\nKhu vực nông thôn có 347 hộ nghèo, chiếm ${x} tổng số hộ nghèo toàn thị xã.`, '98,04%', '90,84%', ['share-mismatch “98,04%” → 90,84%']],
  ['a commune’s share of the households supported', (x) => `Tổng số hộ được hỗ trợ là 89 hộ, trong đó: xây mới 53 hộ; sửa chữa 36 hộ.\nXã Mường Bon có số hộ được hỗ trợ nhiều nhất với 30 hộ, chiếm ${x} tổng số hộ.`, '37,11%', '33,71%', ['share-mismatch “37,11%” → 33,71%']],
  ['a named source’s share of the total printed in the lead-in', (x) => CAPITAL('10,00%', x), '69,00%', '60,90%', ['share-mismatch “69,00%” → 60,90%']],
  ['an amount as a percent of a named amount printed before', (x) => CAPITAL(x, '60,90%'), '11,00%', '10,00%', ['share-mismatch “11,00%” → 10,00%']],
];

describe('shares of a total printed before', () => {
  for (const [name, text, wrong, right, found] of CASES) {
    it(name, () => {
      expect(check(text(wrong))).toEqual(found);
      expect(check(text(right))).toEqual([]);
    });
  }
});
