/**
 * How the library's own sheets print: A4 landscape, as wide as the page, as many pages down as
 * it takes, the header rows on every page, a page number in the footer. One place, so that every
 * sheet the library writes (tables, findings, templates) prints the same way.
 */
import type ExcelJS from 'exceljs';

/**
 * The page setup of a sheet whose header is on row `headerRow` (repeated on every printed page).
 * @example
 * printSetup(5).printTitlesRow //=> '5:5'
 */
export function printSetup(headerRow: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** Footer: the page number on the left, the sheet's name on the right. */
export const PRINT_FOOTER: Partial<ExcelJS.HeaderFooter> = Object.freeze({ oddFooter: '&LTrang &P / &N&R&A' });

/**
 * Sets the page setup, the footer and a frozen header on a sheet of a (non-streamed) workbook.
 * @example
 * printable(workbook.addWorksheet('Kết quả kiểm tra'), 1)
 */
export function printable(sheet: ExcelJS.Worksheet, headerRow: number): void {
  Object.assign(sheet.pageSetup, printSetup(headerRow));
  Object.assign(sheet.headerFooter, PRINT_FOOTER);
  sheet.views = [{ state: 'frozen', ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }];
}

/** Letters of text per unit of column width: a width counts digits "0", and most letters are narrower. */
const LETTERS_PER_WIDTH = 1.1;
/** Points per line of text in the default font. */
export const LINE_HEIGHT = 15;

/**
 * The lines a text wraps onto in a column of a width, breaking between words (a word longer than
 * a line has a line of its own); line breaks in the text are kept.
 * @example
 * wrappedLines('người phụ thuộc trong hộ gia đình; bảo hiểm y tế', 20) //=> 3
 */
export function wrappedLines(text: string, columnWidth: number): number {
  const width = Math.max(1, Math.floor((columnWidth - 1) * LETTERS_PER_WIDTH));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      if (used === 0) used = word.length;
      else if (used + 1 + word.length <= width) used += 1 + word.length;
      else {
        lines += 1;
        used = word.length;
      }
    }
  }
  return Math.max(1, lines);
}

/**
 * Gives a row the height of its longest wrapped cell: spreadsheets do not all fit a row to its
 * wrapped text when they open a file, and a printed row must show all of it.
 * @example
 * fitRowHeight(sheet.addRow(['…a long message…']), [90])
 */
export function fitRowHeight(row: ExcelJS.Row, widths: ReadonlyArray<number | undefined>): void {
  let lines = 1;
  row.eachCell((cell, col) => {
    if (cell.alignment?.wrapText !== true || typeof cell.value !== 'string') return;
    lines = Math.max(lines, wrappedLines(cell.value, widths[col - 1] ?? 10));
  });
  if (lines > 1) row.height = lines * LINE_HEIGHT;
}
