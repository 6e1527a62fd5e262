/**
 * What a spreadsheet shows and its cells do not say alone: merged cells, values to the right of
 * the header, hidden rows and columns. Each case was read wrong, or without a word, before.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../../src/io/readRecords.js';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { GOOD_REGISTER, expectOutcome, expectRefused, writeCsv } from './_hostile.js';
import { inline, numberCell, rawXlsx, type RawSheet } from './_rawXlsx.js';

const dir = tempDirs('vnp-hostile-layout-');
const AS_OF = ['--as-of', '2024-01-01'];
const HEAD = ['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Số nhân khẩu', 'Thiếu hụt: bảo hiểm y tế', 'Thiếu hụt: nhà tiêu hợp vệ sinh', 'Thiếu hụt: dịch vụ viễn thông', 'Thôn'];
const LETTERS = 'ABCDEFGHIJKLMNOPQ';
const headRow = `<row r="1">${HEAD.map((h, i) => inline(`${LETTERS[i]}1`, h)).join('')}</row>`;

/** A household row: cells left out where `skip` names their column (a merged range covers them). */
function household(r: number, id: string, income: string, skip = '', extra = '', attrs = ''): string {
  const cells: Record<string, string> = { A: inline(`A${r}`, id), B: inline(`B${r}`, '30316'), C: inline(`C${r}`, 'nông thôn'), D: numberCell(`D${r}`, income), E: numberCell(`E${r}`, '4'), F: inline(`F${r}`, 'có'), G: inline(`G${r}`, 'có'), H: inline(`H${r}`, 'có'), I: inline(`I${r}`, `Thôn ${r}`) };
  return `<row r="${r}"${attrs}>${Object.entries(cells).filter(([k]) => !skip.includes(k)).map(([, c]) => c).join('')}${extra}</row>`;
}
const sheet = (rows: string, after = '', before = ''): RawSheet => ({ name: 'DS', xml: `${before}<sheetData>${rows}</sheetData>${after}` });
const merges = (...refs: string[]): string => `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;

/** A classified file as summarize reads it: id, unit, status, members; `skip` leaves out covered cells. */
const CLASSIFIED = `<row r="1">${['Mã hộ', 'Mã đơn vị', 'Mã phân loại', 'Số nhân khẩu'].map((h, i) => inline(`${LETTERS[i]}1`, h)).join('')}</row>`;
function classified(r: number, status: string, skip = '', extra = '', attrs = ''): string {
  const cells: Record<string, string> = { A: inline(`A${r}`, `H${r}`), B: inline(`B${r}`, '30316'), C: inline(`C${r}`, status), D: numberCell(`D${r}`, '4') };
  return `<row r="${r}"${attrs}>${Object.entries(cells).filter(([k]) => !skip.includes(k)).map(([, c]) => c).join('')}${extra}</row>`;
}

function write(name: string, s: RawSheet): string {
  const path = join(dir(), name);
  writeFileSync(path, rawXlsx([s]));
  return path;
}

describe('merged cells', () => {
  it('an area and a village merged down over their households are read on each row, and said', async () => {
    // before: row 3 refused ("Khu vực" empty) with no word about the merge
    const rows = household(2, 'H1', '1500000') + household(3, 'H2', '1500000', 'BCI') + household(4, 'H3', '9000000', 'BCI');
    const path = write('area.xlsx', sheet(headRow + rows, merges('B2:B4', 'C2:C4', 'I2:I4')));
    const run = await expectOutcome(['classify', path, ...AS_OF], { code: 0, unchanged: [path], mentions: ['area.xlsx: cells DS!C2:C4 are merged: read as “nông thôn” on each of rows 2–4 of column C', 'cells DS!I2:I4 are merged: read as “Thôn 2” on each of rows 2–4 of column I'] });
    const out = run.out.trim().split('\r\n').slice(1);
    expect(out).toHaveLength(3);
    for (const line of out) expect(line).toMatch(/,30316,nông thôn,.*Thôn 2/);
    const units = write('units.xlsx', sheet(CLASSIFIED + classified(2, 'poor') + classified(3, 'poor', 'B') + classified(4, 'near-poor', 'B'), merges('B2:B4')));
    const summary = await expectOutcome(['summarize', units], { code: 0, unchanged: [units], mentions: ['units.xlsx: cells DS!B2:B4 are merged: read as “30316” on each of rows 2–4 of column B'] });
    expect(summary.out).toMatch(/^đơn vị,30316,,3,12,2,/m);
  });

  it('an income merged over several households is refused naming the range, never read on one row alone', async () => {
    const path = write('income.xlsx', sheet(headRow + household(2, 'H1', '1500000') + household(3, 'H2', '1500000', 'D'), merges('D2:D3')));
    await expectRefused(['classify', path, ...AS_OF], ['income.xlsx, row 3, column 4', 'cell DS!D3 is part of the merged cells DS!D2:D3 (rows 2–3 of column D), which show “1500000” once', 'Unmerge'], [path]);
    const members = write('members.xlsx', sheet(CLASSIFIED + classified(2, 'poor') + classified(3, 'poor', 'D'), merges('D2:D3')));
    await expectRefused(['summarize', members], ['members.xlsx, row 3, column 4', 'cell DS!D3 is part of the merged cells DS!D2:D3'], [members]);
  });

  it('a title merged across the sheet above the header, and an empty merged range, change nothing', async () => {
    const rows = `<row r="1">${inline('A1', 'DANH SÁCH HỘ NGHÈO NĂM 2024')}</row>${headRow.replace(/r="1"/g, 'r="2"').replace(/([A-Z])1"/g, '$12"')}${household(3, 'H1', '1500000', 'J')}${household(4, 'H2', '9000000')}`;
    const path = write('title.xlsx', sheet(rows, merges('A1:I1', 'J3:J4')));
    const run = await expectOutcome(['classify', path, ...AS_OF], { code: 0, unchanged: [path] });
    expect(run.out.trim().split('\r\n').slice(1).map((l) => l.split(',')[0])).toEqual(['H1', 'H2']);
    expect(run.err).not.toContain('merged');
  });

  it('a village heading merged across the table stays a heading, not a household', async () => {
    const rows = household(2, 'H1', '1500000') + `<row r="3">${inline('A3', 'Thôn Đông')}</row>` + household(4, 'H2', '1500000');
    const path = write('heading.xlsx', sheet(headRow + rows, merges('A3:I3')));
    const run = await expectOutcome(['classify', path, ...AS_OF], { code: 0, unchanged: [path] });
    expect(run.out.trim().split('\r\n').slice(1).map((l) => l.split(',')[0])).toEqual(['H1', 'H2']);
    expect(run.err).not.toContain('merged');
  });

  it('a household id merged over rows is filled, so the repeated household is found and named', async () => {
    const path = write('ids.xlsx', sheet(headRow + household(2, 'H1', '1500000') + household(3, 'H1', '1500000', 'A'), merges('A2:A3')));
    await expectOutcome(['classify', path, ...AS_OF], { code: 1, unchanged: [path], mentions: ['household id "H1" appears again (first on row 2)', 'cells DS!A2:A3 are merged'] });
  });
});

