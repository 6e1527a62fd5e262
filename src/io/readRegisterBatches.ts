import { basename } from 'node:path';
import { createIdChecker } from '../_internal/_idSet.js';
import { toIsoDate, type IsoDate } from '../dates/calendarDate.js';
import { assertOptions } from '../errors/assertOptions.js';
import { VnPovertyError, fail, issue } from '../errors/VnPovertyError.js';
import { resolveStandard, type ClassifyHouseholdOptions } from '../standards/classifyHousehold.js';
import { REGISTER_FLAGS, type RegisterBatch } from '../standards/classifyRegisterBatch.js';
import type { ScoreCheckRowInput } from '../standards/crossCheckScores.js';
import type { PovertyStandard } from '../standards/standards.js';
import { checkSeparator } from './csv.js';
import { csvByteRecords, fieldText, type ByteRecords, type RecordSink } from './_csvBytes.js';
import { hasControlCharacter, isColumnHeader, matchHeader, normalizeHeader, readCell, type ColumnSpec, type HeaderMatch } from './columns.js';
import { isIncomeHeader } from './amountHeader.js';
import { isShortIndicatorName, shortIndicatorAliases, withShortNames } from './_indicatorShortNames.js';
import { boundsNotes, OutOfBounds, plausibleBoundsOf, type BoundsNoteContext, type BoundsTallies, type PlausibleBounds, type PlausibleBoundsOf } from './plausibleBounds.js';
import { refuseWrongDimensions } from './_dimensionGroups.js';
import { firstText, rowRanges, villageOfHeading, RegisterHeaderFinder, isSignatureCell, SignatureBlocks, skippedRowKind, type RegisterHeaderRows, type RegisterTotalsCheck, type SkippedRegisterRow } from './_registerRows.js';
import { DONG_PER_UNIT } from '../numbers/money.js';
import { extrasPlan, readExtras, REGISTER_REPORT_COLUMNS, REGISTER_SCORE_COLUMNS, type ExtrasPlan, type RegisterExtras } from './registerColumns.js';
import { REGISTER_OUTPUT_HEADERS } from './registerOutputColumns.js';
import { recordReader, isBlank, xlsxRowSettler, type RecordReader, type TypedRecord } from './readRecords.js';
import {
  areaOfWord,
  bad,
  cellAt,
  cellPlace,
  chooseIncomeColumn,
  HOUSEHOLD_REGISTER_COLUMNS,
  householdParts,
  headersWithColumns,
  memberOf,
  readHouseholdRegister,
  refuseScientificId,
  registerColumns,
  type HouseholdParts,
  type RegisterIncomeColumn,
  type RegisterLayout,
} from './readHouseholdRegister.js';
import { inputFormatOfPath, preReadRowSource, readRowBatches, type RawCell, type ReadRowsOptions, type RowSource, type SheetRow } from './readRows.js';

/** Options of {@link readRegisterBatches}. */
export interface ReadRegisterBatchesOptions extends ReadRowsOptions, Pick<ClassifyHouseholdOptions, 'asOf' | 'standard' | 'standards'> {
  /**
   * Blank yes/no cells are "no" (`--blank-as no`): a paper form ticks only the boxes that
   * apply. Default false: a blank is "not given" (unknown). **Risk**: a blank that means "not
   * asked" read as "no" can make a household near-poor instead of poor.
   */
  readonly marks?: boolean;
  /** Households per batch (default 8,192: small enough that a batch's ids and buffers die young, before the garbage collector would copy them). */
  readonly batchSize?: number;
  /** Called once with the header match (its `ignored` headers are the pass-through columns). */
  readonly onHeader?: (match: HeaderMatch) => void;
  /**
   * Called once with how the register is read: after the header and the rows above the first
   * household (a village heading there gives the households their villages: `villagesFrom`).
   */
  readonly onLayout?: (layout: RegisterFileLayout) => void;
  /**
   * Called for each household that is not yielded because its id repeats another (the error
   * names both rows). Without it the first repeat is thrown.
   */
  readonly onDuplicate?: (error: VnPovertyError, rows: { readonly row: number; readonly lastRow: number }) => void;
  /**
   * Called for each row between the households that is not one, and so is not read: a heading
   * (`Thôn 1`), a totals row (`Tổng cộng`), the header printed again on a new page, the row of
   * column numbers (one row per household only).
   */
  readonly onSkippedRow?: (row: SkippedRegisterRow) => void;
  /**
   * The bounds beyond which a figure is read as written but said in a note (`onNote`), once per
   * column naming the rows: more than 50 members in a household, an income under 10.000 đồng a
   * person a month (a figure in nghìn đồng under a đồng header?) or over 100.000.000 đồng a person
   * a month (a figure in đồng under a nghìn or triệu đồng header?), in whatever unit and period the
   * column is, after they are applied. No status changes. See `MAX_PLAUSIBLE_MEMBERS`,
   * `MIN_PLAUSIBLE_DONG_FIGURE`, `MAX_PLAUSIBLE_DONG_FIGURE` for the reasons.
   */
  readonly plausibleBounds?: PlausibleBounds;
}

export type { RegisterTotalsCheck, SkippedRegisterRow } from './_registerRows.js';

/** How {@link readRegisterBatches} reads a register, decided from its header. */
export interface RegisterFileLayout {
  readonly layout: RegisterLayout;
  /** The income column, or null for a register classified by its scores alone. */
  readonly income: RegisterIncomeColumn | null;
  /** Whether the register carries the review-form scores (Điểm phiếu B1 and B2) and is classified by them. */
  readonly scores: boolean;
  /** Headers of the columns the reader does not consume, in the file's order: written back unchanged. */
  readonly passThrough: readonly string[];
  /** Unconsumed columns that are not passed through because they name a column of the output (a previous result). */
  readonly replaced: readonly string[];
  /** The report columns found (`REGISTER_REPORT_COLUMNS` keys), in the file's order. */
  readonly extras: readonly string[];
  /** The standard whose indicators the flag bytes follow. */
  readonly standardId: string;
  /** The file rows the header is printed on: one, or two (a group row over its columns); the rows above it are its title. */
  readonly headerRows: readonly number[];
  /** `'headings'`: the register has no village column, and each household's village is the heading row above it (`Thôn 1`), in `extras` as `village`. */
  readonly villagesFrom?: 'headings';
}

/**
 * One batch of households read from a register, in file order. `households` is ready for
 * `classifyRegisterBatch` (absent for a register classified by scores, which has `scores`
 * instead); the other arrays are per household, in the same order.
 */
