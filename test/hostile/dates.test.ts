/**
 * Dates as offices type and save them: day first (Vietnamese practice), month first by a US
 * setting, a year alone, a date cell formatted as a number, the 1904 date system of Mac Excel.
 * A date is read day first or refused saying what it looks like, never moved to another day.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../../src/io/columns.js';
import { readRecords } from '../../src/io/readRecords.js';
import { readSheetGrid } from '../../src/io/readSheetGrid.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { expectOutcome, writeText } from './_hostile.js';
import { inline, numberCell, rawXlsx, stylesWithFormat } from './_rawXlsx.js';

const dir = tempDirs('vnp-hostile-dates-');
const COLUMNS: ColumnSpec[] = [
  { key: 'unit', hint: 'text', vi: 'Mã đơn vị', en: 'Unit' },
  { key: 'from', hint: 'date', vi: 'Hiệu lực từ', en: 'Valid from' },
];

async function dates(file: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const r of readRecords(file, COLUMNS)) out.push(r.values.from);
  return out;
}
const csv = (cells: readonly string[]): string => {
  const path = join(dir(), 'hieu-luc.csv');
  writeFileSync(path, `Mã đơn vị,Hiệu lực từ\r\n${cells.map((c, i) => `${i + 1},${c}`).join('\r\n')}\r\n`);
  return path;
};

describe('dates typed as text', () => {
  it('are read day first, with or without leading zeros, and ISO dates as written', async () => {
    expect(await dates(csv(['01/12/2023', '1/12/2023', '2023-12-01', '12/01/2023', '01.12.2023']))).toEqual(['2023-12-01', '2023-12-01', '2023-12-01', '2023-01-12', '2023-12-01']);
  });

  it('one written month first is refused saying so and how to write it (before: "a month from 1 to 12")', async () => {
    await expect(dates(csv(['01/12/2023', '12/31/2023']))).rejects.toThrow(/row 3, column 2 \(Hiệu lực từ\): got "12\/31\/2023", expected a date written day first, DD\/MM\/YYYY; this one looks written month first .*write 31\/12\/2023, and check the column's other dates/);
  });

  it('one that reads two ways (05/06/2023) is read day first and said, naming the cell and both readings, once per column (before: silently)', async () => {
    const notes: string[] = [];
    const out: unknown[] = [];
    for await (const r of readRecords(csv(['13/06/2023', '05/06/2023', '07/08/2023', '06/06/2023']), COLUMNS, { onNote: (n) => notes.push(n) })) out.push(r.values.from);
    expect(out).toEqual(['2023-06-13', '2023-06-05', '2023-08-07', '2023-06-06']);
    expect(notes).toEqual([
      'hieu-luc.csv, row 3, column 2 (Hiệu lực từ): "05/06/2023" is read day first, as Vietnamese dates are written: 5 June 2023 (2023-06-05), not 6 May 2023 (2023-05-06) (month first, as US English writes it); the column\'s other dates that read both ways are read day first too: if they were typed month first, correct them (write them as YYYY-MM-DD, or day first)',
    ]);
  });

  it('summarize says so on stderr for a classified file whose reference date was retyped 05/06/2023', async () => {
    const path = writeText(dir(), 'da-phan-loai.csv', 'Mã hộ,Mã đơn vị,Mã phân loại,Ngày tham chiếu\r\nH1,X1,poor,05/06/2023\r\nH2,X1,non-poor,05/06/2023\r\n');
    await expectOutcome(['summarize', path], { code: 0, unchanged: [path], mentions: ['da-phan-loai.csv, row 2, column 4 (Ngày tham chiếu): "05/06/2023" is read day first, as Vietnamese dates are written: 5 June 2023 (2023-06-05), not 6 May 2023'] });
  });

  it('one that is no date either way (13/25/2023) is refused naming the cell and why', async () => {
    await expect(dates(csv(['01/12/2023', '13/25/2023']))).rejects.toThrow('hieu-luc.csv, row 3, column 2 (Hiệu lực từ): got "13/25/2023", expected a date written day first, DD/MM/YYYY; 13/25/2023 is no date read either way (day first its month would be 25, month first its month would be 13; a month is from 1 to 12): correct the cell');
  });

  it('a year alone, or a date saved as its serial number, is refused saying what it looks like', async () => {
    await expect(dates(csv(['2023']))).rejects.toThrow(/got "2023", .*a year alone is not a date/);
    await expect(dates(csv(['45261']))).rejects.toThrow(/got "45261", .*a date shown as a number .*Format the cells as dates/);
    const path = join(dir(), 'so.xlsx');
    const row = (r: number, unit: string, cell: string): string => `<row r="${r}">${inline(`A${r}`, unit)}${cell}</row>`;
    writeFileSync(path, rawXlsx([{ name: 'S', xml: `<sheetData>${row(1, 'Mã đơn vị', inline('B1', 'Hiệu lực từ'))}${row(2, '1', numberCell('B2', '45261'))}</sheetData>` }]));
    await expect(dates(path)).rejects.toThrow(/got "45261", .*a date shown as a number/);
  });
});

describe('the 1904 date system (Mac Excel) in the readers of whole workbooks', () => {
  it('a date cell is the date the workbook shows, in readSheetGrid (reconcile) and readXlsxDocument (check)', async () => {
    // 43538 days after 1904-01-01 is 15/03/2023; counted from 1900 it would be 15/03/2019, 1,462 days off
    const xml = `<sheetData><row r="1">${inline('A1', 'Ngày')}${inline('B1', 'Số hộ')}</row><row r="2">${numberCell('A2', '43538', 1)}${numberCell('B2', '120')}</row></sheetData>`;
    const bytes = rawXlsx([{ name: 'S', xml }], { styles: stylesWithFormat('dd/mm/yyyy'), workbookPr: '<workbookPr date1904="1"/>' });
    const path = join(dir(), 'mac.xlsx');
    writeFileSync(path, bytes);
    expect((await readSheetGrid(path)).grid[1]).toEqual(['2023-03-15', '120']);
    const table = (await readXlsxDocument(bytes)).blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' ? table.rows[1]!.map((c) => c.text) : undefined).toEqual(['2023-03-15', '120']);
  });
});
