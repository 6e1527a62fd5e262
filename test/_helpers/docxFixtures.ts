import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType, WidthType } from 'docx';
import type { DocumentModel, DocumentTable } from '../../src/documents/documentModel.js';

/**
 * The header rows of a text table (rows before the first row with a figure, plus a row of
 * column numbers): where the text leaves a header cell empty, Word would have merged it.
 */
function headerRowCount(t: DocumentTable): number {
  const figure = /^\d{1,3}(\.\d{3})*(,\d+)?$/;
  let r = 0;
  while (r < t.rows.length && !t.rows[r]!.some((c, i) => i > 1 && figure.test(c.text) && !/^(19|20)\d\d$/.test(c.text))) r++;
  return r;
}

/**
 * A real Word table for a text table: in the header rows an empty cell is merged into the cell
 * on its left (`columnSpan`, when both sit under the same cell above) or into the cell above it
 * (`verticalMerge`), as Word prints seed 001's “Hộ nghèo → Hộ | Tỷ lệ (%)” headers.
 */
function wordTable(t: DocumentTable): Table {
  const header = headerRowCount(t);
  // owner[r][c] = the cell (r0, c0) whose text covers (r, c)
  const owner: Array<Array<{ r: number; c: number }>> = [];
  for (let r = 0; r < t.rows.length; r++) {
    owner.push([]);
    for (let c = 0; c < t.columns; c++) {
      const text = t.rows[r]![c]!.text;
      let o = { r, c };
      if (r < header && text === '') {
        const left = c > 0 ? owner[r]![c - 1]! : null;
        const sameParentAbove = r === 0 || (c > 0 && owner[r - 1]![c]!.r === owner[r - 1]![c - 1]!.r && owner[r - 1]![c]!.c === owner[r - 1]![c - 1]!.c);
        if (left !== null && left.r === r && sameParentAbove) o = left;
        else if (r > 0) o = owner[r - 1]![c]!;
      }
      owner[r]!.push(o);
    }
  }
  const rows: TableRow[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const cells: TableCell[] = [];
    for (let c = 0; c < t.columns; ) {
      const o = owner[r]![c]!;
      let span = 1;
      while (c + span < t.columns && owner[r]![c + span]!.r === o.r && owner[r]![c + span]!.c === o.c) span++;
      const startsHere = o.r === r;
      const continues = !startsHere;
      const spansDown = r + 1 < t.rows.length && owner[r + 1]![c]!.r === o.r && owner[r + 1]![c]!.c === o.c;
      cells.push(
        new TableCell({
          children: [new Paragraph(startsHere ? t.rows[o.r]![o.c]!.text : '')],
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(continues ? { verticalMerge: VerticalMergeType.CONTINUE } : spansDown ? { verticalMerge: VerticalMergeType.RESTART } : {}),
        }),
      );
      c += span;
    }
    rows.push(new TableRow({ children: cells }));
  }
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

const LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

/** The same document as a .docx made with the `docx` package: headings as Word headings, tables as Word tables with merged header cells. */
export async function docxOf(model: DocumentModel): Promise<Uint8Array> {
  const children = model.blocks.map((b) =>
    b.kind === 'table' ? wordTable(b) : new Paragraph({ text: b.text, ...(b.kind === 'heading' ? { heading: LEVELS[Math.min(5, (b.level ?? 1) - 1)]! } : {}) }),
  );
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