export interface RegisterFileBatch {
  readonly size: number;
  readonly households?: RegisterBatch;
  /** Each household's score row (with its flags and income where the register has them, for the cross-check). */
  readonly scores?: ReadonlyArray<ScoreCheckRowInput>;
  /** File row of each household's first and last line. */
  readonly rows: Uint32Array;
  readonly lastRows: Uint32Array;
  readonly ids: ReadonlyArray<string>;
  readonly units: ReadonlyArray<string | null>;
  /** 1 for a household whose monthly income is not a whole number of đồng (a yearly figure ÷ 12): held rounded up. */
  readonly roundedUp: Uint8Array;
  /** The pass-through cells of each household, in the order of `RegisterFileLayout.passThrough`. */
  readonly passThrough?: ReadonlyArray<ReadonlyArray<string>>;
  /** What the report columns say about each household. */
  readonly extras?: ReadonlyArray<RegisterExtras | undefined>;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** At most this many households with a suspected repeated id are held back for the exact check. */
const MAX_SUSPECTS = 10_000;
const TEXT_SPEC: Pick<ColumnSpec, 'hint'> = { hint: 'text' };
const COUNT_SPEC: Pick<ColumnSpec, 'hint'> = { hint: 'count' };
const BOOLEAN_SPEC: Pick<ColumnSpec, 'hint'> = { hint: 'boolean' };

/** What the header says: columns, their kinds and where they are. */
interface Plan {
  readonly label: string | undefined;
  readonly reader: RecordReader;
  readonly layout: RegisterFileLayout;
  readonly income: RegisterIncomeColumn | null;
  readonly headers: Record<string, string>;
  readonly standard: PovertyStandard;
  /** The short indicator names of the header, as aliases by flag column key. */
  readonly shortNames: ReadonlyMap<string, readonly string[]>;
  readonly k: number;
  readonly id: number;
  readonly unit: number;
  readonly area: number;
  readonly incomeAt: number;
  readonly count: number;
  readonly ages: number;
  /** Input columns of flags, and for each the standard's indicator index (−1: not the standard's). */
  readonly flagAt: Int32Array;
  readonly flagJ: Int32Array;
  /** Input columns whose values are facts (a non-blank cell sends the row to the slow path). */
  readonly factAt: Int32Array;
  readonly passAt: Int32Array;
  readonly extras: ExtrasPlan | undefined;
  readonly scoreColumns: boolean;
  readonly marks: boolean;
  readonly unitFactor: number;
  readonly headerRowsPrinted: RegisterHeaderRows;
  readonly bounds: PlausibleBoundsOf;
}

const SIMPLE_KEYS = new Set(['id', 'unit', 'area', 'monthlyIncome', 'memberCount', 'memberAges']);

function planOf(headerRows: RegisterHeaderRows, label: string | undefined, standard: PovertyStandard, options: ReadRegisterBatchesOptions): Plan {
  const header = headerRows.cells;
  const headerRow = headerRows.rows[0]!;
  checkSeparator(header, options.delimiter ?? ',', label);
  const scoreMatch = matchHeader(header, REGISTER_SCORE_COLUMNS, label, headerRow);
  const scores = scoreMatch.index['incomeScore'] !== undefined && scoreMatch.index['deprivationScore'] !== undefined;
  let income: RegisterIncomeColumn | null = null;
  try {
    income = chooseIncomeColumn(header, label, headerRow);
  } catch (e) {
    if (!(scores && e instanceof VnPovertyError && e.issues.every((i) => i.code === 'missing-column'))) throw e;
  }
  refuseRowNumbersAsIds(header, label, headerRow);
  const base = income !== null ? registerColumns(income) : registerColumns({ column: 0, header: '', unit: 'dong', period: 'month', perPerson: false, description: '' }).filter((c) => c.key !== 'monthlyIncome');
  // short names that name an indicator only within the standard in force (`Phương tiện thông tin`, `Thông tin`)
  const short = shortIndicatorAliases(header, base.filter((c) => c.key.startsWith('flag:')), standard, label, headerRow, options.onNote);
  const named = withShortNames(base, short);
  const specs = [...named, ...REGISTER_REPORT_COLUMNS, ...(scores ? REGISTER_SCORE_COLUMNS : [])];
  const reader = recordReader(header, specs, label, { delimiter: options.delimiter ?? ',', requireValues: false, marks: options.marks === true }, headerRow, options.format === 'csv');
  const index = reader.match.index;
  if (headerRows.dimensions !== undefined) {
    refuseWrongDimensions(headerRows.dimensions, Object.entries(index).filter(([key]) => key.startsWith('flag:')), header, label, headerRows.rows);
  }
  const headers: Record<string, string> = {};
  reader.specs.forEach((spec, k) => (headers[spec.key] = spec.key === 'monthlyIncome' ? income!.header : reader.headers[k]!));
  headersWithColumns(headers, index);
  const at = (key: string): number => index[key] ?? -1;
  const ids = standard.indicators.map((i) => i.id as string);
  const flagAt: number[] = [];
  const flagJ: number[] = [];
  const factAt: number[] = [];
  for (const spec of reader.specs) {
    if (spec.key.startsWith('flag:')) {
      flagAt.push(index[spec.key]!);
      flagJ.push(ids.indexOf(spec.key.slice(5)));
    } else if (!SIMPLE_KEYS.has(spec.key) && !REGISTER_REPORT_COLUMNS.includes(spec) && !REGISTER_SCORE_COLUMNS.includes(spec)) factAt.push(index[spec.key]!);
  }
  // unconsumed columns, except those a previous run wrote (a classify output read again)
  const consumed = new Set(Object.values(index));
  const replacedAt = new Set<number>();
  header.forEach((cell, i) => {
    if (!consumed.has(i) && cell !== null && Object.keys(matchHeader([cell], OUTPUT_HEADERS).index).length > 0) replacedAt.add(i);
  });
  const passAt: number[] = [];
  const passThrough: string[] = [];
  const replaced: string[] = [];
  header.forEach((cell, i) => {
    // a column with no header is passed through too (its header empty): its cells are the user's data
    const text = cell === null ? '' : String(cell);
    if (consumed.has(i)) return;
    if (replacedAt.has(i)) replaced.push(text);
    else {
      passAt.push(i);
      passThrough.push(text);
    }
  });
  refuseUnknownFlags(passAt, header, standard, label, headerRow);
  const extras = extrasPlan(index, header, label);
  const memberRows = index['age'] !== undefined;
  if (!scores && !memberRows && factAt.length === 0 && index['memberAges'] === undefined) noteMissingFlagColumns(standard, flagJ, label, headerRow, options.onNote);
  if (memberRows && headerRows.rows.length > 1) {
    fail({ code: 'unsupported-layout', path: label !== undefined ? [label, headerRows.rows[1]!] : [headerRows.rows[1]!], value: headerRows.rows, expected: 'a header on one row for a register of one row per member', message: `${label ?? 'the register'}, rows ${headerRows.rows.join(' and ')}: a header on two rows is read for one row per household only; for one row per member write each column's whole header on one row (e.g. “Thiếu hụt: bảo hiểm y tế”)` });
  }
  const layout: RegisterFileLayout = Object.freeze({
    layout: memberRows ? 'member-rows' : 'household-rows',
    income,
    scores,
    passThrough: Object.freeze(passThrough),
    replaced: Object.freeze(replaced),
    extras: Object.freeze(extras?.columns.map((c) => c.key) ?? []),
    standardId: standard.id,
    headerRows: Object.freeze([...headerRows.rows]),
  });
  return {
    label,
    reader,
    layout,
    income,
    headers,
    standard,
    shortNames: short,
    k: ids.length,
    id: at('id'),
    unit: at('unit'),
    area: at('area'),
    incomeAt: at('monthlyIncome'),
    count: at('memberCount'),
    ages: at('memberAges'),
    flagAt: Int32Array.from(flagAt),
    flagJ: Int32Array.from(flagJ),
    factAt: Int32Array.from(factAt),
    passAt: Int32Array.from(passAt),
    extras,
    scoreColumns: scores,
    marks: options.marks === true,
    unitFactor: income !== null ? Number(DONG_PER_UNIT[income.unit]) : 1,
    headerRowsPrinted: headerRows,
    bounds: plausibleBoundsOf(options.plausibleBounds),
  };
}

/**
 * A column headed `Thiếu hụt …` (or `Deprived …`) that names no indicator is refused: passed
 * through, its marks would be lost without a word (a misspelt indicator, a short name the reader
 * does not know).
 */
function refuseUnknownFlags(passAt: readonly number[], header: ReadonlyArray<RawCell>, standard: PovertyStandard, label: string | undefined, headerRow: number): void {
  const unknown = passAt.filter((i) => /^(thieu hut|deprived)\b/.test(normalizeHeader(String(header[i] ?? ''))));
  if (unknown.length === 0) return;
  const names = standard.indicators.map((i) => `“Thiếu hụt: ${i.nameVi}”`).join(', ');
  fail({
    code: 'unknown-indicator-column',
    path: label !== undefined ? [label, headerRow, String(header[unknown[0]!])] : [headerRow, String(header[unknown[0]!])],
    value: unknown.map((i) => String(header[i])),
    expected: `an indicator of ${standard.id}: ${names}`,
    message: `${label !== undefined ? `${label}, ` : ''}row ${headerRow}: ${unknown.map((i) => `column ${i + 1} (${String(header[i])})`).join(', ')} name${unknown.length === 1 ? 's' : ''} no indicator of ${standard.id}; head each deprivation column with its indicator (chỉ số thiếu hụt): ${names}`,
  });
}

/**
 * A register with flag columns for only some of the standard's indicators, and no facts to decide
 * the others, says once which indicators have no column: no household's deprivation in them is
 * known, so one whose status turns on them is not classified (each then named with its row).
 */
function noteMissingFlagColumns(standard: PovertyStandard, flagJ: readonly number[], label: string | undefined, headerRow: number, onNote: ((note: string) => void) | undefined): void {
  if (onNote === undefined) return;
  const present = new Set(flagJ);
  const missing = standard.indicators.filter((_, j) => !present.has(j));
  if (missing.length === 0) return;
  const k = standard.indicators.length;
  onNote(
    `${label !== undefined ? `${label}, ` : ''}row ${headerRow}: no column for ${missing.length === k ? `any of ${standard.id}'s ${k} indicators` : `${missing.length} of ${standard.id}'s ${k} indicators`} (${missing.map((i) => `“${i.nameVi}”`).join(', ')}): no household's deprivation in ${missing.length > 1 ? 'them' : 'it'} is known, so a household whose status turns on ${missing.length > 1 ? 'them' : 'it'} (an income at or under the poverty line and fewer than ${standard.deprivationThreshold} deprivations marked) is not classified; add a column for each (“Thiếu hụt: ${missing[0]!.nameVi}”)`,
  );
}

/**
 * A list with `STT` and no `Mã hộ` column is refused with what to do: STT numbers the rows of a
 * printed list (often again from 1 in each village), it does not name a household.
 */
function refuseRowNumbersAsIds(header: ReadonlyArray<RawCell>, label: string | undefined, headerRow: number): void {
  if (header.some((c) => c !== null && isIdHeader(String(c)))) return;
  const stt = header.findIndex((c) => c !== null && /^(stt|tt|so thu tu|so tt)$/.test(normalizeHeader(String(c))));
  if (stt < 0) return;
  fail({
    code: 'missing-column',
    path: label !== undefined ? [label, headerRow] : [headerRow],
    value: String(header[stt]),
    expected: 'a column “Mã hộ” (Household id)',
    message: `${label !== undefined ? `${label}, ` : ''}row ${headerRow}: no column “Mã hộ” (Household id), which is required; column ${stt + 1} (${String(header[stt])}) numbers the rows of the list, not the households: add a Mã hộ column with each household's code (mã hộ on the review system), or one made unique with the village (e.g. “T1-01”)`,
  });
}

/** Whether a header cell names a column the register reader reads (the header is the first row naming two). */
const namesRegisterColumn = (text: string): boolean => isIncomeHeader(text) || isColumnHeader(text, REGISTER_HEADER_SPECS);
const isIdHeader = (text: string): boolean => isColumnHeader(text, ID_SPECS);
const REGISTER_HEADER_SPECS: readonly ColumnSpec[] = [...HOUSEHOLD_REGISTER_COLUMNS, ...REGISTER_REPORT_COLUMNS, ...REGISTER_SCORE_COLUMNS];
const ID_SPECS: readonly ColumnSpec[] = HOUSEHOLD_REGISTER_COLUMNS.filter((c) => c.key === 'id');
const FLAG_SPECS: readonly ColumnSpec[] = HOUSEHOLD_REGISTER_COLUMNS.filter((c) => c.key.startsWith('flag:'));
/** Whether a sub-header under a dimension header names an indicator (`Bảo hiểm y tế` under `Y tế`). */
const namesIndicator = (text: string): boolean => isColumnHeader(`Thiếu hụt: ${text}`, FLAG_SPECS) || isShortIndicatorName(text);

/** The classify output's headers, as specs: a register that is a classify output read again does not pass its old results through. */
const OUTPUT_HEADERS: readonly ColumnSpec[] = REGISTER_OUTPUT_HEADERS.filter((c, i, all) => all.findIndex((d) => d.key === c.key) === i).map((c) => ({ key: c.key, vi: c.vi, en: c.en, hint: 'text' }));

/** The typed arrays a batch is filled in; `used` households of them were filled. */
interface BatchArrays {
  readonly capacity: number;
  readonly used: number;
  readonly area: Uint8Array;
  readonly income: Float64Array;
  readonly members: Uint32Array;
  readonly flags: Uint8Array;
  readonly offsets: Uint32Array;
  readonly idBytes: Buffer;
  readonly idEnds: Uint32Array;
  readonly rows: Uint32Array;
  readonly lastRows: Uint32Array;
  readonly roundedUp: Uint8Array;
}

/**
 * The option key of a caller that is done with each batch when it asks for the next (the
 * classify command): the reader then fills the next batches in the typed arrays of those already
 * yielded instead of new ones. Not a public option: a batch of the public reader stays its own.
 * @internal
 *
 * @example
 * readRegisterBatches('ho.csv', { asOf: '2024-01-01', [REUSE_BATCH_ARRAYS]: true })
 */
export const REUSE_BATCH_ARRAYS: unique symbol = Symbol('reuse batch arrays');

/**
 * The option key of a caller that checks every household id against the ids of the whole file
 * itself (a piece of the parallel register path: the main process checks the keys of all the
 * pieces in order, and any repeat sends the file to the one-thread path): the reader then keeps
 * no id set of its own and makes no string per id. Not a public option. @internal
 */
export const IDS_CHECKED_BY_CALLER: unique symbol = Symbol('ids checked by the caller');

/** Collects households into batches. */
class Batcher {
  readonly ready: RegisterFileBatch[] = [];
  /** With `reuse`: the arrays of the batches yielded and not yet given back, in order, and those free again. */
  private readonly lent: BatchArrays[] = [];
  private readonly pool: BatchArrays[] = [];
  private n = 0;
  private area!: Uint8Array;
  private income!: Float64Array;
  private members!: Uint32Array;
  flags!: Uint8Array;
  private ageList: number[] = [];
  private offsets!: Uint32Array;
  /** The ids read from the file's bytes, one after another (`idEnds[i]` to `idEnds[i + 1]`); those read as text in `idTexts`. */
  private idBytes!: Buffer;
  private idEnds!: Uint32Array;
  private idTexts: Array<string | undefined> | undefined;
  private records: Array<unknown> | undefined;
  private rows!: Uint32Array;
  private lastRows!: Uint32Array;
  private units: Array<string | null> = [];
  private pass: Array<readonly string[]> | undefined;
  private extras: Array<RegisterExtras | undefined> | undefined;
  private scores: ScoreCheckRowInput[] | undefined;
  private roundedUp!: Uint8Array;
  /** Whether the batch's column households list ages (true), are counted (false), or none yet. */
  private kind: boolean | undefined;
  /** Whether each household's village is the heading above it (a register with no village column), and that heading's village. */
  villages = false;
  village: string | undefined;
  /** Called once, before the first household is placed. */
  onFirst: (() => void) | undefined;

