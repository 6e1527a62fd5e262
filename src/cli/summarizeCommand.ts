import { access } from 'node:fs/promises';
import { adminHierarchy, ancestorsOf, TWO_TIER_FROM, type AdminHierarchy, type AdminLevel } from '../areas/adminHierarchy.js';
import { areaRates, type AreaFigures } from '../areas/areaFigures.js';
import { rollUpAreas, rollUpByHierarchy } from '../areas/rollUpAreas.js';
import { compareIsoDates, type IsoDate } from '../dates/calendarDate.js';
import { VnPovertyError, fail } from '../errors/VnPovertyError.js';
import { assertOutputIsNotInput, checkOutputPath } from '../io/_atomicOutput.js';
import { ROUNDING_MODES, type RoundingMode } from '../numbers/rounding.js';
import { createProgress } from '../io/_progress.js';
import { areaSummaryColumns, type AreaSummaryRow, type SummaryLevel } from '../io/outputColumns.js';
import { countClassifiedGroups, readAdminUnits, type ClassifiedGroup, type CountBy } from '../io/readAreaTables.js';
import { formatOfPath, inputFormatOfPath } from '../io/readRows.js';
import { writeTable } from '../io/tableWriter.js';
import { runSummarizeReport, wantsReport } from './summarizeReports.js';
import { fileInputs, inputDelimiter, openCliInput, outputPath, tableFormat, type CliInput } from './cliInput.js';
import { badInput, cliDate, errorText, EXIT_FINDINGS, EXIT_OK, failedOnInput, fileErrorText, noteOnStderr, parseCliArgs, TABLE_CLI_OPTIONS, tableCliOptions, writeJsonResult, type CliCommand, type CliIo, type ExitCode } from './cliSupport.js';
import { summarySheet } from './sheets.js';
import { POVERTY_STANDARDS, type PovertyStandard } from '../standards/standards.js';

const HELP = `Usage: vn-poverty summarize FILE.csv|FILE.xlsx|- --by unit|area|village [--out OUT.csv|OUT.xlsx|-] [options]

Counts classified households (the output of vn-poverty classify, or any table with a
"Mã phân loại (Status)" column and a "Mã đơn vị (Unit code)" or "Khu vực (Area)" column)
per unit or area: households, persons, poor, near-poor, average-living, recently escaped,
and the poverty, near-poverty and multidimensional rates computed from the counts (rounded once). Roll-ups to districts and provinces (with --units) and the
total sum counts, never rates. Streams: memory grows with units, not households.

Options:
  --by unit|area|village
                        group by the unit code (default), the area (nông thôn / thành
                        thị; any spelling: Nông thôn, nong thon, rural, NT are one area)
                        or the village (Thôn (Village), as classify writes a register's
                        Thôn / Ấp / Bản / Tổ dân phố column), as printed
  --units FILE          administrative units (.csv or .xlsx: Mã đơn vị (Code), Tên đơn vị
                        (Name), Cấp (Level), Loại đơn vị (Kind), Khu vực (Area type),
                        Mã đơn vị cấp trên (Parent code), Hệ mã (Code system), Hiệu lực từ
                        (Valid from), Hiệu lực đến (Valid to)): adds names and roll-ups to
                        districts (before 2025-07-01) and provinces; needs --as-of
  --as-of DATE          the day whose hierarchy applies (with --units)
  --decimals N          digits of printed rates (default 2, as official tables print)
  --rounding MODE       rounding of rates (default half-up, as official tables print):
                        ${ROUNDING_MODES.join(', ')}
  --out FILE            write the summary to FILE (.csv or .xlsx; an .xlsx has a title, totals
                        in bold and data bars on the rates); default (or -) CSV on stdout
  --json                print the rows (counts, exact and rounded rates) as JSON
  --delimiter D         CSV field separator of input and output: , ; or tab (default: told from the first line)
  --sheet NAME          XLSX input sheet (default the first)
  --headers LANG        output headers: both (default), vi or en
  --numbers STYLE       CSV output numbers: vi (default, 16.194 and 0,70) or plain
  --raw-csv             CSV text cells as they are (by default a cell starting with = + - @
                        gets a leading ' so a spreadsheet does not run it as a formula)
  -h, --help            this help

Reports: vn-poverty summarize FILE --report NAME writes the summary form (Mẫu số 3) or a
standard report (review-summary, flows, deprivations, ethnic-groups, causes, policy-groups,
children, lists); see vn-poverty summarize --report --help.

FILE - reads standard input. A progress count, with the share read and the time left, is
shown on stderr when it is a terminal.

Exit status: 0 done; 1 some units are not in --units on --as-of (listed on stderr; their
rows are written but not rolled up); 2 bad input: unreadable, empty or malformed file,
wrong encoding, missing columns, an unknown status or area (file, row and column named),
bad options, --out equal to an input. --out replaces an existing file only on success.
`;