describe('merged cells over the member rows of a household (one row per member)', () => {
  const MEMBERS = `<row r="1">${['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi'].map((h, i) => inline(`${LETTERS[i]}1`, h)).join('')}</row>`;
  const member = (r: number, age: string, first?: { id: string; income: string }): string =>
    `<row r="${r}">${first !== undefined ? `${inline(`A${r}`, first.id)}${inline(`B${r}`, 'nông thôn')}${numberCell(`C${r}`, first.income)}` : ''}${numberCell(`D${r}`, age)}</row>`;

  it("an id, area and income merged down over one household's members are that household's, on each row", async () => {
    const rows = member(2, '45', { id: 'H1', income: '30000000' }) + member(3, '40') + member(4, '12') + member(5, '30', { id: 'H2', income: '9000000' });
    const path = write('members-merged.xlsx', sheet(MEMBERS + rows, merges('A2:A4', 'B2:B4', 'C2:C4')));
    const run = await expectOutcome(['classify', path, ...AS_OF], { code: 0, unchanged: [path], mentions: ['cells DS!A2:A4 are merged: read as “H1” on each of rows 2–4 of column A', 'cells DS!C2:C4 are merged: read as “30000000”'] });
    const out = run.out.trim().split('\r\n').slice(1);
    expect(out.map((l) => l.split(',')[0])).toEqual(['H1', 'H2']);
    expect(out[0]).toContain(',3,');
  });

  it("a yes/no flag merged down over one household's members is read on each; merged over two households it is refused saying how to unmerge", async () => {
    const FLAGGED = `<row r="1">${['Mã hộ', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi', 'Thiếu hụt: bảo hiểm y tế'].map((h, i) => inline(`${LETTERS[i]}1`, h)).join('')}</row>`;
    const flagged = (r: number, age: string, first?: string, flag?: string): string => member(r, age, first !== undefined ? { id: first, income: '4000000' } : undefined).replace('</row>', `${flag !== undefined ? inline(`E${r}`, flag) : ''}</row>`);
    const one = write('flag-one.xlsx', sheet(FLAGGED + flagged(2, '45', 'H1', 'có') + flagged(3, '40') + flagged(4, '30', 'H2', 'không'), merges('A2:A3', 'B2:B3', 'C2:C3', 'E2:E3')));
    await expectOutcome(['classify', one, ...AS_OF], { code: 0, unchanged: [one], mentions: ['cells DS!E2:E3 are merged: read as “có” on each of rows 2–3 of column E'] });
    const two = write('flag-two.xlsx', sheet(FLAGGED + flagged(2, '45', 'H1', 'có') + flagged(3, '40') + flagged(4, '30', 'H2'), merges('A2:A3', 'E2:E4')));
    await expectRefused(['classify', two, ...AS_OF], ['flag-two.xlsx, row 4, column 5 (Thiếu hụt: bảo hiểm y tế): cell DS!E4 is part of the merged cells DS!E2:E4', 'unmerge the cells (Home › Merge & Center › Unmerge Cells) and write the value on each row'], [two]);
  });

  it('an income merged over the rows of two households is refused naming the range', async () => {
    const rows = member(2, '45', { id: 'H1', income: '4000000' }) + member(3, '40') + `<row r="4">${inline('A4', 'H2')}${inline('B4', 'nông thôn')}${numberCell('D4', '30')}</row>`;
    const path = write('members-two.xlsx', sheet(MEMBERS + rows, merges('A2:A3', 'B2:B4', 'C2:C4')));
    await expectRefused(['classify', path, ...AS_OF], ['row 4, column 3', 'cell DS!C4 is part of the merged cells DS!C2:C4'], [path]);
  });
});

