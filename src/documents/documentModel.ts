import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { parseInput } from '../errors/VnPovertyError.js';
import { assertOptions } from '../errors/assertOptions.js';

/**
 * Where a block sits in the file it was read from, so a finding can be found again:
 * - `line` / `endLine`: 1-based lines of a plain-text document;
 * - `paragraph`: 0-based index of the element among the children of a DOCX `w:body`
 *   (paragraphs and tables counted together);
 * - `sheet` / `row` / `column`: an XLSX sheet name and the 1-based row and column of the table's
 *   top-left cell;
 * - `note`: for a DOCX footnote or endnote (read as a paragraph after the block that refers to
 *   it, whose `paragraph` it keeps), which note it is: its kind and its `w:id` in
 *   word/footnotes.xml or word/endnotes.xml, so a finding in it is marked in the note itself.
 */
export interface BlockPosition {
  readonly line?: number;
  readonly endLine?: number;
  readonly paragraph?: number;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: number;
  readonly note?: { readonly kind: 'footnote' | 'endnote'; readonly id: string };
  /** Word: the block's place (0-based) among the paragraphs, or the tables, of the content control (or other container) at `paragraph`, empty paragraphs counted; absent outside one. */
  readonly within?: number;
}

/** A 0-based cell address inside a table's grid. */
export interface GridAddress {
  readonly row: number;
  readonly col: number;
}

/**
 * One cell of a table's grid. Merged cells are resolved: the top-left cell of a merge carries
 * `rowSpan`/`colSpan` > 1, and every cell it covers repeats its text with `mergedInto` pointing
 * at it, so every grid row has the same number of cells.
 */
export interface DocumentCell {
  /** The text as printed (NFC, white space collapsed; paragraphs inside a cell joined by a space). */
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** For a cell covered by a merge: the address of the merge's top-left cell. */
  readonly mergedInto?: GridAddress;
  /**
   * How far the text is indented, when it is: its leading spaces as the file holds them, plus 3 for
   * each indent level of a spreadsheet cell's style (about three spaces each). Only compared within a table.
   */
  readonly indent?: number;
  /** True when the whole cell is printed bold (a spreadsheet cell's font). */
  readonly bold?: true;
}

/** A paragraph or heading: one paragraph of a DOCX, one line of a text file. */
export interface DocumentParagraph {
  readonly kind: 'paragraph' | 'heading';
  /** 0-based position of the block in the document; findings print it 1-based. */
  readonly index: number;
  /** The text (NFC, white space collapsed, markdown emphasis removed). */
  readonly text: string;
  /** Heading level, 1 = top, for headings. */
  readonly level?: number;
  /** The list or heading number Word renders before the text (`'1.'`, `'a)'`), when it is automatic numbering. */
  readonly label?: string;
  /** The paragraph style as the file names it (DOCX). */
  readonly style?: string;
  readonly position: BlockPosition;
  /**
   * Set by a reader when the block's words cannot be read (`'legacy-encoding'`: typed in the old
   * TCVN3 or VNI fonts, its text kept as the file holds it; `'alt-chunk'`: content a .docx
   * imports from another part only when Word opens it, with no text): `checkDocument` checks the
   * rest of the document without it and reports it as an error finding, so it is never passed over.
   */
  readonly notRead?: { readonly code: NotReadCode; readonly reason: string };
}

/** Why a block was not read: `'legacy-encoding'` (old TCVN3 or VNI fonts), `'alt-chunk'` (a .docx `w:altChunk`: HTML, RTF or another document Word imports when it opens the file). */
export type NotReadCode = 'legacy-encoding' | 'alt-chunk';

/** A table: a rectangular grid of cells, header rows included, as printed. */
export interface DocumentTable {
  readonly kind: 'table';
  readonly index: number;
  /** Grid rows, each with `columns` cells. */
  readonly rows: ReadonlyArray<ReadonlyArray<DocumentCell>>;
  readonly columns: number;
  /** A title or unit line printed with the table (`'ĐVT: triệu đồng'`), when the reader found one. */
  readonly caption?: string;
  readonly position: BlockPosition;
  /**
   * Set by a reader when the block's words cannot be read (`'legacy-encoding'`: typed in the old
   * TCVN3 or VNI fonts, its text kept as the file holds it; `'alt-chunk'`: content a .docx
   * imports from another part only when Word opens it, with no text): `checkDocument` checks the
   * rest of the document without it and reports it as an error finding, so it is never passed over.
   */
  readonly notRead?: { readonly code: NotReadCode; readonly reason: string };
}

/** One block of a document. */
export type DocumentBlock = DocumentParagraph | DocumentTable;

/** The file formats a document model can come from. */
export type DocumentFormat = 'text' | 'docx' | 'xlsx' | 'model';

/**
 * A document as an ordered list of blocks: what the readers in `vn-poverty/io` return and what
 * `checkDocument` takes. Plain data, deep-frozen.
 */
export interface DocumentModel {
  readonly format: DocumentFormat;
  /** File name, for messages. */
  readonly source?: string;
  readonly blocks: readonly DocumentBlock[];
  /**
   * What the reader of the file says about how it was read, one sentence each naming the file and
   * where: hidden rows, columns or sheets read as data, a figure merged over several cells read
   * once, a chart sheet left out. Printed by `vn-poverty check` on stderr and kept in its report.
   */
  readonly notes?: readonly string[];
}

