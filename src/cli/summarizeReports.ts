/**
 * `vn-poverty summarize FILE --report NAME`: the summary form and the standard reports of a
 * review, from a classified register, written as printed tables (CSV or XLSX) that the engine
 * reconciles. The plain `summarize` (counts per unit) lives in summarizeCommand.ts, which hands
 * over to this module when `--report` is given.
 */
import { access } from 'node:fs/promises';
import { VnPovertyError, fail } from '../errors/VnPovertyError.js';
import { assertOutputIsNotInput, checkOutputPath } from '../io/_atomicOutput.js';
import { createProgress } from '../io/_progress.js';
import { readReviewedHouseholds, type ReviewedRegister } from '../io/readReviewedHouseholds.js';
import { formatOfPath, inputFormatOfPath } from '../io/readRows.js';
import type { ReviewedField } from '../io/reviewedHouseholdColumns.js';
import { writeReportTable, writeReportWorkbook, type ReportSheet } from '../io/writeReportTable.js';
import { ROUNDING_MODES, type RoundingMode } from '../numbers/rounding.js';
import { childrenReport } from '../reports/childrenReport.js';
import { childrenTable } from '../reports/childrenTable.js';
import { deprivationReport } from '../reports/deprivationReport.js';
import { deprivationTable } from '../reports/deprivationTable.js';
import { flowsReport } from '../reports/flowsReport.js';
import { flowsTable } from '../reports/flowsTable.js';
import { groupReport, type ReportGrouping } from '../reports/groupReport.js';
import { groupTable } from '../reports/groupTable.js';
import { householdLists } from '../reports/householdLists.js';
import { householdListsTable } from '../reports/householdListsTable.js';
import type { ReviewedHousehold } from '../reports/reviewedHousehold.js';
import { reviewSummaryReport } from '../reports/reviewSummaryReport.js';
import { reviewSummaryTable } from '../reports/reviewSummaryTable.js';
import { summaryForm, summaryForms, summaryFormUnits, type EthnicMinorityBase } from '../reports/summaryForm.js';
import { summaryFormTable } from '../reports/summaryFormTable.js';
import type { HouseholdStatus } from '../standards/householdStatus.js';
import { POVERTY_STANDARDS, type PovertyStandard } from '../standards/standards.js';
import { fileInputs, inputDelimiter, openCliInput, outputPath, STDIO_NAME, tableFormat, type CliInput } from './cliInput.js';
import { badInput, errorText, EXIT_FINDINGS, EXIT_OK, failedOnInput, fileErrorText, parseCliArgs, tableCliOptions, writeJsonResult, type CliIo, type CliOptionSpec, type ExitCode } from './cliSupport.js';

/** The reports `summarize --report` writes, in the order the help lists them. */
export const SUMMARY_REPORTS = ['summary-form', 'review-summary', 'flows', 'deprivations', 'ethnic-groups', 'causes', 'policy-groups', 'children', 'lists'] as const;

/** A report name of `summarize --report`. */
export type SummaryReportName = (typeof SUMMARY_REPORTS)[number];

