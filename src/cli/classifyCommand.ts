import { access } from 'node:fs/promises';
import type { IsoDate } from '../dates/calendarDate.js';
import { assertOutputIsNotInput, checkOutputPath } from '../io/_atomicOutput.js';
import { createProgress } from '../io/_progress.js';
import { classifyRegisterFile, type RegisterFileHousehold, type RegisterFileSummary } from '../io/classifyRegisterFile.js';
import { formatOfPath, inputFormatOfPath } from '../io/readRows.js';
import { statusHistoryHeaders } from '../io/registerColumns.js';
import type { SkippedRegisterRow } from '../io/readRegisterBatches.js';
import type { ConflictResolution } from '../standards/classifyHousehold.js';
import { HOUSEHOLD_STATUSES } from '../standards/householdStatus.js';
import { standardFor } from '../standards/standards.js';
import type { CsvDelimiter } from '../io/_csvTokenizer.js';
import { fileInputs, inputDelimiter, openCliInput, outputPath, tableFormat, type CliInput } from './cliInput.js';
import { badInput, cliDate, errorText, EXIT_FINDINGS, EXIT_OK, failedOnInput, fileErrorText, noteOnStderr, parseCliArgs, TABLE_CLI_OPTIONS, tableCliOptions, writeJsonResult, type CliCommand, type CliIo, type ExitCode } from './cliSupport.js';
import { totalsFindingText } from './registerTotals.js';
import { classifiedSheet } from './sheets.js';

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
as "Thiếu hụt: …" columns; or a member count, Số nhân khẩu (Members), with the flags.
Optional: Mã đơn vị (Unit code), which summarize counts by; the report columns Họ tên chủ
hộ, Thôn, Dân tộc, Hộ DTTS, Nguyên nhân nghèo, Hỗ trợ đã nhận, Đối tượng chính sách and
the children counts (written under stable headers). A register with Điểm phiếu B1 and
Điểm phiếu B2 (score A and score B) is classified by the score rule; flags or an income
on the same rows are cross-checked against the scores. Other columns (STT…) are written
back unchanged, first, in the input's order.

