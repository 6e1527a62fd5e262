import { basename } from 'node:path';
import { toIsoDate } from '../dates/calendarDate.js';
import { assertOptions } from '../errors/assertOptions.js';
import { VnPovertyError, fail, type VnIssues } from '../errors/VnPovertyError.js';
import { sumClassificationCounts, type ClassificationCounts } from '../standards/classificationCounts.js';
import { classifyScoreParsed, parseScoreRow, resolveScoreRule, type ScoreClassification } from '../standards/classifyByScore.js';
import type { ClassifyHouseholdOptions, HouseholdClassification } from '../standards/classifyHousehold.js';
import { classifyRegisterBatch, classifyRegisterBatchOfIds, registerRow, registerRowOf, UNCLASSIFIED, type ClassifyRegisterBatchOptions, type RegisterBatch, type RegisterBatchClassification } from '../standards/classifyRegisterBatch.js';
import { crossCheckScores, type ScoreFinding } from '../standards/crossCheckScores.js';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from '../standards/householdStatus.js';
import { openAtomicStream } from './_atomicOutput.js';
import { registerCsvWriter, type RegisterCsvWriter } from './_registerCsvWriter.js';
import { registerError } from './readHouseholdRegister.js';
import { IDS_CHECKED_BY_CALLER, readRegisterBatches, REUSE_BATCH_ARRAYS, registerFileId, registerFileIdColumn, type ReadRegisterBatchesOptions, type RegisterFileBatch, type RegisterFileLayout } from './readRegisterBatches.js';
import { registerOutputColumns, type RegisterOutputRow } from './registerOutputColumns.js';
import { formatOfPath, type FileFormat, type RowSource } from './readRows.js';
import { openTableWriter, type HeaderLanguage, type TableTarget, type TableWriter, type TableWriterOptions } from './tableWriter.js';

/** Options of {@link classifyRegisterFile}. */
export interface ClassifyRegisterFileOptions extends ReadRegisterBatchesOptions, Pick<ClassifyHouseholdOptions, 'predicates' | 'onConflict' | 'onUnusedFlag'> {
  /** Where the classified register goes: a `.csv` or `.xlsx` path, or a text sink for CSV (e.g. `process.stdout`). Without it nothing is written. */
  readonly out?: TableTarget;
  /** Output format; from `out`'s extension for a path, else CSV. */
  readonly outFormat?: FileFormat;
  /** Output header language (default `'both'`). */
  readonly headers?: HeaderLanguage;
  /** CSV output numbers: `'vi'` (default, `1.500.000`) or `'plain'`. */
  readonly numbers?: 'vi' | 'plain';
  /** CSV text cells as they are (default: a cell starting like a formula gets a leading `'`). */
  readonly rawCsv?: boolean;
  /** CSV byte-order mark (default true for a file, false for a sink). */
  readonly bom?: boolean;
  /** Also build each household's explained result and write its explanation (slower). */
  readonly explain?: boolean;
  /** XLSX output: the sheet's name and the title lines above the header (e.g. `classifiedSheet` of the CLI). */
  readonly xlsx?: Pick<TableWriterOptions, 'sheetName' | 'title'>;
  /**
   * Called with each classified household and its full result, in the file's order (for a caller
   * that keeps the results, e.g. as JSON). Giving it builds every explained result: slower, like `explain`.
   */
  readonly onHousehold?: (household: RegisterFileHousehold) => void;
  /** Called for each household that cannot be classified or repeats another, with its rows and the error (messages start "file, row N: "). */
  readonly onFailure?: (failure: RegisterFileFailure) => void;
  /** Called for each disagreement the score cross-check finds (scores against flags or income). */
  readonly onFinding?: (finding: RegisterScoreFinding) => void;
  /** Called after each batch with the households read so far. */
  readonly onProgress?: (households: number) => void;
  /**
   * Processes that read, classify and format a large CSV register in parallel: this one and
   * `threads − 1` child processes (default 1: this process alone; `os.availableParallelism()`
   * gives every core). Used for a CSV file of at least 16 MiB written to a CSV file; the results,
   * counts, errors and their order are those of one process (see docs/files-and-cli.md, "Several
   * threads", for when it pays and what it costs).
   */
  readonly threads?: number;
}