/** The `--help` text of `summarize --report`. */
export const SUMMARIZE_REPORT_HELP = `Usage: vn-poverty summarize FILE.csv|FILE.xlsx|- --report NAME [--start START_FILE] [--out OUT.csv|OUT.xlsx|-] [options]

Writes a report of a review as it is printed (title, header rows, rows; figures as 16.194
and 0,70), from a classified register: the output of vn-poverty classify, or any table with
Mã hộ (Household id), Mã đơn vị (Unit code) or Tên đơn vị (Unit name), and Mã phân loại
(Status) or Phân loại. Totals add the units' counts; every rate is computed from counts and
rounded once. Every report written reads back with vn-poverty reconcile (see docs/reports.md).

Reports (NAME) and the columns they read besides id, unit and status:
  summary-form    Mẫu số 3, for the poor and for the near-poor: start, thoát, tái, phát sinh,
                  end with rates and ethnic-minority columns, urban/rural blocks, the total.
                  Needs Khu vực (Area) and the start of the year (--start or Phân loại đầu năm);
                  reads Hộ DTTS / Dân tộc, Đã từng thoát nghèo, Đã từng thoát cận nghèo
  review-summary  households by status (poor, near-poor, average living standard, non-poor)
  flows           poor and near-poor flows per unit: start, thoát, tái, phát sinh, moved in,
                  moved out, end. Needs the start of the year (--start or Phân loại đầu năm)
  deprivations    per indicator, for the poor and for the near-poor: counts, rates among them
                  and among all households. Needs Chỉ số thiếu hụt (Deprived indicators) and
                  the standard (Chuẩn áp dụng, or --standard)
  ethnic-groups   poor and near-poor by ethnic group. Needs Dân tộc (Ethnic group)
  causes          poor and near-poor by cause of poverty. Needs Nguyên nhân nghèo (Causes of poverty)
  policy-groups   poor and near-poor by policy group. Needs Đối tượng chính sách (Policy groups)
  children        children's deprivations of poor and near-poor households. Needs Số trẻ em,
                  Số trẻ em không có BHYT, Số trẻ em thiếu hụt dinh dưỡng, Số trẻ em thiếu hụt đi học
  lists           the detailed lists per unit and village; reads Thôn (Village), Họ tên chủ hộ,
                  Dân tộc

Options:
  --report NAME         the report (above)
  --start FILE          the classified list at the start of the year (.csv or .xlsx), matched
                        by Mã hộ: a household only there moved out or left, one only in FILE
                        moved in or is new, one in another unit moved (summary-form, flows)
  --status S            summary-form, deprivations, lists: poor, near-poor or both (default
                        both: an XLSX gets a sheet each; a CSV holds one table, so give one)
  --standard ID         deprivations: the standard whose indicators are reported (${POVERTY_STANDARDS.map((s) => s.id).join(', ')});
                        default the one the file's Chuẩn áp dụng column names
  --ethnic-minority-base B  summary-form: the base of the ethnic-minority rates, households
                        (default) or ethnic-minority-households (UNCONFIRMED: the form does not say)
  --unit NAME           the unit of households whose unit cell is empty (or of a file without one)
  --decimals N          digits of printed rates (default 2, as official tables print)
  --rounding MODE       rounding of rates (default half-up): ${ROUNDING_MODES.join(', ')}
  --out FILE            write the report to FILE (.csv or .xlsx); default (or -) CSV on stdout
  --json                print the result as JSON on stdout: { command, file, report, households,
                        units, out, findings, result } with the report's exact figures in result
                        (vn-poverty/json@1); the summary line goes to stderr
  --delimiter D         CSV field separator of inputs and output: , ; or tab (default: told from the first line)
  --sheet NAME          XLSX input sheet (default the first; the start file's first sheet)
  --raw-csv             CSV text cells as they are (by default a unit or a name starting with
                        = + - @ gets a leading ' so a spreadsheet does not run it as a formula)
  -h, --help            this help

FILE - (or START_FILE -, not both) reads standard input: a zip archive is an .xlsx, anything
else CSV. A progress count is shown on stderr while the register is read, when stderr is a terminal.

Exit status: 0 done; 1 the summary form has findings (listed on stderr; the file is written);
2 bad input: unreadable, empty or malformed file, wrong encoding, missing columns, an unknown
value (file, row and column named), a household twice, a start file that shares no household
with FILE, bad options, --out equal to an input, --json with --out -. --out replaces an existing
file only on success.
`;

