import { access } from 'node:fs/promises';
import type { IsoDate } from '../dates/calendarDate.js';
import { VnPovertyError, fail } from '../errors/VnPovertyError.js';
import { assertOutputIsNotInput, checkOutputPath } from '../io/_atomicOutput.js';
import { createProgress } from '../io/_progress.js';
import { CLASSIFIED_HOUSEHOLD_COLUMNS, type ClassifiedHouseholdRow } from '../io/outputColumns.js';
import { readHouseholdRegister, registerError } from '../io/readHouseholdRegister.js';
import { formatOfPath } from '../io/readRows.js';
import { openTableWriter, type TableWriter } from '../io/tableWriter.js';
import { classifyHousehold, type ConflictResolution } from '../standards/classifyHousehold.js';
import { standardFor } from '../standards/standards.js';
import { fileInputs, openCliInput, outputPath, tableFormat, type CliInput } from './cliInput.js';
import { classifiedSheet } from './sheets.js';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../standards/householdStatus.js';
import { badInput, cliDate, errorText, EXIT_FINDINGS, EXIT_OK, failedOnInput, fileErrorText, parseCliArgs, TABLE_CLI_OPTIONS, tableCliOptions, writeJsonResult, type CliCommand, type CliIo, type ExitCode } from './cliSupport.js';

const CONFLICTS: readonly ConflictResolution[] = ['error', 'use-flag', 'use-facts'];
/** Households whose errors are printed one by one; the rest are counted. */
const SHOWN_ERRORS = 20;

const HELP = `Usage: vn-poverty classify FILE.csv|FILE.xlsx|- --as-of YYYY-MM-DD [--out OUT.csv|OUT.xlsx|-] [options]

Classifies every household of a register (poor, near-poor, average living standard,
non-poor) under the poverty standard in force on the --as-of date, with its deprivations,
the line compared with and the deciding rule. Streams: millions of rows in bounded memory.

The register's first row names the columns, in Vietnamese or English (see
docs/files-and-cli.md): Mã hộ (Household id), Khu vực (Area: nông thôn / thành thị),
an income column whose header states its unit and period: Thu nhập/tháng (đồng),
Thu nhập (nghìn đồng/tháng), Thu nhập (triệu đồng/năm), Monthly income (dong)… (a yearly
figure is divided by 12, exactly; a header without unit or period is refused); members as
Tuổi các thành viên ("40;38;10") or one row per member with Tuổi (Age); review-form results
as "Thiếu hụt: …" columns. Optional: Mã đơn vị (Unit code), which summarize counts by.

Options:
  --as-of DATE          reference date (required): which standard applies; 2024-10-15,
                        15/10/2024 or "ngày 15 tháng 10 năm 2024"
  --out FILE            write the results to FILE (.csv or .xlsx; an .xlsx has a title and
                        prints on A4); default (or -) CSV on stdout
  --json                print the counts (and, without --out, every classification) as JSON
  --on-conflict MODE    when a review-form flag contradicts the facts: error (default:
                        the household is reported), use-flag, use-facts
  --delimiter D         CSV field separator of input and output: , (default), ; or tab
  --sheet NAME          XLSX input sheet (default the first)
  --headers LANG        output headers: both (default, "Phân loại (Status)"), vi or en
  --numbers STYLE       CSV output numbers: vi (default, 1.500.000) or plain (1500000)
  --marks               yes/no columns are ticked boxes: x (or có) is yes, blank is no
  --raw-csv             CSV text cells as they are (by default a cell starting with = + - @
                        gets a leading ' so a spreadsheet does not run it as a formula)
  -h, --help            this help

FILE - reads the register from standard input (CSV, or an XLSX by its bytes). A progress
count, with the share read and the time left, is shown on stderr when it is a terminal.

Exit status: 0 every household classified; 1 some households could not be classified
or appear twice (each reported on stderr with its file, row(s) and reason; the others
are written); 2 bad input: unreadable, empty or malformed file, wrong encoding, missing
or unreadable columns (file, row and column named), bad options, --out equal to the
input. --out is written to a temporary file and replaces an existing file only when
classify succeeds: on exit 2 an existing --out is left as it was.
`;

