import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { VnPovertyError } from '../errors/VnPovertyError.js';
import { areaSummaryLayout } from '../io/areaSummaryLayout.js';
import { checkTableRows, parseCsv, type CsvDelimiter } from '../io/csv.js';
import { readSheetGrid } from '../io/readSheetGrid.js';
import { writeMarkedUpCopy, type MarkedUpSource } from '../io/writeMarkedUpCopy.js';
import { LAYOUTS } from '../layouts.js';
import { MONEY_UNITS, type MoneyUnit } from '../numbers/money.js';
import type { NumberFormat } from '../numbers/printedInterval.js';
import { ROUNDING_MODES, type RoundingMode } from '../numbers/rounding.js';
import { formatReconcileReport, formatTableLayout } from '../reconcile/formatReconcileReport.js';
import { presetSpecOptions, type LayoutPreset } from '../reconcile/layoutPreset.js';
import { resolveLayoutOptions } from '../reconcile/layouts.js';
import { reconcileGrid, type GridReconcileReport } from '../reconcile/reconcileGrid.js';
import type { PrintedGrid } from '../reconcile/tableFromSpec.js';
import type { TableSpec } from '../reconcile/tableSpec.js';
import { fileInputs, openCliInput, readCliText, tableFormat, writeBytesToStdout, type CliInput } from './cliInput.js';
import { badInput, errorText, fileErrorText, EXIT_FINDINGS, EXIT_OK, parseCliArgs, writeJsonResult, type CliCommand, type CliIo, type CliOptionSpec, type ExitCode } from './cliSupport.js';

const DELIMITERS: Readonly<Record<string, CsvDelimiter>> = { ',': ',', ';': ';', tab: '\t' };
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

Checks a table as printed in a plan against the relations its layout declares (totals add up,
remaining = start − exits, rates = count ÷ households × 100 as printed, exits ≤ start, rates in
[0, 100]) and reports every cell that does not reconcile, one line each, then a summary.
Approximate figures (“hơn 620”, “khoảng 5.600”, “410-470”) are checked as intervals. The header
may take one or two rows with merged cells, as plans print it; row roles (I, II, Tổng, Cộng,
Thành thị…) are read from the labels when there is no role column, and shown.

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
  --delimiter D        CSV field separator: , (default), ; or tab
  -h, --help           this help

Exit status: 0 no error-severity finding (rounding findings allowed), 1 errors found (or rows of
the wrong width, roles that are not roles), 2 the file or spec cannot be read, the columns or a
column's unit are missing.
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
  delimiter: { type: 'string' },
};