const position = z.object({
  line: z.number().int().positive().optional(),
  endLine: z.number().int().positive().optional(),
  paragraph: z.number().int().nonnegative().optional(),
  sheet: z.string().optional(),
  row: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  note: z.object({ kind: z.enum(['footnote', 'endnote']), id: z.string() }).optional(),
  within: z.number().int().nonnegative().optional(),
});
const notRead = z.object({ code: z.enum(['legacy-encoding', 'alt-chunk']), reason: z.string() });
const cell = z.object({
  text: z.string(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  mergedInto: z.object({ row: z.number().int().nonnegative(), col: z.number().int().nonnegative() }).optional(),
  indent: z.number().int().nonnegative().optional(),
  bold: z.literal(true).optional(),
});
const paragraph = z.object({
  kind: z.enum(['paragraph', 'heading']),
  index: z.number().int().nonnegative(),
  text: z.string(),
  level: z.number().int().positive().optional(),
  label: z.string().optional(),
  style: z.string().optional(),
  position,
  notRead: notRead.optional(),
});
const table = z.object({
  kind: z.literal('table'),
  index: z.number().int().nonnegative(),
  rows: z.array(z.array(cell)),
  columns: z.number().int().nonnegative(),
  caption: z.string().optional(),
  position,
  notRead: notRead.optional(),
});

/**
 * zod schema of {@link DocumentModel}; `documentModel` adds the checks zod cannot state (block
 * indexes in order, every grid row as wide as `columns`).
 * @example
 * documentModelSchema.safeParse({ format: 'model', blocks: [] }).success //=> true
 */
export const documentModelSchema = z.object({
  format: z.enum(['text', 'docx', 'xlsx', 'model']),
  source: z.string().optional(),
  notes: z.array(z.string()).optional(),
  blocks: z.array(z.discriminatedUnion('kind', [paragraph.extend({ kind: z.literal('paragraph') }), paragraph.extend({ kind: z.literal('heading') }), table])),
});

/** A block as a caller may give it: index and position may be left out. */
export type DocumentBlockInput =
  | (Omit<DocumentParagraph, 'index' | 'position'> & { readonly index?: number; readonly position?: BlockPosition })
  | (Omit<DocumentTable, 'index' | 'position' | 'rows' | 'columns'> & {
      readonly index?: number;
      readonly position?: BlockPosition;
      /** Rows of cells: a plain string is a cell with no merge. Short rows are padded with blank cells. */
      readonly rows: ReadonlyArray<ReadonlyArray<string | DocumentCell>>;
      readonly columns?: number;
    });

/** Options of {@link documentModel}. */
export interface DocumentModelOptions {
  readonly format?: DocumentFormat;
  readonly source?: string;
}

/**
 * Builds a checked, deep-frozen {@link DocumentModel} from blocks: numbers the blocks in order,
 * pads short table rows with blank cells, normalises text to NFC. Use it to check a document
 * that was not read from a file (an app's own form, a test).
 *
 * @throws VnPovertyError `invalid-input` naming the block and field.
 * @example
 * documentModel([{ kind: 'paragraph', text: 'Tổng: 10 hộ, trong đó: 4 hộ nghèo; 6 hộ cận nghèo.' }]).blocks[0].index //=> 0
 * documentModel([{ kind: 'table', rows: [['Xã', 'Hộ'], ['An Phú', '38']] }]).blocks[0].columns //=> 2
 */
export function documentModel(blocks: ReadonlyArray<DocumentBlockInput>, options: DocumentModelOptions = {}): DocumentModel {
  assertOptions(options, 'documentModel');
  const built = blocks.map((b, index): DocumentBlock => {
    if (b.kind === 'table') {
      const width = Math.max(b.columns ?? 0, ...b.rows.map((r) => r.length));
      const rows = b.rows.map((r) => {
        const cells: DocumentCell[] = r.map((c) => (typeof c === 'string' ? { text: c.normalize('NFC'), rowSpan: 1, colSpan: 1 } : { ...c, text: c.text.normalize('NFC') }));
        while (cells.length < width) cells.push({ text: '', rowSpan: 1, colSpan: 1 });
        return cells;
      });
      const { caption } = b;
      return { kind: 'table', index, rows, columns: width, ...(caption === undefined ? {} : { caption: caption.normalize('NFC') }), position: b.position ?? {} };
    }
    return { ...b, index, text: b.text.normalize('NFC'), position: b.position ?? {} };
  });
  const model = { format: options.format ?? 'model', ...(options.source === undefined ? {} : { source: options.source }), blocks: built };
  return deepFreeze(parseInput(documentModelSchema, model, { description: 'a document model: paragraphs, headings and tables', term: 'văn bản kế hoạch' }) as DocumentModel);
}

/**
 * The text of a table's cell at a grid address, `''` outside the grid.
 * @example
 * cellTextAt(documentModel([{ kind: 'table', rows: [['Xã', 'Hộ']] }]).blocks[0] as DocumentTable, 0, 1) //=> 'Hộ'
 */
export function cellTextAt(table: DocumentTable, row: number, col: number): string {
  return table.rows[row]?.[col]?.text ?? '';
}