const group = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  if (wantsReport(argv)) return runSummarizeReport(argv, io);
  const args = parseCliArgs(argv, {
    by: { type: 'string' },
    units: { type: 'string' },
    'as-of': { type: 'string' },
    decimals: { type: 'string' },
    rounding: { type: 'string' },
    out: { type: 'string', short: 'o' },
    sheet: { type: 'string' },
    json: { type: 'boolean' },
    ...TABLE_CLI_OPTIONS,
  });
  if (!args.ok) return badInput(io, `summarize: ${args.message} (see vn-poverty summarize --help)`);
  if (args.values['help'] === true) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (args.positionals.length !== 1) return badInput(io, `summarize: expected one FILE (.csv or .xlsx), got ${args.positionals.length} (see vn-poverty summarize --help)`);
  const file = args.positionals[0]!;
  const value = (name: string): string | undefined => {
    const v = args.values[name];
    return typeof v === 'string' ? v : undefined;
  };
  const by = value('by') ?? 'unit';
  if (by !== 'unit' && by !== 'area' && by !== 'village') return badInput(io, `summarize: --by must be unit, area or village, got ${JSON.stringify(by)}`);
  const decimalsText = value('decimals') ?? '2';
  if (!/^\d{1,2}$/.test(decimalsText)) return badInput(io, `summarize: --decimals must be a whole number from 0 to 99, got ${JSON.stringify(decimalsText)}`);
  const decimals = Number(decimalsText);
  const rounding = value('rounding') ?? 'half-up';
  if (!(ROUNDING_MODES as readonly string[]).includes(rounding)) return badInput(io, `summarize: --rounding must be one of ${ROUNDING_MODES.join(', ')}, got ${JSON.stringify(rounding)}`);
  const table = tableCliOptions(args.values);
  if (!table.ok) return badInput(io, `summarize: ${table.message}`);
  const { headers, numbers, rawCsv } = table.options;
  // the output's separator is the input's (told from its first line when not given)
  let delimiter = table.options.delimiter ?? ',';
  const unitsFile = value('units');
  const asOfText = value('as-of');
  if (unitsFile !== undefined && asOfText === undefined) return badInput(io, 'summarize: --units needs --as-of YYYY-MM-DD (the day whose hierarchy applies)');
  if (unitsFile !== undefined && by !== 'unit') return badInput(io, 'summarize: --units rolls up units: use it with --by unit');
  let asOf: IsoDate | undefined;
  const out = outputPath(value('out'));
  const sheet = value('sheet');
  const json = args.values['json'] === true;
  if (asOfText !== undefined) {
    const date = cliDate(asOfText, '--as-of');
    if (!date.ok) return badInput(io, `summarize: ${date.message}`);
    asOf = date.date;
  }
  let files: string[];
  try {
    files = fileInputs([file, unitsFile]);
    for (const path of files) inputFormatOfPath(path);
    if (out !== undefined) formatOfPath(out);
    if (out !== undefined) await checkOutputPath(out);
    if (out !== undefined) await assertOutputIsNotInput(out, files);
  } catch (error) {
    return badInput(io, `summarize: ${errorText(error)}`);
  }
  for (const path of files) {
    try {
      await access(path);
    } catch (error) {
      return badInput(io, fileErrorText(error) ?? `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  let input: CliInput<'csv' | 'xlsx'>;
  let units: CliInput<'csv' | 'xlsx'> | undefined;
  try {
    input = await openCliInput(io, file, tableFormat);
    if (unitsFile !== undefined) units = await openCliInput(io, unitsFile, tableFormat);
  } catch (error) {
    return failedOnInput(io, 'summarize', error);
  }
  const progress = createProgress(io.stderr, 'summarize', 'households', input.size !== undefined ? { totalBytes: input.size } : {});
  let groups: readonly ClassifiedGroup[];
  let hierarchy: AdminHierarchy | undefined;
  try {
    delimiter = await inputDelimiter(input, table.options.delimiter);
    if (units !== undefined) hierarchy = adminHierarchy(await readAdminUnits(units.source, { delimiter: await inputDelimiter(units, table.options.delimiter), format: units.format, ...(units.stdin ? { source: units.name } : {}) }));
    groups = await countClassifiedGroups(input.source, {
      by: by as CountBy,
      delimiter,
      format: input.format,
      ...(input.stdin ? { source: input.name } : {}),
      ...(sheet !== undefined ? { sheet } : {}),
      onRow: () => progress.tick(),
      onNote: noteOnStderr(io, 'summarize'),
      onBytes: (n) => progress.bytes(n),
    });
    if (groups.length === 0) {
      fail({ code: 'no-data', path: [input.name], value: input.name, expected: 'at least one household row under the header', message: `${input.name} has a header but no households: nothing to summarize` });
    }
  } catch (error) {
    progress.done();
    return failedOnInput(io, 'summarize', error);
  }
  progress.done();
  const figures: readonly AreaFigures[] = groups.map((g) => g.figures);
  // average-living households and persons by unit, added up the same way as the figures
  const extras = new Map(groups.map((g) => [g.figures.unit, { average: g.average, persons: g.persons }]));
  const sumExtras = (codes: readonly string[]): { average: number; persons: number | null } => {
    let average = 0;
    let persons: number | null = 0;
    for (const code of codes) {
      const e = extras.get(code);
      average += e?.average ?? 0;
      persons = persons === null || e === undefined || e.persons === null ? null : persons + e.persons;
    }
    return { average, persons };
  };

  const rateOptions = { decimals, rounding: rounding as RoundingMode };
  const rows: AreaSummaryRow[] = [];
  const nameOf = (code: string): string | null => {
    if (hierarchy === undefined || asOf === undefined) return null;
    const day = asOf;
    const alive = hierarchy.units.filter((u) => compareIsoDates(u.validFrom, day) <= 0 && (u.validTo === null || compareIsoDates(day, u.validTo) <= 0));
    return (alive.find((u) => u.code === code && u.level === 'commune') ?? alive.find((u) => u.code === code))?.name ?? null;
  };
  const push = (level: SummaryLevel, f: AreaFigures, name: string | null, members: readonly string[]): void => {
    rows.push({ level, name, figures: f, rates: areaRates(f, rateOptions), ...sumExtras(members) });
  };
  for (const f of figures) push('unit', f, nameOf(f.unit), [f.unit]);
  const unknown: string[] = [];
  if (hierarchy !== undefined && asOf !== undefined) {
    const h = hierarchy;
    const day = asOf;
    const known = figures.filter((f) => {
      try {
        ancestorsOf(h, f.unit, { asOf: day });
        return true;
      } catch (error) {
        if (error instanceof VnPovertyError && error.issues[0].code === 'unknown-unit') {
          unknown.push(f.unit);
          return false;
        }
        throw error;
      }
    });
    const levels: Array<Exclude<AdminLevel, 'commune'>> = compareIsoDates(day, TWO_TIER_FROM) < 0 ? ['district', 'province'] : ['province'];
    for (const level of levels) {
      const withParent = known.filter((f) => ancestorsOf(h, f.unit, { asOf: day }).some((u) => u.level === level));
      const rolled = rollUpByHierarchy(withParent, h, { asOf: day, level });
      const under = (code: string): string[] => withParent.filter((f) => ancestorsOf(h, f.unit, { asOf: day }).some((u) => u.code === code && u.level === level)).map((f) => f.unit);
      for (const code of Object.keys(rolled).sort()) push(level, rolled[code]!, nameOf(code), under(code));
    }
  }
  if (figures.length > 0) push('total', rollUpAreas(figures, { unit: 'Tổng cộng' }), null, figures.map((f) => f.unit));

  const report = out === undefined || json ? io.stderr : io.stdout;
  try {
    // rates were rounded once by areaRates; the columns print them at the same number of decimals
    const columns = areaSummaryColumns(by as CountBy).map((c) => (c.kind === 'rate' ? { ...c, decimals } : c));
    // --json without --out: the rows go into the JSON, not to a table
    if (out !== undefined || !json) {
      await writeTable(out ?? (io.stdout as Parameters<typeof writeTable>[0]), columns, rows, {
        headers,
        numbers,
        delimiter,
        rawCsv,
        ...(out === undefined ? { format: 'csv' as const, bom: false } : summarySheet({ by: by as CountBy, source: input.name, decimals, ...classifiedOn(groups, asOf) })),
      });
    }
  } catch (error) {
    // writeTable removed its temporary file: an existing --out is as it was
    return failedOnInput(io, 'summarize', error);
  }
  const total = figures.reduce((n, f) => n + f.households, 0);
  report.write(`vn-poverty summarize: ${group(total)} households in ${group(figures.length)} ${by === 'unit' ? 'unit(s)' : by === 'area' ? 'area(s)' : 'village(s)'}${out !== undefined ? `; written to ${out}` : ''}\n`);
  if (unknown.length > 0) {
    io.stderr.write(`vn-poverty summarize: ${unknown.length} unit(s) not in ${units?.name} on ${asOf}, not rolled up: ${unknown.slice(0, 20).join(', ')}${unknown.length > 20 ? ', …' : ''}\n`);
  }
  if (json) writeJsonResult(io, { command: 'summarize', file: input.name, by, asOf: asOf ?? null, households: total, rows, notRolledUp: unknown, out: out ?? null });
  return unknown.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** The day and standard of the title: the classified file's own when all its households share them, else --as-of. */
function classifiedOn(groups: readonly ClassifiedGroup[], asOf: IsoDate | undefined): { asOf: IsoDate | undefined; standard: PovertyStandard | null } {
  const days = new Set(groups.flatMap((g) => g.asOf));
  const ids = new Set(groups.flatMap((g) => g.standards));
  const day = days.size === 1 ? ([...days][0] as IsoDate) : asOf;
  const id = ids.size === 1 ? [...ids][0] : undefined;
  return { asOf: day, standard: POVERTY_STANDARDS.find((s) => s.id === id) ?? null };
}

/**
 * `vn-poverty summarize FILE --by unit [--out FILE]`: counts and rates per unit (or area) from
 * classified households, rolled up to parents; exit 0 ok, 1 units outside the hierarchy, 2 bad input.
 */
export const summarizeCommand: CliCommand = Object.freeze({
  name: 'summarize',
  summary: 'count classified households per unit or area, with rates and roll-ups (CSV or XLSX)',
  help: HELP,
  run,
});