  /** From now on each household placed takes {@link Batcher.village} (called before the first is placed). */
  takeVillagesFromHeadings(): void {
    this.villages = true;
    this.extras ??= [];
  }

  constructor(
    private readonly plan: Plan,
    private readonly size: number,
    private readonly reuse = false,
  ) {
    this.fresh();
  }

  /** With `reuse`: the oldest batch yielded is done with (its consumer asked for the next), its arrays free again. */
  release(): void {
    const a = this.lent.shift();
    if (a !== undefined) this.pool.push(a);
  }

  /** Households the arrays hold now: they start small and double up to the batch size (a small file allocates little). */
  private capacity = 0;
  /** The row of the last household placed (0: none yet), to tell the rows under the households. */
  lastPlacedRow = 0;

  /** The row of the first household placed since the last {@link Batcher.takeFirstRow}, or 0. */
  private firstRow = 0;

  /** The row of the first household placed since the last call (0: none), for a totals row. */
  takeFirstRow(): number {
    const r = this.firstRow;
    this.firstRow = 0;
    return r;
  }

  /** Members and marked households per indicator of the households summed so far (for the totals rows), and how many of this batch's are in them. */
  private summedMembers = 0n;
  private summedMarks: bigint[] = [];
  private summed = 0;
  private indicatorIds: readonly string[] | undefined;

  /**
   * Members, and households marked per indicator, of every household placed so far. A running
   * sum: each household is added once (those placed since the last call), so a register with
   * many totals rows is not walked again at each. A household is placed whole (a member-rows
   * household once all its rows are read), so none changes after it is summed.
   */
  sums(): { readonly members: bigint; readonly marks: readonly bigint[] } {
    const k = this.plan.k;
    const ids = (this.indicatorIds ??= this.plan.standard.indicators.map((ind) => ind.id as string));
    // within a batch the counts stay far below 2^53 (at most batch size × 2^32 members): numbers, added as bigint once
    let members = 0;
    const marks = new Float64Array(k);
    const flags = this.flags;
    const counts = this.members;
    const from = this.summed;
    const to = this.n;
    // codes 0, 1, 2: the low bit is "deprived"; a household held as a record has its flags left 0
    // (the arrays are zero for each batch), so the flags of all are summed, in memory order
    for (let i = from, at = from * k; i < to; i++) {
      members += counts[i]!;
      for (let j = 0; j < k; j++, at++) marks[j]! += flags[at]! & REGISTER_FLAGS.deprived;
    }
    const records = this.records;
    if (records !== undefined) {
      for (let i = from; i < to; i++) {
        const record = records[i] as { deprivations?: Record<string, boolean> } | undefined;
        if (record?.deprivations !== undefined) {
          for (let j = 0; j < k; j++) if (record.deprivations[ids[j]!] === true) marks[j]!++;
        }
      }
    }
    this.summed = this.n;
    this.summedMembers += BigInt(members);
    for (let j = 0; j < k; j++) this.summedMarks[j] = (this.summedMarks[j] ?? 0n) + BigInt(marks[j]!);
    return { members: this.summedMembers, marks: [...this.summedMarks] };
  }

  private grow(): void {
    const s = Math.min(this.size, Math.max(1024, this.capacity * 2));
    const k = this.plan.k;
    const more = <T extends Uint8Array | Uint32Array | Float64Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.area = more(this.area, s);
    this.income = more(this.income, s);
    this.members = more(this.members, s);
    this.flags = more(this.flags, s * k);
    this.offsets = more(this.offsets, s + 1);
    this.idEnds = more(this.idEnds, s + 1);
    this.rows = more(this.rows, s);
    this.lastRows = more(this.lastRows, s);
    this.roundedUp = more(this.roundedUp, s);
    this.capacity = s;
  }

  private fresh(): void {
    const s = Math.min(this.size, Math.max(1024, this.capacity));
    this.capacity = s;
    this.n = 0;
    this.summed = 0;
    const k = this.plan.k;
    const free = this.pool.pop();
    if (free !== undefined && free.capacity === s) {
      // as new: zero where the batch before wrote (a household held as a record leaves its columns 0)
      const u = free.used;
      this.area = free.area.fill(0, 0, u);
      this.income = free.income.fill(0, 0, u);
      this.members = free.members.fill(0, 0, u);
      this.flags = free.flags.fill(0, 0, u * k);
      this.offsets = free.offsets.fill(0, 0, u + 1);
      this.idBytes = free.idBytes;
      this.idEnds = free.idEnds.fill(0, 0, u + 1);
      this.rows = free.rows.fill(0, 0, u);
      this.lastRows = free.lastRows.fill(0, 0, u);
      this.roundedUp = free.roundedUp.fill(0, 0, u);
    } else {
      this.area = new Uint8Array(s);
      this.income = new Float64Array(s);
      this.members = new Uint32Array(s);
      this.flags = new Uint8Array(s * k);
      this.offsets = new Uint32Array(s + 1);
      this.idBytes = Buffer.allocUnsafe(s * 16);
      this.idEnds = new Uint32Array(s + 1);
      this.rows = new Uint32Array(s);
      this.lastRows = new Uint32Array(s);
      this.roundedUp = new Uint8Array(s);
    }
    this.ageList = [];
    this.idTexts = undefined;
    this.records = undefined;
    this.units = [];
    this.pass = this.plan.passAt.length > 0 ? [] : undefined;
    this.extras = this.plan.extras !== undefined || this.villages ? [] : undefined;
    this.scores = this.plan.scoreColumns ? [] : undefined;
    this.kind = undefined;
  }

  /** Starts household i, whose id is `id`; returns its index in the batch. Flushes first when the batch is full or of the other kind. */
  begin(row: number, lastRow: number, id: string, unit: string | null, listed: boolean | undefined): number {
    const i = this.open(row, lastRow, unit, listed);
    (this.idTexts ??= [])[i] = id;
    this.idEnds[i + 1] = this.idEnds[i]!;
    return i;
  }

  /** {@link Batcher.begin} of a household whose id is the printable ASCII bytes `[s, e)` of `buf`: its string is made only if read. */
  beginAscii(row: number, lastRow: number, buf: Uint8Array, s: number, e: number, unit: string | null, listed: boolean): number {
    const i = this.open(row, lastRow, unit, listed);
    const at = this.idEnds[i]!;
    const end = at + (e - s);
    if (end > this.idBytes.length) {
      const more = Buffer.allocUnsafe(Math.max(end, this.idBytes.length * 2));
      this.idBytes.copy(more, 0, 0, at);
      this.idBytes = more;
    }
    for (let q = s, w = at; q < e; q++, w++) this.idBytes[w] = buf[q]!;
    this.idEnds[i + 1] = end;
    return i;
  }

  private open(row: number, lastRow: number, unit: string | null, listed: boolean | undefined): number {
    if (this.onFirst !== undefined) {
      const first = this.onFirst;
      this.onFirst = undefined;
      first();
    }
    if (this.n === this.size || (listed !== undefined && this.kind !== undefined && this.kind !== listed)) this.flush();
    if (this.n === this.capacity) this.grow();
    if (listed !== undefined) this.kind = listed;
    if (this.firstRow === 0) this.firstRow = row;
    this.lastPlacedRow = row;
    const i = this.n++;
    this.rows[i] = row;
    this.lastRows[i] = lastRow;
    this.units.push(unit);
    this.offsets[i + 1] = this.ageList.length;
    return i;
  }

  /** The households whose members, or whose income (in đồng a person a month, from a column in any unit), are out of the plausible bounds. */
  readonly manyMembers = new OutOfBounds();
  readonly littleIncome = new OutOfBounds();
  readonly largeIncome = new OutOfBounds();

  /** Tallies household `i`'s members and its monthly income in đồng against the bounds. */
  private bounded(i: number, income: number, members: number): void {
    const bounds = this.plan.bounds;
    if (members > bounds.maxMembers) this.manyMembers.add(this.rows[i]!, members);
    if (this.plan.income === null) return;
    if (income > 0 && income < bounds.minDongFigure * members) this.littleIncome.add(this.rows[i]!, income);
    else if (income > bounds.maxDongFigure * Math.max(1, members)) this.largeIncome.add(this.rows[i]!, income);
  }

  columns(i: number, area: number, income: number, members: number, ages: ArrayLike<number> | undefined, agesN: number, roundedUp: boolean): void {
    this.bounded(i, income, members);
    this.area[i] = area;
    this.income[i] = income;
    this.members[i] = members;
    if (ages !== undefined) for (let a = 0; a < agesN; a++) this.ageList.push(ages[a]!);
    this.offsets[i + 1] = this.ageList.length;
    if (roundedUp) this.roundedUp[i] = 1;
  }

  flagsAt(i: number): Uint8Array {
    return this.flags.subarray(i * this.plan.k, (i + 1) * this.plan.k);
  }

  record(i: number, record: unknown, members: number, roundedUp: boolean): void {
    const income = (record as { readonly monthlyIncome?: unknown } | null)?.monthlyIncome;
    this.bounded(i, typeof income === 'bigint' ? Number(income) : 0, members);
    (this.records ??= [])[i] = record;
    this.members[i] = members;
    if (roundedUp) this.roundedUp[i] = 1;
  }

