import { access } from 'node:fs/promises';
import { assertOutputIsNotInput, checkOutputPath } from '../io/_atomicOutput.js';
import { parseJsonText, withinFile } from '../io/_jsonFile.js';
import { alkireFosterEstimates } from '../measures/alkireFosterEstimates.js';
import type { PovertyCutoff } from '../measures/povertyCutoff.js';
import { surveyDesign, type LonelyPsuPolicy } from '../measures/surveyDesign.js';
import { fraction } from '../numbers/fraction.js';
import type { CsvDelimiter } from '../io/csv.js';
import { measuresSpec } from '../io/measuresSpec.js';
import { readMeasuresData } from '../io/readMeasuresData.js';
import { formatOfPath, inputFormatOfPath } from '../io/readRows.js';
import { writeLongTable } from '../io/writeLongTable.js';
import { fileInputs, inputDelimiter, openCliInput, outputPath, readCliText, tableFormat, type CliInput } from './cliInput.js';
import { badInput, EXIT_OK, failedOnInput, noteOnStderr, parseCliArgs, writeJsonResult, type CliCommand, type CliIo, type ExitCode } from './cliSupport.js';
import { measuresSheet } from './sheets.js';

const HELP = `Usage: vn-poverty measures FILE.csv|FILE.xlsx|- --indicators SPEC.json [options]

Alkire–Foster measures of a survey file, exact, as one long table (the shape of mpitbR's
lframe): H, A, M0 and, per indicator, the uncensored and censored headcount ratios and the
absolute and percentage contributions, nationally and by each --by column; with a design,
linearised standard errors and confidence intervals (as R survey / mpitbR).

Options:
  --indicators SPEC     the indicator specification (JSON), e.g.
                          {"dimensions": [
                            {"id": "health", "indicators": [{"id": "d_nutr"}, {"id": "d_cm"}]},
                            {"id": "living", "indicators": [
                              {"id": "income", "column": "thu_nhap", "deprivedBelow": "1500000"}]}],
                           "missing": "drop-unit"}
                        weights ("1/6", "0.25") on every dimension and indicator, or on none
                        (equal nested weights); "deprivedBelow": deprived when value < cutoff
                        (an achievement column), else the column holds 0/1; "countBy":
                        "members" with "sizes": COLUMN counts people; "missing": "drop-unit"
                        or "not-deprived" (empty cells are an error without it)
  --by COLS             groupings, comma-separated; a*b crosses two columns (area,region,area*region)
  --k K                 the poverty cutoff: 33% (percent form, score ≥ 0.33; the default),
                        1/3 or 0.5 (share form)
  --design S,P,W        design columns: strata, PSUs, weights (leave one empty: ,psu,weight)
  --weight COL          sampling weights without a design (estimates only)
  --lonely-psu POLICY   single-PSU strata: fail (default, as R survey), remove, certainty,
                        adjust or average
  --level L             confidence level of the intervals (default 95%)
  --ci METHOD           logit (default, for proportions, as mpitbR) or normal
  --rounds COL          a column with two rounds: estimates per round and their changes
  --out FILE            write the table to FILE (.csv or .xlsx); default (or -) CSV on stdout.
                        The file is written whole or not at all (an existing FILE is kept on
                        any failure); it may not be an input
  --json                print the estimates (exact, as fractions) as JSON
  --raw-csv             CSV text cells exactly as they are (by default a group label that starts
                        with = + - @ is written with a leading ' so a spreadsheet does not run it)
  --decimals N          decimals of the decimal columns (default 15)
  --delimiter D         CSV field separator of the input: , ; or tab (default: told from the first line)
  --sheet NAME          XLSX input sheet (default the first)
  -h, --help            this help

Exit status: 0 done; 2 bad input (unreadable file, missing columns, bad values — file, row
and column named — or bad options).
`;

const DELIMITERS: Readonly<Record<string, CsvDelimiter>> = { ',': ',', ';': ';', tab: '\t' };
const POLICIES: readonly LonelyPsuPolicy[] = ['fail', 'remove', 'certainty', 'adjust', 'average'];

