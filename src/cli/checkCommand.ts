import { extname } from 'node:path';
import * as z from 'zod';
import { checkDocument } from '../documents/checkDocument.js';
import type { CheckReport } from '../documents/checkReport.js';
import type { DocumentModel } from '../documents/documentModel.js';
import { formatCheckReport } from '../documents/formatCheckReport.js';
import { documentTableLayoutSchema, type DocumentTableLayout } from '../documents/tableLayout.js';
import { parseInput, VnPovertyError } from '../errors/VnPovertyError.js';
import { tableSpecSchema, type TableSpec } from '../reconcile/tableSpec.js';
import { ROUNDING_MODES, type RoundingMode } from '../numbers/rounding.js';
import { assertOutputIsNotInput, checkOutputPath, writeFileAtomic } from '../io/_atomicOutput.js';
import { parseJsonText, withinFile } from '../io/_jsonFile.js';
import { documentFormatOf, documentFromBytes, readDocumentFile, type DocumentFileFormat } from '../io/readDocument.js';
import { readTextDocument } from '../io/readTextDocument.js';
import { markDocx } from '../io/writeCheckedDocx.js';
import { findingsWorkbook, markXlsx } from '../io/writeCheckedXlsx.js';
import { MAX_WHOLE_FILE_BYTES } from '../io/readLimits.js';
import { fileInputs, looksLikeZip, openCliInput, readCliText, writeBytesToStdout } from './cliInput.js';
import { badInput, errorText, EXIT_FINDINGS, EXIT_OK, failedOnInput, noteOnStderr, parseCliArgs, writeJsonResult, type CliCommand, type CliIo, type ExitCode } from './cliSupport.js';

const HELP = `Usage: vn-poverty check PLAN.docx|PLAN.xlsx|PLAN.txt|- [--json] [--out checked.docx|checked.xlsx|-] [options]

Checks a whole plan document with no transcription: finds its tables and works out their
layout (header rows, counts, rates and their base, amounts, subtotal and total rows,
remaining = start − exits, totals of columns), checks every cell against it, reads the
arithmetic claims of the text (a total and its parts after “trong đó / bao gồm / gồm”,
“P% (tương đương N hộ)”, “đạt P% so với kế hoạch”, reduction targets) and checks them,
and reports every figure that does not add up, with where it is.

Options:
  --json             print the report as JSON, the envelope of toJsonResult whose value has
                     findings[] (severity, code, location, text, printed, expected, difference,
                     relation, message), tables[] (with the inferred layout and its evidence),
                     claims[], unchecked[]
  --out FILE         write a marked-up copy: FILE.docx for a Word input (each finding filled
                     and commented), FILE.xlsx for an Excel input (cells filled, notes, and a
                     "Kết quả kiểm tra" sheet) or for any input (the list of findings);
                     --out - writes it to standard output (and the text report to stderr)
  --spec FILE        a JSON file { "tables": { "<block>": <spec> } } of declared layouts that
                     replace the inferred ones: a TableSpec (as vn-poverty reconcile --spec
                     takes; start from "value.tables[].spec" of --json) or an inferred "layout"
  --rounding MODE    how the document rounded its rates: ${ROUNDING_MODES.join(', ')} (default half-up)
  --unchecked        also list, in the text report, what was left unchecked
  -h, --help         this help

Exit status: 0 no error or warning; 1 findings (errors or warnings; roundings alone are 0);
2 the file cannot be read (empty, damaged, not UTF-8, over a limit — see docs/files-and-cli.md),
the spec is not valid, or --out would overwrite an input or cannot be written (an existing --out
is left as it was).
`;

/** The declared layouts of a `--spec` file, checked (and named by the file and the field) before the document is read. */
const SPEC_FILE = z.strictObject({ tables: z.record(z.string().regex(/^[1-9]\d*$/, 'a 1-based block number'), z.unknown()) });

function specsOf(text: string, label: string): { layouts: Record<string, DocumentTableLayout>; specs: Record<string, TableSpec> } {
  const json = parseJsonText(text, label);
  const file = withinFile(label, () => parseInput(SPEC_FILE, json, { description: 'a spec file { "tables": { "<block number>": <spec> } }' }));
  const layouts: Record<string, DocumentTableLayout> = {};
  const specs: Record<string, TableSpec> = {};
  for (const [block, value] of Object.entries(file.tables)) {
    // an inferred layout (tables[].layout of --json) has headerRows; an engine spec (tables[].spec) does not
    if (value !== null && typeof value === 'object' && 'headerRows' in value) layouts[block] = withinFile(label, () => parseInput(documentTableLayoutSchema, value) as DocumentTableLayout, ['tables', block]);
    else specs[block] = withinFile(label, () => parseInput(tableSpecSchema, value) as TableSpec, ['tables', block]);
  }
  return { layouts, specs };
}

