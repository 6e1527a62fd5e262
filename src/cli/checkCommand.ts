import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import * as z from 'zod';
import { checkDocument, type CheckDocumentOptions } from '../documents/checkDocument.js';
import type { BoundRule } from '../documents/qualifierBounds.js';
import type { Approximation, ApproximationRules } from '../numbers/printedInterval.js';
import type { CheckReport } from '../documents/checkReport.js';
import { documentModel, type DocumentModel } from '../documents/documentModel.js';
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
import type { CsvDelimiter } from '../io/_csvTokenizer.js';
import { fileInputs, inputDelimiter, looksLikeZip, openCliInput, readCliText, writeBytesToStdout } from './cliInput.js';
import { csvReadingHint, DELIMITERS, readGrid, tableOf } from './reconcileCommand.js';
import { checkRegisterTotals, type RegisterTotalsReport } from './registerTotals.js';
import { badInput, errorText, EXIT_FINDINGS, EXIT_OK, failedOnInput, noteOnStderr, parseCliArgs, writeJsonResult, type CliCommand, type CliIo, type ExitCode } from './cliSupport.js';

const HELP = `Usage: vn-poverty check PLAN.docx|PLAN.xlsx|PLAN.txt|TABLE.csv|- [--json] [--out checked.docx|checked.xlsx|-] [options]

Checks a whole plan document with no transcription: finds its tables and works out their
layout (header rows, counts, rates and their base, amounts, subtotal and total rows,
remaining = start − exits, totals of columns), checks every cell against it, reads the
arithmetic claims of the text (a total and its parts after “trong đó / bao gồm / gồm”,
“P% (tương đương N hộ)”, “đạt P% so với kế hoạch”, reduction targets) and checks them,
and reports every figure that does not add up, with where it is. A household register (CSV or
XLSX with Mã hộ, Khu vực and an income, as classify reads it) has its totals rows (Tổng cộng,
Cộng thôn …) checked against the households above them instead (exit 2 when it has none).

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
  --bounds LIST      how “hơn/trên X” and “dưới X” bound a round figure of the text, as
                     SIDE[.KIND]=RULE[,…]: SIDE more-than or less-than, KIND amounts or rates
                     (both when left out), RULE round-figure or unbounded; the default is
                     more-than.amounts=round-figure (“hơn 830 tỷ” is 830–840), the rest unbounded
  --approximations LIST
                     how wide “khoảng X” (about) and “gần X” (nearly) are, as WORD=WIDTH[,…]:
                     WORD about or nearly, WIDTH last-digit (the default: half the last
                     significant digit) or a share of X either side (0.02, 0,02 or 2%)
  --consensus SHARE  share of rows a relation between table columns must hold in to be inferred,
                     above 0.5 and at most 1 (default 0.75)
  --delimiter D      for a CSV table: its field separator, , ; or tab (default: told from the first line)
  --number-format F  for a CSV table: vi (default: 1.234,5) or en (1,234.5)
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

const BOUND_RULES = ['round-figure', 'unbounded'] as const;
type Side = { amounts?: BoundRule; rates?: BoundRule };

/** `--bounds more-than.amounts=unbounded,less-than=round-figure` as `checkDocument`'s `bounds`; a message when malformed. */
function boundsOption(text: string): NonNullable<CheckDocumentOptions['bounds']> | string {
  const out: { moreThan?: Side; lessThan?: Side } = {};
  for (const item of text.split(',')) {
    const m = /^\s*(more-than|less-than)(?:\.(amounts|rates))?\s*=\s*([a-z-]+)\s*$/.exec(item);
    if (m === null || !(BOUND_RULES as readonly string[]).includes(m[3]!)) return `--bounds takes SIDE[.KIND]=RULE[,…] with SIDE more-than or less-than, KIND amounts or rates, RULE ${BOUND_RULES.join(' or ')}; got ${JSON.stringify(item)}`;
    const side = m[1] === 'more-than' ? 'moreThan' : 'lessThan';
    const rule = m[3] as BoundRule;
    out[side] = { ...out[side], ...(m[2] === 'rates' ? {} : { amounts: rule }), ...(m[2] === 'amounts' ? {} : { rates: rule }) };
  }
  return out;
}

/** `--approximations about=0.02,nearly=last-digit` as `checkDocument`'s `approximations`; a message when malformed. */
function approximationsOption(text: string): Partial<ApproximationRules> | string {
  const out: { about?: Approximation; nearly?: Approximation } = {};
  for (const item of text.split(',').reduce<string[]>((acc, x) => (/^\d/.test(x) && acc.length > 0 ? [...acc.slice(0, -1), `${acc.at(-1)!}.${x}`] : [...acc, x]), [])) {
    // a share written the Vietnamese way (“0,02”) was split at its comma above and joined again
    const m = /^\s*(about|nearly)\s*=\s*(?:(last-digit)|(\d+(?:\.\d+)?)(%?))\s*$/.exec(item);
    if (m === null) return `--approximations takes WORD=WIDTH[,…] with WORD about or nearly, WIDTH last-digit or a share of the figure (0.02, 0,02 or 2%); got ${JSON.stringify(item)}`;
    const share = m[3] === undefined ? null : m[4] === '%' ? percentShare(m[3]) : m[3];
    if (share !== null && Number(share) >= 1) return `--approximations: a share of the figure must be less than 1 (100%), got ${JSON.stringify(item)}`;
    out[m[1] as 'about' | 'nearly'] = share === null ? { by: 'last-digit' } : { by: 'share', share };
  }
  return out;
}

/** “2.5” (percent) as the decimal share “0.025”, by moving the point two places: exact. */
const percentShare = (p: string): string => {
  const [whole, decimals = ''] = p.split('.');
  const digits = `${whole!.padStart(3, '0')}${decimals}`;
  const s = `${digits.slice(0, -2 - decimals.length) || '0'}.${digits.slice(-2 - decimals.length)}`;
  return s.replace(/^0+(?=\d)/, '');
};

async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCliArgs(argv, { json: { type: 'boolean' }, out: { type: 'string', short: 'o' }, spec: { type: 'string' }, rounding: { type: 'string' }, unchecked: { type: 'boolean' }, bounds: { type: 'string' }, approximations: { type: 'string' }, consensus: { type: 'string' }, delimiter: { type: 'string' }, 'number-format': { type: 'string' } });
  if (!args.ok) return badInput(io, `check: ${args.message} (see vn-poverty check --help)`);
  if (args.values['help'] === true) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (args.positionals.length !== 1) return badInput(io, `check: expected one document (.docx, .xlsx or .txt), got ${args.positionals.length} (see vn-poverty check --help)`);
  const file = args.positionals[0]!;
  const rounding = args.values['rounding'];
  if (rounding !== undefined && !(ROUNDING_MODES as readonly unknown[]).includes(rounding)) return badInput(io, `check: --rounding must be one of ${ROUNDING_MODES.join(', ')}, got ${JSON.stringify(rounding)}`);
  const bounds = typeof args.values['bounds'] === 'string' ? boundsOption(args.values['bounds']) : undefined;
  if (typeof bounds === 'string') return badInput(io, `check: ${bounds}`);
  const approximations = typeof args.values['approximations'] === 'string' ? approximationsOption(args.values['approximations']) : undefined;
  if (typeof approximations === 'string') return badInput(io, `check: ${approximations}`);
  const consensusText = typeof args.values['consensus'] === 'string' ? args.values['consensus'] : undefined;
  const consensus = consensusText === undefined ? undefined : /^\s*(?:0?[.,]\d+|1(?:[.,]0*)?)\s*$/.test(consensusText) ? Number(consensusText.replace(',', '.')) : NaN;
  if (consensus !== undefined && !(consensus > 0.5 && consensus <= 1)) return badInput(io, `check: --consensus must be a share above 0.5 and at most 1 (0.75, 0,8), got ${JSON.stringify(consensusText)}`);
  const delimiterName = typeof args.values['delimiter'] === 'string' ? args.values['delimiter'] : undefined;
  const given = delimiterName === undefined ? undefined : DELIMITERS[delimiterName];
  let delimiter: CsvDelimiter = given ?? ',';
  // whether `delimiter` was already told from the file, so the file's first bytes are not read for it twice
  let told = false;
  if (given === undefined && delimiterName !== undefined) return badInput(io, `check: --delimiter must be , ; or tab, got ${JSON.stringify(delimiterName)}`);
  const numberFormat = typeof args.values['number-format'] === 'string' ? args.values['number-format'] : 'vi';
  if (numberFormat !== 'vi' && numberFormat !== 'en') return badInput(io, `check: --number-format must be vi or en, got ${JSON.stringify(numberFormat)}`);
  // a CSV (or a tab-separated .tsv / .tab) is a document of one table, read as reconcile reads it
  const csv = file !== '-' && ['.csv', '.tsv', '.tab'].includes(extname(file).toLowerCase());
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
    if (file !== '-' && !csv) format = documentFormatOf(file);
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
      if (ext === '.docx' && ((format !== undefined && format !== 'docx') || csv)) return badInput(io, `check: --out ${out}: a marked-up Word copy needs a Word input; use --out FILE.xlsx for a list of the findings`);
      await assertOutputIsNotInput(out, files);
      await checkOutputPath(out);
    }
    if (specFile !== undefined) ({ layouts, specs } = specsOf(await readCliText(io, specFile), specFile));
    // a household register (Mã hộ, Khu vực, an income): its totals rows checked as classify checks them
    // (a file on disk: the register reader opens the path itself)
    if (specFile === undefined && file !== '-' && (csv || format === 'xlsx') && (await stat(file).then((f) => f.isFile(), () => false))) {
      if (csv && given === undefined) {
        const input = await openCliInput(io, file, () => 'csv' as const);
        try {
          delimiter = await inputDelimiter(input, given);
          told = true;
        } finally {
          await input.close();
        }
      }
      const register = await checkRegisterTotals(file, file, { format: csv ? 'csv' : 'xlsx', ...(csv ? { delimiter } : {}) });
      if (register !== undefined) return registerResult(io, file, register, { json, out });
    }
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
    } else if (csv) {
      const input = await openCliInput(io, file, () => 'csv' as const);
      try {
        // told once: the register reading above already did when it ran
        if (!told) delimiter = await inputDelimiter(input, given);
        model = documentModel([tableOf(await readGrid(input, delimiter, undefined, numberFormat), numberFormat)], { source: file });
      } finally {
        await input.close();
      }
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
    report = checkDocument(model, { ...(rounding === undefined ? {} : { rounding: rounding as RoundingMode }), ...(layouts === undefined ? {} : { layouts }), ...(specs === undefined ? {} : { specs }), ...(bounds === undefined ? {} : { bounds }), ...(approximations === undefined ? {} : { approximations }), ...(consensus === undefined ? {} : { consensus }) });
  } catch (error) {
    if (!(error instanceof VnPovertyError)) throw error;
    return badInput(io, `check: ${file}: ${errorText(error)}`);
  }
  // a CSV is one table: when it gave nothing to check, it was not read as a table, and saying “0 findings” would pass it
  if (csv && report.tables.every((t) => t.checks === 0) && report.findings.length === 0) return badInput(io, `check: ${file}: ${unreadCsvTable(report, delimiter, numberFormat)}`);
  // so is any document of tables where no table gave a check and no figure of the text was checked: “0 findings” would pass it
  if (nothingChecked(report)) return badInput(io, `check: ${file}: ${report.tables.length === 1 ? 'its table gave' : `none of its ${report.tables.length} tables gave`} no check and no figure of its text could be checked: ${NO_RELATION}`);
  if (out !== undefined) {
    try {
      // --out -: a Word copy for a Word input, else the workbook (marked up, or the findings)
      const docx = out === '-' ? format === 'docx' : out.toLowerCase().endsWith('.docx');
      const written = docx && !csv ? markDocx(bytes!, report).bytes : format === 'xlsx' ? await markXlsx(bytes!, report) : await findingsWorkbook(report);
      if (out === '-') writeBytesToStdout(io, written, docx && !csv ? 'checked.docx' : 'checked.xlsx');
      else await writeFileAtomic(out, written);
    } catch (error) {
      return failedOnInput(io, 'check', error);
    }
  }
  if (json) writeJsonResult(io, report);
  else (out === '-' ? io.stderr : io.stdout).write(`${formatCheckReport(report, { unchecked: args.values['unchecked'] === true })}\n`);
  return report.ok ? EXIT_OK : EXIT_FINDINGS;
}

/** Whether a table has a column of figures (a count, a rate or an amount). */
const hasFigures = (t: CheckReport['tables'][number]): boolean => t.layout.columns.some((c) => c.kind === 'count' || c.kind === 'rate' || c.kind === 'amount');

/**
 * Whether a document whose tables print figures checked nothing: no table gave a check, no claim of
 * the text was checked, nothing was found (a document of text alone, or of tables without figures, is not one).
 */
function nothingChecked(report: CheckReport): boolean {
  return report.tables.some(hasFigures) && report.tables.every((t) => t.checks === 0) && report.claims.every((c) => c.status === 'unchecked') && report.findings.length === 0;
}

/** What to give when no relation between a table's figures could be inferred. */
const NO_RELATION = 'no total row, rate base or relation between its columns could be inferred; nothing to check: give its layout with --spec TABLE.json (or reconcile it with --layout NAME)';

/**
 * The report of `check` on a household register: each totals row's figure that does not add up
 * to the households above it, a finding (exit 1); nothing to check without a totals row (exit 2).
 * The households are classified by `classify`, not here.
 */
function registerResult(io: CliIo, file: string, r: RegisterTotalsReport, options: { readonly json: boolean; readonly out: string | undefined }): ExitCode {
  const header = `row${r.headerRows.length > 1 ? 's' : ''} ${r.headerRows.join('–')}`;
  if (r.error !== undefined) return badInput(io, `check: ${file} is a household register (header on ${header}), and a row cannot be read: ${errorText(r.error)}; classify it with vn-poverty classify`);
  if (r.totalsRows.length === 0) return badInput(io, `check: ${file} is a household register (header on ${header}, ${r.households} households) with no totals row: nothing to check; classify its households with vn-poverty classify ${file} --as-of DATE`);
  if (options.out !== undefined) return badInput(io, `check: ${file} is a household register: --out writes a marked-up plan document; write the classified register with vn-poverty classify ${file} --as-of DATE --out FILE`);
  const summary = `${file}: a household register (header on ${header}, ${r.households} households): ${r.totalsRows.length} totals row(s), ${r.checks} figure(s) checked against the households above them, ${r.findings.length} finding(s); classify its households with vn-poverty classify`;
  if (options.json) {
    writeJsonResult(io, { command: 'check', file, register: true, headerRows: r.headerRows, households: r.households, totalsRows: r.totalsRows.map((t) => ({ row: t.row, text: t.text, checks: t.totals ?? [] })), checks: r.checks, findings: r.findings });
  } else io.stdout.write(`${[...r.findings, summary].join('\n')}\n`);
  return r.findings.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Why a CSV table gave nothing to check, and what to give: its reading when it has no figures, a layout when nothing relates them. */
function unreadCsvTable(report: CheckReport, delimiter: CsvDelimiter, numberFormat: 'vi' | 'en'): string {
  if (!report.tables.some(hasFigures)) return `no column of figures was found; nothing to check (${csvReadingHint(delimiter, numberFormat)})`;
  return NO_RELATION;
}

/** `vn-poverty check FILE [--json] [--out FILE]`: checks a whole plan document; exit 0 / 1 (findings) / 2 (unreadable). */
export const checkCommand: CliCommand = Object.freeze({
  name: 'check',
  summary: 'check a whole plan (.docx, .xlsx, .txt): its tables and the figures of its text',
  help: HELP,
  run,
});
