import { VnPovertyError } from '../errors/VnPovertyError.js';
import { checkTableRows, parseCsv, type CsvDelimiter } from '../io/csv.js';
import { formatReconcileReport } from '../reconcile/formatReconcileReport.js';
import { LAYOUTS, tableFromLayout } from '../reconcile/layouts.js';
import { reconcileTable } from '../reconcile/reconcileTable.js';
import { badInput, errorText, fileErrorText, EXIT_FINDINGS, EXIT_OK, parseCliArgs, type CliCommand, type CliIo, type CliOptionSpec, type ExitCode } from './cliSupport.js';

const DELIMITERS: Readonly<Record<string, CsvDelimiter>> = { ',': ',', ';': ';', tab: '\t' };

function layoutOptionNames(): string[] {
  return [...new Set(Object.values(LAYOUTS).flatMap((l) => l.options.map((o) => o.name)))];
}

function helpText(): string {
  const layouts = Object.values(LAYOUTS)
    .map((l) => {
      const opts = l.options.map((o) => `        --${o.name} ${o.values.join('|')}${o.default === undefined ? ' (required)' : ` (default ${o.default})`}: ${o.description}`);
      return [`    ${l.name}: ${l.description}`, `        columns: ${l.columns.join(',')}`, ...opts].join('\n');
    })
    .join('\n');
  return `Usage: vn-poverty reconcile FILE.csv --layout NAME [--json] [--delimiter ,|;|tab] [layout options]

Checks a table printed in a plan against the relations its layout declares (totals add up,
remaining = start − exits, rates = count ÷ households × 100 as printed) and reports every
cell that does not reconcile, one line each, then a summary.

Options:
  --layout NAME      the layout of the CSV (header row required):
${layouts}
  --json             print the report as JSON (each issue has row, column, code, severity, printed, expected)
  --delimiter D      field separator: , (default), ; or tab
  -h, --help         this help

Exit status: 0 no error-severity finding (rounding findings allowed), 1 errors found,
2 the file cannot be read or has the wrong columns.
`;
}

async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const spec: Record<string, { type: 'string' | 'boolean' }> = { layout: { type: 'string' }, json: { type: 'boolean' }, delimiter: { type: 'string' } };
  for (const name of layoutOptionNames()) spec[name] = { type: 'string' };
  const args = parseCliArgs(argv, spec as CliOptionSpec);
  if (!args.ok) return badInput(io, `reconcile: ${args.message} (see vn-poverty reconcile --help)`);
  if (args.values['help'] === true) {
    io.stdout.write(helpText());
    return EXIT_OK;
  }
  if (args.positionals.length !== 1) return badInput(io, `reconcile: expected one FILE.csv, got ${args.positionals.length} (see vn-poverty reconcile --help)`);
  const file = args.positionals[0]!;
  const layout = args.values['layout'];
  if (typeof layout !== 'string') return badInput(io, `reconcile: --layout is required: ${Object.keys(LAYOUTS).join(', ')}`);
  const preset = LAYOUTS[layout];
  if (preset === undefined || !Object.prototype.hasOwnProperty.call(LAYOUTS, layout)) {
    return badInput(io, `reconcile: unknown layout ${JSON.stringify(layout)}; expected one of ${Object.keys(LAYOUTS).join(', ')}`);
  }
  const delimiterName = (args.values['delimiter'] as string | undefined) ?? ',';
  const delimiter = DELIMITERS[delimiterName];
  if (delimiter === undefined) return badInput(io, `reconcile: --delimiter must be , ; or tab, got ${JSON.stringify(delimiterName)}`);
  const options: Record<string, string> = {};
  for (const name of layoutOptionNames()) {
    const value = args.values[name];
    if (typeof value !== 'string') continue;
    if (!preset.options.some((o) => o.name === name)) return badInput(io, `reconcile: layout ${layout} takes no --${name} option`);
    options[name] = value;
  }
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    if (error instanceof VnPovertyError) return badInput(io, `reconcile: ${errorText(error)}`);
    return badInput(io, fileErrorText(error) ?? `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let report;
  try {
    const rows = parseCsv(text, { delimiter, source: file });
    checkTableRows(rows, delimiter, file);
    const table = tableFromLayout(layout, rows, { options, source: file });
    report = reconcileTable(table);
  } catch (error) {
    const message = errorText(error);
    return badInput(io, message.startsWith(file) ? message : `${file}: ${message}`);
  }
  if (args.values['json'] === true) {
    io.stdout.write(`${JSON.stringify({ file, layout, ...report }, null, 2)}\n`);
  } else {
    io.stdout.write(`${formatReconcileReport(report, { source: file })}\n`);
  }
  return report.ok ? EXIT_OK : EXIT_FINDINGS;
}

/** `vn-poverty reconcile FILE.csv --layout NAME [--json]`: checks a printed table; exit 0 / 1 (errors) / 2 (bad input). */
export const reconcileCommand: CliCommand = Object.freeze({
  name: 'reconcile',
  summary: 'check a printed table (CSV) against its layout: totals, differences, rates',
  get help(): string {
    return helpText();
  },
  run,
});
