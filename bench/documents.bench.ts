/**
 * Checking a whole plan: seed 001 (Tịnh Biên 2024, about 10 pages with its 17-row table) repeated
 * N times (env DOCUMENT_COPIES, default 6: about 100 pages of 500 words, 6 tables, 1.700 paragraphs), read
 * as text and as a Word document made with the `docx` package, then checked and marked up.
 * Prints sizes and timings; asserts nothing.
 *
 *   npx tsx bench/documents.bench.ts
 *   DOCUMENT_COPIES=30 npx tsx bench/documents.bench.ts
 */
import { checkDocument } from '../src/index.js';
import { markDocx, readDocxDocument, readTextDocument } from '../src/io/io.js';
import { docxOf } from '../test/_helpers/docxFixtures.js';
import { seedText } from '../test/_helpers/seeds.js';
import { peakRssMiB, readSize, timed } from './_support.js';

const copies = readSize('DOCUMENT_COPIES', 6);
const text = Array.from({ length: copies }, () => seedText(1)).join('\n\n');
const words = text.split(/\s+/).length;
console.log(`plan: ${copies} × seed 001 = ${(text.length / 1024).toFixed(0)} KiB of text, ${words.toLocaleString('en-US')} words (about ${Math.round(words / 500)} pages)`);

for (let run = 1; run <= 3; run++) {
  const read = timed(() => readTextDocument(text));
  const check = timed(() => checkDocument(read.value));
  console.log(`text, run ${run}: read ${read.ms.toFixed(0)} ms, check ${check.ms.toFixed(0)} ms (${read.value.blocks.length} blocks, ${check.value.tables.length} tables, ${check.value.findings.length} findings, ${check.value.claims.length} claims)`);
}

const bytes = await docxOf(readTextDocument(text));
console.log(`docx: ${(bytes.length / 1024).toFixed(0)} KiB`);
for (let run = 1; run <= 3; run++) {
  const read = timed(() => readDocxDocument(bytes));
  const check = timed(() => checkDocument(read.value));
  const mark = timed(() => markDocx(bytes, check.value));
  console.log(`docx, run ${run}: read ${read.ms.toFixed(0)} ms, check ${check.ms.toFixed(0)} ms, mark-up ${mark.ms.toFixed(0)} ms (${mark.value.marked} findings marked); read + check ${(read.ms + check.ms).toFixed(0)} ms`);
}
console.log(`peak RSS ${peakRssMiB().toFixed(0)} MiB`);
