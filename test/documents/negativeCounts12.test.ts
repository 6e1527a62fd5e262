import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// A sheet's flow computed by formula (cuối năm = đầu năm − thoát nghèo + phát sinh) holds in every row even when the
// exits typed are too many: the end then comes out below zero, and that is the one sign of the wrong figures.

const at = (f: CheckFinding): string => `${f.code} row ${f.location.row} “${f.printed ?? ''}”`;
const check = (text: string) => checkDocument(readTextDocument(text));

function flows(exitsB: string, endB: string, change = 'Tăng (+), giảm (-)'): string {
  return [
    'Biểu 2. Diễn biến hộ nghèo năm 2026',
    `STT\tĐơn vị\tSố hộ nghèo đầu năm\tSố hộ thoát nghèo\tSố hộ nghèo phát sinh\tSố hộ nghèo cuối năm\t${change}`,
    '1\tXã Đông Sơn\t210\t50\t12\t172\t-38',
    `2\tXã Tây Sơn\t95\t${exitsB}\t3\t${endB}\t${Number(endB) - 95}`,
    '3\tXã Nam Sơn\t180\t40\t9\t149\t-31',
    `\tTổng cộng\t485\t${90 + Number(exitsB)}\t24\t${321 + Number(endB)}\t${321 + Number(endB) - 485}`,
  ].join('\n');
}

describe('a count below zero in a column of counts', () => {
  it('an end of −3 households (exits typed 101 for 10) is found at its cell, though every formula holds', () => {
    const r = check(flows('101', '-3'));
    expect(r.findings.map(at)).toEqual(['out-of-bounds row 3 “-3”']);
    expect(r.findings[0]!.location.columnKey).toBe('Số hộ nghèo cuối năm');
    expect(r.findings[0]!.message).toMatch(/≥ 0/);
  });

  it('the correct twin gives no finding, and the column of changes may be below zero', () => {
    expect(check(flows('10', '88')).findings).toEqual([]);
  });

  it('a column of changes is never bounded, whatever its header (“Chênh lệch”, “So với năm trước”)', () => {
    expect(check(flows('10', '88', 'Chênh lệch')).findings).toEqual([]);
    expect(check(flows('10', '88', 'So với đầu năm')).findings).toEqual([]);
  });
});