const group = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCliArgs(argv, {
    'as-of': { type: 'string' },
    out: { type: 'string', short: 'o' },
    'on-conflict': { type: 'string' },
    sheet: { type: 'string' },
    marks: { type: 'boolean' },
    json: { type: 'boolean' },
    ...TABLE_CLI_OPTIONS,
  });
  if (!args.ok) return badInput(io, `classify: ${args.message} (see vn-poverty classify --help)`);
  if (args.values['help'] === true) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (args.positionals.length !== 1) return badInput(io, `classify: expected one register FILE (.csv or .xlsx), got ${args.positionals.length} (see vn-poverty classify --help)`);
  const file = args.positionals[0]!;
  const value = (name: string): string | undefined => {
    const v = args.values[name];
    return typeof v === 'string' ? v : undefined;
  };
  const asOfText = value('as-of');
  if (asOfText === undefined) return badInput(io, 'classify: --as-of YYYY-MM-DD is required (the standard in force on that day applies)');
  const date = cliDate(asOfText, '--as-of');
  if (!date.ok) return badInput(io, `classify: ${date.message}`);
  const asOf: IsoDate = date.date;
  const onConflict = value('on-conflict') ?? 'error';
  if (!(CONFLICTS as readonly string[]).includes(onConflict)) return badInput(io, `classify: --on-conflict must be ${CONFLICTS.join(', ')}, got ${JSON.stringify(onConflict)}`);
  const table = tableCliOptions(args.values);
  if (!table.ok) return badInput(io, `classify: ${table.message}`);
  const { delimiter, headers, numbers, rawCsv } = table.options;
  const out = outputPath(value('out'));
  const sheet = value('sheet');
  const json = args.values['json'] === true;
  try {
    if (file !== '-') formatOfPath(file);
    if (out !== undefined) formatOfPath(out);
    if (out !== undefined) await checkOutputPath(out);
    if (out !== undefined) await assertOutputIsNotInput(out, fileInputs([file]));
  } catch (error) {
    return badInput(io, `classify: ${errorText(error)}`);
  }
  try {
    if (file !== '-') await access(file);
  } catch (error) {
    return badInput(io, fileErrorText(error) ?? `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let input: CliInput<'csv' | 'xlsx'>;
  try {
    input = await openCliInput(io, file, tableFormat);
  } catch (error) {
    return failedOnInput(io, 'classify', error);
  }

  // with --json, stdout holds the JSON alone and the text summary goes to stderr
  const report = out === undefined || json ? io.stderr : io.stdout;
  const results: Array<ClassifiedHouseholdRow & { readonly row: number }> = [];
  const errors: string[] = [];
  const counts: Record<HouseholdStatus, number> = { poor: 0, 'near-poor': 0, average: 0, 'non-poor': 0 };
  let failed = 0;
  let roundedUp = 0;
  let standardId = '';
  let incomeText = '';
  const progress = createProgress(io.stderr, 'classify', 'households', input.size !== undefined ? { totalBytes: input.size } : {});
  const problem = (text: string): void => {
    failed += 1;
    if (failed <= SHOWN_ERRORS) io.stderr.write(`vn-poverty classify: ${text}\n`);
    if (failed <= SHOWN_ERRORS) errors.push(text);
  };
  let writer: TableWriter<ClassifiedHouseholdRow> | undefined;
  try {
    // --json without --out: the classifications go into the JSON, not to a table
    if (out !== undefined || !json) {
      writer = await openTableWriter<ClassifiedHouseholdRow>(out ?? (io.stdout as Parameters<typeof openTableWriter>[0]), CLASSIFIED_HOUSEHOLD_COLUMNS, {
        headers,
        numbers,
        delimiter,
        rawCsv,
        ...(out === undefined ? { format: 'csv' as const, bom: false } : classifiedSheet({ asOf, standard: standardOrNull(asOf), source: input.name })),
      });
    }
    const register = readHouseholdRegister(input.source, {
      format: input.format,
      ...(input.stdin ? { source: input.name } : {}),
      onBytes: (n) => progress.bytes(n),
      delimiter,
      marks: args.values['marks'] === true,
      ...(sheet !== undefined ? { sheet } : {}),
      onHeader: (match) => {
        if (match.ignored.length > 0) io.stderr.write(`vn-poverty classify: ${input.name}: columns not used: ${match.ignored.join(', ')}\n`);
      },
      onLayout: ({ income }) => {
        incomeText = income.description;
      },
      onDuplicate: (error) => problem(errorText(error)),
    });
    let households = 0;
    for await (const entry of register) {
      progress.tick();
      households += 1;
      let row: ClassifiedHouseholdRow;
      try {
        const classification = classifyHousehold(entry.household, { asOf, onConflict: onConflict as ConflictResolution });
        row = { unit: entry.unit, classification };
      } catch (error) {
        if (!(error instanceof VnPovertyError)) throw error;
        if (error.issues.some((i) => i.code === 'no-standard-in-force')) throw error;
        problem(errorText(registerError(entry, input.name, error)));
        continue;
      }
      counts[row.classification.status] += 1;
      if (entry.monthlyIncomeExact.den !== 1n) roundedUp += 1;
      standardId = row.classification.standard.id;
      if (writer !== undefined) await writer.write(row);
      else results.push({ row: entry.row, ...row });
    }
    if (households === 0 && failed === 0) {
      fail({ code: 'no-data', path: [input.name], value: input.name, expected: 'at least one household row under the header', message: `${input.name} has a header but no households: nothing to classify` });
    }
    await writer?.close();
  } catch (error) {
    progress.done();
    await writer?.abort().catch(() => undefined);
    return failedOnInput(io, 'classify', error);
  }
  progress.done();
  const total = HOUSEHOLD_STATUSES.reduce((n, s) => n + counts[s], 0);
  const byStatus = HOUSEHOLD_STATUSES.map((s) => `${s} ${group(counts[s])}`).join(', ');
  report.write(`vn-poverty classify: ${group(total)} households classified as of ${asOf}${standardId !== '' ? ` under ${standardId}` : ''}: ${byStatus}${out !== undefined ? `; written to ${out}` : ''}\n`);
  report.write(
    `vn-poverty classify: income read from ${incomeText}${roundedUp > 0 ? `; ${group(roundedUp)} monthly figure(s) not a whole đồng are written rounded up (statuses are decided exactly)` : ''}\n`,
  );
  if (failed > 0) {
    io.stderr.write(`vn-poverty classify: ${group(failed)} household(s) could not be classified${failed > SHOWN_ERRORS ? ` (the first ${SHOWN_ERRORS} are shown above)` : ''}\n`);
  }
  if (json) {
    writeJsonResult(io, { command: 'classify', file: input.name, asOf, standard: standardId === '' ? null : standardId, income: incomeText, households: total, byStatus: counts, notClassified: failed, errors, out: out ?? null, ...(writer === undefined ? { results } : {}) });
  }
  return failed > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** The standard in force on a day for the sheet's title, or null when there is none (classify then reports it per household). */
function standardOrNull(asOf: IsoDate): ReturnType<typeof standardFor> | null {
  try {
    return standardFor(asOf);
  } catch {
    return null;
  }
}

/**
 * `vn-poverty classify FILE --as-of DATE [--out FILE]`: classifies every household of a CSV
 * or XLSX register; exit 0 ok, 1 some households not classifiable, 2 bad input.
 */
export const classifyCommand: CliCommand = Object.freeze({
  name: 'classify',
  summary: 'classify every household of a register (CSV or XLSX) under the standard in force on a date',
  help: HELP,
  run,
});