describe('a value to the right of the header', () => {
  it('is refused naming the cell; cells holding only spaces are fine', async () => {
    // before: the 12 in column K was dropped without a word
    const path = write('wide.xlsx', sheet(headRow + household(2, 'H1', '1500000') + household(3, 'H2', '1500000', '', `${inline('J3', '  ')}${numberCell('K3', '12')}`)));
    await expectRefused(['classify', path, ...AS_OF], ['wide.xlsx, row 3: cell DS!K3 holds “12” but column K has no header (the header on row 1 ends at column I)'], [path]);
    const summarized = write('wide-classified.xlsx', sheet(CLASSIFIED + classified(2, 'poor') + classified(3, 'poor', '', numberCell('F3', '12'))));
    await expectRefused(['summarize', summarized], ['wide-classified.xlsx, row 3: cell DS!F3 holds “12” but column F has no header (the header on row 1 ends at column D)'], [summarized]);
    const spaces = write('spaces.xlsx', sheet(headRow + household(2, 'H1', '1500000', '', inline('J2', '   '))));
    await expectOutcome(['classify', spaces, ...AS_OF], { code: 0, unchanged: [spaces] });
  });
});

describe('workbooks of several sheets', () => {
  it('the sheet read and those not read are named (hidden ones said so) when no --sheet is given: a register split over sheets is never read in part silently (before: silent)', async () => {
    const path = join(dir(), 'nhieu-sheet.xlsx');
    const rows = (id: string): string => `<sheetData>${headRow}${household(2, id, '1500000')}</sheetData>`;
    writeFileSync(path, rawXlsx([{ name: 'Cũ', state: 'hidden', xml: rows('H0') }, { name: 'Thôn 1', xml: rows('H1') }, { name: 'Thôn 2', xml: rows('H2') }, { name: 'Nháp', state: 'veryHidden', xml: rows('H3') }]));
    const note = 'nhieu-sheet.xlsx: the sheet "Thôn 1" is read, the first visible of its 4 worksheets; the others, "Cũ" (hidden), "Thôn 2", "Nháp" (very hidden), are not read: name the sheet to read with --sheet NAME (the sheet option)';
    const run = await expectOutcome(['classify', path, ...AS_OF], { code: 0, unchanged: [path], mentions: [note] });
    expect(run.out.trim().split('\r\n').slice(1).map((l) => l.split(',')[0])).toEqual(['H1']);
    // the reader of a printed table (reconcile) says it the same way
    expect((await readSheetGrid(path)).notes[0]).toBe(note);
    // a sheet named is read without the note
    const named = await expectOutcome(['classify', path, ...AS_OF, '--sheet', 'Thôn 2'], { code: 0, unchanged: [path] });
    expect(named.err).not.toContain('are not read');
    expect(named.out.trim().split('\r\n').slice(1).map((l) => l.split(',')[0])).toEqual(['H2']);
  });
});

