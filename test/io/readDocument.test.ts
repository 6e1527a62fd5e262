import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { documentFormatOf, documentFromBytes } from '../../src/io/readDocument.js';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readXlsxDocument, xlsxCellText } from '../../src/io/readXlsxDocument.js';
import { foldVietnamese, foldVietnameseKeepingLength } from '../../src/text/foldVietnamese.js';
import { expectDeepFrozen } from '../_helpers/purity.js';
import { firstIssueCode } from '../_helpers/errors.js';

describe('readTextDocument', () => {
  it('lines are paragraphs, tab runs are tables, markdown and numbered capital titles are headings', () => {
    const m = readTextDocument('## **KẾ HOẠCH**\n\nI. MỤC TIÊU CỦA CHƯƠNG TRÌNH\n- Tỷ lệ hộ nghèo giảm 0,8%.\n\nXã\tHộ\t\nAn Phú\t38\t\n\nCuối');
    expect(m.blocks.map((b) => `${b.kind}:${b.kind === 'table' ? b.rows.length : b.text}`)).toEqual(['heading:KẾ HOẠCH', 'heading:I. MỤC TIÊU CỦA CHƯƠNG TRÌNH', 'paragraph:- Tỷ lệ hộ nghèo giảm 0,8%.', 'table:2', 'paragraph:Cuối']);
    const table = m.blocks[3]!;
    expect(table).toMatchObject({ kind: 'table', columns: 2, position: { line: 6, endLine: 7 } }); // the trailing empty column is dropped
    expectDeepFrozen(m);
  });

  it('decomposed Vietnamese (NFD, as some PDFs and Macs give it) is read as NFC', () => {
    const m = readTextDocument('Ho\u0323\u0302 nghe\u0300o');
    expect(m.blocks[0]).toMatchObject({ text: 'Hộ nghèo' });
  });
});

describe('foldVietnamese', () => {
  it('folds case, marks and đ, in NFC or NFD', () => {
    expect(foldVietnamese('Hộ CẬN NGHÈO')).toBe('ho can ngheo');
    expect(foldVietnamese('Đ\u00a0ồng')).toBe('d ong');
    expect(foldVietnamese('Tỷ lệ'.normalize('NFD'))).toBe('ty le');
  });
  it('keeping the length, offsets carry over', () => {
    const text = 'Tổng nhu cầu vốn: 2.522 triệu đồng';
    const folded = foldVietnameseKeepingLength(text);
    expect(folded.length).toBe(text.length);
    expect(text.slice(folded.indexOf('trieu dong'))).toBe('triệu đồng');
  });
});

describe('readDocxDocument', () => {
  it('headings by style, automatic numbering rendered, numbered cells in tables', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'roman',
            levels: [
              { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.START },
              { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.START },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: 'KẾ HOẠCH', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'MỤC TIÊU', heading: HeadingLevel.HEADING_1, numbering: { reference: 'roman', level: 0 } }),
            new Paragraph({ text: 'Mục tiêu tổng quát', numbering: { reference: 'roman', level: 1 } }),
            new Paragraph({ text: 'Mục tiêu cụ thể', numbering: { reference: 'roman', level: 1 } }),
            new Paragraph({ text: 'GIẢI PHÁP', heading: HeadingLevel.HEADING_1, numbering: { reference: 'roman', level: 0 } }),
            new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Xã')] }), new TableCell({ children: [new Paragraph('Hộ'), new Paragraph('nghèo')] })] })] }),
          ],
        },
      ],
    });
    const m = readDocxDocument(new Uint8Array(await Packer.toBuffer(doc)));
    expect(m.blocks.map((b) => (b.kind === 'table' ? `table ${b.rows[0]!.map((c) => c.text).join('|')}` : `${b.kind}${b.level ?? ''} ${b.label ?? ''} ${b.text}`))).toEqual([
      'heading1  KẾ HOẠCH',
      'heading1 I. MỤC TIÊU',
      'paragraph 1. Mục tiêu tổng quát',
      'paragraph 2. Mục tiêu cụ thể',
      'heading1 II. GIẢI PHÁP',
      'table Xã|Hộ nghèo',
    ]);
    expect(m.blocks[5]!.position).toEqual({ paragraph: 5 });
  });

  it('refuses bytes that are not a Word document, saying what they look like', () => {
    expect(firstIssueCode(() => readDocxDocument(new TextEncoder().encode('plain text'), { source: 'x.docx' }))).toBe('not-docx');
  });
});

describe('readXlsxDocument and xlsxCellText', () => {
  it('numbers as Excel shows them, in Vietnamese format', () => {
    expect(xlsxCellText(0.007, '0.00%')).toBe('0,70%');
    expect(xlsxCellText(16194, '#,##0')).toBe('16.194');
    expect(xlsxCellText(0.7, '0.00')).toBe('0,70');
    expect(xlsxCellText(2.2572402044293, undefined)).toBe('2,2572402044293');
    expect(xlsxCellText({ formula: 'B2/C2*100', result: 2.26 } as ExcelJS.CellValue, '0.00')).toBe('2,26');
    expect(xlsxCellText(null, undefined)).toBe('');
  });

  it('every sheet a table, merges resolved', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Vốn');
    ws.getCell('A1').value = 'Nguồn vốn';
    ws.getCell('B1').value = 'Năm 2024';
    ws.mergeCells('B1:C1');
    ws.getCell('A2').value = 'NSTW';
    ws.getCell('B2').value = 2293;
    ws.getCell('B2').numFmt = '#,##0';
    wb.addWorksheet('Trống');
    const m = await readXlsxDocument(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(m.blocks).toHaveLength(1); // the empty sheet gives no block
    const t = m.blocks[0]!;
    if (t.kind !== 'table') throw new Error('table expected');
    expect(t.rows[0]!.map((c) => c.text)).toEqual(['Nguồn vốn', 'Năm 2024', 'Năm 2024']);
    expect(t.rows[0]![1]).toMatchObject({ colSpan: 2 });
    expect(t.rows[0]![2]).toMatchObject({ mergedInto: { row: 0, col: 1 } });
    expect(t.rows[1]![1]!.text).toBe('2.293');
  });
});

describe('documentFormatOf / documentFromBytes', () => {
  it('by extension, else by the zip content', () => {
    expect(documentFormatOf('a.DOCX')).toBe('docx');
    expect(documentFormatOf('a.txt')).toBe('text');
    expect(firstIssueCode(() => documentFormatOf('a.pdf'))).toBe('unsupported-format');
  });
  it('text must be UTF-8', async () => {
    await expect(documentFromBytes(new Uint8Array([0xff, 0xfe, 0x41]), 'a.txt')).rejects.toMatchObject({ issues: [{ code: 'invalid-encoding' }] });
  });
});
