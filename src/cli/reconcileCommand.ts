import { extname } from 'node:path';
import { cellLook, looksByCell, type CellLookInput } from '../io/_cellLook.js';
import { documentModel, type DocumentCell, type DocumentTable } from '../documents/documentModel.js';
import { formatInferredLayout, reconcileInferred, type InferredLayout } from '../documents/reconcileInferred.js';
import { stackedTables, type StackedTable } from '../documents/stackedTables.js';
import { fail, parseInput, VnPovertyError } from '../errors/VnPovertyError.js';
import { assertOutputIsNotInput, checkOutputPath } from '../io/_atomicOutput.js';
import { parseJsonText, withinFile } from '../io/_jsonFile.js';
import { areaSummaryLayout } from '../io/areaSummaryLayout.js';
import { checkTableRows, parseCsv, type CsvDelimiter } from '../io/csv.js';
import { readSheetGrid, type MergedRange } from '../io/readSheetGrid.js';
import { markedUpCopy, writeMarkedUpCopy, type MarkedUpSource } from '../io/writeMarkedUpCopy.js';
import { LAYOUTS } from '../layouts.js';
import { MONEY_UNITS, type MoneyUnit } from '../numbers/money.js';
import { toViNumberText, type NumberFormat } from '../numbers/printedInterval.js';
import { ROUNDING_MODES, type RoundingMode } from '../numbers/rounding.js';
import { formatReconcileReport, formatTableLayout } from '../reconcile/formatReconcileReport.js';
import { presetSpecOptions, type LayoutPreset } from '../reconcile/layoutPreset.js';
import { resolveLayoutOptions } from '../reconcile/layouts.js';
import { reconcileGrid, type GridReconcileReport } from '../reconcile/reconcileGrid.js';
import type { PrintedGrid } from '../reconcile/tableFromSpec.js';
import { tableSpecSchema, type TableSpec } from '../reconcile/tableSpec.js';
import { fileInputs, inputDelimiter, openCliInput, readCliText, tableFormat, writeBytesToStdout, type CliInput } from './cliInput.js';
import { badInput, errorText, EXIT_FINDINGS, EXIT_OK, failedOnInput, noteOnStderr, parseCliArgs, writeJsonResult, type CliCommand, type CliIo, type CliOptionSpec, type ExitCode } from './cliSupport.js';

/** The field separators `--delimiter` names (`check` reads a CSV table with the same). */
export const DELIMITERS: Readonly<Record<string, CsvDelimiter>> = { ',': ',', ';': ';', tab: '\t' };
/** The presets the command knows: the library's, and its own area summary. */
const PRESETS: Readonly<Record<string, LayoutPreset>> = Object.freeze({ ...LAYOUTS, [areaSummaryLayout.name]: areaSummaryLayout });

