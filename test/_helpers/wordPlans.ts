import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType, WidthType } from 'docx';

/**
 * A cell of a hand-laid Word table: its text, how many grid columns it spans (`span`), and
 * whether it starts (`'restart'`) or continues (`'continue'`) a vertical merge.
 */
export interface WordCell {
  readonly text: string;
  readonly span?: number;
  readonly vmerge?: 'restart' | 'continue';
}

/** A row of a hand-laid Word table; `header: true` marks it as a header row Word repeats on each page (`w:tblHeader`). */
export interface WordRow {
  readonly cells: readonly (WordCell | string)[];
  readonly header?: boolean;
}

/** A block of a Word plan: a paragraph (right-aligned when `right`) or a table. */
export type WordBlock = { readonly p: string; readonly right?: boolean } | { readonly table: readonly WordRow[] };

const cellOf = (c: WordCell | string): WordCell => (typeof c === 'string' ? { text: c } : c);

/** A .docx made with the `docx` package from hand-laid blocks: merges as Word writes them (`w:gridSpan`, `w:vMerge`). */
export async function wordPlan(blocks: readonly WordBlock[]): Promise<Uint8Array> {
  const children = blocks.map((b) =>
    'p' in b
      ? new Paragraph({ text: b.p, ...(b.right === true ? { alignment: AlignmentType.RIGHT } : {}) })
      : new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.table.map(
            (row) =>
              new TableRow({
                ...(row.header === true ? { tableHeader: true } : {}),
                children: row.cells.map(cellOf).map(
                  (c) =>
                    new TableCell({
                      // a line break in the text: the cell's paragraphs, one a line (“125” above “4,50%”)
                      children: (c.vmerge === 'continue' ? [''] : c.text.split('\n')).map((t) => new Paragraph(t)),
                      ...(c.span !== undefined && c.span > 1 ? { columnSpan: c.span } : {}),
                      ...(c.vmerge === undefined ? {} : { verticalMerge: c.vmerge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
                    }),
                ),
              }),
          ),
        }),
  );
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