async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCliArgs(argv, { json: { type: 'boolean' }, out: { type: 'string', short: 'o' }, spec: { type: 'string' }, rounding: { type: 'string' }, unchecked: { type: 'boolean' } });
  if (!args.ok) return badInput(io, `check: ${args.message} (see vn-poverty check --help)`);
  if (args.values['help'] === true) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (args.positionals.length !== 1) return badInput(io, `check: expected one document (.docx, .xlsx or .txt), got ${args.positionals.length} (see vn-poverty check --help)`);
  const file = args.positionals[0]!;
  const rounding = args.values['rounding'];
  if (rounding !== undefined && !(ROUNDING_MODES as readonly unknown[]).includes(rounding)) return badInput(io, `check: --rounding must be one of ${ROUNDING_MODES.join(', ')}, got ${JSON.stringify(rounding)}`);
  const out = typeof args.values['out'] === 'string' ? args.values['out'] : undefined;
  const specFile = typeof args.values['spec'] === 'string' ? args.values['spec'] : undefined;
  const json = args.values['json'] === true;
  if (out === '-' && json) return badInput(io, 'check: --json and --out - both write to standard output; give --out a file name');
  let format: DocumentFileFormat | undefined;
  let files: string[];
  try {
    files = fileInputs([file, specFile]);
  } catch (error) {
    return failedOnInput(io, 'check', error);
  }
  try {
    // standard input: its first bytes tell a Word or Excel package from text, below
    if (file !== '-') format = documentFormatOf(file);
  } catch (error) {
    // an unknown or old extension: the first bytes tell a Word or Excel package (a .docx renamed .doc), a web page or Rich Text; anything else is refused below
    if (!(error instanceof VnPovertyError)) return failedOnInput(io, 'check', error);
  }
  let layouts: Record<string, DocumentTableLayout> | undefined;
  let specs: Record<string, TableSpec> | undefined;
  let bytes: Uint8Array | null = null;
  let model: DocumentModel;
  try {
    // the output first: never read anything when it would overwrite an input or cannot be written
    if (out !== undefined && out !== '-') {
      const ext = extname(out).toLowerCase();
      if (ext !== '.docx' && ext !== '.xlsx') return badInput(io, `check: --out must be a .docx or .xlsx file (or - for standard output), got ${JSON.stringify(out)}`);
      if (ext === '.docx' && format !== undefined && format !== 'docx') return badInput(io, `check: --out ${out}: a marked-up Word copy needs a Word input; use --out FILE.xlsx for a list of the findings`);
      await assertOutputIsNotInput(out, files);
      await checkOutputPath(out);
    }
    if (specFile !== undefined) ({ layouts, specs } = specsOf(await readCliText(io, specFile), specFile));
    if (file === '-') {
      const stdin = await openCliInput(io, file, (_name, head) => (looksLikeZip(head) ? 'package' : 'text'));
      try {
        bytes = await stdin.bytes(stdin.format === 'text' ? MAX_WHOLE_FILE_BYTES : undefined);
      } finally {
        await stdin.close();
      }
      format = stdin.format === 'text' ? 'text' : documentFormatOf(file, bytes);
      if (out !== undefined && extname(out).toLowerCase() === '.docx' && format !== 'docx') return badInput(io, `check: --out ${out}: a marked-up Word copy needs a Word input; use --out FILE.xlsx for a list of the findings`);
      model = await documentFromBytes(bytes, stdin.name, { format, source: stdin.name });
    } else if (format === 'text') {
      model = readTextDocument(await io.readFile(file), { source: file });
    } else {
      bytes = await readDocumentFile(file, file, format);
      format ??= documentFormatOf(file, bytes);
      if (out !== undefined && extname(out).toLowerCase() === '.docx' && format !== 'docx') return badInput(io, `check: --out ${out}: a marked-up Word copy needs a Word input; use --out FILE.xlsx for a list of the findings`);
      model = await documentFromBytes(bytes, file, { format, source: file });
    }
  } catch (error) {
    return failedOnInput(io, 'check', error);
  }
  (model.notes ?? []).forEach(noteOnStderr(io, 'check'));
  if (model.blocks.length === 0) return badInput(io, `check: ${file}: the document has no text and no tables: nothing to check`);
  let report: CheckReport;
  try {
    report = checkDocument(model, { ...(rounding === undefined ? {} : { rounding: rounding as RoundingMode }), ...(layouts === undefined ? {} : { layouts }), ...(specs === undefined ? {} : { specs }) });
  } catch (error) {
    if (!(error instanceof VnPovertyError)) throw error;
    return badInput(io, `check: ${file}: ${errorText(error)}`);
  }
  if (out !== undefined) {
    try {
      // --out -: a Word copy for a Word input, else the workbook (marked up, or the findings)
      const docx = out === '-' ? format === 'docx' : out.toLowerCase().endsWith('.docx');
      const written = docx ? markDocx(bytes!, report).bytes : format === 'xlsx' ? await markXlsx(bytes!, report) : await findingsWorkbook(report);
      if (out === '-') writeBytesToStdout(io, written, docx ? 'checked.docx' : 'checked.xlsx');
      else await writeFileAtomic(out, written);
    } catch (error) {
      return failedOnInput(io, 'check', error);
    }
  }
  if (json) writeJsonResult(io, report);
  else (out === '-' ? io.stderr : io.stdout).write(`${formatCheckReport(report, { unchecked: args.values['unchecked'] === true })}\n`);
  return report.ok ? EXIT_OK : EXIT_FINDINGS;
}

/** `vn-poverty check FILE [--json] [--out FILE]`: checks a whole plan document; exit 0 / 1 (findings) / 2 (unreadable). */
export const checkCommand: CliCommand = Object.freeze({
  name: 'check',
  summary: 'check a whole plan (.docx, .xlsx, .txt): its tables and the figures of its text',
  help: HELP,
  run,
});
