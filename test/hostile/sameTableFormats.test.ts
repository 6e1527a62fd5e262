/**
 * One table, three files: the same commune table saved as Word (.docx), Excel (.xlsx, figures as
 * number cells under their number formats) and text (.txt, tab-separated) is read as the same
 * cells and gives the same findings, whatever its figures and wherever a figure is misprinted.
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/_internal/_decimal.js';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readXlsxDocument } from '../../src/io/readXlsxDocument.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { DocumentModel } from '../../src/documents/documentModel.js';
import { esc, inline, numberCell, rawXlsx } from './_rawXlsx.js';

const HEADER = ['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'] as const;
const NAMES = ['Xã An Phú', 'Xã Bình Minh', 'Xã Tân Lập', 'Xã Đông Hòa', 'Xã Phú Lộc', 'Xã Yên Bình', 'Thị trấn Mường Khến'];

/** A row as figures: households, poor, the rate in hundredths of a percent (5,07 % is 507). */
interface Row {
  readonly name: string;
  readonly households: number;
  readonly poor: number;
  readonly rate: number;
}

const rateOf = (poor: number, households: number): number => new Decimal(poor).times(10000).dividedBy(households).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
/** A figure the Vietnamese way: thousands grouped by dots (`2.368`), or a rate with two decimals (`5,07`). */
const vnCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const vnRate = (hundredths: number): string => `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;

/** The table's rows with a total, and an optional misprint: a count or a rate of one row off by `by`. */
const tables = fc
  .record({
    communes: fc.array(fc.record({ households: fc.integer({ min: 150, max: 6000 }), share: fc.integer({ min: 0, max: 300 }) }), { minLength: 2, maxLength: 6 }),
    misprint: fc.option(fc.record({ row: fc.nat(), column: fc.constantFrom('poor', 'rate', 'households'), by: fc.integer({ min: 1, max: 90 }) }), { nil: undefined }),
  })
  .map(({ communes, misprint }) => {
    const rows: Row[] = communes.map((c, i) => {
      const poor = Math.floor((c.households * c.share) / 1000);
      return { name: NAMES[i]!, households: c.households, poor, rate: rateOf(poor, c.households) };
    });
    const households = rows.reduce((n, r) => n + r.households, 0);
    const poor = rows.reduce((n, r) => n + r.poor, 0);
    rows.push({ name: 'Tổng cộng', households, poor, rate: rateOf(poor, households) });
    if (misprint !== undefined) {
      const at = misprint.row % rows.length;
      const r = rows[at]!;
      rows[at] = { ...r, [misprint.column]: r[misprint.column] + misprint.by };
    }
    return rows;
  });

const label = (rows: readonly Row[], i: number): string => (i === rows.length - 1 ? '' : String(i + 1));

function asText(rows: readonly Row[]): string {
  return [HEADER.join('\t'), ...rows.map((r, i) => [label(rows, i), r.name, vnCount(r.households), vnCount(r.poor), vnRate(r.rate)].join('\t'))].join('\n') + '\n';
}

function asDocx(rows: readonly Row[]): Uint8Array {
  const cell = (t: string): string => `<w:tc><w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p></w:tc>`;
  const trs = [HEADER, ...rows.map((r, i) => [label(rows, i), r.name, vnCount(r.households), vnCount(r.poor), vnRate(r.rate)])].map((cells) => `<w:tr>${cells.map(cell).join('')}</w:tr>`).join('');
  const xml = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>${trs}</w:tbl></w:body></w:document>`;
  return zipSync({ 'word/document.xml': new TextEncoder().encode(xml) });
}

/** How an `.xlsx` holds a count: a number under `#,##0` (`2.368`), a number under General (`2368`), or text typed with its dot (`"2.368"`). */
type CountCell = 'grouped' | 'general' | 'text';

/** Counts as `counts` says, rates as the fraction under `0.00%` (style 2) or as the percent under `0.00` (style 3). */
function asXlsx(rows: readonly Row[], percentCells: boolean, counts: CountCell = 'grouped'): Buffer {
  const ref = (c: number, r: number): string => `${'ABCDE'[c]}${r}`;
  const count = (at: string, n: number): string => (counts === 'text' ? inline(at, vnCount(n)) : numberCell(at, String(n), counts === 'grouped' ? 1 : 0));
  const head = `<row r="1">${HEADER.map((h, c) => inline(ref(c, 1), h)).join('')}</row>`;
  const body = rows
    .map((r, i) => {
      const n = i + 2;
      const rate = percentCells ? numberCell(ref(4, n), new Decimal(r.rate).dividedBy(10000).toFixed(), 2) : numberCell(ref(4, n), new Decimal(r.rate).dividedBy(100).toFixed(), 3);
      return `<row r="${n}">${label(rows, i) === '' ? '' : numberCell(ref(0, n), label(rows, i))}${inline(ref(1, n), r.name)}${count(ref(2, n), r.households)}${count(ref(3, n), r.poor)}${rate}</row>`;
    })
    .join('');
  const styles = `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="3" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>`;
  return rawXlsx([{ name: 'Biểu 1', xml: `<sheetData>${head}${body}</sheetData>` }], { styles });
}

/** A figure as compared across files: `2.368` and `2368` are one figure, `5,07%` and `5,07` one rate. */
const figure = (t: string): string => t.replace('%', '').replace(/(\d)\.(?=\d{3}\b)/g, '$1');
/** What a finding says, apart from where in the file its table stands. */
const said = (model: DocumentModel): string[] =>
  checkDocument(model).findings.map((f) => `${f.severity} ${f.code} row ${f.location.row ?? ''} column ${f.location.column ?? ''}: printed ${figure(f.printed ?? '')}, expected ${figure(f.expected ?? '')}`);
const cells = (model: DocumentModel): string[][] => model.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows.map((r) => r.map((c) => figure(c.text))).flat()] : []));

describe('properties', () => {
  it('the same table as .docx, .xlsx (rates as percent cells or as typed figures; counts grouped, General or typed as text) and .txt is read as the same cells and gives the same findings', async () => {
    // 200 runs: each writes and reads two zips and checks four documents
    await fc.assert(
      fc.asyncProperty(tables, fc.boolean(), fc.constantFrom<CountCell>('grouped', 'general', 'text'), async (rows, percentCells, counts) => {
        const text = readTextDocument(asText(rows), { source: 'kh.txt' });
        const docx = readDocxDocument(asDocx(rows), { source: 'kh.docx' });
        const xlsx = await readXlsxDocument(asXlsx(rows, percentCells, counts), { source: 'kh.xlsx' });
        expect(cells(docx)).toEqual(cells(text));
        expect(cells(xlsx)).toEqual(cells(text));
        const expected = said(text);
        expect(said(docx)).toEqual(expected);
        expect(said(xlsx)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('a misprinted rate is found in all three, at the same cell; its correct twin gives none', async () => {
    const rows: Row[] = [
      { name: 'Xã An Phú', households: 2368, poor: 120, rate: 507 },
      { name: 'Xã Bình Minh', households: 1500, poor: 60, rate: 450 },
      { name: 'Tổng cộng', households: 3868, poor: 180, rate: 465 },
    ];
    const twin = rows.map((r, i) => (i === 1 ? { ...r, rate: 400 } : r));
    for (const [table, n] of [[rows, 1], [twin, 0]] as const) {
      const models = [readTextDocument(asText(table)), readDocxDocument(asDocx(table)), await readXlsxDocument(asXlsx(table, true)), await readXlsxDocument(asXlsx(table, false))];
      for (const m of models) expect(said(m)).toHaveLength(n);
    }
  });
});