  score(i: number, row: ScoreCheckRowInput): void {
    this.scores![i] = row;
  }

  side(i: number, pass: readonly string[] | undefined, extras: RegisterExtras | undefined): void {
    if (this.pass !== undefined) this.pass[i] = pass!;
    if (this.extras !== undefined) this.extras[i] = this.villages && this.village !== undefined ? Object.freeze({ ...extras, village: this.village }) : extras;
  }

  /** Places a household read by the slow path (or held back). */
  place(row: number, lastRow: number, id: string, parts: HouseholdParts, pass: readonly string[] | undefined, extras: RegisterExtras | undefined): void {
    const columnar = !parts.facts && !unusedFlags(parts, this.plan) && (parts.household['monthlyIncome'] as bigint) <= BigInt(MAX_SAFE) && agesFit(parts);
    const i = this.begin(row, lastRow, id, parts.unit, columnar ? parts.listed : undefined);
    const roundedUp = parts.exact.den !== 1n;
    if (columnar) {
      const h = parts.household;
      const ages = parts.listed ? (h['members'] as Array<{ age: number }>).map((m) => m.age) : undefined;
      this.columns(i, h['area'] === 'urban' ? 1 : 0, Number(h['monthlyIncome'] as bigint), parts.count, ages, ages?.length ?? 0, roundedUp);
      const flags = this.flagsAt(i);
      flags.fill(REGISTER_FLAGS.unknown);
      const given = h['deprivations'] as Record<string, boolean> | undefined;
      if (given !== undefined) this.plan.standard.indicators.forEach((ind, j) => given[ind.id] !== undefined && (flags[j] = given[ind.id] ? 1 : 0));
    } else this.record(i, parts.household, parts.count, roundedUp);
    this.side(i, pass, extras);
  }

  flush(): void {
    const n = this.n;
    if (n === 0) return;
    this.sums(); // the households of this batch, before its arrays are replaced
    const k = this.plan.k;
    const withAges = this.kind === true;
    const columns: Omit<RegisterBatch, 'ids'> = Object.freeze({
      area: this.area.subarray(0, n),
      monthlyIncome: this.income.subarray(0, n),
      members: this.members.subarray(0, n),
      flags: this.flags.subarray(0, n * k),
      ...(withAges ? { memberAges: Uint8Array.from(this.ageList), memberOffsets: this.offsets.subarray(0, n + 1) } : {}),
      ...(this.records !== undefined ? { records: Object.assign(this.records, { length: n }) } : {}),
    });
    const idColumn: IdColumn = { bytes: this.idBytes, ends: this.idEnds.subarray(0, n + 1), texts: this.idTexts, columns };
    let ids: ReadonlyArray<string> | undefined;
    const idsOf = (): ReadonlyArray<string> => (ids ??= idStrings(idColumn, n));
    // the ids where they were (after the flags), as a getter: their strings are made when first read
    const { area, monthlyIncome, members, flags, ...rest } = columns;
    const batch: RegisterBatch = {
      area,
      monthlyIncome,
      members,
      flags,
      get ids() {
        return idsOf();
      },
      ...rest,
    };
    const ready: RegisterFileBatch = Object.freeze({
        size: n,
        ...(this.scores !== undefined ? { scores: Object.freeze(this.scores) } : { households: Object.freeze(batch) }),
        rows: this.rows.subarray(0, n),
        lastRows: this.lastRows.subarray(0, n),
        get ids() {
          return idsOf();
        },
        units: Object.freeze(this.units),
        roundedUp: this.roundedUp.subarray(0, n),
        ...(this.pass !== undefined ? { passThrough: Object.freeze(this.pass) } : {}),
        ...(this.extras !== undefined ? { extras: Object.freeze(this.extras) } : {}),
    });
    ID_COLUMNS.set(ready, idColumn);
    this.ready.push(ready);
    if (this.reuse) {
      const { capacity, area, income, members, offsets, idBytes, idEnds, rows, lastRows, roundedUp } = this;
      this.lent.push({ capacity, used: n, area, income, members, flags: this.flags, offsets, idBytes, idEnds, rows, lastRows, roundedUp });
    }
    this.fresh();
  }
}

/** A batch's ids as the file printed them: bytes for those read from bytes, text for the others. */
interface IdColumn {
  readonly bytes: Buffer;
  readonly ends: Uint32Array;
  readonly texts: ReadonlyArray<string | undefined> | undefined;
  /** The batch's `households` without `ids`, for `classifyRegisterBatchOfIds`. */
  readonly columns: Omit<RegisterBatch, 'ids'>;
}

/** The id columns of the batches read here, for {@link registerFileId} and the CSV writer (the batch itself shows only `ids`). */
const ID_COLUMNS = new WeakMap<RegisterFileBatch, IdColumn>();

function idStrings(c: IdColumn, n: number): ReadonlyArray<string> {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = c.texts?.[i] ?? c.bytes.toString('latin1', c.ends[i]!, c.ends[i + 1]!);
  return Object.freeze(out);
}

/**
 * The id of household i of a batch, without making the strings of the others (`batch.ids[i]`
 * makes every id of the batch when first read). @internal
 *
 * @example
 * registerFileId(batch, 0) //=> 'TL-001'
 */
export function registerFileId(batch: RegisterFileBatch, i: number): string | undefined {
  const c = ID_COLUMNS.get(batch);
  if (c === undefined) return batch.ids[i];
  return i >= batch.size ? undefined : (c.texts?.[i] ?? c.bytes.toString('latin1', c.ends[i]!, c.ends[i + 1]!));
}

/**
 * The ids of a batch as bytes where they were read from bytes (`bytes[ends[i]…ends[i + 1]]`,
 * printable ASCII), and as text where `texts[i]` is given (then `ends[i] = ends[i + 1]`); undefined
 * for a batch not read here. @internal
 *
 * @example
 * registerFileIdColumn(batch)?.ends[1] //=> 6
 */
export function registerFileIdColumn(batch: RegisterFileBatch): IdColumn | undefined {
  return ID_COLUMNS.get(batch);
}

function unusedFlags(parts: HouseholdParts, plan: Plan): boolean {
  // a flag for an indicator outside the standard: the record path ignores it with a note, which
  // needs a record (a household known only by its member count has none, and drops it)
  const given = parts.household['deprivations'] as Record<string, boolean> | undefined;
  if (given === undefined || !parts.listed) return false;
  const ids = new Set(plan.standard.indicators.map((i) => i.id as string));
  return Object.keys(given).some((id) => !ids.has(id));
}

function agesFit(parts: HouseholdParts): boolean {
  if (!parts.listed) return true;
  return (parts.household['members'] as Array<{ age: number }>).every((m) => m.age <= 150);
}

/** The household of a record row, or undefined for a blank row. Throws its cell errors. */
function partsOfRecord(plan: Plan, record: TypedRecord): { id: string; parts: HouseholdParts } {
  const id = record.values['id'];
  const where = (key: string) => cellAt(plan.headers, key, plan.label, record.row);
  if (typeof id !== 'string') return bad(where('id'), 'missing-value', '', 'the household id on every row');
  refuseScientificId(id, where('id'));
  memberOf(record, plan.label, plan.headers); // household rows: a member column without an age is refused
  for (const key of plan.income !== null ? ['area', 'monthlyIncome'] : ['area']) {
    if (record.values[key] === null) bad(where(key), 'missing-value', '', "a value on each household's row");
  }
  const income = plan.income ?? { column: 0, header: '', unit: 'dong' as const, period: 'month' as const, perPerson: false, description: '' };
  // a register classified by its scores alone needs no members (one is assumed where none is given)
  const noMembers = plan.income === null && (record.values['memberCount'] ?? null) === null && (record.values['memberAges'] ?? null) === null;
  const values = plan.income === null ? { ...record.values, monthlyIncome: 0n, ...(noMembers ? { memberCount: 1n } : {}) } : record.values;
  return { id, parts: householdParts({ row: record.row, values }, [], plan.label, plan.headers, income, true) };
}

/** The score row of a household read by the record path. */
function scoreRowOf(plan: Plan, record: TypedRecord, id: string, parts: HouseholdParts): ScoreCheckRowInput {
  const v = record.values;
  const h = parts.household;
  const score = (key: string): string => {
    const value = v[key];
    if (value === null || value === undefined) return bad(cellAt(plan.headers, key, plan.label, record.row), 'missing-value', '', 'a score on every row');
    return (value as { toFixed(): string }).toFixed();
  };
  const flags = h['deprivations'] as Record<string, boolean> | undefined;
  return Object.freeze({
    id,
    area: h['area'] as 'rural' | 'urban',
    incomeScore: score('incomeScore'),
    deprivationScore: score('deprivationScore'),
    ...(flags !== undefined ? { deprivations: flags } : {}),
    ...(plan.income !== null ? { monthlyIncome: h['monthlyIncome'] as bigint, memberCount: parts.count } : {}),
  });
}

/**
 * The pass-through cells of a row, as text. A control character in one is refused naming the
 * cell, as in every other column: written out unchanged it would reach the output invisibly.
 * @throws VnPovertyError `control-character` naming the file, row and column.
 */
function passOf(plan: Plan, cells: ReadonlyArray<RawCell>, row: number): readonly string[] | undefined {
  if (plan.passAt.length === 0) return undefined;
  const out: string[] = new Array<string>(plan.passAt.length);
  for (let c = 0; c < plan.passAt.length; c++) {
    const col = plan.passAt[c]!;
    const cell = cells[col] ?? null;
    if (typeof cell === 'string' && hasControlCharacter(cell)) readCell(cell, TEXT_SPEC, { source: plan.label, row, column: col + 1, header: plan.layout.passThrough[c] ?? '' });
    out[c] = rawText(cell);
  }
  return out;
}

function rawText(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return toIsoDate({ date: cell, zone: 'utc' });
  return typeof cell === 'string' ? cell : String(cell);
}

/** Id checks, repeats and the households held back until the file is read again. */
class Repeats {
  private readonly checker;
  readonly held: Array<{ readonly id: string; readonly row: number; readonly lastRow: number; readonly keyRow: number; readonly place: () => void }> = [];
  constructor(
    private readonly plan: Plan,
    rereadable: boolean,
    private readonly onDuplicate: ReadRegisterBatchesOptions['onDuplicate'],
    /** The caller checks every id itself ({@link IDS_CHECKED_BY_CALLER}): every id is new here. */
    private readonly unchecked = false,
  ) {
    this.checker = createIdChecker(rereadable);
  }