/** A household that could not be classified, or whose id repeats another. */
export interface RegisterFileFailure {
  readonly row: number;
  readonly lastRow: number;
  readonly id: string | undefined;
  readonly error: VnPovertyError;
}

/** A classified household, as {@link ClassifyRegisterFileOptions.onHousehold} sees it. */
export interface RegisterFileHousehold {
  /** The household's (first) row in the file. */
  readonly row: number;
  /** Its unit code (*Mã đơn vị*), or null. */
  readonly unit: string | null;
  /** The result of `classifyHousehold`, or of `classifyByScore` for a register classified by scores. */
  readonly classification: HouseholdClassification | ScoreClassification;
}

/** A score cross-check finding, at its file row. */
export interface RegisterScoreFinding extends Omit<ScoreFinding, 'row'> {
  /** The row in the file. */
  readonly row: number;
}

/** What {@link classifyRegisterFile} did. */
export interface RegisterFileSummary {
  readonly layout: RegisterFileLayout;
  readonly standardId: string;
  /** The score rule applied, for a register classified by scores. */
  readonly scoreRuleId: string | null;
  /** Households classified, by status. */
  readonly byStatus: Readonly<Record<HouseholdStatus, number>>;
  readonly classified: number;
  /** Households not classified (each reported to `onFailure`), repeats included. */
  readonly failed: number;
  /** Score cross-check findings (each reported to `onFinding`). */
  readonly findings: number;
  /** Classified households whose monthly income is not a whole number of đồng (written rounded up; statuses are decided exactly). */
  readonly roundedUp: number;
  /** Counts by status and indicator of the income path (null for a register classified by scores). */
  readonly counts: ClassificationCounts | null;
}

/** The issues of a batch failure as the record path raised them (without the batch index). */
function unindexedIssues(index: number, issues: VnIssues): VnIssues {
  const prefix = `household ${index}: `;
  return issues.map((i) => ({ ...i, path: i.path.slice(1), message: i.message.startsWith(prefix) ? i.message.slice(prefix.length) : i.message })) as unknown as VnIssues;
}