Options:
  --as-of DATE          reference date (required): which standard applies; 2024-10-15,
                        15/10/2024 or "ngày 15 tháng 10 năm 2024"
  --out FILE            write the results to FILE (.csv or .xlsx; an .xlsx has a title and
                        prints on A4); default (or -) CSV on stdout
  --json                print the counts (and, without --out, every classification) as JSON
  --on-conflict MODE    when a review-form flag contradicts the facts: error (default:
                        the household is reported), use-flag, use-facts
  --delimiter D         CSV field separator of input and output: , ; or tab (default: told from the first line)
  --sheet NAME          XLSX input sheet (default the first)
  --headers LANG        output headers: both (default, "Phân loại (Status)"), vi or en
  --numbers STYLE       CSV output numbers: vi (default, 1.500.000) or plain (1500000)
  --blank-as no|unknown what a blank yes/no cell means: unknown (default: not given; the
                        household is reported when it could decide the status) or no (a
                        paper form ticks only what applies: x or có is yes). RISK: a blank
                        that means "not asked" read as no can make a household near-poor
                        instead of poor; use no only for forms where every box was asked
  --marks               the same as --blank-as no
  --explain             add each household's explanation (Diễn giải): slower
  --threads N           processes for a CSV file of 16 MiB or more written to a CSV file
                        (default 1); the output and messages are those of one process
  --raw-csv             CSV text cells as they are (by default a cell starting with = + - @
                        gets a leading ' so a spreadsheet does not run it as a formula)
  -h, --help            this help

FILE - reads the register from standard input (CSV, or an XLSX by its bytes). A progress
count, with the share read and the time left, is shown on stderr when it is a terminal.

Exit status: 0 every household classified; 1 some households could not be classified,
appear twice, or have scores that disagree with their flags or income (each reported on stderr with its file, row(s) and reason; the others
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
    'blank-as': { type: 'string' },
    explain: { type: 'boolean' },
    json: { type: 'boolean' },
    threads: { type: 'string' },
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
  const { headers, numbers, rawCsv } = table.options;
  const out = outputPath(value('out'));
  const sheet = value('sheet');
  const json = args.values['json'] === true;
  const blankAs = value('blank-as') ?? (args.values['marks'] === true ? 'no' : 'unknown');
  if (blankAs !== 'no' && blankAs !== 'unknown') return badInput(io, `classify: --blank-as must be no or unknown, got ${JSON.stringify(blankAs)}`);
  if (args.values['marks'] === true && value('blank-as') === 'unknown') return badInput(io, 'classify: --marks means --blank-as no; give one of them');
  const blankAsNo = blankAs === 'no';
  const threadsText = value('threads');
  if (threadsText !== undefined && (!/^[1-9]\d{0,2}$/.test(threadsText) || Number(threadsText) > 256)) return badInput(io, `classify: --threads must be a whole number from 1 to 256, got ${JSON.stringify(threadsText)}`);
  const threads = threadsText !== undefined ? Number(threadsText) : undefined;
  try {
    if (file !== '-') inputFormatOfPath(file);
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
  let delimiter: CsvDelimiter;
  try {
    input = await openCliInput(io, file, tableFormat);
  } catch (error) {
    return failedOnInput(io, 'classify', error);
  }
  try {
    delimiter = await inputDelimiter(input, table.options.delimiter);
  } catch (error) {
    await input.close();
    return failedOnInput(io, 'classify', error);
  }
  try {
    // with --json, stdout holds the JSON alone and the text summary goes to stderr
    const report = out === undefined || json ? io.stderr : io.stdout;
    // the share read is known for a CSV file (its bytes are counted as they are read), not for a workbook
    const progress = createProgress(io.stderr, 'classify', 'households', input.size !== undefined && input.format === 'csv' ? { totalBytes: input.size } : {});
    let shown = 0;
    const errors: string[] = [];
    /** Prints the first problems (their text is made only for those: most of a large register's are only counted). */
    const problem = (text: () => string): void => {
      shown += 1;
      if (shown > SHOWN_ERRORS) return;
      const t = text();
      io.stderr.write(`vn-poverty classify: ${t}\n`);
      if (json) errors.push(t);
    };
    // --json without --out: the classifications go into the JSON, not to a table (only then are they kept)
    const results: RegisterFileHousehold[] | undefined = json && out === undefined ? [] : undefined;
    let done = 0;
    const skipped = { section: 0, totals: 0, header: 0, 'column-numbers': 0, signature: 0 };
    const skippedShown: string[] = [];
    let totalsFindings = 0;
    const onSkippedRow = (r: SkippedRegisterRow): void => {
      skipped[r.kind]++;
      if (skippedShown.length < SHOWN_SKIPPED) skippedShown.push(`row ${r.row} ${SKIPPED_WORDS[r.kind]}${r.kind === 'section' || r.kind === 'totals' || r.kind === 'signature' ? ` “${r.text}”` : ''}`);
      for (const c of r.totals ?? []) {
        if (c.ok) continue;
        totalsFindings++;
        problem(() => totalsFindingText(input.name, r, c));
      }
    };
    const stdoutRecords = csvRecordCounter(io.stdout);
    let summary: RegisterFileSummary;
    try {
      // an XLSX on standard input is saved to a temporary file (under the XLSX limits): read as a file, it is read twice where needed
      const source = input.stdin && input.format === 'xlsx' ? await input.file() : input.source;
      summary = await classifyRegisterFile(source, {
        asOf,
        onConflict: onConflict as ConflictResolution,
        delimiter,
        marks: blankAsNo,
        format: input.format,
        ...(input.stdin ? { source: input.name } : {}),
        ...(sheet !== undefined ? { sheet } : {}),
        ...(out !== undefined ? { out, xlsx: classifiedSheet({ asOf, standard: standardOrNull(asOf), source: input.name }) } : results === undefined ? { out: stdoutRecords.out as Parameters<typeof classifyRegisterFile>[1]['out'] & object, outFormat: 'csv' as const, bom: false } : {}),
        ...(results !== undefined ? { onHousehold: (h: RegisterFileHousehold) => results.push(h) } : {}),
        onBytes: (n) => progress.bytes(n),
        headers,
        onNote: noteOnStderr(io, 'classify'),
        numbers,
        rawCsv,
        explain: args.values['explain'] === true,
        ...(threads !== undefined ? { threads } : {}),
        onLayout: (layout) => {
          if (layout.passThrough.length > 0) io.stderr.write(`vn-poverty classify: ${input.name}: columns passed through unchanged: ${layout.passThrough.map((h) => (h.trim() === '' ? '(a column with no header)' : h)).join(', ')}\n`);
          const history = statusHistoryHeaders(layout.passThrough);
          if (history.length > 0) io.stderr.write(`vn-poverty classify: ${input.name}: ${history.map((h) => `“${h}”`).join(', ')} (recognition dates or earlier statuses) are not read: each household is classified by this review alone, and the 36-month window of households recently escaped from poverty (QĐ 90/QĐ-TTg, Part II) is not applied; compute it from status histories (recentlyEscapedOn, statusHistory: docs/status-and-eligibility.md)\n`);
          if (layout.replaced.length > 0) io.stderr.write(`vn-poverty classify: ${input.name}: columns of an earlier result, replaced by this run's: ${layout.replaced.join(', ')}\n`);
        },
        onSkippedRow,
        onFailure: (f) => problem(() => errorText(f.error)),
        onFinding: (f) => problem(() => `score cross-check: ${f.message}`),
        onProgress: (n) => {
          for (; done < n; done++) progress.tick();
        },
      });
    } catch (error) {
      progress.done();
      const code = failedOnInput(io, 'classify', error);
      // rows already streamed to standard output are not the register: say so, after the refusal
      const lines = stdoutRecords.lines();
      if (lines > 0) io.stderr.write(`vn-poverty classify: standard output is INCOMPLETE: it holds the header and the first ${group(lines - 1)} household row(s), written before the refusal above; do not use it. Give --out FILE for all or nothing (nothing is written on a refusal)\n`);
      return code;
    }
    progress.done();
    const byStatus = HOUSEHOLD_STATUSES.map((s) => `${s} ${group(summary.byStatus[s])}`).join(', ');
    const standardId = summary.classified > 0 ? summary.standardId : '';
    report.write(`vn-poverty classify: ${group(summary.classified)} households classified as of ${asOf}${standardId !== '' ? ` under ${standardId}` : ''}: ${byStatus}${out !== undefined ? `; written to ${out}` : ''}\n`);
    const income = summary.layout.income;
    if (summary.layout.scores) {
      report.write(`vn-poverty classify: classified by the review-form scores (Điểm phiếu B1, B2) under score rule ${summary.scoreRuleId ?? '(none: no household)'}${income !== null ? `; income from ${income.description} used to cross-check them` : ''}\n`);
    } else if (income !== null) {
      report.write(
        `vn-poverty classify: income read from ${income.description}${summary.roundedUp > 0 ? `; ${group(summary.roundedUp)} monthly figure(s) not a whole đồng are written rounded up (statuses are decided exactly)` : ''}\n`,
      );
    }
    const layout = summary.layout;
    const notHouseholds = skipped.section + skipped.totals + skipped.header + skipped['column-numbers'] + skipped.signature;
    if (layout.headerRows.length > 0 && (layout.headerRows[0]! > 1 || layout.headerRows.length > 1 || notHouseholds > 0)) {
      const rows = layout.headerRows.length > 1 ? `rows ${layout.headerRows.join('–')} (a group row over its columns)` : `row ${layout.headerRows[0]}`;
      report.write(`vn-poverty classify: ${input.name}: header on ${rows}${layout.headerRows[0]! > 2 ? `, rows 1–${layout.headerRows[0]! - 1} above it its title` : layout.headerRows[0] === 2 ? ', row 1 above it its title' : ''}${notHouseholds > 0 ? `; ${group(notHouseholds)} row(s) read as not households: ${skippedShown.join(', ')}${notHouseholds > skippedShown.length ? ', …' : ''}` : ''}\n`);
    }
    if (totalsFindings > 0) io.stderr.write(`vn-poverty classify: ${group(totalsFindings)} totals finding(s): a totals row that does not add up to the households above it\n`);
    const failed = summary.failed + summary.findings + totalsFindings;
    if (summary.findings > 0) io.stderr.write(`vn-poverty classify: ${group(summary.findings)} score cross-check finding(s): scores that disagree with the flags or income on the same row\n`);
    if (summary.failed > 0) io.stderr.write(`vn-poverty classify: ${group(summary.failed)} household(s) could not be classified${failed > SHOWN_ERRORS ? ` (the first ${SHOWN_ERRORS} problems are shown above)` : ''}\n`);
    if (json) {
      writeJsonResult(io, {
        command: 'classify',
        file: input.name,
        asOf,
        standard: standardId === '' ? null : standardId,
        scoreRule: summary.scoreRuleId,
        income: income?.description ?? null,
        households: summary.classified,
        byStatus: summary.byStatus,
        notClassified: summary.failed,
        scoreFindings: summary.findings,
        totalsFindings,
        headerRows: layout.headerRows,
        notHouseholds: skipped,
        errors,
        out: out ?? null,
        ...(results !== undefined ? { results } : {}),
      });
    }
    return failed > 0 ? EXIT_FINDINGS : EXIT_OK;

  } finally {
    await input.close();
  }
}

/**
 * Standard output for the classified CSV, counting the records written (line ends outside
 * quotes), so a refusal after some rows were streamed can say how many. The writer's `once`
 * (backpressure) is kept.
 */
function csvRecordCounter(stdout: CliIo['stdout']): { readonly out: CliIo['stdout']; readonly lines: () => number } {
  let lines = 0;
  let quoted = false;
  const target = stdout as CliIo['stdout'] & { once?: (event: string, listener: () => void) => unknown };
  const out = {
    ...(stdout.isTTY !== undefined ? { isTTY: stdout.isTTY } : {}),
    write(chunk: string | Uint8Array): unknown {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      let quote = -1; // the next quote at or after i, or text.length when none
      for (let i = 0; i < text.length; ) {
        if (quote < i) quote = nextQuote(text, i);
        if (quoted) {
          if (quote === text.length) break;
          quoted = false;
          i = quote + 1;
          continue;
        }
        const end = text.indexOf('\n', i);
        if (end >= 0 && end < quote) {
          lines++;
          i = end + 1;
        } else if (quote < text.length) {
          quoted = true;
          i = quote + 1;
        } else break;
      }
      return target.write(chunk);
    },
    ...(typeof target.once === 'function' ? { once: (event: string, listener: () => void) => target.once!(event, listener) } : {}),
  };
  return { out, lines: () => lines };
}

/** The index of the next `"` at or after `from`, or the text's length when there is none. */
function nextQuote(text: string, from: number): number {
  const q = text.indexOf('"', from);
  return q < 0 ? text.length : q;
}

/** Rows listed one by one in the run summary as not households; the rest are counted. */
const SHOWN_SKIPPED = 12;

const SKIPPED_WORDS: Readonly<Record<SkippedRegisterRow['kind'], string>> = { section: 'heading', totals: 'totals', header: 'header again', 'column-numbers': 'column numbers', signature: 'signature' };


/** The standard in force on a day for the sheet's title, or null when there is none (classify then reports it). */
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