  /**
   * −1: new (place it); −2: a certain repeat, reported; r ≥ 0: a suspect whose hash was first
   * seen at row r: {@link Repeats.hold} it.
   */
  check(id: string, row: number, lastRow: number): number {
    if (this.unchecked) return -1;
    return this.answer(this.checker.check(id, row), id, row, lastRow);
  }

  /** {@link Repeats.check} of an id printed as the printable ASCII bytes `[s, e)` of `buf`. */
  checkAscii(buf: Buffer, s: number, e: number, row: number, lastRow: number): number {
    if (this.unchecked) return -1;
    // the id's string only for a source read once (its ids are kept as text) or a repeat to report
    const first = this.checker.checkAscii(buf, s, e, this.checker.rereadable ? undefined : buf.toString('latin1', s, e), row);
    return first === -1 ? -1 : this.answer(first, buf.toString('latin1', s, e), row, lastRow);
  }

  private answer(first: number, id: string, row: number, lastRow: number): number {
    if (first === -1) return -1;
    if (first >= 0) {
      this.report(id, row, lastRow, first);
      return -2;
    }
    return -2 - first;
  }

  hold(id: string, row: number, lastRow: number, keyRow: number, place: () => void): void {
    if (this.held.length >= MAX_SUSPECTS) {
      const label = this.plan.label;
      fail({ code: 'too-many-repeats', path: label !== undefined ? [label] : [], value: this.held.length, expected: `at most ${MAX_SUSPECTS} repeated household ids`, message: `${label ?? 'the register'}: more than ${MAX_SUSPECTS} household ids appear twice; is the register copied into itself?` });
    }
    this.held.push({ id, row, lastRow, keyRow, place });
  }

  report(id: string, row: number, lastRow: number, first: number): void {
    const label = this.plan.label;
    const header = this.plan.headers['id'] ?? 'id';
    const error = new VnPovertyError([
      issue({
        code: 'duplicate-household',
        path: label !== undefined ? [label, row, header] : [row, header],
        value: id,
        expected: 'each household once (its rows together)',
        message: `${cellPlace(cellAt(this.plan.headers, 'id', label, row))}: household id ${JSON.stringify(id)} appears again (first on row ${first}); each household must appear once${this.plan.layout.layout === 'member-rows' ? ', its member rows together' : ''}`,
      }),
    ]);
    if (this.onDuplicate === undefined) throw error;
    this.onDuplicate(error, { row, lastRow });
  }

  settle(idAtRow: ReadonlyMap<number, string>): void {
    const firsts = this.checker.settle(this.held, idAtRow);
    this.held.forEach((h, i) => (firsts[i]! >= 0 ? this.report(h.id, h.row, h.lastRow, firsts[i]!) : h.place()));
  }
}

/**
 * Reads a household register (CSV or XLSX, one row per household or one row per member) in
 * batches of typed columns, ready for `classifyRegisterBatch`: income as whole đồng per month
 * (converted exactly from the unit and period the header states), member counts (from a
 * `Số nhân khẩu` column, the ages, or the member rows), ages, area codes and the review-form
 * flags of the standard in force on `asOf` as bytes. The CSV path reads bytes: numbers, flags
 * and areas are parsed from the file's bytes without a string per cell, and a row with anything
 * unusual (quotes, spaces, other words, facts, an error) is read the way `readHouseholdRegister`
 * reads it, so every value and every error is the same. A household with facts beyond ages and
 * flags comes as a record (`households.records[i]`), classified by the record path.
 *
 * Every rule of the file edge holds: UTF-8 (with the encoding hints), RFC 4180 quoting, the
 * field and record limits, the unit- and period-aware income header, area and yes/no words in
 * any spelling, the member-rows layout, and repeated ids (exact, in bounded memory: see
 * docs/files-and-cli.md). Columns the reader does not use are passed through (`passThrough`);
 * the report columns (`REGISTER_REPORT_COLUMNS`) are read into `extras`; a register with the
 * score columns (`REGISTER_SCORE_COLUMNS`) yields `scores` instead of typed columns.
 *
 * @param source - a `.csv` or `.xlsx` path, or a CSV stream.
 * @param options - `asOf` (the standard whose indicators the flags follow), format, delimiter,
 *   sheet, `marks` (blank yes/no cells are no), `batchSize`, `onHeader`, `onLayout`, `onDuplicate`.
 * @throws VnPovertyError naming file, row and column: every error of `readHouseholdRegister`.
 * @example
 * for await (const b of readRegisterBatches('ho.csv', { asOf: '2024-01-01' })) classifyRegisterBatch(b.households!, { asOf: '2024-01-01' }).counts.byStatus
 * //=> { poor: 1171, 'near-poor': 840, average: 2210, 'non-poor': 9020 } …
 */
export async function* readRegisterBatches(source: RowSource, options: ReadRegisterBatchesOptions): AsyncGenerator<RegisterFileBatch> {
  assertOptions(options, 'readRegisterBatches', true);
  const asOf: IsoDate = toIsoDate(options.asOf, ['asOf']);
  const standard = resolveStandard(asOf, options);
  const batchSize = options.batchSize ?? 8192;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 1 << 22) fail({ code: 'invalid-option', path: ['batchSize'], value: batchSize, expected: 'a whole number of households from 1 to 4,194,304' });
  const label = options.source ?? (typeof source === 'string' ? basename(source) : undefined);
  const format = options.format ?? (typeof source === 'string' ? inputFormatOfPath(source) : 'csv');
  const rowOptions: ReadRowsOptions = { ...options, ...(label !== undefined ? { source: label } : {}), format };
  let plan: Plan | undefined;
  let batcher: Batcher | undefined;
  let settle: ((r: SheetRow) => SheetRow) | undefined;
  let repeats: Repeats | undefined;
  const finder = new RegisterHeaderFinder(namesRegisterColumn, isIdHeader, namesIndicator);
  let lastTotals: { row: number; members: bigint; marks: readonly bigint[] } | undefined;
  /** The signature block being read (its rows and first words), and every row skipped as one. */
  const signatures = new SignatureBlocks();
  /** A totals row's member and mark counts against the households above it (since the previous totals row, and since the start). */
  const totalsChecks = (p: Plan, row: number, cells: ReadonlyArray<RawCell>, formats?: ReadonlyArray<string | undefined>): RegisterTotalsCheck[] => {
    const now = batcher!.sums();
    const fromRow = batcher!.takeFirstRow();
    const from = lastTotals;
    lastTotals = { row, members: now.members, marks: now.marks };
    const checks: RegisterTotalsCheck[] = [];
    const check = (col: number, counts: RegisterTotalsCheck['counts'], sum: bigint, before: bigint): void => {
      if (col < 0) return;
      let printed: unknown;
      try {
        printed = readCell(cells[col] ?? null, COUNT_SPEC, { source: p.label, row, column: col + 1, header: '' }, formats?.[col]);
      } catch {
        return; // not a whole number (an `x`, a word): nothing to compare
      }
      if (typeof printed !== 'bigint') return;
      const header = p.headerRowsPrinted.cells[col];
      const sinceLast = sum - before;
      checks.push(Object.freeze({ column: col + 1, header: header === null || header === undefined ? '' : String(header), counts, printed, sinceLast, sinceStart: sum, fromRow, ok: printed === sum || (fromRow > 0 && printed === sinceLast) }));
    };
    check(p.count, 'members', now.members, from?.members ?? 0n);
    for (let f = 0; f < p.flagAt.length; f++) {
      const j = p.flagJ[f]!;
      if (j >= 0) check(p.flagAt[f]!, 'households marked', now.marks[j]!, from?.marks[j] ?? 0n);
    }
    return checks.sort((a, b) => a.column - b.column);
  };
  /** The village headings read so far (row and text), when they give the households' villages. */
  const headings: Array<{ readonly row: number; readonly text: string }> = [];
  let layoutSent = false;
  /** The layout, once the rows above the first household are read (a village heading there gives the output a village column). */
  const sendLayout = (p: Plan): void => {
    if (layoutSent) return;
    layoutSent = true;
    options.onLayout?.(batcher!.villages ? Object.freeze({ ...p.layout, extras: Object.freeze([...p.layout.extras, 'village']), villagesFrom: 'headings' as const }) : p.layout);
  };
  const start = (header: RegisterHeaderRows): Plan => {
    const p = planOf(header, label, standard, { ...options, format });
    options.onHeader?.(p.reader.match);
    batcher = new Batcher(p, batchSize, (options as { [REUSE_BATCH_ARRAYS]?: boolean })[REUSE_BATCH_ARRAYS] === true);
    batcher.onFirst = () => sendLayout(p);
    settle = xlsxRowSettler(p.reader, label, options.onNote);
    repeats = new Repeats(p, typeof source === 'string', options.onDuplicate, (options as { [IDS_CHECKED_BY_CALLER]?: boolean })[IDS_CHECKED_BY_CALLER] === true);
    return p;
  };
  /**
   * A heading between the households: in a register with no village column, a heading that names
   * a village (`Thôn 1`, `Ấp Tân Hòa`, `Tổ dân phố 3`) above the first household makes each
   * household's village the heading above it; a later one changes it (another heading, `I. Hộ
   * nghèo`, leaves it).
   */
  const headingVillage = (p: Plan, row: number, text: string): void => {
    const village = villageOfHeading(text);
    if (village === undefined) return;
    if (!batcher!.villages) {
      if (layoutSent || p.layout.layout !== 'household-rows' || p.extras?.columns.some((c) => c.key === 'village') === true) return;
      batcher!.takeVillagesFromHeadings();
    }
    batcher!.village = village;
    headings.push({ row, text: village });
  };
  /** The slow path: a row as cells, read as readHouseholdRegister reads it. */
  const slowRow = (p: Plan, row: number, rawCells: ReadonlyArray<RawCell>, rawFormats?: ReadonlyArray<string | undefined>, rawProblems?: ReadonlyArray<string | undefined>, xlsx?: SheetRow): void => {
    // a row that is not a household (a village heading merged across, a totals row) is known by its cells as stored
    // a signature block (“Người lập biểu” | “TM. UBND XÃ”, the signers' names under them): its rows, none with an id or a figure
    const sign = signatures.kind(row, rawCells, p.id, batcher!.lastPlacedRow);
    if (sign === 'signature' || sign === 'names') {
      options.onSkippedRow?.(Object.freeze({ row, kind: 'signature' as const, text: firstText(rawCells) }));
      return;
    }
    const kind = skippedRowKind(rawCells, p.headerRowsPrinted, p.id);
    if (kind === 'section') headingVillage(p, row, firstText(rawCells));
    else if (kind !== 'column-numbers' && kind !== 'header') sendLayout(p);
    if (kind === 'totals' && batcher!.villages) batcher!.village = undefined; // the households after a subtotal are under no heading
    if (kind !== undefined) {
      const totals = kind === 'totals' ? totalsChecks(p, row, rawCells, rawFormats) : undefined;
      options.onSkippedRow?.(Object.freeze({ row, kind, text: firstText(rawCells), ...(totals !== undefined && totals.length > 0 ? { totals: Object.freeze(totals) } : {}) }));
      return;
    }
    // an XLSX household row: a value right of the header refused, merged cells settled (xlsxRowSettler)
    const { cells, formats, problems } = xlsx !== undefined && xlsx.sheet !== undefined ? settle!(xlsx) : { cells: rawCells, formats: rawFormats, problems: rawProblems };
    const readRow = (): { record: TypedRecord; id: string; parts: HouseholdParts } => {
      const record = p.reader.read(row, cells, formats, problems);
      return { record, ...partsOfRecord(p, record) };
    };
    const { record, id, parts } = sign === 'mixed' ? withSignatureHint(row, cells, readRow) : readRow();
    const scoreRow = p.scoreColumns ? scoreRowOf(p, record, id, parts) : undefined;
    const extras = p.extras !== undefined ? readExtras(p.extras, cells, row, formats) : undefined;
    const pass = passOf(p, cells, row);
    const place = (): void => {
      if (scoreRow !== undefined) {
        const i = batcher!.begin(row, row, id, parts.unit, undefined);
        batcher!.score(i, scoreRow);
        batcher!.side(i, pass, extras);
      } else batcher!.place(row, row, id, parts, pass, extras);
    };
    const first = repeats!.check(id, row, row);
    if (first === -1) place();
    else if (first >= 0) repeats!.hold(id, row, row, first, place);
  };

