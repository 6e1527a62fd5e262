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