async function readGrid(input: CliInput<'csv' | 'xlsx'>, delimiter: CsvDelimiter, sheet: string | undefined, numberFormat: NumberFormat): Promise<{ grid: PrintedGrid; source: MarkedUpSource }> {
  const file = input.name;
  if (input.format === 'xlsx') {
    const wanted = sheet === undefined ? undefined : /^\d+$/.test(sheet) ? Number(sheet) : sheet;
    // a workbook on standard input is saved to a temporary file (read and marked from there)
    const path = await input.file();
    const read = await readSheetGrid(path, { ...(wanted !== undefined ? { sheet: wanted } : {}), numberFormat, source: file });
    return { grid: read.grid, source: { path, sheet: read.sheet } };
  }
  const grid = parseCsv(await input.text(), { delimiter, source: file });
  checkTableRows(grid, delimiter, file);
  return { grid, source: { grid } };
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
  if (layout === undefined && specFile === undefined) return badInput(io, `reconcile: --layout NAME (${Object.keys(PRESETS).join(', ')}) or --spec TABLE.json is required`);
  if (layout !== undefined && !Object.prototype.hasOwnProperty.call(PRESETS, layout)) {
    return badInput(io, `reconcile: unknown layout ${JSON.stringify(layout)}; expected one of ${Object.keys(PRESETS).join(', ')}`);
  }
  const delimiterName = value('delimiter') ?? ',';
  const delimiter = DELIMITERS[delimiterName];
  if (delimiter === undefined) return badInput(io, `reconcile: --delimiter must be , ; or tab, got ${JSON.stringify(delimiterName)}`);
  const numberFormat = value('number-format') ?? 'vi';
  if (numberFormat !== 'vi' && numberFormat !== 'en') return badInput(io, `reconcile: --number-format must be vi or en, got ${JSON.stringify(numberFormat)}`);
  const out = value('out');
  if (out !== undefined && out !== '-' && extname(out).toLowerCase() !== '.xlsx') return badInput(io, `reconcile: --out must name an .xlsx file (or - for standard output), got ${JSON.stringify(out)}`);
  if (out === '-' && args.values['json'] === true) return badInput(io, 'reconcile: --json and --out - both write to standard output; give --out a file name');
  try {
    fileInputs([file, specFile]);
  } catch (error) {
    return badInput(io, `reconcile: ${errorText(error)}`);
  }
  const unit = value('unit');
  const rounding = value('rounding');
  // a preset checks its own options; a spec takes a money unit and a rounding mode
  let candidates: readonly { readonly spec: TableSpec; readonly unit?: MoneyUnit; readonly rounding?: RoundingMode }[];
  try {
    if (specFile !== undefined) {
      if (unit !== undefined && !(MONEY_UNITS as readonly string[]).includes(unit)) return badInput(io, `reconcile: --unit must be one of ${MONEY_UNITS.join(', ')}, got ${JSON.stringify(unit)}`);
      if (rounding !== undefined && !(ROUNDING_MODES as readonly string[]).includes(rounding)) return badInput(io, `reconcile: --rounding must be one of ${ROUNDING_MODES.join(', ')}, got ${JSON.stringify(rounding)}`);
      let spec: TableSpec;
      try {
        spec = JSON.parse(await readCliText(io, specFile)) as TableSpec;
      } catch (error) {
        return badInput(io, `cannot read the spec ${specFile}: ${error instanceof Error ? error.message : String(error)}`);
      }
      candidates = [{ spec, ...(unit !== undefined ? { unit: unit as MoneyUnit } : {}), ...(rounding !== undefined ? { rounding: rounding as RoundingMode } : {}) }];
    } else {
      const p = PRESETS[layout!]!;
      const given: Record<string, string> = {};
      for (const [name, v] of [['unit', unit], ['rounding', rounding]] as const) {
        if (v === undefined) continue;
        if (!p.options.some((o) => o.name === name)) return badInput(io, `reconcile: layout ${p.name} takes no --${name} option`);
        given[name] = v;
      }
      candidates = [{ spec: p.spec, ...presetSpecOptions(resolveLayoutOptions(p, given)) }];
    }
  } catch (error) {
    return badInput(io, `reconcile: ${errorText(error)}`);
  }
  let read: { grid: PrintedGrid; source: MarkedUpSource };
  let input: CliInput<'csv' | 'xlsx'> | undefined;
  try {
    input = await openCliInput(io, file, tableFormat);
    read = await readGrid(input, delimiter, value('sheet'), numberFormat);
  } catch (error) {
    await input?.close();
    if (error instanceof VnPovertyError) {
      const message = errorText(error);
      return badInput(io, message.startsWith(file) ? message : `${file}: ${message}`);
    }
    return badInput(io, fileErrorText(error) ?? `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await finish(io, input, read, candidates[0]!, { out, json: args.values['json'] === true, numberFormat });
  } finally {
    await input.close();
  }
}

async function finish(
  io: CliIo,
  input: CliInput<'csv' | 'xlsx'>,
  read: { grid: PrintedGrid; source: MarkedUpSource },
  c: { readonly spec: TableSpec; readonly unit?: MoneyUnit; readonly rounding?: RoundingMode },
  o: { readonly out: string | undefined; readonly json: boolean; readonly numberFormat: NumberFormat },
): Promise<ExitCode> {
  const file = input.name;
  const { out } = o;
  const used = c.spec;
  let report: GridReconcileReport;
  try {
    report = reconcileGrid(read.grid, c.spec, { source: file, numberFormat: o.numberFormat, ...(c.unit !== undefined ? { unit: c.unit } : {}), ...(c.rounding !== undefined ? { rounding: c.rounding } : {}) });
  } catch (error) {
    if (!(error instanceof VnPovertyError)) throw error;
    const message = errorText(error);
    return badInput(io, message.startsWith(file) ? message : `${file}: ${message}`);
  }
  // with --out -, the marked-up copy goes to stdout and the report to stderr
  const text = out === '-' ? io.stderr : io.stdout;
  if (out !== undefined) {
    try {
      if (out === '-') {
        const dir = await mkdtemp(join(tmpdir(), 'vn-poverty-out-'));
        try {
          await writeMarkedUpCopy(read.source, report, join(dir, 'checked.xlsx'));
          writeBytesToStdout(io, new Uint8Array(await readFile(join(dir, 'checked.xlsx'))), 'checked.xlsx');
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      } else {
        await writeMarkedUpCopy(read.source, report, out);
      }
    } catch (error) {
      return badInput(io, `cannot write ${out}: ${errorText(error)}`);
    }
  }
  if (o.json) {
    writeJsonResult(io, { file, ...report, layout: used.name ?? 'spec', tableLayout: report.layout });
  } else {
    const inferred = report.layout.rows.some((r) => r.role !== 'unit' && r.roleFrom === 'inferred');
    const head = inferred ? `${used.name ?? 'spec'}: ${formatTableLayout(report.layout)}\n` : '';
    text.write(`${head}${formatReconcileReport(report, { source: file })}\n`);
    if (out !== undefined && out !== '-') io.stderr.write(`vn-poverty reconcile: marked-up copy written to ${out}\n`);
  }
  return report.ok ? EXIT_OK : EXIT_FINDINGS;
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