  if (format === 'csv' && (typeof source === 'string' || Symbol.asyncIterator in source)) {
    // once the header is read, the households of each read are taken as the scanner finds them
    const sink: { current?: RecordSink } = {};
    const bytes = csvByteRecords(source as string | AsyncIterable<string | Uint8Array>, {
      ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
      ...(label !== undefined ? { source: label } : {}),
      ...(options.maxFieldLength !== undefined ? { maxFieldLength: options.maxFieldLength } : {}),
      ...(options.onBytes !== undefined ? { onBytes: options.onBytes } : {}),
      sink,
    });
    let fast: FastRows | undefined;
    // the file is closed however the reading ends (a refused header, a bad row, a consumer that stops)
    try {
      for (;;) {
        const next = await bytes.next();
        if (next.done === true) break;
        const r = next.value;
        let k = 0;
        for (; plan === undefined && k < r.count; k++) {
          const row = r.firstRow + k;
          const cells = cellsOf(r, k);
          if (isBlank(cells)) continue;
          const found = finder.feed(row, cells);
          if (found === undefined) continue;
          plan = start(found.header);
          const next = found.consumed ? k + 1 : k; // the first row after the header
          if (plan.layout.layout === 'member-rows') {
            // one row per member: grouped by readHouseholdRegister, from the file again or from the rest of the stream
            const rest = typeof source === 'string' ? source : preReadRows(found.header.cells, found.header.rows[0]!, r, next, bytes);
            if (typeof source === 'string') await bytes.return(undefined);
            sendLayout(plan);
            yield* memberRows(rest, plan, options, batcher!);
            noteOutOfBounds(plan, batcher!, options);
            return;
          }
          fast = new FastRows(plan, batcher!, repeats!, slowRow, (options.delimiter ?? ',').charCodeAt(0));
          k = next;
          break;
        }
        // the rest of the header's read, in a plain method; the later reads' records go to the sink
        if (fast !== undefined && sink.current === undefined) {
          fast.rows(r, k);
          sink.current = fast;
        }
        yield* drain(batcher);
      }
    } finally {
      await bytes.return(undefined);
    }
  } else {
    for await (const rows of readRowBatches(source, rowOptions)) {
      for (const sheetRow of rows) {
        const { row, cells, formats, problems } = sheetRow;
        if (plan === undefined) {
          if (isBlank(cells)) continue;
          const found = finder.feed(row, cells);
          if (found === undefined) continue;
          plan = start(found.header);
          if (plan.layout.layout === 'member-rows') break;
          if (found.consumed) continue;
        }
        if (isBlank(cells)) continue;
        slowRow(plan, row, cells, formats, problems, sheetRow);
      }
      if (plan?.layout.layout === 'member-rows') {
        sendLayout(plan);
        yield* memberRows(source, plan, options, batcher!);
        noteOutOfBounds(plan, batcher!, options);
        return;
      }
      yield* drain(batcher);
    }
  }
  const unsettled = plan === undefined ? finder.end() : undefined;
  if (unsettled !== undefined) plan = start(unsettled); // a header and no households (the header's errors, or nothing to read)
  if (plan !== undefined) sendLayout(plan);
  if (plan === undefined) {
    fail({ code: 'empty-file', path: label !== undefined ? [label] : [], value: '', expected: 'a header row naming the columns', message: `${label ?? 'the input'} is empty: no header row naming the columns` });
  }
  if (repeats!.held.length > 0 && typeof source === 'string') {
    // the exact check: the ids printed on the rows the hashes point at
    const wanted = new Set(repeats!.held.map((h) => h.keyRow));
    const found = new Map<number, string>();
    const idAt = plan.id;
    for await (const rows of readRowBatches(source, rowOptions)) {
      for (const { row, cells } of rows) {
        if (wanted.has(row)) found.set(row, readCell(cells[idAt] ?? null, TEXT_SPEC, { source: label, row, column: idAt + 1, header: plan.headers['id'] ?? 'id' }) as string);
      }
    }
    batcher!.flush();
    yield* drain(batcher);
    repeats!.settle(found);
  }
  const signed = signatures.note(label);
  if (signed !== undefined) options.onNote?.(signed);
  if (headings.length > 0) {
    const shown = headings.slice(0, 6).map((h) => `row ${h.row} “${h.text}”`).join(', ');
    options.onNote?.(`${label !== undefined ? `${label}: ` : ''}no village column: each household's village is the heading row above it (${shown}${headings.length > 6 ? ', …' : ''}), written in the output's village column (Thôn); a household under no heading (after a totals row) has none`);
  }
  noteOutOfBounds(plan, batcher!, options);
  batcher!.flush();
  yield* drain(batcher);
}

/**
 * The option key of a caller that takes the tallies of the figures out of bounds instead of their
 * notes (a piece of the parallel register path: the main process adds up the pieces' tallies and
 * says the notes once, as one process would). Not a public option. @internal
 */
export const BOUNDS_TO_CALLER: unique symbol = Symbol('bounds to the caller');

/** The notes on figures out of the plausible bounds, one per column and kind (or their tallies, to the caller that asked for them). */
function noteOutOfBounds(plan: Plan, batcher: Batcher, options: ReadRegisterBatchesOptions): void {
  const toCaller = (options as { [BOUNDS_TO_CALLER]?: (context: BoundsNoteContext, tallies: BoundsTallies) => void })[BOUNDS_TO_CALLER];
  if (options.onNote === undefined && toCaller === undefined) return;
  const countAt = plan.count >= 0;
  const income = plan.income;
  const context: BoundsNoteContext = {
    label: plan.label,
    membersAt: countAt ? plan.count : plan.ages,
    membersHeader: plan.headers[countAt ? 'memberCount' : 'memberAges'] ?? '',
    income: income === null ? null : { column: income.column, header: income.header, unit: income.unit, period: income.period, perPerson: income.perPerson },
    bounds: plan.bounds,
  };
  const tallies: BoundsTallies = { manyMembers: batcher.manyMembers.tally(), littleIncome: batcher.littleIncome.tally(), largeIncome: batcher.largeIncome.tally() };
  if (toCaller !== undefined) toCaller(context, tallies);
  else for (const note of boundsNotes(context, tallies)) options.onNote!(note);
}

/** A row that holds a signature block's words beside other values, read as a household: its errors say it may be a signature row. */
function withSignatureHint<T>(row: number, cells: ReadonlyArray<RawCell>, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof VnPovertyError)) throw error;
    const words = cells.filter((c): c is string => isSignatureCell(c)).map((c) => `“${c.trim()}”`);
    const hint = `; row ${row} may be a signature row (${words.join(', ')}), but it also holds other values, so it is not skipped: a signature block under the households holds only the signers' titles, the date line and their names`;
    const [first, ...rest] = error.issues;
    throw new VnPovertyError([{ ...first, message: first.message + hint }, ...rest]);
  }
}

function* drain(batcher: Batcher | undefined): Generator<RegisterFileBatch> {
  if (batcher === undefined) return;
  while (batcher.ready.length > 0) {
    yield batcher.ready.shift()!;
    batcher.release(); // asked for the next: that one is done with
  }
}

function cellsOf(r: ByteRecords, k: number): string[] {
  const out: string[] = [];
  for (let f = r.fieldOffsets[k]!; f < r.fieldOffsets[k + 1]!; f++) out.push(fieldText(r, f));
  return out;
}

/** The header and the records after it as rows, for readHouseholdRegister to read a stream once. */
function preReadRows(header: ReadonlyArray<RawCell>, headerRow: number, first: ByteRecords, from: number, rest: AsyncGenerator<ByteRecords>): RowSource {
  async function* rows(): AsyncGenerator<SheetRow[]> {
    const batch: SheetRow[] = [{ row: headerRow, cells: header, formats: [] }];
    for (let k = from; k < first.count; k++) batch.push({ row: first.firstRow + k, cells: cellsOf(first, k), formats: [] });
    yield batch;
    for await (const r of rest) {
      const out: SheetRow[] = [];
      for (let k = 0; k < r.count; k++) out.push({ row: r.firstRow + k, cells: cellsOf(r, k), formats: [] });
      yield out;
    }
  }
  return preReadRowSource(rows());
}

