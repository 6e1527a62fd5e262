import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { checkDocument } from '../documents/checkDocument.js';
import type { CheckReport } from '../documents/checkReport.js';
import type { DocumentModel } from '../documents/documentModel.js';
import { formatCheckReport } from '../documents/formatCheckReport.js';
import type { DocumentTableLayout } from '../documents/tableLayout.js';
import type { TableSpec } from '../reconcile/tableSpec.js';
import { ROUNDING_MODES, type RoundingMode } from '../numbers/rounding.js';
import { documentFormatOf, documentFromBytes, type DocumentFileFormat } from '../io/readDocument.js';
import { readTextDocument } from '../io/readTextDocument.js';
import { markDocx } from '../io/writeCheckedDocx.js';
import { findingsWorkbook, markXlsx } from '../io/writeCheckedXlsx.js';
import { fileInputs, looksLikeZip, openCliInput, readCliText, writeBytesToStdout, type CliInput } from './cliInput.js';
import { badInput, errorText, EXIT_FINDINGS, EXIT_OK, parseCliArgs, writeJsonResult, type CliCommand, type CliIo, type ExitCode } from './cliSupport.js';

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
2 the file cannot be read.
`;

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
  const json = args.values['json'] === true;
  let format: DocumentFileFormat;
  let bytes: Uint8Array | null = null;
  let model: DocumentModel;
  let stdin: CliInput<DocumentFileFormat> | undefined;
  try {
    fileInputs([file, typeof args.values['spec'] === 'string' ? args.values['spec'] : undefined]);
  } catch (error) {
    return badInput(io, `check: ${errorText(error)}`);
  }
  if (out === '-' && json) return badInput(io, 'check: --json and --out - both write to standard output; give --out a file name');
  if (file === '-') {
    // standard input: a zip is a Word or Excel file (told apart by its parts), anything else text
    try {
      stdin = await openCliInput(io, file, (_name, head) => (looksLikeZip(head) ? 'docx' : 'text'));
      bytes = await stdin.bytes();
      format = stdin.format === 'text' ? 'text' : documentFormatOf('-', bytes);
    } catch (error) {
      return badInput(io, `check: ${errorText(error)}`);
    }
  } else try {
    format = documentFormatOf(file);
  } catch {
    try {
      bytes = new Uint8Array(await readFile(file));
      format = documentFormatOf(file, bytes);
    } catch (error) {
      return badInput(io, `cannot read ${file}: ${errorText(error)}`);
    }
  }
  const name = stdin?.name ?? file;
  if (out === '-') {
    // the copy goes to standard output: Word for a Word input, else the findings as a workbook
  } else if (out !== undefined) {
    const ext = extname(out).toLowerCase();
    if (ext !== '.docx' && ext !== '.xlsx') return badInput(io, `check: --out must be a .docx or .xlsx file, got ${JSON.stringify(out)}`);
    if (ext === '.docx' && format !== 'docx') return badInput(io, `check: --out ${out}: a marked-up Word copy needs a Word input; use --out FILE.xlsx for a list of the findings`);
  }
  // a spec file holds, by block number, engine specs (TableSpec, as in tables[].spec of --json) or inferred layouts (tables[].layout)
  let layouts: Record<string, DocumentTableLayout> | undefined;
  let specs: Record<string, TableSpec> | undefined;
  const specFile = args.values['spec'];
  try {
    if (typeof specFile === 'string') {
      const file = JSON.parse(await readCliText(io, specFile)) as { tables?: Record<string, unknown> };
      layouts = {};
      specs = {};
      for (const [block, value] of Object.entries(file.tables ?? {})) {
        if (value !== null && typeof value === 'object' && 'headerRows' in value) layouts[block] = value as DocumentTableLayout;
        else specs[block] = value as TableSpec;
      }
    }
  } catch (error) {
    return badInput(io, `cannot read the spec ${String(specFile)}: ${errorText(error)}`);
  }
  try {
    if (format === 'text') {
      model = bytes !== null ? await documentFromBytes(bytes, name, { format, source: name }) : readTextDocument(await io.readFile(file), { source: file });
    } else {
      bytes ??= new Uint8Array(await readFile(file));
      model = await documentFromBytes(bytes, name, { format, source: name });
    }
  } catch (error) {
    return badInput(io, `cannot read ${name}: ${errorText(error)}`);
  }
  let report: CheckReport;
  try {
    report = checkDocument(model, { ...(rounding === undefined ? {} : { rounding: rounding as RoundingMode }), ...(layouts === undefined ? {} : { layouts }), ...(specs === undefined ? {} : { specs }) });
  } catch (error) {
    return badInput(io, `${name}: ${errorText(error)}`);
  }
  if (out !== undefined) {
    try {
      const docx = out === '-' ? format === 'docx' : out.toLowerCase().endsWith('.docx');
      const written = docx ? markDocx(bytes!, report).bytes : format === 'xlsx' ? await markXlsx(bytes!, report) : await findingsWorkbook(report);
      if (out === '-') writeBytesToStdout(io, written, docx ? 'checked.docx' : 'checked.xlsx');
      else await writeFile(out, written);
    } catch (error) {
      return badInput(io, `cannot write ${out}: ${errorText(error)}`);
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
