import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import type { DocumentTable } from '../../src/documents/documentModel.js';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { docxOf } from '../_helpers/docxFixtures.js';
import { seedText } from '../_helpers/seeds.js';

const brief = (f: CheckFinding): string => `${f.severity} ${f.code} @${f.location.block} r${f.location.row ?? '-'} c${f.location.column ?? '-'} ${f.printed ?? ''} → ${f.expected ?? ''}`;

describe('the seed plans as Word documents (real Word tables, merged header cells) give the same findings as the text', () => {
  for (const n of [0, 1, 2, 3, 4]) {
    it(`seed 00${n}`, async () => {
      const text = readTextDocument(seedText(n));
      const docx = readDocxDocument(await docxOf(text), { source: `seed00${n}.docx` });
      expect(docx.blocks.length).toBe(text.blocks.length);
      const fromText = checkDocument(text);
      const fromDocx = checkDocument(docx);
      expect(fromDocx.findings.map(brief)).toEqual(fromText.findings.map(brief));
      expect(fromDocx.claims.map((c) => `${c.status} ${c.summary}`)).toEqual(fromText.claims.map((c) => `${c.status} ${c.summary}`));
      expect(fromDocx.tables.map((t) => t.evidence.map((e) => `${e.text} ${e.holds}/${e.of}`))).toEqual(fromText.tables.map((t) => t.evidence.map((e) => `${e.text} ${e.holds}/${e.of}`)));
    });
  }

  it('seed 001: the header cells are merged in the Word table, and the reader resolves them', async () => {
    const docx = readDocxDocument(await docxOf(readTextDocument(seedText(1))));
    const table = docx.blocks.find((b): b is DocumentTable => b.kind === 'table')!;
    expect(table.columns).toBe(15);
    // “Kế hoạch giảm hộ nghèo…” spans the 12 figure columns; “STT” spans the 4 header rows
    expect(table.rows[0]![3]).toMatchObject({ colSpan: 12 });
    expect(table.rows[0]![4]).toMatchObject({ text: table.rows[0]![3]!.text, mergedInto: { row: 0, col: 3 } });
    expect(table.rows[0]![0]).toMatchObject({ text: 'STT', rowSpan: 4 });
    expect(table.rows[3]![0]).toMatchObject({ text: 'STT', mergedInto: { row: 0, col: 0 } });
    expect(table.rows[1]![3]).toMatchObject({ text: 'Hộ nghèo', colSpan: 6 });
    expect(table.position.paragraph).toBe(64);
  });
});