/** The member-rows layout: households as readHouseholdRegister groups them, placed by the slow path. */
async function* memberRows(source: RowSource, plan: Plan, options: ReadRegisterBatchesOptions, batcher: Batcher): AsyncGenerator<RegisterFileBatch> {
  const reader = readHouseholdRegister(source, {
    ...(options.format !== undefined ? { format: options.format } : {}),
    ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(plan.label !== undefined ? { source: plan.label } : {}),
    ...(options.limits !== undefined ? { limits: options.limits } : {}),
    ...(options.maxFieldLength !== undefined ? { maxFieldLength: options.maxFieldLength } : {}),
    ...(options.onBytes !== undefined ? { onBytes: options.onBytes } : {}),
    ...(options.onNote !== undefined ? { onNote: options.onNote } : {}),
    marks: plan.marks,
    keepCells: true,
    shortNames: plan.shortNames,
    ...(options.onSkippedRow !== undefined ? { onSkippedRow: options.onSkippedRow } : {}),
    ...(options.onDuplicate !== undefined ? { onDuplicate: options.onDuplicate } : {}),
  } as Parameters<typeof readHouseholdRegister>[1]);
  for await (const h of reader) {
    const cells = (h as unknown as { readonly cells: ReadonlyArray<RawCell> }).cells;
    const extras = plan.extras !== undefined ? readExtras(plan.extras, cells, h.row) : undefined;
    const household = h.household as unknown as Record<string, unknown>;
    const parts: HouseholdParts = {
      household,
      count: h.household.members.length,
      listed: true,
      facts: true, // member rows carry member facts: the record path
      exact: h.monthlyIncomeExact,
      unit: h.unit,
    };
    batcher.place(h.row, h.lastRow, h.household.id!, parts, passOf(plan, cells, h.row), extras);
    yield* drain(batcher);
  }
  batcher.flush();
  yield* drain(batcher);
}

const AREA_CACHE = 8;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The CSV fast path: one household row from its bytes, or the slow path for anything unusual. */
class FastRows implements RecordSink {
  private readonly areaKeys: Buffer[] = [];
  private readonly areaCodes: number[] = [];
  private readonly ages = new Uint8Array(1024);
  private lastUnit = '';
  private lastUnitBytes = Buffer.alloc(0);

  constructor(
    private readonly plan: Plan,
    private readonly batcher: Batcher,
    private readonly repeats: Repeats,
    private readonly slow: (p: Plan, row: number, cells: ReadonlyArray<RawCell>) => void,
    delimiter: number,
  ) {
    const width = plan.headerRowsPrinted.cells.length;
    this.width = width;
    this.delimiter = delimiter;
    this.stop[delimiter] = 1;
    this.stop[LF] = 1;
    this.stop[CR] = 1;
    this.stop[QUOTE] = 1;
    this.highest = Math.max(delimiter, LF, CR, QUOTE);
    this.codes = new Uint8Array(plan.flagAt.length);
    this.flagOf = new Int32Array(width).fill(-1);
    this.noFlags = new Int32Array(width).fill(-1);
    plan.flagAt.forEach((col, f) => (this.flagOf[col] = f));
    const within = (col: number): boolean => col >= 0 && col < width;
    // the columns the one-walk reader reads itself: an id, an area, an income, a member count and flags
    this.simple = plan.passAt.length === 0 && plan.extras === undefined && plan.unit < 0 && plan.ages < 0 && plan.factAt.length === 0 && !plan.scoreColumns && plan.income !== null && within(plan.id) && within(plan.area) && within(plan.incomeAt) && within(plan.count);
    // the fields of one plain record, in the scanner's shape (the same hidden class for `row`)
    this.one = { buf: Buffer.alloc(0), count: 1, firstRow: 0, fieldOffsets: Int32Array.of(0, width), starts: new Int32Array(width), ends: new Int32Array(width), quoted: new Uint8Array(width) };
  }

  private readonly width: number;
  private readonly delimiter: number;
  /** The flags' codes of the household being read, by flag column. */
  private readonly codes: Uint8Array;
  /** For each column, its index among the flag columns, or −1; `noFlags` all −1. */
  private readonly flagOf: Int32Array;
  private readonly noFlags: Int32Array;
  /** Whether the register has only the columns {@link FastRows.plain} reads itself. */
  private readonly simple: boolean;
  /** Bytes that end an unquoted field's run (the delimiter, LF, CR) or make the record not plain (a quote). */
  private readonly stop = new Uint8Array(256);
  private readonly highest: number;
  private readonly one: { buf: Buffer; count: number; firstRow: number; fieldOffsets: Int32Array; starts: Int32Array; ends: Int32Array; quoted: Uint8Array };

  /** The records of a read from the k-th on. */
  rows(r: ByteRecords, from: number): void {
    for (let k = from; k < r.count; k++) this.row(r, k, r.firstRow + k);
  }

  /**
   * A record as wide as the header with no quote, ended by a line end before `end`: its field
   * bounds found in one walk over its bytes, and the household read from them. For a register of
   * ids, areas, incomes, member counts and flags ({@link FastRows.simple}) the flags are parsed as
   * the walk finds them (a one-byte cell before its separator at once) and the other cells read
   * from their bounds; for any other, the record goes to {@link FastRows.row}. −1, nothing read,
   * for any other record, or one the simple reading would not read itself: the scanner reads it
   * and hands it to {@link FastRows.record} (and so to the slow path, when that is where it goes).
   */
  plain(buf: Buffer, p: number, end: number, row: number, safeLength: number): number {
    const width = this.width;
    const d = this.delimiter;
    const stop = this.stop;
    const highest = this.highest;
    const simple = this.simple;
    const flagOf = simple ? this.flagOf : this.noFlags;
    const codes = this.codes;
    const one = this.one;
    const st = one.starts;
    const en = one.ends;
    const start = p;
    let c = 0;
    let b = 0;
    for (;;) {
      if (c === width) return -1; // wider than the header
      const f = flagOf[c]!;
      let b0: number;
      if (f >= 0 && p + 1 < end && ((b = buf[p + 1]!) === d || b === LF || b === CR) && ((b0 = buf[p]!) > highest || stop[b0] === 0)) {
        // a one-byte flag cell
        const code = b0 === 0x31 ? 1 : b0 === 0x30 ? 0 : this.flagCode(buf, p, p + 1);
        if (code < 0) return -1;
        codes[f] = code;
        st[c] = p;
        en[c] = ++p;
      } else {
        const s = p;
        while (p < end) {
          b = buf[p]!;
          if (b > highest || stop[b] === 0) p++;
          else break;
        }
        if (p >= end || b === QUOTE) return -1;
        st[c] = s;
        en[c] = p;
        if (f >= 0) {
          const code = this.flagCode(buf, s, p);
          if (code < 0) return -1;
          codes[f] = code;
        }
      }
      c++;
      p++;
      if (b === d) continue;
      if (b === CR) {
        if (p >= end) return -1; // an LF may follow in the next read
        if (buf[p] === LF) p++;
      }
      break;
    }
    if (c !== width || p - start > safeLength) return -1;
    one.buf = buf;
    one.firstRow = row;
    if (!simple) {
      this.row(one, 0, row);
      return p;
    }
    const plan = this.plan;
    const idStart = st[plan.id]!;
    const idEnd = en[plan.id]!;
    if (!plainId(buf, idStart, idEnd)) return -1;
    const area = this.areaOf(buf, st[plan.area]!, en[plan.area]!);
    if (area < 0) return -1;
    const amount = wholeNumber(buf, st[plan.incomeAt]!, en[plan.incomeAt]!);
    if (amount < 0) return -1;
    const m = memberCount(buf, st[plan.count]!, en[plan.count]!);
    if (m < 0) return -1;
    const total = this.monthly(amount, m);
    if (total < 0) return -1;
    this.put(one, 0, row, idStart, idEnd, null, area, total, m, -1, undefined, undefined);
    return p;
  }

  /** A record the scanner read. */
  record(r: ByteRecords): void {
    this.row(r, 0, r.firstRow);
  }

  row(r: ByteRecords, k: number, row: number): void {
    const p = this.plan;
    const off = r.fieldOffsets[k]!;
    const nf = r.fieldOffsets[k + 1]! - off;
    const { buf, starts, ends, quoted } = r;
    // a row not as wide as the header is checked by the slow path (refused when its cells are out of line)
    if (nf !== p.headerRowsPrinted.cells.length || p.scoreColumns || p.factAt.length > 0 && this.anyFact(r, off, nf)) return this.slowRow(r, k, row);
    if (p.id >= nf || p.area >= nf || (p.incomeAt >= 0 && p.incomeAt >= nf)) return this.slowRow(r, k, row);
    const fi = off + p.id;
    const idStart = starts[fi]!;
    const idEnd = ends[fi]!;
    if (quoted[fi] === 1 || !plainId(buf, idStart, idEnd)) return this.slowRow(r, k, row);
    // area: the cell's bytes as seen before, or its words
    const fa = off + p.area;
    if (quoted[fa] === 1) return this.slowRow(r, k, row);
    const area = this.areaOf(buf, starts[fa]!, ends[fa]!);
    if (area < 0) return this.slowRow(r, k, row);
    // income: digits, with or without `.` thousands groups
    const fm = off + p.incomeAt;
    if (quoted[fm] === 1) return this.slowRow(r, k, row);
    const amount = wholeNumber(buf, starts[fm]!, ends[fm]!);
    if (amount < 0) return this.slowRow(r, k, row);
    // members: a count, ages, or both agreeing
    let m = -1;
    if (p.count >= 0 && p.count < nf && ends[off + p.count]! > starts[off + p.count]!) {
      const fc = off + p.count;
      if (quoted[fc] === 1) return this.slowRow(r, k, row);
      m = memberCount(buf, starts[fc]!, ends[fc]!);
      if (m < 0) return this.slowRow(r, k, row);
    }
    let agesN = -1;
    if (p.ages >= 0 && p.ages < nf && ends[off + p.ages]! > starts[off + p.ages]!) {
      const fg = off + p.ages;
      if (quoted[fg] === 1) return this.slowRow(r, k, row);
      agesN = this.readAges(buf, starts[fg]!, ends[fg]!);
      if (agesN < 0 || (m >= 0 && m !== agesN)) return this.slowRow(r, k, row);
      m = agesN;
    }
    if (m < 0) return this.slowRow(r, k, row);
    const total = this.monthly(amount, m);
    if (total < 0) return this.slowRow(r, k, row);
    // flags
    const flagAt = p.flagAt;
    const flagJ = p.flagJ;
    const kFlags = flagAt.length;
    const codes = this.codes;
    for (let f = 0; f < kFlags; f++) {
      const col = flagAt[f]!;
      let code: number;
      if (col >= nf) code = p.marks ? 0 : 2;
      else {
        const ff = off + col;
        if (quoted[ff] === 1) return this.slowRow(r, k, row);
        code = this.flagCode(buf, starts[ff]!, ends[ff]!);
        if (code < 0) return this.slowRow(r, k, row);
      }
      if (flagJ[f]! < 0 && code !== 2 && agesN >= 0) return this.slowRow(r, k, row); // a flag the standard lacks: the record path notes it
      codes[f] = code;
    }
    // pass-through and report columns
    let pass: string[] | undefined;
    if (p.passAt.length > 0) {
      pass = new Array<string>(p.passAt.length);
      for (let c = 0; c < p.passAt.length; c++) {
        const col = p.passAt[c]!;
        pass[c] = col < nf ? fieldText(r, off + col) : '';
        if (hasControlCharacter(pass[c]!)) return this.slowRow(r, k, row); // the record path names the cell
      }
    }
    let extras: RegisterExtras | undefined;
    if (p.extras !== undefined) {
      const cells: RawCell[] = [];
      for (const c of p.extras.columns) cells[c.index] = c.index < nf ? fieldText(r, off + c.index) : null;
      try {
        extras = readExtras(p.extras, cells, row);
      } catch {
        return this.slowRow(r, k, row); // the slow path reports the first bad cell of the row
      }
    }
    const unit = p.unit >= 0 ? this.unitOf(r, off, nf) : null;
    if (unit === undefined) return this.slowRow(r, k, row);
    this.put(r, k, row, idStart, idEnd, unit, area, total, m, agesN, pass, extras);
  }