interface Sink {
  /** Writes; `written`, when given, is called once a file has taken the bytes (the buffer may then be reused). */
  write(text: string | Buffer, written?: () => void): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

async function openCsvSink(target: TableTarget, bom: boolean): Promise<Sink> {
  // large writes are queued (bounded by one batch's bytes) rather than waited for one by one
  const file = typeof target === 'string' ? await openAtomicStream(target, { highWaterMark: 64 * 1024 * 1024 }) : undefined;
  const out = file?.stream ?? (target as Exclude<TableTarget, string>);
  let first = bom;
  return {
    async write(data, written) {
      if (first) {
        first = false;
        out.write('\uFEFF');
      }
      if (data.length === 0) return;
      // a file takes the bytes; another sink (stdout, a test's capture) takes text
      const ok = file !== undefined ? file.stream.write(data, written === undefined ? undefined : (error) => error == null && written()) : out.write(typeof data === 'string' ? data : data.toString('utf8'));
      if (ok === false && typeof out.once === 'function') await new Promise<void>((resolve) => out.once!('drain', resolve));
    },
    close: async () => file?.finish(),
    abort: async () => file?.abort(),
  };
}

/**
 * Classifies every household of a register file (CSV or XLSX) and writes the classified register:
 * reads it in batches of typed columns ({@link readRegisterBatches}), classifies each batch with
 * `classifyRegisterBatch` (the record path for the households that need it, with identical
 * results), and streams the rows out (CSV or XLSX, through a temporary file that replaces `out`
 * only on success). Memory is one batch plus the bounded id set. The output has the input's
 * pass-through columns, the result columns (status, income, deciding line, deprivations, count,
 * rule…), and the report columns the input has; the explanation only with `explain`.
 *
 * A register with the score columns (*Điểm phiếu B1*, *Điểm phiếu B2*) is classified by the
 * score rule of the standard (`classifyByScore` row by row); where the same rows carry flags or an
 * income, `crossCheckScores` compares them and each disagreement goes to `onFinding`.
 *
 * @param source - a `.csv` or `.xlsx` path, or a CSV stream.
 * @param options - those of {@link readRegisterBatches} and `classifyHousehold` (`onBytes` for a
 *   progress by bytes), plus `out`, `headers`, `numbers`, `rawCsv`, `explain`, `xlsx` (sheet name
 *   and title of an XLSX output), `onFailure`, `onFinding`, `onHousehold`, `onProgress`.
 * @returns what was done: counts by status, failures, findings, the layout read.
 * @throws VnPovertyError on bad input (file, row and column named; an existing `out` is left as it
 *   was): the errors of {@link readRegisterBatches}, `no-standard-in-force`, `no-data` (a header
 *   and no households), `too-many-rows` (XLSX output past its limit).
 * @example
 * await classifyRegisterFile('ho.csv', { asOf: '2024-01-01', out: 'ket-qua.csv' })
 * //=> { classified: 4, failed: 0, byStatus: { poor: 1, 'near-poor': 1, average: 1, 'non-poor': 1 }, … }
 * @see NĐ 07/2021/NĐ-CP, Art. 3; TT 07/2021/TT-BLĐTBXH, Art. 1 cl. 1 (scores).
 */
export async function classifyRegisterFile(source: RowSource, options: ClassifyRegisterFileOptions): Promise<RegisterFileSummary> {
  assertOptions(options, 'classifyRegisterFile', true);
  const threads = options.threads ?? 1;
  if (!Number.isSafeInteger(threads) || threads < 1 || threads > 256) fail({ code: 'invalid-option', path: ['threads'], value: threads, expected: 'a whole number of threads from 1 to 256' });
  if (threads > 1) {
    const { classifyInParallel } = await import('./_parallelRegister.js');
    const done = await classifyInParallel(source, options, threads);
    if (done !== undefined) return done;
  }
  return classifyRegisterSource(source, options);
}

/**
 * What a worker of the parallel path asks of {@link classifyRegisterSource} (nothing of it is
 * public): the file named in messages, a byte sink instead of `out` (without the header line),
 * a piece with no households allowed, and a call for what makes a piece need the one-thread
 * path (a repeated id, a row that is not a household, a score finding). @internal
 */
export interface RegisterPieceHooks {
  readonly file?: string;
  /** Takes the output bytes; `release`, when given, is to be called once they are written (the writer may then reuse their buffer). */
  readonly sink?: (bytes: Uint8Array, release?: () => void) => void;
  /** The CSV writer for `sink`: `make()` makes one for this layout; a caller may give the one it made for an earlier piece of the same layout (its formatted line ends and buffers kept). */
  readonly csvWriter?: (layout: RegisterFileLayout, make: (spareBuffers?: number) => RegisterCsvWriter) => RegisterCsvWriter;
  /** The caller checks every household id against the whole file itself: the reader keeps no id set. */
  readonly idsChecked?: boolean;
  /** Takes the header line, which is not written to `sink`. */
  readonly onHeaderLine?: (line: string) => void;
  readonly allowEmpty?: boolean;
  readonly irregular?: (why: string) => void;
  /** Takes each batch read, for its ids and rows (`registerFileIdColumn` gives the ids as bytes). */
  readonly onIds?: (batch: RegisterFileBatch) => void;
  /** Takes the households that cannot be classified instead of `options.onFailure` (their error without file and rows; or only its issues, when `issues` is given, without making the error). */
  readonly onFailure?: (row: number, lastRow: number, id: string | undefined, error: () => unknown, issues?: () => VnIssues, household?: RegisterHouseholdColumns) => void;
}

/** One household of a batch as its columns (area code, income, member count, flags), without record or ages. @internal */
export interface RegisterHouseholdColumns {
  readonly area: number;
  readonly monthlyIncome: number | bigint;
  readonly members: number;
  readonly flags: Uint8Array;
}

function householdColumns(b: Omit<RegisterBatch, 'ids'>, i: number): RegisterHouseholdColumns {
  const k = b.flags.length / b.area.length;
  return { area: b.area[i]!, monthlyIncome: b.monthlyIncome[i]!, members: b.members[i]!, flags: b.flags.slice(i * k, (i + 1) * k) };
}

/** The options `classifyRegisterSource` classifies its batches with. */
function registerBatchOptions(options: ClassifyRegisterFileOptions, classifyOptions: Pick<ClassifyRegisterBatchOptions, 'asOf' | 'standard' | 'standards'>, explain: boolean): ClassifyRegisterBatchOptions {
  return {
    ...classifyOptions,
    ...(options.predicates !== undefined ? { predicates: options.predicates } : {}),
    ...(options.onConflict !== undefined ? { onConflict: options.onConflict } : {}),
    ...(options.onUnusedFlag !== undefined ? { onUnusedFlag: options.onUnusedFlag } : {}),
    explain,
    onInvalid: 'report',
  };
}

/**
 * The issues `classifyRegisterSource` reports for a household of the columns alone that it could
 * not classify (see {@link RegisterPieceHooks.onFailure}), found again from its columns and id:
 * the household classified alone, as in its batch (its issues depend on nothing else), or null
 * when it is classified. For the parallel path, which finds a child's failures only when read. @internal
 */
export function registerHouseholdIssues(household: RegisterHouseholdColumns, id: string | undefined, options: ClassifyRegisterFileOptions): VnIssues | null {
  const asOf = toIsoDate(options.asOf, ['asOf']);
  const classifyOptions = { asOf, ...(options.standard !== undefined ? { standard: options.standard } : {}), ...(options.standards !== undefined ? { standards: options.standards } : {}) };
  const income = household.monthlyIncome;
  const batch: Omit<RegisterBatch, 'ids'> = {
    area: Uint8Array.of(household.area),
    monthlyIncome: typeof income === 'bigint' ? BigInt64Array.of(income) : Float64Array.of(income),
    members: Uint32Array.of(household.members),
    flags: household.flags,
  };
  const result = classifyRegisterBatchOfIds(batch, registerBatchOptions(options, classifyOptions, false), () => id);
  const f = result.failures[0];
  return f === undefined ? null : unindexedIssues(f.index, f.issues);
}

/** A failure whose error (with file and rows in the messages) is made only when read. @internal */
export function registerFailure(row: number, lastRow: number, id: string | undefined, file: string | undefined, error: () => unknown): RegisterFileFailure {
  let made: VnPovertyError | undefined;
  return Object.defineProperty({ row, lastRow, id }, 'error', { enumerable: true, get: () => (made ??= registerError({ row, lastRow }, file, error()) as VnPovertyError) }) as RegisterFileFailure;
}

/** {@link classifyRegisterFile} on one thread (the parallel path's workers run it on pieces of the file). @internal */
export async function classifyRegisterSource(source: RowSource, options: ClassifyRegisterFileOptions, hooks: RegisterPieceHooks = {}): Promise<RegisterFileSummary> {
  const asOf = toIsoDate(options.asOf, ['asOf']);
  const label = options.source ?? (typeof source === 'string' ? basename(source) : undefined);
  const file = hooks.file ?? options.source ?? (typeof source === 'string' ? source : undefined);
  const explain = options.explain === true;
  const onHousehold = options.onHousehold;
  const byStatus: Record<HouseholdStatus, number> = { poor: 0, 'near-poor': 0, average: 0, 'non-poor': 0 };
  let failed = 0;
  let findings = 0;
  let roundedUp = 0;
  let read = 0;
  let layout: RegisterFileLayout | undefined;
  let scoreRuleId: string | null = null;
  let standardId = '';
  const counts: ClassificationCounts[] = [];
  /** Reports a failure; its error (with file and rows in the messages) is made only when read. */
  const fail1 = (row: number, lastRow: number, id: string | undefined, error: () => unknown, issues?: () => VnIssues, household?: () => RegisterHouseholdColumns | undefined): void => {
    failed++;
    if (hooks.onFailure !== undefined) hooks.onFailure(row, lastRow, id, error, issues, household?.());
    else if (options.onFailure !== undefined) options.onFailure(registerFailure(row, lastRow, id, file, error));
  };
  const outFormat = options.out === undefined ? undefined : (options.outFormat ?? (typeof options.out === 'string' ? formatOfPath(options.out) : 'csv'));
  let csv: { sink: Sink; writer: ReturnType<typeof registerCsvWriter> } | undefined;
  let table: TableWriter<RegisterOutputRow> | undefined;
  const tableOptions = {
    headers: options.headers ?? 'both',
    numbers: options.numbers ?? 'vi',
    delimiter: options.delimiter ?? ',',
    rawCsv: options.rawCsv === true,
  } as const;
  const open = async (l: RegisterFileLayout): Promise<void> => {
    if (options.out === undefined && hooks.sink === undefined) return;
    const columns = registerOutputColumns(l, { explain });
    if (hooks.sink !== undefined) {
      const sink = hooks.sink;
      const write = async (data: string | Buffer, written?: () => void): Promise<void> => sink(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, written);
      const make = (spareBuffers?: number): RegisterCsvWriter => registerCsvWriter(columns, { ...tableOptions, ...(spareBuffers !== undefined ? { spareBuffers } : {}) });
      csv = { sink: { write, close: async () => undefined, abort: async () => undefined }, writer: hooks.csvWriter?.(l, make) ?? make() };
      hooks.onHeaderLine?.(csv.writer.header());
    } else if (outFormat === 'xlsx') table = await openTableWriter<RegisterOutputRow>(options.out!, columns, { ...tableOptions, ...options.xlsx, format: 'xlsx' });
    else {
      const sink = await openCsvSink(options.out!, options.bom ?? typeof options.out === 'string');
      const writer = registerCsvWriter(columns, tableOptions);
      csv = { sink, writer };
      await sink.write(writer.header());
    }
  };
  const readOptions: ReadRegisterBatchesOptions & { readonly [REUSE_BATCH_ARRAYS]: true } = {
    ...options,
    // each batch is classified and written before the next is read: the next may reuse its arrays
    [REUSE_BATCH_ARRAYS]: true,
    ...(hooks.idsChecked === true ? { [IDS_CHECKED_BY_CALLER]: true } : {}),
    onLayout: (l) => {
      layout = l;
      standardId = l.standardId;
      options.onLayout?.(l);
    },
    onDuplicate: (error, rows) => {
      hooks.irregular?.('a repeated household id');
      failed++;
      options.onFailure?.({ ...rows, id: typeof error.issues[0]?.value === 'string' ? error.issues[0].value : undefined, error });
    },
  };
  const classifyOptions = { asOf, ...(options.standard !== undefined ? { standard: options.standard } : {}), ...(options.standards !== undefined ? { standards: options.standards } : {}) };
  try {
    for await (const b of readRegisterBatches(source, readOptions)) {
      if (layout === undefined) throw new Error('unreachable: a batch before the layout');
      if (read === 0 && csv === undefined && table === undefined) await open(layout);
      read += b.size;
      hooks.onIds?.(b);
      if (b.scores !== undefined) await scoreBatch(b);
      else await incomeBatch(b);
      options.onProgress?.(read);
    }
    // refused before the output is opened: a stream (stdout) would already have taken the header line
    if (read === 0 && failed === 0 && hooks.allowEmpty !== true) {
      fail({ code: 'no-data', path: file !== undefined ? [file] : [], value: file ?? '', expected: 'at least one household row under the header', message: `${file ?? 'the register'} has a header but no households: nothing to classify` });
    }
    if (layout !== undefined && read === 0) await open(layout);
    await csv?.sink.close();
    await table?.close();
  } catch (error) {
    await csv?.sink.abort().catch(() => undefined);
    await table?.abort().catch(() => undefined);
    throw error;
  }
  const total = counts.length > 0 ? sumClassificationCounts(counts) : null;
  return Object.freeze({
    layout: layout!,
    standardId,
    scoreRuleId,
    byStatus: Object.freeze(byStatus),
    classified: HOUSEHOLD_STATUSES.reduce((n, s) => n + byStatus[s], 0),
    failed,
    findings,
    roundedUp,
    counts: total,
  });

  async function incomeBatch(b: RegisterFileBatch): Promise<void> {
    const households = b.households!;
    const ofBytes = registerFileIdColumn(b);
    const batchOptions = registerBatchOptions(options, classifyOptions, explain || onHousehold !== undefined);
    // ids read from bytes stay bytes: a string is made only for a household whose result or error carries it
    const result: RegisterBatchClassification =
      ofBytes !== undefined ? classifyRegisterBatchOfIds(ofBytes.columns, batchOptions, (i) => registerFileId(b, i)) : classifyRegisterBatch(households, batchOptions);
    counts.push(result.counts);
    for (const f of result.failures) {
      const issues = (): VnIssues => unindexedIssues(f.index, f.issues);
      // a household read into the columns alone (no record, no ages): its columns, from which its issues can be found again
      const columns = (): RegisterHouseholdColumns | undefined => (households.records?.[f.index] !== undefined || households.memberAges !== undefined ? undefined : householdColumns(households, f.index));
      fail1(b.rows[f.index]!, b.lastRows[f.index]!, registerFileId(b, f.index), () => new VnPovertyError(issues()), issues, columns);
    }
    // counted by status code, added to the totals once a batch
    const tally = [0, 0, 0, 0];
    const statuses = result.statuses;
    const up = b.roundedUp;
    for (let i = 0; i < b.size; i++) {
      const s = statuses[i]!;
      if (s === UNCLASSIFIED) continue;
      tally[s]!++;
      roundedUp += up[i]!;
      if (onHousehold !== undefined) onHousehold(Object.freeze({ row: b.rows[i]!, unit: b.units[i] ?? null, classification: result.classifications[i]! }));
    }
    HOUSEHOLD_STATUSES.forEach((status, s) => (byStatus[status] += tally[s]!));
    if (csv !== undefined) {
      const writer = csv.writer;
      for (const chunk of writer.lines(b, households, result, explain)) await csv.sink.write(chunk, () => writer.release(chunk));
    }
    else if (table !== undefined) {
      for (let i = 0; i < b.size; i++) {
        if (result.statuses[i] === UNCLASSIFIED) continue;
        const explained = result.classifications[i];
        await table.write({
          result: explained !== undefined ? registerRowOf(explained) : registerRow(households, result, i),
          unit: b.units[i] ?? null,
          ...(b.passThrough !== undefined ? { passThrough: b.passThrough[i]! } : {}),
          ...(b.extras?.[i] !== undefined ? { extras: b.extras[i]! } : {}),
          ...(explain && explained !== undefined ? { explanation: explained.explanation } : {}),
        });
      }
    }
  }

  async function scoreBatch(b: RegisterFileBatch): Promise<void> {
    const { standard, rule } = resolveScoreRule(asOf, classifyOptions);
    scoreRuleId = rule.id;
    const rows: RegisterOutputRow[] = [];
    for (let i = 0; i < b.size; i++) {
      const input = b.scores![i]!;
      try {
        const { deprivations: _d, monthlyIncome: _m, memberCount: _c, status: _s, ...scored } = input;
        const score = classifyScoreParsed(parseScoreRow(scored), asOf, standard, rule);
        byStatus[score.status]++;
        if (onHousehold !== undefined) onHousehold(Object.freeze({ row: b.rows[i]!, unit: b.units[i] ?? null, classification: score }));
        rows.push({
          score,
          unit: b.units[i] ?? null,
          ...(b.passThrough !== undefined ? { passThrough: b.passThrough[i]! } : {}),
          ...(b.extras?.[i] !== undefined ? { extras: b.extras[i]! } : {}),
          ...(explain ? { explanation: score.explanation } : {}),
        });
      } catch (e) {
        if (!(e instanceof VnPovertyError)) throw e;
        fail1(b.rows[i]!, b.lastRows[i]!, registerFileId(b, i), () => e);
        continue;
      }
      if (input.deprivations === undefined && input.monthlyIncome === undefined) continue;
      const check = crossCheckScores([input], classifyOptions);
      for (const f of check.findings) {
        findings++;
        hooks.irregular?.('a score finding');
        const at = `${file !== undefined ? `${file}, ` : ''}row ${b.rows[i]!}`;
        options.onFinding?.({ ...f, row: b.rows[i]!, message: f.message.replace(/^row 0/, at) });
      }
    }
    if (csv !== undefined) {
      let text = '';
      for (const r of rows) text += csv.writer.generic(r);
      await csv.sink.write(text);
    } else if (table !== undefined) for (const r of rows) await table.write(r);
  }
}