describe('hidden rows and columns', () => {
  it('are read as data, and the run summary says how many', async () => {
    const path = write('hidden.xlsx', sheet(headRow + household(2, 'H1', '1500000') + household(3, 'H2', '1500000', '', '', ' hidden="1"') + household(4, 'H3', '1500000'), '', '<cols><col min="9" max="9" width="0" hidden="1"/></cols>'));
    const run = await expectOutcome(['classify', path, ...AS_OF], { code: 0, unchanged: [path], mentions: ['hidden.xlsx: the sheet "DS": row 3 and column I are hidden in the spreadsheet and read as data, as every row and column is'] });
    expect(run.out.trim().split('\r\n').slice(1)).toHaveLength(3);
    const summarized = write('hidden-classified.xlsx', sheet(CLASSIFIED + classified(2, 'poor') + classified(3, 'poor', '', '', ' hidden="true"'), '', '<cols><col min="1" max="2" hidden="1"/></cols>'));
    await expectOutcome(['summarize', summarized], { code: 0, unchanged: [summarized], mentions: ['hidden-classified.xlsx: the sheet "DS": row 3 and columns A, B are hidden in the spreadsheet and read as data'] });
  });

  it('the columns the library’s own XLSX output hides (status codes, indicator ids) are not named when it is read back; a column the user hid still is', async () => {
    const d = dir();
    const register = writeCsv(d, 'ho.csv', GOOD_REGISTER);
    const output = join(d, 'ket-qua.xlsx');
    await expectOutcome(['classify', register, ...AS_OF, '--out', output], { code: 0 });
    // before: "8 hidden columns (H, K, M, N, P, Q, R, S) … read as data" on the library's own file
    const run = await expectOutcome(['summarize', output], { code: 0, unchanged: [output] });
    expect(run.err).not.toContain('hidden');
    // before: with English headers, summarize refused classify's own output (`Status (Vietnamese)` taken for a second `Status`)
    for (const headers of ['en', 'vi']) {
      const other = join(d, `ket-qua-${headers}.xlsx`);
      await expectOutcome(['classify', register, ...AS_OF, '--headers', headers, '--out', other], { code: 0 });
      expect((await expectOutcome(['summarize', other], { code: 0 })).err).not.toContain('hidden');
    }
    // the user's hidden column under a header of their own is still named
    const user = write('user-hidden.xlsx', sheet(CLASSIFIED + classified(2, 'poor'), '', '<cols><col min="1" max="1" hidden="1"/></cols>'));
    await expectOutcome(['summarize', user], { code: 0, mentions: ['user-hidden.xlsx: the sheet "DS": column A is hidden in the spreadsheet and read as data'] });
  });

  it('a sheet with nothing hidden says nothing of it', async () => {
    const path = write('plain.xlsx', sheet(headRow + household(2, 'H1', '1500000')));
    const run = await expectOutcome(['classify', path, ...AS_OF], { code: 0, unchanged: [path] });
    expect(run.err).not.toContain('hidden');
  });
});