  /**
   * The monthly income in whole đồng of a household whose income cell reads `amount` and which
   * has `m` members (per person, yearly: exact in doubles below 2^53, a yearly figure ÷ 12
   * rounded up, `this.roundedUp` then true), or −1 beyond what the fast path holds.
   */
  private monthly(amount: number, m: number): number {
    const p = this.plan;
    const inc = amount * p.unitFactor;
    if (inc > MAX_SAFE) return -1;
    let total = p.income!.perPerson ? inc * m : inc;
    if (total > MAX_SAFE) return -1;
    this.roundedUp = false;
    if (p.income!.period === 'year') {
      this.roundedUp = total % 12 !== 0;
      total = this.roundedUp ? Math.floor(total / 12) + 1 : total / 12;
    }
    return total;
  }

  private roundedUp = false;

  /** A yes/no cell's code (1 deprived, 0 not, 2 not given), or −1 for what readCell must read. */
  private flagCode(buf: Buffer, s: number, e: number): number {
    if (e === s) return this.plan.marks ? 0 : 2;
    if (e - s === 1) {
      const c0 = buf[s]!;
      const code = c0 === 0x31 || c0 === 0x78 || c0 === 0x58 || c0 === 0x79 || c0 === 0x59 ? 1 : c0 === 0x30 || c0 === 0x6e || c0 === 0x4e ? 0 : -1;
      if (code >= 0) return code;
    }
    return this.flagWord(buf, s, e);
  }

  /** Places household `row` (record k of r) read from its bytes, its flags' codes in `this.codes`, unless its id repeats another. */
  private put(r: ByteRecords, k: number, row: number, idStart: number, idEnd: number, unit: string | null, area: number, total: number, m: number, agesN: number, pass: string[] | undefined, extras: RegisterExtras | undefined): void {
    const buf = r.buf;
    // an id with a "+" may be Excel's scientific notation of a long number (1.23457E+11): its digits are lost
    for (let q = idStart; q < idEnd; q++) if (buf[q] === 0x2b) refuseScientificId(buf.toString('latin1', idStart, idEnd), cellAt(this.plan.headers, 'id', this.plan.label, row));
    const first = this.repeats.checkAscii(buf, idStart, idEnd, row, row);
    if (first !== -1) {
      if (first >= 0) this.repeats.hold(buf.toString('latin1', idStart, idEnd), row, row, first, this.heldPlace(r, k, row));
      return;
    }
    const p = this.plan;
    const b = this.batcher;
    const i = b.beginAscii(row, row, buf, idStart, idEnd, unit, agesN >= 0);
    b.columns(i, area, total, m, agesN >= 0 ? this.ages : undefined, agesN, this.roundedUp);
    const flags = b.flags;
    const base = i * p.k;
    flags.fill(REGISTER_FLAGS.unknown, base, base + p.k);
    const flagJ = p.flagJ;
    const codes = this.codes;
    for (let f = 0; f < flagJ.length; f++) {
      const j = flagJ[f]!;
      if (j >= 0) flags[base + j] = codes[f]!;
    }
    if (pass !== undefined || extras !== undefined || b.villages) b.side(i, pass, extras);
  }


  private slowRow(r: ByteRecords, k: number, row: number): void {
    const cells = cellsOf(r, k);
    if (isBlank(cells)) return;
    this.slow(this.plan, row, cells);
  }

  /** A held-back household, read now by the slow path (its bytes are gone by the time it is placed). */
  private heldPlace(r: ByteRecords, k: number, row: number): () => void {
    const cells = cellsOf(r, k);
    const p = this.plan;
    const { id, parts } = partsOfRecord(p, p.reader.read(row, cells));
    const extras = p.extras !== undefined ? readExtras(p.extras, cells, row) : undefined;
    const pass = passOf(p, cells, row);
    return () => this.batcher.place(row, row, id, parts, pass, extras);
  }

  private anyFact(r: ByteRecords, off: number, nf: number): boolean {
    for (let c = 0; c < this.plan.factAt.length; c++) {
      const col = this.plan.factAt[c]!;
      if (col >= nf) continue;
      const f = off + col;
      for (let q = r.starts[f]!; q < r.ends[f]!; q++) if (r.buf[q] !== 0x20) return true;
      if (this.plan.marks && r.quoted[f] === 1) return true;
    }
    return this.plan.marks && this.plan.factAt.length > 0; // blank facts read as "no" are facts
  }

  private areaOf(buf: Buffer, s: number, e: number): number {
    const keys = this.areaKeys;
    for (let a = 0; a < keys.length; a++) {
      const key = keys[a]!;
      if (key.length !== e - s) continue;
      let same = true;
      for (let q = 0; q < key.length; q++) {
        if (key[q] !== buf[s + q]) {
          same = false;
          break;
        }
      }
      if (same) return this.areaCodes[a]!;
    }
    const text = buf.toString('utf8', s, e);
    let value: unknown;
    try {
      value = readCell(text, TEXT_SPEC, { row: 0, column: 0, header: '' });
    } catch {
      return -1; // a cell readCell refuses (a control character): the slow path names it
    }
    const area = typeof value === 'string' ? areaOfWord(value) : undefined;
    if (area === undefined) return -1;
    if (keys.length < AREA_CACHE) {
      keys.push(Buffer.from(buf.subarray(s, e)));
      this.areaCodes.push(area === 'urban' ? 1 : 0);
    }
    return area === 'urban' ? 1 : 0;
  }

  /** A yes/no word (có, không, yes…) as readCell reads it: 1, 0, or −1 for anything else. */
  private flagWord(buf: Buffer, s: number, e: number): number {
    const text = buf.toString('utf8', s, e);
    try {
      const v = readCell(text, BOOLEAN_SPEC, { row: 0, column: 0, header: '' });
      return v === true ? 1 : v === false ? 0 : this.plan.marks ? 0 : 2;
    } catch {
      return -1;
    }
  }

  /** The member ages of a `40;38;10` cell into `this.ages`: their number, or −1 when not that simple. */
  private readAges(buf: Buffer, s: number, e: number): number {
    let n = 0;
    let v = -1;
    for (let q = s; q <= e; q++) {
      const c = q < e ? buf[q]! : 0x3b;
      if (c >= 0x30 && c <= 0x39) {
        if (v >= 100) return -1; // more than three digits
        v = v < 0 ? c - 0x30 : v * 10 + (c - 0x30);
        continue;
      }
      if (c !== 0x3b && c !== 0x7c) return -1;
      if (v < 0 || v > 150 || n === this.ages.length) return -1;
      this.ages[n++] = v;
      v = -1;
    }
    return n;
  }

  /** The unit code: plain ASCII as read (repeated units share one string), null when blank, undefined when not simple. */
  private unitOf(r: ByteRecords, off: number, nf: number): string | null | undefined {
    const col = this.plan.unit;
    if (col >= nf) return null;
    const f = off + col;
    const s = r.starts[f]!;
    const e = r.ends[f]!;
    if (e === s) return null;
    if (r.quoted[f] === 1) return undefined;
    const buf = r.buf;
    if (buf[s]! <= 0x20 || buf[s] === 0x27 || buf[e - 1]! <= 0x20) return undefined;
    const last = this.lastUnitBytes;
    if (last.length === e - s) {
      let same = true;
      for (let q = 0; q < last.length; q++) {
        if (last[q] !== buf[s + q]) {
          same = false;
          break;
        }
      }
      if (same) return this.lastUnit;
    }
    for (let q = s; q < e; q++) if (buf[q]! < 0x20 || buf[q]! > 0x7e) return undefined;
    this.lastUnit = buf.toString('latin1', s, e);
    this.lastUnitBytes = Buffer.from(buf.subarray(s, e));
    return this.lastUnit;
  }

}

/** An id read as it is printed: printable ASCII, not blank, no space at its ends nor a leading apostrophe. */
function plainId(buf: Buffer, s: number, e: number): boolean {
  if (e === s) return false;
  const c0 = buf[s]!;
  if (c0 <= 0x20 || c0 === 0x27 || buf[e - 1]! <= 0x20) return false;
  for (let q = s; q < e; q++) if (buf[q]! < 0x20 || buf[q]! > 0x7e) return false;
  return true;
}

/** A member count written with digits only, from 1 to 100,000, or −1 (a blank cell too). */
function memberCount(buf: Buffer, s: number, e: number): number {
  if (!plainDigits(buf, s, e)) return -1;
  const m = wholeNumber(buf, s, e);
  return m < 1 || m > 100_000 ? -1 : m;
}

/** Digits only. */
function plainDigits(buf: Buffer, s: number, e: number): boolean {
  for (let q = s; q < e; q++) if (buf[q]! < 0x30 || buf[q]! > 0x39) return false;
  return e > s;
}

/**
 * A whole number written with digits, optionally in `.`-separated groups of three (`6.000.000`),
 * at most 15 digits: its value, or −1 when the cell is anything else (read by the slow path).
 */
function wholeNumber(buf: Buffer, s: number, e: number): number {
  if (e <= s || e - s > 20) return -1;
  let v = 0;
  let digits = 0;
  let group = -1; // digits since the last dot, −1 before the first dot
  let lead = 0; // digits before the first dot
  for (let q = s; q < e; q++) {
    const c = buf[q]!;
    if (c >= 0x30 && c <= 0x39) {
      v = v * 10 + (c - 0x30);
      digits++;
      if (group >= 0) group++;
      else lead++;
    } else if (c === 0x2e) {
      if (group === -1 ? lead < 1 || lead > 3 : group !== 3) return -1;
      group = 0;
    } else return -1;
  }
  if (group !== -1 && group !== 3) return -1;
  return digits <= 15 ? v : -1;
}