function helpText(): string {
  const layouts = Object.values(PRESETS)
    .map((l) => {
      const opts = l.options.map((o) => `        --${o.name} ${o.values.join('|')}${o.default === undefined ? ' (required)' : ` (default ${o.default})`}: ${o.description}`);
      return [`    ${l.name}: ${l.description}`, `        columns: ${l.columns.join(',')}`, ...opts].join('\n');
    })
    .join('\n');
  return `Usage: vn-poverty reconcile FILE.csv --layout NAME [options]   (FILE - reads standard input)
       vn-poverty reconcile FILE.xlsx [--sheet NAME] --layout NAME | --spec TABLE.json [--out checked.xlsx] [options]
       vn-poverty reconcile FILE.csv|FILE.xlsx [options]   (no layout: inferred, printed with its evidence)

Checks a table as printed in a plan against the relations its layout declares (totals add up,
remaining = start − exits, rates = count ÷ households × 100 as printed, exits ≤ start, rates in
[0, 100]) and reports every cell that does not reconcile, one line each, then a summary.
Approximate figures (“hơn 620”, “khoảng 5.600”, “410-470”) are checked as intervals. The header
may take one or two rows with merged cells, as plans print it; row roles (I, II, Tổng, Cộng,
Thành thị…) are read from the labels when there is no role column, and shown. With neither
--layout nor --spec, the layout is inferred as vn-poverty check infers a plan's tables (header,
counts, rates and their base, total rows, column relations accepted by consensus) and printed
with the evidence for each relation before the findings (--json: "inferred").

Options:
  --layout NAME        a preset (or --spec):
${layouts}
  --spec FILE.json     a declared layout instead of a preset (see docs/reconciliation.md)
  --sheet NAME         the XLSX sheet (name or 1-based number; default the first)
  --number-format F    vi (default: 1.234,5) or en (1,234.5)
  --unit U             dong, nghin, trieu or ty: the unit of amount columns whose header or caption gives none
  --rounding MODE      how printed rates were rounded (default half-up): ${ROUNDING_MODES.join(', ')}
  --out FILE.xlsx      write a marked-up copy: the sheet unchanged, wrong cells filled (red: error,
                       amber: rounding) with a comment, and a sheet “Kết quả kiểm tra” listing them;
                       --out - writes it to standard output (and the report to stderr)
  --json               print the report as JSON, the envelope of toJsonResult: value.issues[] (row,
                       column, code, severity, printed, expected, grid), value.layout, value.tableLayout
  --all-findings       list every broken relation; by default one wrong cell gives one finding (as
                       vn-poverty check reports): a total that only adds a wrong item, a rate right
                       for the count a total implies, are folded into the finding at the wrong cell
  --delimiter D        CSV field separator: , ; or tab (default: told from the first line)
  -h, --help           this help

Exit status: 0 no error-severity finding (rounding findings allowed), 1 errors found (or rows of
the wrong width, shifted rows, roles that are not roles), 2 the file or spec cannot be read, the
columns or a column's unit are missing, no table can be understood (with no layout), or --out is
an input or cannot be written (an existing --out is left as it was).
`;
}

const OPTIONS: CliOptionSpec = {
  layout: { type: 'string' },
  spec: { type: 'string' },
  sheet: { type: 'string' },
  'number-format': { type: 'string' },
  unit: { type: 'string' },
  rounding: { type: 'string' },
  out: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  'all-findings': { type: 'boolean' },
  delimiter: { type: 'string' },
};

/** A table as read: its grid, where a marked-up copy comes from, and (XLSX) its merged ranges. */
interface ReadTable {
  readonly grid: PrintedGrid;
  readonly source: MarkedUpSource;
  readonly merges: readonly MergedRange[];
  /** How the sheet was read, for stderr: hidden rows and columns read as data, a merged figure read once. */
  readonly notes: readonly string[];
  /** Text cells a sheet's style sets off (indent, bold). */
  readonly looks?: readonly CellLookInput[];
}

/** The grid of a CSV or a sheet as `reconcile` reads it (an empty file or a header alone refused); `check` reads a CSV with it. */
export async function readGrid(input: CliInput<'csv' | 'xlsx'>, delimiter: CsvDelimiter, sheet: string | undefined, numberFormat: NumberFormat): Promise<ReadTable> {
  const file = input.name;
  if (input.format === 'xlsx') {
    // a name first (a sheet named 2024), else a tab position: readSheetGrid decides
    const wanted = sheet;
    // a workbook on standard input is saved to a temporary file (read and marked from there)
    const path = await input.file();
    const read = await readSheetGrid(path, { ...(wanted !== undefined ? { sheet: wanted } : {}), numberFormat, source: file });
    // as for a CSV: an empty sheet or a header alone has nothing to check
    const filled = read.grid.filter((r) => r.some((c) => c !== null && c.trim() !== '')).length;
    if (filled <= 1) {
      const where = `${file}, sheet ${JSON.stringify(read.sheet)}`;
      fail(filled === 0 ? { code: 'empty-file', path: [file], value: read.sheet, expected: 'a header row and data rows', message: `${where} is empty: nothing to check` } : { code: 'no-data', path: [file], value: read.sheet, expected: 'data rows under the header', message: `${where} has a header but no rows: nothing to check` });
    }
    return { grid: read.grid, source: { path, sheet: read.sheet }, merges: read.merges, notes: read.notes, ...(read.looks === undefined ? {} : { looks: read.looks }) };
  }
  const grid = parseCsv(await input.text(), { delimiter, source: file });
  checkTableRows(grid, delimiter, file);
  return { grid, source: { grid }, merges: [], notes: [] };
}