describe('measures reads a survey workbook under the same rules', () => {
  const SPEC = JSON.stringify({ dimensions: [{ id: 'sức khoẻ', indicators: [{ id: 'd_nutr' }] }, { id: 'giáo dục', indicators: [{ id: 'd_educ' }] }] });
  const HEADER = `<row r="1">${inline('A1', 'd_nutr')}${inline('B1', 'd_educ')}${inline('C1', 'khu_vuc')}</row>`;
  const unit = (r: number, a: string, b: string, area?: string, extra = ''): string => `<row r="${r}">${numberCell(`A${r}`, a)}${numberCell(`B${r}`, b)}${area !== undefined ? inline(`C${r}`, area) : ''}${extra}</row>`;

  it('a group merged down is filled and said; an indicator merged down, or a value right of the header, is refused', async () => {
    const d = dir();
    const spec = join(d, 'chi-so.json');
    writeFileSync(spec, SPEC);
    const grouped = write('survey.xlsx', sheet(HEADER + unit(2, '1', '1', 'nông thôn') + unit(3, '0', '1') + unit(4, '1', '0', 'thành thị'), merges('C2:C3')));
    const run = await expectOutcome(['measures', grouped, '--indicators', spec, '--by', 'khu_vuc'], { code: 0, unchanged: [grouped], mentions: ['survey.xlsx: cells DS!C2:C3 are merged: read as “nông thôn” on each of rows 2–3 of column C'] });
    expect(run.out).toMatch(/^H,khu_vuc,nông thôn,33,.*,2,2$/m);
    const indicator = write('indicator.xlsx', sheet(HEADER + unit(2, '1', '1', 'nông thôn') + `<row r="3">${numberCell('B3', '1')}${inline('C3', 'nông thôn')}</row>`, merges('A2:A3')));
    await expectRefused(['measures', indicator, '--indicators', spec], ['indicator.xlsx, row 3, column 1 (d_nutr): cell DS!A3 is part of the merged cells DS!A2:A3'], [indicator]);
    const wide = write('wide-survey.xlsx', sheet(HEADER + unit(2, '1', '1', 'nông thôn', numberCell('E2', '7'))));
    await expectRefused(['measures', wide, '--indicators', spec], ['wide-survey.xlsx, row 2: cell DS!E2 holds “7” but column E has no header'], [wide]);
  });
});

describe('the reader API', () => {
  it('readRecords fills a merged text column and reports the note through onNote', async () => {
    const path = write('api.xlsx', sheet(headRow + household(2, 'H1', '1500000') + household(3, 'H2', '1500000', 'I'), merges('I2:I3')));
    const notes: string[] = [];
    const villages: unknown[] = [];
    for await (const r of readRecords(path, [{ key: 'village', hint: 'text', vi: 'Thôn', en: 'Village' }], { onNote: (n) => notes.push(n) })) villages.push(r.values.village);
    expect(villages).toEqual(['Thôn 2', 'Thôn 2']);
    expect(notes).toEqual(['api.xlsx: cells DS!I2:I3 are merged: read as “Thôn 2” on each of rows 2–3 of column I']);
  });
});