const OPTIONS: CliOptionSpec = {
  report: { type: 'string' },
  start: { type: 'string' },
  status: { type: 'string' },
  standard: { type: 'string' },
  'ethnic-minority-base': { type: 'string' },
  unit: { type: 'string' },
  decimals: { type: 'string' },
  rounding: { type: 'string' },
  out: { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  delimiter: { type: 'string' },
  sheet: { type: 'string' },
  'raw-csv': { type: 'boolean' },
  // options of the plain summary, refused with a reason
  by: { type: 'string' },
  units: { type: 'string' },
  'as-of': { type: 'string' },
  headers: { type: 'string' },
  numbers: { type: 'string' },
};

/** What each report reads from FILE besides id, unit and status (start status: unless --start). */
const NEEDS: Readonly<Record<SummaryReportName, readonly ReviewedField[]>> = {
  'summary-form': ['area'],
  'review-summary': [],
  flows: [],
  deprivations: ['deprivations'],
  'ethnic-groups': ['ethnicGroup'],
  causes: ['causes'],
  'policy-groups': ['policyGroups'],
  children: ['children'],
  lists: [],
};
const WITH_START: ReadonlySet<SummaryReportName> = new Set(['summary-form', 'flows']);
const WITH_STATUS: ReadonlySet<SummaryReportName> = new Set(['summary-form', 'deprivations', 'lists']);
const GROUPINGS: Partial<Record<SummaryReportName, ReportGrouping>> = { 'ethnic-groups': 'ethnic-group', causes: 'cause', 'policy-groups': 'policy-group' };
const SHEETS: Readonly<Record<SummaryReportName, string>> = {
  'summary-form': 'Mẫu số 3',
  'review-summary': 'Tổng hợp rà soát',
  flows: 'Diễn biến',
  deprivations: 'Thiếu hụt',
  'ethnic-groups': 'Theo dân tộc',
  causes: 'Theo nguyên nhân nghèo',
  'policy-groups': 'Theo nhóm đối tượng',
  children: 'Trẻ em',
  lists: 'Danh sách hộ',
};
const STATUS_SHEETS = { poor: 'Hộ nghèo', 'near-poor': 'Hộ cận nghèo' } as const;

/** What a report produced: its sheets, the result for `--json`, and findings. */
interface BuiltReport {
  readonly sheets: readonly ReportSheet[];
  readonly result: unknown;
  readonly findings: readonly string[];
}

interface BuildContext {
  readonly statuses: readonly ('poor' | 'near-poor')[];
  readonly start: readonly ReviewedHousehold[] | undefined;
  readonly standard: PovertyStandard | undefined;
  readonly ethnicMinorityBase: EthnicMinorityBase;
  readonly rates: { readonly decimals: number; readonly rounding: RoundingMode };
}

const KEY = { poor: 'poor', 'near-poor': 'nearPoor' } as const;

function build(name: SummaryReportName, households: readonly ReviewedHousehold[], c: BuildContext): BuiltReport {
  const sheet = (table: ReportSheet['table'], status?: 'poor' | 'near-poor'): ReportSheet => ({ table, sheetName: status === undefined || name === 'lists' ? SHEETS[name] : `${SHEETS[name]} - ${STATUS_SHEETS[status]}` });
  const perStatus = <R>(make: (s: 'poor' | 'near-poor') => R, table: (r: R) => ReportSheet['table']): { sheets: ReportSheet[]; result: unknown } => {
    const results = c.statuses.map((s) => [s, make(s)] as const);
    return { sheets: results.map(([s, r]) => sheet(table(r), s)), result: results.length === 1 ? results[0]![1] : Object.fromEntries(results.map(([s, r]) => [KEY[s], r])) };
  };
  const start = c.start !== undefined ? { start: c.start } : {};
  switch (name) {
    case 'summary-form': {
      const both = c.statuses.length === 2 ? summaryForms(households, { ethnicMinorityBase: c.ethnicMinorityBase, ...c.rates, ...start }) : undefined;
      const forms = both !== undefined ? [both.poor, both.nearPoor] : c.statuses.map((status) => summaryForm(summaryFormUnits(households, { status, ...start }), { status, ethnicMinorityBase: c.ethnicMinorityBase, ...c.rates }));
      return {
        sheets: forms.map((f) => sheet(summaryFormTable(f), f.status)),
        result: forms.length === 1 ? forms[0] : { poor: forms[0], nearPoor: forms[1] },
        findings: forms.flatMap((f) => f.findings.map((x) => `${f.status === 'poor' ? 'poor' : 'near-poor'}: ${x.message}`)),
      };
    }
    case 'review-summary': {
      const r = reviewSummaryReport(households, c.rates);
      return { sheets: [sheet(reviewSummaryTable(r))], result: r, findings: [] };
    }
    case 'flows': {
      const r = flowsReport(households, { ...c.rates, ...start });
      return { sheets: [sheet(flowsTable(r))], result: r, findings: [] };
    }
    case 'deprivations':
      return { ...perStatus((status) => deprivationReport(households, { status, standard: c.standard!, ...c.rates }), deprivationTable), findings: [] };
    case 'children': {
      const r = childrenReport(households, c.rates);
      return { sheets: [sheet(childrenTable(r))], result: r, findings: [] };
    }
    case 'lists': {
      const lists = householdLists(households, { statuses: c.statuses as readonly HouseholdStatus[] });
      return { sheets: [sheet(householdListsTable(lists))], result: lists, findings: [] };
    }
    default: {
      const r = groupReport(households, { by: GROUPINGS[name]!, ...c.rates });
      return { sheets: [sheet(groupTable(r))], result: r, findings: [] };
    }
  }
}

/** The standard of the deprivation report: `--standard`, or the one the file names. */
function standardOf(id: string | undefined, register: ReviewedRegister, file: string): PovertyStandard {
  const ids = POVERTY_STANDARDS.map((s) => s.id).join(', ');
  const chosen = id ?? register.standards[0];
  if (id === undefined && register.standards.length > 1) {
    fail({ code: 'mixed-standards', path: [file], value: register.standards, expected: 'one standard', message: `${file} names the standards ${register.standards.join(' and ')} in its column Chuẩn áp dụng (Standard): give the one to report with --standard` });
  }
  if (chosen === undefined) {
    fail({ code: 'missing-standard', path: [file], value: undefined, expected: 'a standard', message: `deprivations: ${file} has no column Chuẩn áp dụng (Standard) naming the standard whose indicators are reported; give --standard (${ids})` });
  }
  const standard = POVERTY_STANDARDS.find((s) => s.id === chosen);
  if (standard === undefined) fail({ code: 'unknown-standard', path: [id === undefined ? file : '--standard'], value: chosen, expected: ids, message: `${id === undefined ? `${file}: the standard ${JSON.stringify(chosen)} of its column Chuẩn áp dụng` : `--standard ${JSON.stringify(chosen)}`} is not one the library knows (${ids})` });
  return standard;
}

const group = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');

/**
 * Runs `vn-poverty summarize FILE --report NAME …` (the arguments after `summarize`): reads the
 * classified register (and the start list), builds the report, writes its printed table(s).
 * Exit 0 done, 1 summary-form findings, 2 bad input.
 * @example
 * await runSummarizeReport(['ket-qua.csv', '--report', 'summary-form', '--out', 'mau-3.xlsx'], io) //=> 0
 */
export async function runSummarizeReport(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  // `--report --help` asks for this help too (parsing would read --help as the report's name)
  const end = argv.indexOf('--');
  if (argv.some((a, i) => (end === -1 || i < end) && (a === '--help' || a === '-h'))) {
    io.stdout.write(SUMMARIZE_REPORT_HELP);
    return EXIT_OK;
  }
  const args = parseCliArgs(argv, OPTIONS);
  if (!args.ok) return badInput(io, `summarize: ${args.message} (see vn-poverty summarize --report --help)`);
  const value = (n: string): string | undefined => (typeof args.values[n] === 'string' ? (args.values[n] as string) : undefined);
  for (const n of ['by', 'units', 'as-of', 'headers', 'numbers']) {
    if (args.values[n] !== undefined) return badInput(io, `summarize: --${n} belongs to the plain summary, not to --report (a report prints its own headers and figures as the form does)`);
  }
  const name = value('report') ?? '';
  if (!(SUMMARY_REPORTS as readonly string[]).includes(name)) return badInput(io, `summarize: --report must be one of ${SUMMARY_REPORTS.join(', ')}, got ${JSON.stringify(name)}`);
  const report = name as SummaryReportName;
  if (args.positionals.length !== 1) return badInput(io, `summarize: expected one FILE (.csv or .xlsx), got ${args.positionals.length} (see vn-poverty summarize --report --help)`);
  const file = args.positionals[0]!;
  const decimalsText = value('decimals') ?? '2';
  if (!/^\d{1,2}$/u.test(decimalsText)) return badInput(io, `summarize: --decimals must be a whole number from 0 to 99, got ${JSON.stringify(decimalsText)}`);
  const rounding = value('rounding') ?? 'half-up';
  if (!(ROUNDING_MODES as readonly string[]).includes(rounding)) return badInput(io, `summarize: --rounding must be one of ${ROUNDING_MODES.join(', ')}, got ${JSON.stringify(rounding)}`);
  const table = tableCliOptions({ delimiter: value('delimiter'), 'raw-csv': args.values['raw-csv'] });
  if (!table.ok) return badInput(io, `summarize: ${table.message}`);
  const { rawCsv } = table.options;
  // the output's separator is the input's (told from its first line when not given)
  let delimiter = table.options.delimiter ?? ',';
  const statusText = value('status');
  if (statusText !== undefined && !WITH_STATUS.has(report)) return badInput(io, `summarize: --status applies to ${[...WITH_STATUS].join(', ')}, not to ${report}`);
  if (statusText !== undefined && !['poor', 'near-poor', 'both'].includes(statusText)) return badInput(io, `summarize: --status must be poor, near-poor or both, got ${JSON.stringify(statusText)}`);
  const statuses: ('poor' | 'near-poor')[] = statusText === 'poor' || statusText === 'near-poor' ? [statusText] : ['poor', 'near-poor'];
  const startFile = value('start');
  if (startFile !== undefined && !WITH_START.has(report)) return badInput(io, `summarize: --start applies to ${[...WITH_START].join(' and ')}, not to ${report}`);
  const standardId = value('standard');
  if (standardId !== undefined && report !== 'deprivations') return badInput(io, `summarize: --standard applies to deprivations, not to ${report}`);
  const base = value('ethnic-minority-base') ?? 'households';
  if (value('ethnic-minority-base') !== undefined && report !== 'summary-form') return badInput(io, `summarize: --ethnic-minority-base applies to summary-form, not to ${report}`);
  if (base !== 'households' && base !== 'ethnic-minority-households') return badInput(io, `summarize: --ethnic-minority-base must be households or ethnic-minority-households, got ${JSON.stringify(base)}`);
  const unit = value('unit');
  if (unit !== undefined && unit.trim() === '') return badInput(io, 'summarize: --unit must name a unit');
  const json = args.values['json'] === true;
  if (json && value('out') === STDIO_NAME) return badInput(io, 'summarize: --json and --out - would both write to standard output: give --out a file name, or drop one of them');
  const out = outputPath(value('out'));
  const sheet = value('sheet');
  const tables = report === 'summary-form' || report === 'deprivations' ? statuses.length : 1;
  let inputs: string[];
  try {
    inputs = fileInputs([file, startFile]);
    for (const path of inputs) inputFormatOfPath(path);
    if (out !== undefined) {
      if (tables > 1 && formatOfPath(out) === 'csv') {
        return badInput(io, `summarize: ${report} has a table for the poor and one for the near-poor, and a CSV file holds one: give --status poor or --status near-poor, or write --out ${out.replace(/\.csv$/iu, '.xlsx')} (a sheet each)`);
      }
      await checkOutputPath(out);
      await assertOutputIsNotInput(out, inputs);
    } else if (!json && tables > 1) {
      return badInput(io, `summarize: ${report} has a table for the poor and one for the near-poor, and standard output takes one CSV table: give --status poor or --status near-poor, or --out FILE.xlsx (a sheet each)`);
    }
  } catch (error) {
    return badInput(io, `summarize: ${errorText(error)}`);
  }
  for (const path of inputs) {
    try {
      await access(path);
    } catch (error) {
      return badInput(io, fileErrorText(error) ?? `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  let built: BuiltReport;
  let register: ReviewedRegister;
  let input: CliInput<'csv' | 'xlsx'> | undefined;
  let startInput: CliInput<'csv' | 'xlsx'> | undefined;
  const progress = createProgress(io.stderr, 'summarize', 'households');
  const onRow = (): void => progress.tick();
  /** The reader's options for an input: its format and, for standard input, the name messages give. */
  const readerOf = async (i: CliInput<'csv' | 'xlsx'>) => ({ onRow, delimiter: await inputDelimiter(i, table.options.delimiter), format: i.format, ...(i.stdin ? { source: i.name } : {}), ...(unit !== undefined ? { defaultUnit: unit } : {}) });
  try {
    input = await openCliInput(io, file, tableFormat);
    delimiter = await inputDelimiter(input, table.options.delimiter);
    const needsStart = WITH_START.has(report) && startFile === undefined;
    try {
      register = await readReviewedHouseholds(input.source, { ...(await readerOf(input)), ...(sheet !== undefined ? { sheet } : {}), required: [...NEEDS[report], ...(needsStart ? (['startStatus'] as const) : [])] });
    } catch (error) {
      if (needsStart && error instanceof VnPovertyError && error.issues[0].code === 'missing-column' && error.issues[0].message.includes('Phân loại đầu năm')) {
        return badInput(io, `summarize: ${errorText(error)}; or give the classified list at the start of the year with --start START_FILE`);
      }
      if (error instanceof VnPovertyError && error.issues[0].code === 'missing-value' && error.issues[0].expected.includes('a default unit')) {
        return badInput(io, `summarize: ${errorText(error)}; give --unit NAME for the households without one`);
      }
      throw error;
    }
    if (register.households.length === 0) fail({ code: 'no-data', path: [input.name], value: input.name, expected: 'at least one household row under the header', message: `${input.name} has a header but no households: nothing to report` });
    let start: ReviewedRegister | undefined;
    if (startFile !== undefined) {
      if (register.fields.includes('startStatus')) {
        return badInput(io, `summarize: ${input.name} has a start-status column (Phân loại đầu năm) and --start ${startFile} was given: the start of the year comes from one of them; drop --start or the column`);
      }
      startInput = await openCliInput(io, startFile, tableFormat);
      start = await readReviewedHouseholds(startInput.source, await readerOf(startInput));
      const ids = new Set(register.households.map((h) => h.id));
      if (!start.households.some((h) => ids.has(h.id))) {
        return badInput(io, `summarize: the start list ${startInput.name} shares no household id (Mã hộ) with ${input.name}: every household would have moved in or out; is it the list of the same units, with the same ids?`);
      }
    }
    const context: BuildContext = {
      statuses,
      start: start?.households,
      standard: report === 'deprivations' ? standardOf(standardId, register, input.name) : undefined,
      ethnicMinorityBase: base,
      rates: { decimals: Number(decimalsText), rounding: rounding as RoundingMode },
    };
    progress.done();
    built = build(report, register.households, context);
  } catch (error) {
    return failedOnInput(io, 'summarize', error);
  } finally {
    progress.done();
    await input?.close();
    await startInput?.close();
  }

  try {
    if (out !== undefined) {
      if (formatOfPath(out) === 'xlsx') await writeReportWorkbook(out, built.sheets);
      else await writeReportTable(built.sheets[0]!.table, out, { delimiter, rawCsv });
    } else if (!json) {
      await writeReportTable(built.sheets[0]!.table, io.stdout as Parameters<typeof writeReportTable>[1], { delimiter, bom: false, rawCsv });
    }
  } catch (error) {
    // the writers removed their temporary file: an existing --out is as it was
    return failedOnInput(io, 'summarize', error);
  }
  const log = out === undefined || json ? io.stderr : io.stdout;
  const units = new Set(register.households.map((h) => h.unit)).size;
  log.write(`vn-poverty summarize: ${report} of ${group(register.households.length)} households in ${group(units)} unit(s)${out !== undefined ? `; written to ${out}` : ''}\n`);
  if (json) writeJsonResult(io, { command: 'summarize', file: input.name, report, households: register.households.length, units, out: out ?? null, findings: built.findings, result: built.result });
  if (built.findings.length > 0) {
    io.stderr.write(`vn-poverty summarize: the summary form has ${built.findings.length} finding(s):\n${built.findings.map((f) => `  ${f}\n`).join('')}`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/**
 * Whether `summarize` arguments ask for a report (`--report NAME` or `--report=NAME`, before any `--`).
 * @example
 * wantsReport(['ket-qua.csv', '--report', 'flows']) //=> true
 */
export function wantsReport(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return argv.some((a, i) => (end === -1 || i < end) && (a === '--report' || a.startsWith('--report=')));
}
