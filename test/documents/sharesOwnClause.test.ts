import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { documentModel } from '../../src/documents/documentModel.js';

// A part of a “trong đó” list is checked with the share printed in its own clause; a share in the
// next clause that names its own base (“hộ nghèo dân tộc thiểu số chiếm 78,44% tổng số hộ nghèo của
// xã”: 302 of the commune's 385 poor) is not the part's share of the total before “trong đó”.

const para = (text: string) => ({ kind: 'paragraph' as const, text });
const findings = (...texts: string[]): string[] =>
  checkDocument(documentModel(texts.map(para))).findings.map((f) => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`);
const unchecked = (...texts: string[]): string[] =>
  checkDocument(documentModel(texts.map(para))).unchecked.map((u) => u.reason);

const POOR = 'Kết quả rà soát cuối năm 2024, toàn xã có 2.870 hộ dân cư, còn 385 hộ nghèo, chiếm 13,41%.';
const DTTS = 'Toàn xã có 2.127 hộ dân tộc thiểu số, trong đó có 302 hộ nghèo, chiếm 14,20% số hộ dân tộc thiểu số; hộ nghèo dân tộc thiểu số chiếm 78,44% tổng số hộ nghèo của xã.';

describe('a share in another clause with its own base named', () => {
  it('“…; hộ nghèo dân tộc thiểu số chiếm 78,44% tổng số hộ nghèo của xã” is not 302 of the 2.127 DTTS households', () => {
    expect(findings(POOR, DTTS)).toEqual([]);
    expect(unchecked(POOR, DTTS)).toContain('figures no claim uses: 78,44%');
  });

  it('each part keeps the share of its own clause, after a “;” too, and a wrong one is found', () => {
    const list = (first: string) => `Toàn xã có 412 hộ nghèo, trong đó 268 hộ là hộ dân tộc thiểu số, chiếm ${first}%; 96 hộ có người khuyết tật, chiếm 23,30%.`;
    expect(findings(list('65,05'))).toEqual([]);
    expect(findings(list('75,05'))).toEqual(['share-mismatch “75,05%” → 65,05%']);
  });
});
