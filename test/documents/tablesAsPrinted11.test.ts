import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';

// A district's “Biểu 3. Nguồn vốn thực hiện Chương trình” by source: Roman groups (I. ngân sách trung
// ương, II. ngân sách địa phương) over their own 1, 2; a Roman row with no rows under it (III. vốn huy động
// khác) is its own figure. Each planted error once, and its twin printed right gives no finding.

const at = (f: CheckFinding): string => `${f.code} row ${f.location.row} col ${f.location.column} “${f.printed ?? ''}” expected ${f.expected ?? ''} (${f.difference ?? ''})`;
const check = (text: string) => checkDocument(readTextDocument(text));

function bySource(total: string, ii: string, iChildren = ['30.200', '18.450']): string {
  return [
    'Biểu 3. Nguồn vốn thực hiện Chương trình giai đoạn 2021-2025',
    'STT\tNguồn vốn\tKế hoạch vốn (triệu đồng)',
    `\tTổng cộng\t${total}`,
    'I\tVốn ngân sách trung ương\t48.650',
    `1\tVốn đầu tư phát triển\t${iChildren[0]}`,
    `2\tVốn sự nghiệp\t${iChildren[1]}`,
    `II\tVốn ngân sách địa phương\t${ii}`,
    '1\tVốn đầu tư phát triển\t3.020',
    '2\tVốn sự nghiệp\t1.845',
  ].join('\n');
}

function withChildless(ii: string): string {
  return [
    'STT\tNguồn vốn\tKế hoạch vốn (triệu đồng)',
    'I\tVốn ngân sách trung ương\t48.650',
    '1\tVốn đầu tư phát triển\t30.200',
    '2\tVốn sự nghiệp\t18.450',
    `II\tVốn ngân sách địa phương\t${ii}`,
    '1\tVốn đầu tư phát triển\t3.020',
    '2\tVốn sự nghiệp\t1.845',
    'III\tVốn huy động hợp pháp khác\t1.200',
    '\tTổng cộng\t54.715',
  ].join('\n');
}

describe('Roman group rows are siblings', () => {
  it('the table printed right gives no finding', () => {
    expect(check(bySource('53.515', '4.865')).findings).toEqual([]);
    expect(check(withChildless('4.865')).findings).toEqual([]);
  });
  it('a wrong II is found at II, against its own 1, 2 (before: read as a heading, left unchecked)', () => {
    const r = check(bySource('53.515', '4.965'));
    expect(r.findings.map(at)).toEqual(['sum-mismatch row 6 col 3 “4.965” expected 4.865 (100)']);
    expect(r.unchecked).toEqual([]);
  });
  it('II printed as the sum of I’s children is found at II, never read as their sum (before: no finding)', () => {
    expect(check(bySource('53.515', '48.650')).findings.map(at)).toEqual(['sum-mismatch row 6 col 3 “48.650” expected 4.865 (43785)']);
  });
  it('a Roman row with no rows under it is an item of the total, not the sum of II’s rows (before: a false finding at III)', () => {
    const r = check(withChildless('4.865'));
    expect(r.unchecked).toEqual([]);
    expect(check(withChildless('4.965')).findings.map(at)).toEqual(['sum-mismatch row 5 col 3 “4.965” expected 4.865 (100)']);
  });
});