/**
 * Why a CSV may have given no column of figures, and what to say: the separator it was read with and
 * the number format, with the options that change them.
 * @example
 * csvReadingHint(',', 'vi') //=> 'read as a CSV separated by `,` with Vietnamese figures (1.234,5): if its fields are separated by `;` or tabs, give --delimiter \';\' or --delimiter tab; for figures like 1,234.5 give --number-format en'
 */
export function csvReadingHint(delimiter: CsvDelimiter, numberFormat: NumberFormat): string {
  const name = delimiter === '\t' ? 'tabs' : `\`${delimiter}\``;
  const others = ([',', ';', '\t'] as const).filter((d) => d !== delimiter);
  const say = (d: CsvDelimiter): string => (d === '\t' ? 'tab' : `'${d}'`);
  const format = numberFormat === 'vi' ? 'Vietnamese figures (1.234,5)' : 'English figures (1,234.5)';
  const otherFormat = numberFormat === 'vi' ? 'for figures like 1,234.5 give --number-format en' : 'for figures like 1.234,5 leave out --number-format en';
  return `read as a CSV separated by ${name} with ${format}: if its fields are separated by ${others.map((d) => (d === '\t' ? 'tabs' : `\`${d}\``)).join(' or ')}, give ${others.map((d) => `--delimiter ${say(d)}`).join(' or ')}; ${otherFormat}`;
}

/** A cell that holds only a figure (digits, marks, a sign, a percent sign): what `--number-format en` rewrites. */
const FIGURE_ONLY = /^\s*[-−(]?\d[\d.,\s\u00a0]*\)?\s*%?\s*$/u;

/**
 * The grid as a document table (merged ranges resolved), for table understanding. Table
 * understanding reads figures the Vietnamese way, so under `--number-format en` each cell that
 * holds only a figure is rewritten that way first (`1,010` → `1.010`); names and words are left as printed.
 */
export function tableOf(read: ReadTable, numberFormat: NumberFormat): DocumentTable {
  const figure = (c: string | null): string => (c === null ? '' : numberFormat === 'en' && FIGURE_ONLY.test(c) ? toViNumberText(c, 'en') : c);
  const lookAt = looksByCell(read.looks);
  const rows: DocumentCell[][] = read.grid.map((r, i) => r.map((c, j) => ({ text: figure(c), rowSpan: 1, colSpan: 1, ...cellLook(c, lookAt(i, j)) })));
  for (const m of read.merges) {
    const top = rows[m.top]?.[m.left];
    if (top === undefined) continue;
    rows[m.top]![m.left] = { ...top, rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 };
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && rows[r]?.[c] !== undefined) rows[r]![c] = { text: top.text, rowSpan: 1, colSpan: 1, mergedInto: { row: m.top, col: m.left } };
    }
  }
  return documentModel([{ kind: 'table', rows }]).blocks[0] as DocumentTable;
}

/** A spec file: strict UTF-8 (the bin's reader), a byte-order mark dropped, JSON, the spec schema; errors name the file and the field. */
async function readSpec(io: CliIo, specFile: string): Promise<TableSpec> {
  const json = parseJsonText(await readCliText(io, specFile), specFile);
  return withinFile(specFile, () => parseInput(tableSpecSchema, json, { description: 'a table layout (spec)', term: 'mẫu biểu' }) as TableSpec);
}

async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCliArgs(argv, OPTIONS);
  if (!args.ok) return badInput(io, `reconcile: ${args.message} (see vn-poverty reconcile --help)`);
  if (args.values['help'] === true) {
    io.stdout.write(helpText());
    return EXIT_OK;
  }
  const value = (name: string): string | undefined => (typeof args.values[name] === 'string' ? (args.values[name] as string) : undefined);
  if (args.positionals.length !== 1) return badInput(io, `reconcile: expected one FILE (.csv or .xlsx), got ${args.positionals.length} (see vn-poverty reconcile --help)`);
  const file = args.positionals[0]!;
  const layout = value('layout');
  const specFile = value('spec');
  if (layout !== undefined && specFile !== undefined) return badInput(io, 'reconcile: give --layout or --spec, not both');
  if (layout !== undefined && !Object.prototype.hasOwnProperty.call(PRESETS, layout)) {
    return badInput(io, `reconcile: unknown layout ${JSON.stringify(layout)}; expected one of ${Object.keys(PRESETS).join(', ')}`);
  }
  const delimiterName = value('delimiter');
  const given = delimiterName === undefined ? undefined : DELIMITERS[delimiterName];
  if (given === undefined && delimiterName !== undefined) return badInput(io, `reconcile: --delimiter must be , ; or tab, got ${JSON.stringify(delimiterName)}`);
  let delimiter: CsvDelimiter = ',';
  const numberFormat = value('number-format') ?? 'vi';
  if (numberFormat !== 'vi' && numberFormat !== 'en') return badInput(io, `reconcile: --number-format must be vi or en, got ${JSON.stringify(numberFormat)}`);
  const out = value('out');
  const json = args.values['json'] === true;
  if (out !== undefined && out !== '-' && extname(out).toLowerCase() !== '.xlsx') return badInput(io, `reconcile: --out must name an .xlsx file (or - for standard output), got ${JSON.stringify(out)}`);
  if (out === '-' && json) return badInput(io, 'reconcile: --json and --out - both write to standard output; give --out a file name');
  const unit = value('unit');
  const rounding = value('rounding');
  if (layout === undefined) {
    if (unit !== undefined && !(MONEY_UNITS as readonly string[]).includes(unit)) return badInput(io, `reconcile: --unit must be one of ${MONEY_UNITS.join(', ')}, got ${JSON.stringify(unit)}`);
    if (rounding !== undefined && !(ROUNDING_MODES as readonly string[]).includes(rounding)) return badInput(io, `reconcile: --rounding must be one of ${ROUNDING_MODES.join(', ')}, got ${JSON.stringify(rounding)}`);
  }
  // a preset checks its own options; a spec takes a money unit and a rounding mode
  let chosen: { readonly spec: TableSpec; readonly unit?: MoneyUnit; readonly rounding?: RoundingMode } | null = null;
  let read: ReadTable;
  let input: CliInput<'csv' | 'xlsx'> | undefined;
  try {
    const files = fileInputs([file, specFile]);
    // the output first: nothing is read when it would overwrite an input or cannot be written
    if (out !== undefined && out !== '-') {
      await assertOutputIsNotInput(out, files);
      await checkOutputPath(out);
    }
    if (specFile !== undefined) {
      chosen = { spec: await readSpec(io, specFile), ...(unit !== undefined ? { unit: unit as MoneyUnit } : {}), ...(rounding !== undefined ? { rounding: rounding as RoundingMode } : {}) };
    } else if (layout !== undefined) {
      const p = PRESETS[layout]!;
      const given: Record<string, string> = {};
      for (const [name, v] of [['unit', unit], ['rounding', rounding]] as const) {
        if (v === undefined) continue;
        if (!p.options.some((o) => o.name === name)) return badInput(io, `reconcile: layout ${p.name} takes no --${name} option`);
        given[name] = v;
      }
      chosen = { spec: p.spec, ...presetSpecOptions(resolveLayoutOptions(p, given)) };
    }
    input = await openCliInput(io, file, tableFormat);
    delimiter = await inputDelimiter(input, given);
    read = await readGrid(input, delimiter, value('sheet'), numberFormat);
    read.notes.forEach(noteOnStderr(io, 'reconcile'));
  } catch (error) {
    await input?.close();
    return failedOnInput(io, 'reconcile', error);
  }
  try {
    return await finish(io, input.name, read, chosen, { out, json, numberFormat, unit, rounding, attribute: args.values['all-findings'] !== true, delimiter });
  } finally {
    await input.close();
  }
}

/** Reconciles a table as read, writes the marked-up copy and the report. */
async function finish(
  io: CliIo,
  file: string,
  read: ReadTable,
  chosen: { readonly spec: TableSpec; readonly unit?: MoneyUnit; readonly rounding?: RoundingMode } | null,
  o: { readonly out: string | undefined; readonly json: boolean; readonly numberFormat: NumberFormat; readonly unit: string | undefined; readonly rounding: string | undefined; readonly attribute: boolean; readonly delimiter: CsvDelimiter },
): Promise<ExitCode> {
  const { out, numberFormat, unit, rounding } = o;
  // with no layout, tables printed one under another on the sheet are checked one by one
  if (chosen === null && unit !== undefined) return badInput(io, 'reconcile: --unit needs --layout or --spec (an inferred layout takes the unit from the headers or a caption “ĐVT: …”)');
  const tables = chosen === null ? stackedTables(read.grid) : [];
  if (tables.length > 1) return finishStacked(io, file, read, tables, o);
  let report: GridReconcileReport;
  let inferred: InferredLayout | null = null;
  try {
    if (chosen === null) {
      const r = reconcileInferred(tableOf(read, numberFormat), { source: file, attribute: o.attribute, ...(rounding !== undefined ? { rounding: rounding as RoundingMode } : {}) });
      inferred = r.inferred;
      report = r;
    } else {
      const c = chosen;
      report = reconcileGrid(read.grid, c.spec, { source: file, numberFormat, attribute: o.attribute, ...(c.unit !== undefined ? { unit: c.unit } : {}), ...(c.rounding !== undefined ? { rounding: c.rounding } : {}) });
    }
  } catch (error) {
    if (!(error instanceof VnPovertyError)) throw error;
    const message = errorText(error);
    // a CSV with no figures at all may have been read with the wrong separator or number format: say how to read it
    const hint = 'grid' in read.source && error.issues[0].code === 'table-not-understood' && error.issues[0].message.includes('no column of figures') ? ` (${csvReadingHint(o.delimiter, numberFormat)})` : '';
    return badInput(io, `${message.startsWith(file) ? message : `${file}: ${message}`}${hint}`);
  }
  if (report.layout.rows.length === 0) return badInput(io, `${file} has a header but no rows: nothing to check`);
  const copyFailed = await writeCopy(io, read, report, out);
  if (copyFailed !== null) return copyFailed;
  const name = chosen === null ? 'inferred' : (chosen.spec.name ?? 'spec');
  if (o.json) {
    writeJsonResult(io, { file, ...report, layout: name, tableLayout: report.layout, ...(inferred === null ? {} : { inferred }) });
  } else {
    const roles = report.layout.rows.some((r) => r.role !== 'unit' && r.roleFrom === 'inferred');
    const head = `${inferred === null ? '' : `${formatInferredLayout(inferred)}\n`}${roles ? `${name}: ${formatTableLayout(report.layout)}\n` : ''}`;
    writeReport(io, out, `${head}${formatReconcileReport(report, { source: file })}\n`);
  }
  return report.ok ? EXIT_OK : EXIT_FINDINGS;
}

/** Writes the marked-up copy of `--out` (`-`: to stdout); null when done or not asked for, else the exit code of the failure. */
async function writeCopy(io: CliIo, read: ReadTable, report: Parameters<typeof markedUpCopy>[1], out: string | undefined): Promise<ExitCode | null> {
  if (out === undefined) return null;
  try {
    if (out === '-') writeBytesToStdout(io, await markedUpCopy(read.source, report), 'checked.xlsx');
    else await writeMarkedUpCopy(read.source, report, out);
    return null;
  } catch (error) {
    return failedOnInput(io, 'reconcile', error);
  }
}

/** Writes the text report: to stdout, or to stderr when the marked-up copy goes to stdout (`--out -`), then where the copy went. */
function writeReport(io: CliIo, out: string | undefined, text: string): void {
  (out === '-' ? io.stderr : io.stdout).write(text);
  if (out !== undefined && out !== '-') io.stderr.write(`vn-poverty reconcile: marked-up copy written to ${out}\n`);
}

/** The rows of one of the stacked tables, the others (and its title, named in the report) left blank so that row numbers stay those of the sheet. */
function onlyRows(read: ReadTable, t: StackedTable): ReadTable {
  const first = t.title === null ? t.top : t.top + 1;
  const grid = read.grid.map((row, r) => (r >= first && r <= t.bottom ? row : row.map(() => null)));
  const merges = read.merges.filter((m) => m.top >= t.top && m.bottom <= t.bottom);
  return { ...read, grid, merges };
}

/** Several tables one under another, each inferred and reconciled: one report each, one marked-up copy, the worst exit. */
async function finishStacked(io: CliIo, file: string, read: ReadTable, tables: ReadonlyArray<StackedTable>, o: { readonly out: string | undefined; readonly json: boolean; readonly numberFormat: NumberFormat; readonly rounding: string | undefined; readonly attribute: boolean }): Promise<ExitCode> {
  const results: Array<{ readonly table: StackedTable; readonly report: ReturnType<typeof reconcileInferred> | null; readonly problem: string | null }> = [];
  for (const table of tables) {
    try {
      const r = reconcileInferred(tableOf(onlyRows(read, table), o.numberFormat), { source: file, attribute: o.attribute, ...(o.rounding !== undefined ? { rounding: o.rounding as RoundingMode } : {}) });
      results.push({ table, report: r.layout.rows.length === 0 ? null : r, problem: r.layout.rows.length === 0 ? 'a header but no rows' : null });
    } catch (error) {
      if (!(error instanceof VnPovertyError)) throw error;
      results.push({ table, report: null, problem: errorText(error) });
    }
  }
  const checked = results.filter((x) => x.report !== null);
  if (checked.length === 0) return badInput(io, `${file}: ${results.map((x, i) => `table ${i + 1} (rows ${x.table.top + 1}–${x.table.bottom + 1}): ${x.problem}`).join('; ')}`);
  const issues = checked.flatMap((x) => x.report!.issues);
  const copyFailed = await writeCopy(io, read, { issues }, o.out);
  if (copyFailed !== null) return copyFailed;
  const where = (t: StackedTable, i: number): string => `table ${i + 1} of ${tables.length}, rows ${t.top + 1}–${t.bottom + 1}${t.title === null ? '' : ` (${t.title})`}`;
  if (o.json) {
    writeJsonResult(io, { file, ok: checked.every((x) => x.report!.ok), tables: results.map((x, i) => ({ rows: { first: x.table.top + 1, last: x.table.bottom + 1 }, title: x.table.title, ...(x.report === null ? { problem: x.problem } : { ...x.report, layout: 'inferred', tableLayout: x.report.layout, inferred: x.report.inferred }), name: where(x.table, i) })) });
  } else {
    const text = results
      .map((x, i) => {
        if (x.report === null) return `${where(x.table, i)}: not checked: ${x.problem}`;
        const roles = x.report.layout.rows.some((r) => r.role !== 'unit' && r.roleFrom === 'inferred');
        return `${where(x.table, i)}\n${formatInferredLayout(x.report.inferred)}\n${roles ? `inferred: ${formatTableLayout(x.report.layout)}\n` : ''}${formatReconcileReport(x.report, { source: file })}`;
      })
      .join('\n\n');
    writeReport(io, o.out, `${file}: ${tables.length} tables one under another, each checked on its own\n${text}\n`);
  }
  const failed = results.some((x) => x.report === null);
  return checked.every((x) => x.report!.ok) && !failed ? EXIT_OK : EXIT_FINDINGS;
}

/** `vn-poverty reconcile FILE [--layout NAME | --spec FILE] [--out checked.xlsx] [--json]`: checks a printed table; exit 0 / 1 (errors) / 2 (bad input). */
export const reconcileCommand: CliCommand = Object.freeze({
  name: 'reconcile',
  summary: 'check a printed table (CSV or XLSX) against its layout: totals, differences, rates, bounds',
  get help(): string {
    return helpText();
  },
  run,
});