/** `33%` → percent form, `1/3` or `0.5` → share form. */
function cutoffOf(text: string): PovertyCutoff | null {
  const t = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (percent) return { percent: percent[1] as string };
  const ratio = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (ratio) return Number(ratio[2]) === 0 ? null : { share: fraction(BigInt(ratio[1] as string), BigInt(ratio[2] as string)) };
  if (/^\d+(\.\d+)?$/.test(t)) return { share: t };
  return null;
}

async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCliArgs(argv, {
    indicators: { type: 'string' },
    by: { type: 'string' },
    k: { type: 'string' },
    design: { type: 'string' },
    weight: { type: 'string' },
    'lonely-psu': { type: 'string' },
    level: { type: 'string' },
    ci: { type: 'string' },
    rounds: { type: 'string' },
    out: { type: 'string', short: 'o' },
    decimals: { type: 'string' },
    delimiter: { type: 'string' },
    sheet: { type: 'string' },
    'raw-csv': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (!args.ok) return badInput(io, `measures: ${args.message} (see vn-poverty measures --help)`);
  if (args.values['help'] === true) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (args.positionals.length !== 1) return badInput(io, `measures: expected one FILE (.csv or .xlsx), got ${args.positionals.length} (see vn-poverty measures --help)`);
  const file = args.positionals[0] as string;
  const value = (name: string): string | undefined => {
    const v = args.values[name];
    return typeof v === 'string' ? v : undefined;
  };
  const specFile = value('indicators');
  if (specFile === undefined) return badInput(io, 'measures: --indicators SPEC.json is required (see vn-poverty measures --help)');
  const cutoff = cutoffOf(value('k') ?? '33%');
  if (cutoff === null) return badInput(io, `measures: --k must be a percent (33%), a fraction (1/3) or a decimal (0.33), got ${JSON.stringify(value('k'))}`);
  const given = value('delimiter') === undefined ? undefined : DELIMITERS[value('delimiter')!];
  if (given === undefined && value('delimiter') !== undefined) return badInput(io, `measures: --delimiter must be , ; or tab, got ${JSON.stringify(value('delimiter'))}`);
  const lonely = value('lonely-psu') ?? 'fail';
  if (!(POLICIES as readonly string[]).includes(lonely)) return badInput(io, `measures: --lonely-psu must be one of ${POLICIES.join(', ')}, got ${JSON.stringify(lonely)}`);
  const ci = value('ci') ?? 'logit';
  if (ci !== 'logit' && ci !== 'normal') return badInput(io, `measures: --ci must be logit or normal, got ${JSON.stringify(ci)}`);
  const levelText = (value('level') ?? '95%').trim();
  const levelMatch = /^(\d+(?:\.\d+)?)\s*%$/.exec(levelText) ?? /^(0?\.\d+)$/.exec(levelText);
  if (levelMatch === null) return badInput(io, `measures: --level must be a percent (95%) or a share (0.95), got ${JSON.stringify(levelText)}`);
  const level = levelText.endsWith('%') ? fraction(BigInt(Math.round(Number(levelMatch[1]) * 1e6)), 100_000_000n) : (levelMatch[1] as string);
  const decimalsText = value('decimals') ?? '15';
  if (!/^\d{1,2}$/.test(decimalsText)) return badInput(io, `measures: --decimals must be a whole number from 0 to 99, got ${JSON.stringify(decimalsText)}`);
  const designText = value('design');
  const designCols = designText?.split(',').map((s) => s.trim());
  if (designCols !== undefined && (designCols.length !== 3 || designCols.every((c) => c === ''))) return badInput(io, `measures: --design takes three comma-separated columns STRATA,PSU,WEIGHT (one may be empty), got ${JSON.stringify(designText)}`);
  if (designCols !== undefined && value('weight') !== undefined) return badInput(io, 'measures: give the weights in --design (its third column), not also in --weight');
  const groupings = (value('by') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((g) => (g.includes('*') ? g.split('*').map((s) => s.trim()) : g));
  const byColumns = [...new Set(groupings.flat())];
  const out = outputPath(value('out'));
  const sheet = value('sheet');
  const json = args.values['json'] === true;
  let spec: ReturnType<typeof measuresSpec>;
  let input: CliInput<'csv' | 'xlsx'>;
  try {
    const files = fileInputs([file, specFile]);
    if (file !== '-') inputFormatOfPath(file);
    if (out !== undefined) {
      formatOfPath(out);
      // the output first: nothing is read when it would overwrite an input or cannot be written
      await assertOutputIsNotInput(out, files);
      await checkOutputPath(out);
    }
    if (file !== '-') await access(file);
    const specJson = parseJsonText(await readCliText(io, specFile), specFile);
    spec = withinFile(specFile, () => measuresSpec(specJson));
    input = await openCliInput(io, file, tableFormat);
  } catch (error) {
    return failedOnInput(io, 'measures', error);
  }
  try {
    const [strata, psus, weightCol] = designCols ?? [];
    const read = await readMeasuresData(input.source, spec, {
      format: input.format,
      ...(input.stdin ? { source: input.name } : {}),
      delimiter: await inputDelimiter(input, given),
      ...(sheet !== undefined ? { sheet } : {}),
      by: byColumns,
      onNote: noteOnStderr(io, 'measures'),
      ...(strata ? { strata } : {}),
      ...(psus ? { psus } : {}),
      ...(weightCol ? { weight: weightCol } : value('weight') !== undefined ? { weight: value('weight') as string } : {}),
      ...(value('rounds') !== undefined ? { rounds: value('rounds') as string } : {}),
    });
    // with --design: standard errors and intervals; else estimates only (weighted by --weight, if any)
    const design = surveyDesign(read.design, { lonelyPsu: designCols !== undefined ? (lonely as LonelyPsuPolicy) : 'remove' });
    const common = { weights: spec.weights, cutoff, countBy: spec.countBy, groupings, ...(read.rounds !== null ? { rounds: read.rounds } : {}) };
    const result =
      designCols !== undefined
        ? alkireFosterEstimates(read.data, { ...common, design, interval: { level, method: ci, distribution: 't' } })
        : alkireFosterEstimates(design.weightNumerators === null ? read.data : { ...read.data, sampleWeights: design.weightNumerators, sampleWeightScale: design.weightScale }, common);
    const k = 'percent' in cutoff ? `${cutoff.percent}%` : (value('k') as string);
    const designNote = designCols !== undefined ? `Thiết kế mẫu: ${design.strataCount} tầng, ${design.psuCount} đơn vị mẫu cấp 1, bậc tự do ${design.degreesOfFreedom}` : null;
    // --json without --out: the estimates go into the JSON, not to a table
    const written =
      out !== undefined || !json
        ? await writeLongTable(out ?? (io.stdout as Parameters<typeof writeLongTable>[0]), result.rows, {
            decimals: Number(decimalsText),
            ...(out === undefined ? { format: 'csv' as const, bom: false } : measuresSheet({ source: input.name, k, design: designNote })),
            ...(args.values['raw-csv'] === true ? { rawCsv: true } : {}),
          })
        : result.rows.length;
    const report = out === undefined || json ? io.stderr : io.stdout;
    report.write(
      `vn-poverty measures: ${read.rows - read.dropped} rows${read.dropped > 0 ? ` (${read.dropped} dropped for a missing entry)` : ''}, k = ${'percent' in cutoff ? `${cutoff.percent}%` : value('k')}, ${written} estimates` +
        `${designCols !== undefined ? `, design: ${design.strataCount} strata, ${design.psuCount} PSUs, df ${design.degreesOfFreedom}` : ''}${out !== undefined ? `; written to ${out}` : ''}\n`,
    );
    if (json) {
      writeJsonResult(io, {
        command: 'measures',
        file: input.name,
        k,
        rows: read.rows,
        dropped: read.dropped,
        design: designCols !== undefined ? { strata: design.strataCount, psus: design.psuCount, degreesOfFreedom: design.degreesOfFreedom } : null,
        out: out ?? null,
        ...(out === undefined ? { estimates: result.rows } : {}),
      });
    }
    return EXIT_OK;
  } catch (error) {
    return failedOnInput(io, 'measures', error);
  } finally {
    await input.close();
  }
}

/**
 * `vn-poverty measures FILE --indicators SPEC.json [--by …] [--k 33%] [--design S,P,W] [--out FILE]`:
 * Alkire–Foster estimates with design-based standard errors as a long table; exit 0 ok, 2 bad input.
 */
export const measuresCommand: CliCommand = Object.freeze({
  name: 'measures',
  summary: 'Alkire–Foster measures of a survey file with standard errors, as a long table (CSV or XLSX)',
  help: HELP,
  run,
});
