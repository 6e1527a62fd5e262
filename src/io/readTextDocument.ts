import { deepFreeze } from '../_internal/_freeze.js';
import { markLegacyBlocks } from './_legacyFont.js';
import type { DocumentBlock, DocumentCell, DocumentModel } from '../documents/documentModel.js';
import { dropInvisible } from './_invisible.js';

/** Options of {@link readTextDocument}. */
export interface ReadTextDocumentOptions {
  /** File name, for messages. */
  readonly source?: string;
}

const ROMAN_HEADING = /^(?:[IVXL]+|[A-Z])\.\s+\S/;
const MARKDOWN_HEADING = /^(#{1,6})\s+/;

/** NFC, soft hyphens and zero-width characters dropped, no-break spaces as spaces, markdown emphasis (`**`, `***`) removed, runs of spaces collapsed. */
function cleanText(text: string): string {
  return dropInvisible(text.normalize('NFC'))
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\*{2,3}/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function cleanCell(text: string): DocumentCell {
  return { text: cleanText(text), rowSpan: 1, colSpan: 1 };
}

/** Mostly capital letters: a title line such as "I. MỤC TIÊU CỦA CHƯƠNG TRÌNH". */
function isUpperTitle(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.8;
}

/** A line that starts a list item (“1. ”, “a) ”, “- ”) or a figure alone (“2024”) is not a wrapped paragraph's continuation. */
const WRAP_NOT_CONTINUED = /^(?:\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s|(?:19|20)\d\d\s*$|\d+\s*$)/u;

/**
 * Reads a plan kept as plain text (UTF-8, as the seeds in `shared/seeds/` are) into a
 * {@link DocumentModel}:
 * - **tables** are runs of consecutive lines that hold a tab; each line is a grid row, each tab
 *   a cell boundary; short rows are padded. A text file cannot say which header cells are
 *   merged: an empty header cell is left empty, and table understanding decides what it spans;
 * - every other non-blank line is one **paragraph** (a line starting “- ” or “+ ” is a list item);
 *   a line wrapped by hand goes on in the next one (the line ends with no punctuation, the next
 *   starts with a small letter or a figure and is not a list item): “… vốn sự nghiệp 43.120 triệu”
 *   then “đồng. …” is one paragraph, with `line` and `endLine`;
 * - a line is a **heading** when it is a markdown heading (`## …`, level = number of `#`) or a
 *   numbered title in capitals (“I. MỤC TIÊU …”, “B. KẾ HOẠCH NĂM 2023”).
 * Text is NFC with markdown emphasis (`**`) removed; each block records its line numbers.
 *
 * @param text - the whole file.
 * @returns a deep-frozen document model (format `'text'`).
 * @example
 * readTextDocument('Tổng: 10 hộ\n\nXã\tHộ\nAn Phú\t38\n').blocks.map((b) => b.kind) //=> ['paragraph', 'table']
 */
export function readTextDocument(text: string, options: ReadTextDocumentOptions = {}): DocumentModel {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const blocks: DocumentBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    if (raw.includes('\t')) {
      const start = i;
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.includes('\t')) rows.push(lines[i++]!.split('\t'));
      const width = Math.max(...rows.map((r) => r.length));
      const grid = rows.map((r) => {
        const cells = r.map(cleanCell);
        while (cells.length < width) cells.push({ text: '', rowSpan: 1, colSpan: 1 });
        return cells;
      });
      // lines of tabs and spaces only are blank lines, not a table
      if (grid.every((r) => r.every((c) => c.text === ''))) continue;
      // a table's trailing all-empty columns are tab noise
      let columns = width;
      while (columns > 1 && grid.every((r) => r[columns - 1]!.text === '')) columns--;
      blocks.push({ kind: 'table', index: blocks.length, rows: grid.map((r) => r.slice(0, columns)), columns, position: { line: start + 1, endLine: i } });
      continue;
    }
    i++;
    const md = MARKDOWN_HEADING.exec(raw.trim());
    const body = cleanText(md === null ? raw : raw.trim().slice(md[0].length));
    if (body === '') continue;
    const line = i;
    if (md !== null) {
      blocks.push({ kind: 'heading', index: blocks.length, text: body, level: md[1]!.length, position: { line } });
    } else if (ROMAN_HEADING.test(body) && isUpperTitle(body)) {
      blocks.push({ kind: 'heading', index: blocks.length, text: body, level: /^[A-Z]\./.test(body) && !/^[IVXL]\./.test(body) ? 1 : 2, position: { line } });
    } else {
      // a line wrapped by hand (“… vốn sự nghiệp 43.120 triệu” / “đồng. …”): the paragraph goes on when the line before it
      // is the paragraph's last, ends with no punctuation, and this one starts with a small letter or a figure, not a list marker
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'paragraph' && (last.position.endLine ?? last.position.line) === line - 1 && !/[.:;!?…)”"]$/.test(last.text) && /^[\p{Ll}\d]/u.test(body) && !WRAP_NOT_CONTINUED.test(body)) {
        blocks[blocks.length - 1] = { ...last, text: `${last.text} ${body}`, position: { ...last.position, endLine: line } };
      } else {
        blocks.push({ kind: 'paragraph', index: blocks.length, text: body, position: { line } });
      }
    }
  }
  const read = markLegacyBlocks(blocks, options.source);
  return deepFreeze({ format: 'text', ...(options.source === undefined ? {} : { source: options.source }), blocks: read });
}
