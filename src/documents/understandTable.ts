import { repeatedHeaderRows } from './_repeatedHeaderRows.js';
import { yearlyReductionRelations } from './_yearlyReduction.js';
import { deepFreeze } from '../_internal/_freeze.js';
import { roundQuotient, type RoundingMode } from '../numbers/rounding.js';
import { addFractions, compareFractions, divideFractions, fraction, multiplyFractions, subtractFractions, type Fraction } from '../numbers/fraction.js';
import type { MoneyUnit } from '../numbers/money.js';
import { foldVietnamese } from '../text/foldVietnamese.js';
import { cellNumber, rowNumber, type CellNumber, type RowNumber } from './_cellNumber.js';
import { isNoFigureText } from '../numbers/tableFigureText.js';
import { figureCells, moneyUnitIn, NUMBER_HEADER, tableHeader } from './_tableHeader.js';
import { coverageCandidates, hasChildRow, inNumberSequence, MEAN_ROW, namedGroup, NOTE_ROW, PERIOD_ROW, relationColumns, STOCK_HEADER, roleOf, rowSignal, startsNumberGroup, withLetterLevels, withPartRows, withSubRows, type RowSignal } from './_tableRows.js';
import { averageRelations, carriedBreaks, CHANGE_HEADER, declaredFormulas, declaredMultiplicative, headerFormulas, IN_WHICH, isMeanOf, linearRelations, scaledTo, TOTAL_NAME, type Col, type LinearFit } from './_columnRelations.js';
import type { DocumentTable } from './documentModel.js';
import { namesChangeFromPrevious, productFits, productSupport, rowChangeFit } from './_rowChanges.js';
import { deprivationIndicatorRows } from './_deprivationRows.js';
import { overlappingGroups } from './_overlappingGroups.js';
import { partColumns } from './_partColumns.js';
import { partWholes, type DocumentLayoutColumn, type DocumentColumnKind, type LayoutRelation, type DocumentLayoutRow, type DocumentTableLayout, type MeanRowRate } from './tableLayout.js';
import { assertOptions } from '../errors/assertOptions.js';

/** How strongly the table's own figures support one inferred relation. */
export interface RelationEvidence {
  /** `'row-total'` for a subtotal or total row, else the relation's type. */
  readonly type: 'row-total' | 'row-average' | 'difference' | 'sum' | 'rate' | 'average' | 'numbering' | 'part-of' | 'row-change' | 'product' | 'non-negative';
  /** The relation written out with the headers as printed. */
  readonly text: string;
  /** Rows (for a column relation) or columns (for a row total) where it holds… */
  readonly holds: number;
  /** …out of those where every figure it needs is printed. */
  readonly of: number;
  /** Labels of the rows (or keys of the columns) where it breaks: the findings to look at. */
  readonly breaks: readonly string[];
  /** `'inferred'`, or `'declared'` when it came from a spec. */
  readonly origin: 'inferred' | 'declared';
}

/** Result of {@link understandTable}. */
export interface TableUnderstanding {
  /** The inferred layout, in the spec format (`documentTableLayoutSchema`). */
  readonly layout: DocumentTableLayout;
  /** One entry per relation and per subtotal or total row, with its support. */
  readonly evidence: readonly RelationEvidence[];
  /** Figure columns that no relation checks (neither totalled nor related to another column). */
  readonly uncheckedColumns: readonly string[];
  /** What could not be inferred, in plain words. */
  readonly notes: readonly string[];
}

/** Options of {@link understandTable}. */
export interface UnderstandTableOptions {
  /** A caption or unit line printed near the table (`'ĐVT: triệu đồng'`), read for the money unit. */
  readonly caption?: string;
  /** How printed rates were rounded; `'half-up'` as official tables print (poverty-rate-reporting §4). */
  readonly rounding?: RoundingMode;
  /** Share of rows a relation must hold in to be accepted; 0,75 unless told. */
  readonly consensus?: number;
}

const RATE_WORDS = /\b(ty le|ti le|ty trong|ti trong|phan tram)\b|%|(^|[^a-z])(rate|percent|pct)([^a-z]|$)/;
/** The units a caption or units row lists (folded): “ĐVT: hộ, %”, “Đơn vị tính: hộ; tỷ lệ %”, “(ĐVT: người, %)”. */
const CAPTION_UNITS = /\b(?:dvt|don vi tinh|don vi)\s*:\s*([^()]*)/;
const MONEY_WORDS = /\b(kinh phi|nguon von|von|ngan sach|so tien|du toan|gia tri|tong muc|trieu|ty dong|nstw|nsdp|nstinh|ns tinh|ns huyen)\b/;
/**
 * Does a header name đồng? Read with its marks: “động” (“Biến động trong kỳ”, “Lao động”, “Huy động”) folds to
 * the same letters and is no money, nor is the đồng of “cộng đồng”, “hội đồng”, “hợp đồng”, “đồng bào”; a header
 * typed without marks (“Kinh phi (dong)”) is read as it folds.
 */
function namesDong(header: string): boolean {
  const lower = header.normalize('NFC').toLocaleLowerCase('vi');
  return DONG_MARKED.test(lower.replace(NOT_MONEY_DONG, '')) || DONG_UNMARKED.test(lower);
}
const DONG_MARKED = /(^|[^\p{L}])đồng(?!\p{L})/u;
const DONG_UNMARKED = /(^|[^\p{L}])dong(?!\p{L})/u;
const NOT_MONEY_DONG = /(cộng|hội|hợp) đồng|đồng (bào|bằng|thời|ý|chí)/gu;
const COUNT_WORDS = /\b(ho|so ho|nguoi|so nguoi|luot|luot nguoi|lao dong|so luong|can|lop|hoc sinh|the)\b/;
/** Whether every fractional figure of a column has exactly three decimals (“1,010”, “12,500”): thousands grouped the English way. */
function englishGrouped(filled: ReadonlyArray<CellNumber | null | undefined>): boolean {
  const fractional = filled.filter((v): v is CellNumber => v != null && v.decimals > 0 && v.units % 10 ** v.decimals !== 0);
  return fractional.length > 0 && fractional.every((v) => v.decimals === 3 && !v.percent);
}

/** A header naming a quantity (“Tổng số hộ”, “Số lượng”, “Nhân khẩu”): its column holds figures, never row numbers. */
const COUNT_HEADER = /\b(so|tong|ho|nguoi|khau|luong|dong)\b/;

/**
 * Whether a column's arabic numbers run as row numbers do: mostly each one more than the one
 * before it, or 1 again (a group numbered afresh). `200, 400, 500, 1100` are figures, not numbering.
 */
function runsLikeNumbering(numbers: readonly RowNumber[]): boolean {
  const arabic = numbers.filter((n) => n.kind === 'arabic').map((n) => n.value);
  if (arabic.length <= 1) return arabic.length === 0 || arabic[0]! <= 3;
  let steps = 0;
  for (let i = 1; i < arabic.length; i++) if (arabic[i] === arabic[i - 1]! + 1 || arabic[i] === 1) steps++;
  return steps * 2 >= arabic.length - 1;
}
/** The values of a role column as the layouts declare them (`role`: unit, subtotal, total…). */
const ROLE_VALUES = /^(unit|item|subtotal|total|group|heading|note)$/i;
/** A header naming the population a rate is of (folded): “Tổng số hộ (dân cư)”, “Tổng số nhân khẩu”, “Dân số”. */
const POPULATION_HEADER = /\btong so (ho|nguoi|nhan khau|khau)\b|\bdan so\b/;
/** A total row's label that names no unit (folded): “Cộng”, “Tổng”, “Tổng số”, “Tổng cộng”. */
const GENERIC_TOTAL = /^(cong|tong|tong so|tong cong|cong chung)$/;
/** “-”, “–”, “—”: printed for nothing (zero) in figure columns. */
const ZERO: CellNumber = { units: 0, decimals: 0, percent: false, unit: null, qualifier: null };


type Values = ReadonlyArray<ReadonlyArray<CellNumber | null>>;

/**
 * Understands a table from its cells alone: where the header ends and what each header cell
 * spans; which column holds row numbers, which the row labels, and which figures (counts, rates
 * “Tỷ lệ (%)”, amounts with the unit of their header or caption); the base of each rate (the count
 * and total columns whose quotient the printed decimals confirm in most rows); the role of each row
 * (Roman-numeral and lettered groups, “Thành thị/Nông thôn”, “Tổng/Cộng/Tổng cộng”, “trong đó”)
 * and the rows each subtotal adds up; and the linear relations between columns
 * (c = a − b, c = a + b, total = a run of source columns) **accepted by consensus**: a relation
 * that holds in most rows (¾ unless told) is accepted and its breaks become findings; one that
 * holds in too few rows is not invented. Every accepted relation comes with its evidence.
 *
 * @param table - a table block of a document model.
 * @returns a deep-frozen understanding: the layout (in the spec format), evidence and notes.
 * @example
 * const u = understandTable(seed001Table);
 * u.evidence.find((e) => e.type === 'difference')?.text //=> 'HN còn lại · Hộ = HN đầu năm 2024 · Hộ − Thoát hộ nghèo · Hộ'
 * @see poverty-rate-reporting §4 (rates from counts, rounded half-up to 2 decimals)
 */
export function understandTable(table: DocumentTable, options: UnderstandTableOptions = {}): TableUnderstanding {
  assertOptions(options, 'understandTable');
  const rounding = options.rounding ?? 'half-up';
  const consensus = options.consensus ?? 0.75;
  const notes: string[] = [];
  const header = tableHeader(table);
  const skipRows = header.columnNumberRow === null ? [] : [header.columnNumberRow];
  const dataRows: number[] = [];
  for (let r = header.headerRows; r < table.rows.length; r++) if (table.rows[r]!.some((c) => c.text.trim() !== '')) dataRows.push(r);
  // the signature block and notes under the table (“Người lập biểu”, “…, ngày … tháng …”): trailing rows with no figure
  let trailing = dataRows.length;
  while (trailing > 1 && figureCells(table, dataRows[trailing - 1]!) === 0) trailing--;
  if (trailing < dataRows.length && trailing > 0 && figureCells(table, dataRows[trailing - 1]!) > 0) {
    const under = dataRows.splice(trailing);
    notes.push(`row${under.length > 1 ? 's' : ''} ${under.map((r) => r + 1).join(', ')} under the table ${under.length > 1 ? 'hold' : 'holds'} no figure: read as notes or signatures, not as rows of the table`);
  }
  // the header (and its row of column numbers) typed again inside the table, where it was broken over a page by hand
  const again = repeatedHeaderRows(table, header.headerRows, dataRows);
  if (again.length > 0) {
    for (const r of again) dataRows.splice(dataRows.indexOf(r), 1);
    notes.push(`row${again.length > 1 ? 's' : ''} ${again.map((r) => r + 1).join(', ')} ${again.length > 1 ? 'print' : 'prints'} a header row again (a table broken over a page by hand): not read as rows of figures`);
  }
  const below = belowTable(table, dataRows);
  if (below < dataRows.length) {
    const under = dataRows.splice(below);
    notes.push(`row${under.length > 1 ? 's' : ''} ${under.map((r) => r + 1).join(', ')} below the table's total (a note, a signature block) ${under.length > 1 ? 'hold' : 'holds'} at most one figure each: read as notes, not as rows of the table`);
  }
  const text = (r: number, c: number): string => {
    const cell = table.rows[r]?.[c];
    if (cell === undefined || (cell.mergedInto !== undefined && (cell.mergedInto.row !== r || cell.mergedInto.col !== c))) return '';
    return cell.text.trim();
  };
  // a caption row's every cell: the unit line is often printed at the right end (“ĐVT: triệu đồng” over the last columns)
  const captionText = [options.caption ?? '', table.caption ?? '', ...header.captionRows.map((r) => captionRowText(table, r, text))].join(' ');
  const captionKinds = unitKindsIn(captionText);
  const captionUnit = moneyUnitIn(captionText);

  // --- columns ---------------------------------------------------------------
  const cols: Col[] = header.paths.map((path, c) => ({ col: c, key: header.keys[c]!, header: path.join(' › '), kind: 'text', unit: null }));
  let dashes = false;
  const parsed: (CellNumber | null)[][] = dataRows.map((r) =>
    cols.map((c) => {
      const t = text(r, c.col);
      if (!isNoFigureText(t)) return cellNumber(t);
      dashes = true;
      return ZERO;
    }),
  );
  let rowNumberCol: number | null = null;
  for (const c of cols.slice(0, 2)) {
    const folded = foldVietnamese(header.paths[c.col]!.join(' '));
    const filled = dataRows.map((r) => text(r, c.col)).filter((t) => t !== '');
    const numbers = filled.map(rowNumber);
    // years down a column (a table of indicators by period, read transposed) are labels, not row numbers
    const years = filled.length > 0 && filled.every((t) => /^(19|20)\d\d$/.test(t));
    // “24.560”, “1.709” in every row are figures grouped in thousands, not nested numbers 24.560, 1.709
    const thousands = filled.length > 0 && numbers.every((n) => n !== null && n.kind === 'nested' && /^\d{1,3}(\.\d{3})+$/.test(n.text));
    const looksNumbered =
      !years &&
      !thousands &&
      !COUNT_HEADER.test(folded) &&
      filled.length > 0 &&
      numbers.every((n) => n !== null) &&
      (numbers.some((n) => n!.kind !== 'arabic') || filled.length >= 2) &&
      runsLikeNumbering(numbers as RowNumber[]);
    // the column's own header cell (“STT”), not the title rows a header may carry above it
    const own = foldVietnamese(header.paths[c.col]!.at(-1) ?? '');
    if ((NUMBER_HEADER.test(folded) || NUMBER_HEADER.test(own) || looksNumbered) && filled.length >= dataRows.length * 0.3) {
      rowNumberCol = c.col;
      c.kind = 'row-number';
      break;
    }
  }
  let labelCol: number | null = null;
  cols.forEach((c, i) => {
    if (c.kind === 'row-number') return;
    const filled = parsed.map((p) => p[i]).filter((_, j) => text(dataRows[j]!, c.col) !== '');
    const texts = dataRows.map((r) => text(r, c.col)).filter((t) => t !== '');
    if (texts.length === 0) return;
    // years down a column (a table of indicators by period, read transposed), with the period's own rows (“Giai đoạn 2021-2023”, “Bình quân”), are labels
    const years = texts.filter((t) => /^(19|20)\d\d$/.test(t)).length;
    if (labelCol === null && years > 0 && (years === texts.length || (years >= 2 && texts.every((t) => /^(19|20)\d\d$/.test(t) || cellNumber(t) === null)))) {
      labelCol = c.col;
      c.kind = 'label';
      return;
    }
    const numeric = filled.filter((v) => v !== null).length;
    if (numeric >= texts.length * 0.5) {
      const path = foldVietnamese(c.header);
      const percentCells = filled.filter((v) => v?.percent === true).length;
      // a count printed with zero decimals (“235118,00”) is a count
      const fractional = filled.filter((v) => v != null && v.decimals > 0 && v.units % 10 ** v.decimals !== 0).length;
      const decimals = fractional > 0;
      const ownUnit = moneyUnitIn(c.header);
      if (RATE_WORDS.test(path) || percentCells >= numeric * 0.5) c.kind = 'rate';
      else if (ownUnit !== null || MONEY_WORDS.test(path) || namesDong(c.header)) {
        c.kind = 'amount';
        c.unit = ownUnit ?? captionUnit;
      } else if (COUNT_WORDS.test(path) && (fractional * 4 < numeric || englishGrouped(filled))) c.kind = 'count'; // one stray decimal in a column of households is an error to find, not an amount; “1,010” hộ is the English format
      else if (captionUnit !== null) {
        c.kind = 'amount';
        c.unit = captionUnit;
      } else if (captionKinds.has('rate') && captionKinds.has('count')) {
        // “ĐVT: hộ, %” over a header silent on its unit: the whole figures are households, the others rates
        c.kind = decimals ? 'rate' : 'count';
      } else if (captionKinds.has('count') && !decimals) c.kind = 'count';
      else {
        c.kind = decimals ? 'amount' : 'count';
        c.byDefault = true;
      }
    } else if (labelCol === null) {
      labelCol = c.col;
      c.kind = 'label';
    }
  });
  // a column that is a count only by default (“Tổng số”, “Năm 2024”) in a table of amounts of one unit is an amount too
  const amountUnits = new Set(cols.filter((c) => c.kind === 'amount').map((c) => c.unit));
  if (amountUnits.size === 1) for (const c of cols) if (c.byDefault === true) [c.kind, c.unit] = ['amount', [...amountUnits][0]!];
  const figureCols = cols.filter((c) => c.kind === 'count' || c.kind === 'amount' || c.kind === 'rate');
  const additive = figureCols.filter((c) => c.kind !== 'rate');
  const values: Values = parsed;
  const at = (j: number, c: number): CellNumber | null => values[j]![c] ?? null;
  /** How two printed figures compare at the finer one's decimals: −1, 0 or 1 (1 when either cannot be scaled). */
  const compare = (a: CellNumber, b: CellNumber): number => {
    const d = Math.max(a.decimals, b.decimals);
    return Math.sign((scaledTo(a, d) ?? Infinity) - (scaledTo(b, d) ?? -Infinity));
  };

  // --- rows ------------------------------------------------------------------
  // a row's name: the last of the name columns before the figures that the row prints itself (“Huyện Đại Từ”
  // merged down over its communes leaves “Xã Hùng Sơn” to name each row; “Toàn tỉnh” merged across names its own)
  const firstFigure = Math.min(...figureCols.map((c) => c.col));
  // a transcribed table's role column (“unit”, “subtotal”, “total”) says what a row is, not its name
  const roleColumn = (c: Col): boolean => {
    const texts = dataRows.map((r) => text(r, c.col)).filter((t) => t !== '');
    return texts.length > 0 && texts.every((t) => ROLE_VALUES.test(t));
  };
  const nameCols = labelCol === null ? [] : cols.filter((c) => (c.kind === 'label' || c.kind === 'text') && c.col >= labelCol! && c.col < firstFigure && (c.col === labelCol || (!roleColumn(c) && !UNIT_COLUMN.test(foldVietnamese(c.header))))).map((c) => c.col);
  function rowLabelText(r: number): string {
    for (let k = nameCols.length - 1; k >= 0; k--) {
      const t = text(r, nameCols[k]!);
      if (t !== '') return t;
    }
    // a label merged across the number and name columns (“Tổng cộng” over STT and Nội dung) names its row
    const merged = labelCol === null ? undefined : table.rows[r]?.[labelCol]?.mergedInto;
    if (merged !== undefined && merged.row === r && (rowNumberCol === null || merged.col <= rowNumberCol)) return text(r, merged.col);
    return labelCol !== null ? text(r, labelCol) : text(r, 0);
  }
  // how the row's label is printed (indented, bold): its cell's, the first name cell holding the label
  const labelLook = (r: number, label: string): Pick<RowSignal, 'indent' | 'bold'> => {
    const cell = [...nameCols, ...(labelCol === null ? [] : [labelCol])].map((c) => table.rows[r]?.[c]).find((c) => c !== undefined && c.mergedInto === undefined && c.text.trim() === label && label !== '');
    return cell === undefined ? {} : { ...(cell.indent === undefined ? {} : { indent: cell.indent }), ...(cell.bold === true ? { bold: true as const } : {}) };
  };
  const signals: RowSignal[] = withPartRows(
    withLetterLevels(
      withSubRows(
        dataRows.map((r, j) => {
          const label = rowLabelText(r);
          const numberText = rowNumberCol !== null ? text(r, rowNumberCol) : '';
          return { ...rowSignal(r, numberText, label, figureCols.some((c) => at(j, c.col) !== null)), ...labelLook(r, label) };
        }),
      ),
    ),
    (part, whole) => {
      const signs = additive.flatMap((c) => {
        const a = at(part, c.col);
        const b = at(whole, c.col);
        return a === null || b === null ? [] : [compare(a, b)];
      });
      return { of: signs.length, equal: signs.filter((x) => x === 0).length };
    },
  );
  // an unnumbered row with figures right before numbered rows heads a group (“Huyện Đại Từ” over its communes)
  if (rowNumberCol !== null) {
    signals.forEach((s, j) => {
      const next = signals[j + 1];
      if (s.signal === 'item' && s.numberText === '' && s.hasFigures && next?.signal === 'item' && next.number?.kind === 'arabic') signals[j] = { ...s, signal: 'group', level: 1 };
    });
  }
  // a Roman or lettered group that heads no row of figures (“III. Vốn huy động khác” right before “Tổng cộng”) is an item: its figures are its own
  signals.forEach((s, j) => {
    if (!namedGroup(s) || !s.hasFigures) return;
    let heads = false;
    for (let i = j + 1; i < signals.length; i++) {
      const x = signals[i]!;
      if (x.signal === 'total' || ((x.signal === 'group' || x.signal === 'heading') && x.level <= s.level)) break;
      if (x.hasFigures) heads = true;
    }
    if (!heads) signals[j] = { ...s, signal: 'item' };
  });
  const indexOfRow = new Map(dataRows.map((r, j) => [r, j]));
  // a district's name merged down over its communes (Word's vMerge) names its “Cộng” row: “Huyện B · Cộng”
  const mergedName = (r: number, label: string): string => {
    if (!GENERIC_TOTAL.test(foldVietnamese(label))) return label;
    for (let c = 0; c < firstFigure; c++) {
      const cell = table.rows[r]?.[c];
      if (c === rowNumberCol || cell === undefined) continue;
      // covered from above, or the merge's first row (the district's own total printed first)
      const from = cell.mergedInto === undefined || (cell.mergedInto.row === r && cell.mergedInto.col === c) ? (cell.rowSpan > 1 ? r : null) : cell.mergedInto.col === c && cell.mergedInto.row < r ? cell.mergedInto.row : null;
      if (from === null) continue;
      const name = text(from, c);
      if (name !== '' && name !== label && !GENERIC_TOTAL.test(foldVietnamese(name))) return `${name} · ${label}`;
    }
    return label;
  };
  const rowLabel = (r: number): string => {
    const s = signals[indexOfRow.get(r)!]!;
    return s.label !== '' ? mergedName(r, s.label) : s.numberText !== '' ? s.numberText : `row ${r + 1}`;
  };
  const evidence: RelationEvidence[] = [];
  /** Columns a merged header or the column-number row declares the sum of other columns. */
  const derivedCols = new Set([...(header.columnNumberRow === null ? [] : declaredFormulas(cols.map((c) => text(header.columnNumberRow!, c.col)))), ...headerFormulas(additive)].map((d) => d.column));
  /** Group rows that add up over no set of rows: the rows each heads, to judge by the table's structure below. */
  const unconfirmedGroups = new Map<number, readonly number[]>();
  /** Rows the deprivation indicators under them do not add up to (they overlap): the grid rows of those indicators. */
  const overlapBases = new Map<number, readonly number[]>();
  const rows: DocumentLayoutRow[] = signals.map((s, j) => {
    const base = { row: s.row, label: s.label !== '' ? mergedName(s.row, s.label) : s.numberText, ...(s.numberText === '' ? {} : { number: s.numberText }) };
    if (s.signal === 'heading' || s.signal === 'part' || (s.signal === 'item' && s.level <= 2 && !hasChildRow(signals, j))) {
      return { ...base, role: roleOf(s.signal, false) };
    }
    if (!s.hasFigures) return { ...base, role: 'heading' };
    // a row of means (“Trung bình”) over the rows above it: its counts their means in most columns, or only rates printed
    if (MEAN_ROW.test(foldVietnamese(s.label))) {
      const candidates = coverageCandidates(signals, j);
      const over = candidates.find((c) => c.how === 'preceding') ?? candidates.find((c) => c.how === 'all-items');
      const m = over === undefined ? null : rowMeanSupport(additive, j, over.rows.map((x) => indexOfRow.get(x)!), at);
      if (over !== undefined && m !== null && over.rows.length >= 2 && (m.of === 0 || m.holds * 2 >= m.of)) {
        evidence.push({ type: 'row-average', text: `${base.label} = mean of ${over.rows.length} rows (${over.rows.map(rowLabel).join(', ')})`, holds: m.holds, of: m.of, breaks: m.breaks, origin: 'inferred' });
        return { ...base, role: 'average', covers: over.rows };
      }
    }
    // the first candidate (in the order most likely for the row's signal) that most columns confirm:
    // a wrong cell then never flips the reading to another set that happens to add up
    let best: { rows: readonly number[]; holds: number; nonZero: number; of: number; breaks: string[] } | null = null;
    const confirms = (r: { holds: number; of: number }): boolean => r.holds >= 1 && r.holds * 2 >= r.of;
    for (const cand of coverageCandidates(signals, j)) {
      const r = rowTotalSupport(additive, j, cand.rows.map((x) => indexOfRow.get(x)!), at);
      if (r.of === 0) continue;
      if (confirms(r)) {
        best = { rows: cand.rows, ...r };
        break;
      }
      if (best === null || r.holds > best.holds) best = { rows: cand.rows, ...r };
    }
    // rows that are deprivation indicators overlap (a household is deprived in several), and so do rows naming
    // different traits (“Hộ nghèo dân tộc thiểu số”, “… có chủ hộ là nữ”, “… có người khuyết tật”): the row above
    // them that they do not add up to (“Tổng số hộ nghèo”, the base of their shares) is their base, each at most it
    if (best !== null && !confirms(best) && (deprivationIndicatorRows(best.rows.map(rowLabel)) || overlappingGroups(best.rows.map(rowLabel)))) {
      overlapBases.set(j, best.rows);
      return { ...base, role: 'item' };
    }
    // a row its label or number calls a subtotal or total (“II”, “Khu vực nông thôn”, “Tổng cộng”) over the rows
    // it heads: one column adding up to a figure other than zero is evidence enough, when two of its cells are wrong
    const named = s.signal === 'total' || namedGroup(s);
    // and so is one column only, the table's one column of figures to add (a budget by source with its shares)
    // — but never a relation most columns break unless one row explains the breaks: a row left out of the total's
    // SUM (its columns of dashes hold) is the total's error; a row that is itself the sum of rows after it in the set
    // (a project over its sub-projects printed with no number) was counted twice: the total adds up the rest
    // (a period's row, whose stocks are its last year's figures, is read below)
    if (best !== null && named && !confirms(best) && !PERIOD_ROW.test(foldVietnamese(s.label)) && best.rows.length >= 2 && best.nonZero >= 1 && best.of - best.holds > Math.max(2, best.holds)) {
      const parts = best.rows.map((x) => indexOfRow.get(x)!);
      // (the one that leaves the fewest breaks, and most columns holding: other wrong cells of the total may remain)
      const left = parts.map((k) => ({ k, ...rowTotalSupport(additive, j, parts.filter((x) => x !== k), at) })).filter((x) => confirms(x));
      const out = left.length === 0 ? undefined : left.reduce((a, b) => (b.breaks.length < a.breaks.length ? b : a)).k;
      const twice = out === undefined ? null : countedTwice(additive, out, parts, at);
      // a column the header declares the sum of others (“Cộng” over “Đầu tư phát triển | Sự nghiệp”, “Tổng cộng”) breaks
      // wherever one of its terms does: one wrong district's “Sự nghiệp” breaks three columns. The columns no declared sum
      // is the total of are the evidence: most of them adding up confirms the total, and the breaks are findings
      if (out === undefined && sumsConfirmedByTerms(additive, derivedCols, j, parts, at)) {
        /* the relation stands: checked below, each breaking column a finding */
      } else if (out === undefined) best = null;
      else if (twice !== null) {
        const rest = best.rows.filter((x) => !twice.some((k) => dataRows[k] === x));
        best = { rows: rest, ...rowTotalSupport(additive, j, rest.map((x) => indexOfRow.get(x)!), at) };
      }
    }
    const confirmed = best !== null && (confirms(best) || (named && best.rows.length >= 2 && best.nonZero >= 1) || (s.signal === 'total' && best.rows.length >= 2 && best.of === 1 && additive.length === 1));
    if (!confirmed || best === null) {
      const first = coverageCandidates(signals, j)[0];
      if (s.signal === 'group' && first !== undefined && first.rows.length >= 2) unconfirmedGroups.set(j, first.rows);
      // an indicator numbered in the rows' sequence (“1 | Tổng số hộ dân cư | hộ”) that adds up nothing is an item of the table
      const numberedItem = s.signal === 'total' && s.number?.kind === 'arabic' && signals.some((x, i) => i !== j && x.signal === 'item' && x.number?.kind === 'arabic');
      if (numberedItem) return { ...base, role: 'item' };
      // a short summary by area (“Khu vực thành thị”, “Khu vực nông thôn” and no commune under them): a group
      // name printing figures in a table with no item row is an item of the table, its rate checked as any row's
      if (s.signal === 'group' && !signals.some((x) => x.signal === 'item') && additive.some((c) => at(j, c.col) !== null)) return { ...base, role: 'item' };
      if (s.signal === 'total' || s.signal === 'group') notes.push(`row ${s.row + 1} “${base.label}” looks like a ${s.signal === 'total' ? 'total' : 'subtotal'} but adds up in too few columns over any set of rows; left unchecked`);
      return { ...base, role: s.signal === 'total' ? 'heading' : roleOf(s.signal, false) };
    }
    // a period's row under its years (“Giai đoạn 2026-2030”) prints a stock — the households, the poor at the end —
    // as its last year's figure, not the years' sum: checked as that year's, never summed
    const last = Math.max(...best.rows);
    const carries = PERIOD_ROW.test(foldVietnamese(base.label))
      ? best.breaks.filter((k) => {
          const c = additive.find((x) => x.key === k)!;
          return STOCK_HEADER.test(foldVietnamese(c.header)) || sameFigure(at(j, c.col), at(indexOfRow.get(last)!, c.col));
        })
      : [];
    evidence.push({
      type: 'row-total',
      text: `${base.label} = sum of ${best.rows.length} row${best.rows.length === 1 ? '' : 's'} (${best.rows.map(rowLabel).join(', ')})${carries.length === 0 ? '' : `; ${carries.join(', ')} = ${rowLabel(last)} (a stock at the period's end)`}`,
      holds: best.holds + carries.filter((k) => sameFigure(at(j, additive.find((x) => x.key === k)!.col), at(indexOfRow.get(last)!, additive.find((x) => x.key === k)!.col))).length,
      of: best.of,
      breaks: best.breaks.filter((k) => !carries.includes(k)),
      origin: 'inferred',
    });
    return { ...base, role: s.signal === 'total' ? 'total' : 'subtotal', covers: best.rows, ...(carries.length === 0 ? {} : { carries }) };
  });

  // each indicator under its base is a part of it (“trong đó”): at most it, never added into a total. Rows a total or
  // subtotal adds up are its items, not indicators that overlap (“2.1 …” over the items 2.2, 3, 4 of a budget by project)
  const summed = new Set(rows.flatMap((r) => (r.role === 'total' || r.role === 'subtotal' ? (r.covers ?? []) : [])));
  for (const [j, indicators] of [...overlapBases]) if (indicators.some((x) => summed.has(x))) overlapBases.delete(j);
  for (const indicators of overlapBases.values()) {
    for (const x of indicators) {
      const k = indexOfRow.get(x)!;
      if (rows[k]!.role === 'item') rows[k] = { ...rows[k]!, role: 'part' };
    }
  }

  // a group row that adds up in no column over the rows it heads, while a group at its level adds up over
  // its own rows and a total counts it among the groups it adds up, is a subtotal all the same: a subtotal
  // whose sum left out a row (a SUM range one row short) breaks in every column, and each break is a finding
  for (const [j, heads] of unconfirmedGroups) {
    const s = signals[j]!;
    const sibling = signals.some((x, i) => i !== j && x.signal === 'group' && x.level === s.level && rows[i]!.role === 'subtotal');
    // counted by a total among the groups it adds up, or through the rows the group heads (the total of every item)
    const counted = rows.find((x) => (x.role === 'total' || x.role === 'subtotal') && (x.covers?.includes(s.row) === true || (x.role === 'total' && heads.every((h) => x.covers?.includes(h) === true))));
    if (!sibling || counted === undefined) continue;
    const r = rowTotalSupport(additive, j, heads.map((x) => indexOfRow.get(x)!), at);
    if (r.of === 0) continue;
    const label = rows[j]!.label;
    rows[j] = { ...rows[j]!, role: 'subtotal', covers: heads };
    const note = notes.findIndex((n) => n.startsWith(`row ${s.row + 1} “${label}” looks like a subtotal`));
    if (note >= 0) notes.splice(note, 1);
    evidence.push({
      type: 'row-total',
      text: `${label} = sum of ${heads.length} rows (${heads.map(rowLabel).join(', ')}), as the groups beside it add up theirs and ${counted.label} counts it`,
      holds: r.holds,
      of: r.of,
      breaks: r.breaks,
      origin: 'inferred',
    });
  }

  // --- linear relations between columns --------------------------------------
  const relations: LayoutRelation[] = [];
  const checkedRows = signals.map((s, j) => (rows[j]!.role === 'heading' ? -1 : j)).filter((j) => j >= 0);
  const itemRows = new Set(checkedRows.filter((j) => rows[j]!.role === 'item'));
  const declared = [...(header.columnNumberRow === null ? [] : declaredFormulas(cols.map((c) => text(header.columnNumberRow!, c.col)))), ...headerFormulas(additive)];
  // the rows each subtotal or total adds up, as indexes of data rows (and through its subtotals, the items under them)
  const coveredRows = rows.map((row) => (row.covers ?? []).map((x) => indexOfRow.get(x)!));
  const covers = (j: number): readonly number[] => {
    const out = new Set<number>();
    const walk = (k: number): void => { for (const x of coveredRows[k] ?? []) if (!out.has(x)) { out.add(x); walk(x); } };
    walk(j);
    return [...out];
  };
  const linear = linearRelations(additive, checkedRows, at, consensus, rowLabelAt, itemRows, declared, covers);
  function rowLabelAt(j: number): string {
    return rowLabel(dataRows[j]!);
  }
  for (const l of linear) {
    relations.push(l.relation);
    evidence.push({ type: l.relation.type === 'difference' ? 'difference' : 'sum', text: l.text, holds: l.holds, of: l.of, breaks: l.breaks, origin: 'inferred' });
  }

  // --- “trong đó” columns: at most the column they break down -----------------
  for (const sub of additive) {
    const path = foldVietnamese(sub.header).split(' › ');
    // “Trong đó” under a merged header (“Số hộ nghèo” over “Tổng số | Trong đó › Hộ DTTS | …”, or
    // “Tổng số | Trong đó: hộ DTTS”): the part is at most the group's own total column, never their sum
    const within = path.findIndex((p, k) => k > 0 && IN_WHICH.test(p));
    if (within > 0) {
      const prefix = path.slice(0, within);
      const whole = additive.filter((p) => {
        const pp = foldVietnamese(p.header).split(' › ');
        return p !== sub && p.kind === sub.kind && !pp.some((x) => IN_WHICH.test(x)) && prefix.every((x, k) => pp[k] === x) && (pp.length === within || (pp.length === within + 1 && TOTAL_NAME.test(pp[within]!)));
      });
      if (whole.length === 1) partOf(sub, whole[0]!);
      continue;
    }
    if (path.length < 2 || !IN_WHICH.test(path[0]!)) continue;
    const words = path.slice(1).join(' ').replace(/[^a-z0-9 ]/g, ' ').replace(/\b(so ho|so|ho|dtts|dan toc thieu so)\b/g, ' ').replace(/\s+/g, ' ').trim();
    if (words === '') continue;
    // the parent: a column outside the “trong đó” block that names the same households and is never smaller
    const parents = additive.filter((p) => p !== sub && p.kind === sub.kind && !/^(trong do|trong so)/.test(foldVietnamese(p.header)) && new RegExp(`\\b${words}\\b`).test(foldVietnamese(p.header).replace(/\bcan ngheo\b/g, words === 'ngheo' ? 'cn' : 'can ngheo')));
    const fits = parents.map((p) => ({ p, ...atMost(sub, p) }));
    const fit = fits.length === 1 ? fits[0]! : null;
    if (fit === null || fit.of < 3 || fit.holds < Math.ceil(fit.of * consensus)) continue;
    relations.push({ type: 'part-of', column: sub.key, of: fit.p.key });
    evidence.push({ type: 'part-of', text: `${sub.key} ≤ ${fit.p.key} (a “trong đó” column)`, holds: fit.holds, of: fit.of, breaks: fit.breaks.map(rowLabelAt), origin: 'inferred' });
  }
  // a column headed as a part (“Trong đó: hộ nghèo DTTS”, “+ Hộ nghèo DTTS” under “Trong đó:”) after its whole, as the
  // row roles read a label: in a table of indicators read transposed, the printed rows “Số hộ nghèo”, “Trong đó: …”
  for (const p of partColumns(cols, (c) => checkedRows.some((j) => at(j, c.col) !== null))) {
    if (relations.some((r) => r.type === 'part-of' && r.column === p.part.key)) continue;
    const fit = atMost(p.part, p.whole);
    // a part only a bullet tells is one when the figures bear it out; a stated one unless most rows belie it (another whole)
    if (fit.of === 0 || (p.how === 'bullet' ? fit.of < 2 || fit.holds < Math.ceil(fit.of * consensus) : fit.holds * 2 < fit.of)) continue;
    relations.push({ type: 'part-of', column: p.part.key, of: p.whole.key });
    evidence.push({ type: 'part-of', text: `${p.part.key} ≤ ${p.whole.key} (${p.how === 'stated' ? 'a “trong đó” part after its whole' : 'a sub-item after its whole'})`, holds: fit.holds, of: fit.of, breaks: fit.breaks.map(rowLabelAt), origin: 'inferred' });
  }
  /** A “trong đó” part under its group's total, which the header declares: checked in every row that prints both. */
  function partOf(sub: Col, whole: Col): void {
    const { holds, of, breaks } = atMost(sub, whole);
    if (of === 0) return;
    relations.push({ type: 'part-of', column: sub.key, of: whole.key });
    evidence.push({ type: 'part-of', text: `${sub.key} ≤ ${whole.key} (a “trong đó” column under the header's total)`, holds, of, breaks: breaks.map(rowLabelAt), origin: 'inferred' });
  }
  /** Rows where `sub` ≤ `whole`, out of those printing both. */
  function atMost(sub: Col, whole: Col): { holds: number; of: number; breaks: number[] } {
    let holds = 0;
    let of = 0;
    const breaks: number[] = [];
    for (const j of checkedRows) {
      const a = at(j, sub.col);
      const b = at(j, whole.col);
      if (a === null || b === null) continue;
      of++;
      if (compare(a, b) <= 0) holds++;
      else breaks.push(j);
    }
    return { holds, of, breaks };
  }

  // --- yearly averages (“Bình quân/năm” beside the year columns) -------------
  const averages = averageRelations(figureCols, checkedRows, at);
  for (const f of averages) {
    relations.push(f.relation);
    evidence.push({ type: 'average', text: f.text, holds: f.holds, of: f.of, breaks: f.breaks.map(rowLabelAt), origin: 'inferred' });
  }
  // and the yearly reductions printed beside the rates at the start and at the target (“Giảm bình quân/năm (%)”)
  const reductions = yearlyReductionRelations(figureCols.filter((c) => !averages.some((f) => f.relation.column === c.key)), checkedRows, at);
  for (const f of reductions) {
    relations.push(f.relation);
    evidence.push({ type: 'average', text: f.text, holds: f.holds, of: f.of, breaks: f.breaks.map(rowLabelAt), origin: 'inferred' });
  }
  const averaged = new Set([...averages.flatMap((f) => [f.relation.column, ...f.relation.parts]), ...reductions.map((f) => f.relation.column)]);

  // --- rates -----------------------------------------------------------------
  // a rate averaged over the years, or one of the years averaged, is checked by its average, not as a count over a base
  const rateCols = figureCols.filter((c) => c.kind === 'rate' && !averaged.has(c.key));
  const rateFits = rateCols.map((rc) => bestRateFit(rc, additive, checkedRows, at, rounding));
  const baseVotes = new Map<number, number>();
  for (const f of rateFits) if (f !== null) baseVotes.set(f.base.col, (baseVotes.get(f.base.col) ?? 0) + 1);
  // the change of two rates: the column is their difference, or the end rate the start's less it (the same equation)
  // — stated with the column as the target, so that its wrong figure is found at it
  const changeOfRates = (rc: Col): LinearFit | undefined => {
    const l = linearRelations(rateCols, checkedRows, at, consensus, rowLabelAt, itemRows, [], covers).find((x) => x.relation.type === 'difference' && (x.relation.column === rc.key || (x.relation.minus.length === 1 && x.relation.minus[0] === rc.key && x.relation.plus === undefined)));
    if (l === undefined || l.relation.type !== 'difference' || l.relation.column === rc.key) return l;
    return { ...l, relation: { type: 'difference', column: rc.key, from: l.relation.from, minus: [l.relation.column] }, text: `${rc.key} = ${l.relation.from} − ${l.relation.column}` };
  };
  // a column of changes from the year before (“Số hộ nghèo giảm so với năm trước”, “Tỷ lệ giảm (điểm %)”) in a table by
  // year: the difference of the consecutive rows of the column it names; a rate in points of two rates beside it is theirs
  const claimed = new Set(relations.flatMap(relationColumns));
  const rowChanged = new Set<string>();
  for (const c of figureCols) {
    if (claimed.has(c.key) || !namesChangeFromPrevious(c) || (c.kind === 'rate' && changeOfRates(c) !== undefined)) continue;
    const fit = rowChangeFit(c, figureCols, rows, checkedRows, at, rowLabelAt);
    if (fit === null) continue;
    relations.push(fit.relation);
    rowChanged.add(c.key);
    evidence.push({ type: 'row-change', text: fit.text, holds: fit.holds, of: fit.of, breaks: fit.breaks.map(rowLabelAt), origin: 'inferred' });
  }
  // an amount that is a count times an amount per unit (“Số hộ | Định mức (triệu đồng/hộ) | Thành tiền”), row by row
  // (the amount may be a sum's total or term as well — “Thành tiền” = its sources — which checks other cells; not a
  // column another row's figures give, a change from the year before or a yearly average)
  const derived = new Set(relations.flatMap((r) => (r.type === 'row-change' || r.type === 'average' ? [r.column] : [])));
  for (const f of productFits(figureCols, checkedRows, at, (j) => dataRows[j]!, rounding)) {
    if (derived.has(f.relation.column)) continue;
    relations.push(f.relation);
    evidence.push({ type: 'product', text: f.text, holds: f.holds, of: f.of, breaks: f.breaks.map(rowLabelAt), origin: 'inferred' });
  }
  // products and quotients the column-number row declares (“(5)=(1)x(2)”, “(4)=(3)/(2)*100”): checked as declared in
  // every row printing their figures, whatever the consensus of the figures (a short table, a column mostly wrong)
  const declaredRates = new Set<string>();
  if (header.columnNumberRow !== null) {
    const byCol = new Map(figureCols.map((c) => [c.col, c]));
    const formulaOf = (c: Col): string => text(header.columnNumberRow!, c.col).trim();
    for (const d of declaredMultiplicative(cols.map((c) => text(header.columnNumberRow!, c.col)))) {
      const target = byCol.get(d.column);
      if (target === undefined || derived.has(target.key)) continue;
      const [a, b] = d.type === 'product' ? d.factors.map((f) => byCol.get(f)) : [byCol.get(d.count), byCol.get(d.base)];
      // “3 = 2/1” under “Tỷ lệ (%)”: a column in percent is × 100 whether or not the formula says so
      const scale = d.type === 'rate' && (d.scale === 100 || /%/.test(target.header) || /\bty le\b/.test(foldVietnamese(target.header))) ? 100 : 1;
      if (a === undefined || b === undefined) continue;
      const support = d.type === 'product'
        ? productSupport(target, a, b, checkedRows, at, rounding)
        : scoreRate(target, checkedRows, at, rounding, (j) => {
            const q = percentOf(at(j, a.col), at(j, b.col));
            return q === null || scale === 100 ? q : { num: q.num, den: q.den * 100n };
          });
      if (support === null || support.breaks.length + support.holds === 0) continue;
      // the declaration replaces what the figures suggested for the column
      for (let k = relations.length - 1; k >= 0; k--) if (relations[k]!.column === target.key && (relations[k]!.type === 'product' || relations[k]!.type === 'rate')) relations.splice(k, 1);
      for (let k = evidence.length - 1; k >= 0; k--) if ((evidence[k]!.type === 'product' || evidence[k]!.type === 'rate') && evidence[k]!.text.startsWith(`${target.key} = `)) evidence.splice(k, 1);
      const of = support.breaks.length + support.holds;
      const by = `declared by the column numbers “${formulaOf(target)}”, ${rounding}, to the decimals printed`;
      if (d.type === 'product') {
        relations.push({ type: 'product', column: target.key, factors: [a.key, b.key], rounding, rows: 'rows' in support ? support.rows.map((j) => dataRows[j]!) : [] });
        evidence.push({ type: 'product', text: `${target.key} = ${a.key} × ${b.key} (${by})`, holds: support.holds, of, breaks: support.breaks.map(rowLabelAt), origin: 'inferred' });
      } else {
        relations.push({ type: 'rate', column: target.key, count: a.key, base: b.key, scale, rounding });
        declaredRates.add(target.key);
        evidence.push({ type: 'rate', text: `${target.key} = ${a.key} ÷ ${b.key}${scale === 100 ? ' × 100' : ''} (${by})`, holds: support.holds, of, breaks: support.breaks.map(rowLabelAt), origin: 'inferred' });
      }
    }
  }
  rateCols.forEach((rc, i) => {
    if (rowChanged.has(rc.key) || declaredRates.has(rc.key)) return;
    let fit = rateFits[i] ?? null;
    if (fit !== null && fit.alternatives.length > 0) {
      // equally good candidates: keep the base most other rates use
      const all = [fit, ...fit.alternatives];
      fit = all.reduce((a, b) => ((baseVotes.get(b.base.col) ?? 0) > (baseVotes.get(a.base.col) ?? 0) ? b : a));
    }
    // a rate whose header names its count (“Tỷ lệ nhân khẩu nghèo (%)” beside “Số nhân khẩu nghèo”, or “Tỷ lệ (%)”
    // under the group of its “Số hộ”) is declared by the table: then half the rows suffice, as for a named sum
    // so is one whose header names a comparison of its count with its base (“Tỷ lệ đạt (%)” of “Thực hiện” over
    // “Kế hoạch”, “So sánh TH/KH (%)”, “KH 2026 so với 2025 (%)”)
    // and so is one the figures themselves pin down: three rows or more where a non-zero count over the base gives the
    // printed rate to two decimals or more (a pair of columns does that by chance about once in ten thousand rows)
    const pinned = fit !== null && checkedRows.filter((j) => !fit!.breaks.includes(j) && (at(j, rc.col)?.decimals ?? 0) >= 2 && (at(j, fit!.count.col)?.units ?? 0) > 0 && percentOf(at(j, fit!.count.col), at(j, fit!.base.col)) !== null).length >= 3;
    // a column in points (“Chỉ tiêu giảm (điểm %)”) is the change of two rates where that holds as often as a rate does:
    // the rounded rates' difference, which a count over a base misses by 0,01 in some rows
    const inPoints = POINTS_HEADER.test(foldVietnamese(rc.header)) ? changeOfRates(rc) : undefined;
    if (inPoints !== undefined && (fit === null || inPoints.holds >= fit.holds)) {
      relations.push(inPoints.relation);
      evidence.push({ type: 'difference', text: `${inPoints.text} (in points)`, holds: inPoints.holds, of: inPoints.of, breaks: inPoints.breaks, origin: 'inferred' });
      return;
    }
    // a bare “Tỷ lệ (%)” right after its count, over the households (“Đơn vị | Tổng số hộ | Số hộ nghèo | Tỷ lệ (%)”), is
    // declared by where it is printed: a short summary of two to four rows is checked with one row holding
    const besideItsCount = fit !== null && fit.count.col === rc.col - 1 && countedWords(rc.header) === '' && POPULATION_HEADER.test(foldVietnamese(fit.base.header));
    const share = fit !== null && (pinned || besideItsCount || namesItsCount(rc, fit.count) || namesItsComparison(rc, fit.count, fit.base)) ? 0.5 : consensus;
    // a rate whose header names its count and whose base is the population's total (“Tỷ lệ hộ nghèo” of “Số hộ nghèo”
    // over “Tổng số hộ”: the rows of an indicator table by two years, or by plan and result) is declared by the
    // table: one period of two where it holds suffices
    const declared = besideItsCount || (fit !== null && namesItsCount(rc, fit.count) && POPULATION_HEADER.test(foldVietnamese(fit.base.header)));
    if (fit === null || fit.of < 2 || fit.holds < Math.max(declared ? 1 : 2, Math.ceil((fit.of - carriedBreaks(fit.breaks, covers, fit.holds)) * share))) {
      // a share of the total (“Cơ cấu (%)”, “Tỷ trọng (%)” beside an amount): each row's figure over the total row's, × 100
      // — or any rate column whose total row prints 100 (“Tỷ lệ (%)” of each source of a budget, “100,00” at “Tổng cộng”)
      const grand = grandTotal(rows);
      const whole = grand >= 0 && at(grand, rc.col) !== null && isHundred(at(grand, rc.col)!);
      const totalRow = SHARE_HEADER.test(foldVietnamese(rc.header)) ? shareBaseRow(rows, overlapBases) : whole ? grand : -1;
      const shareFit = totalRow < 0 ? null : bestShareFit(rc, additive, checkedRows, totalRow, at, rounding);
      if (shareFit !== null && shareFit.holds >= Math.max(2, Math.ceil(shareFit.of * 0.5))) {
        const t = rows[totalRow]!;
        relations.push({ type: 'rate', column: rc.key, count: shareFit.count.key, base: shareFit.count.key, baseRow: t.row, scale: 100, rounding });
        evidence.push({ type: 'rate', text: `${rc.key} = ${shareFit.count.key} ÷ ${shareFit.count.key} of ${t.label} × 100 (a share of the total, ${rounding}, to the decimals printed)`, holds: shareFit.holds, of: shareFit.of, breaks: shareFit.breaks.map(rowLabelAt), origin: 'inferred' });
        return;
      }
      // a rate of growth (“Tốc độ tăng (%)”, “Tăng trưởng (%)”) = (this year − last year) ÷ last year × 100
      // — or a change in percent (“Tăng/giảm (%)”, “Tăng (+), giảm (-) (%)”) between two columns of counts or amounts
      const growth = GROWTH_HEADER.test(foldVietnamese(rc.header)) || CHANGE_HEADER.test(foldVietnamese(rc.header)) ? bestGrowthFit(rc, additive, checkedRows, at, rounding) : null;
      if (growth !== null && growth.holds >= Math.max(2, Math.ceil(growth.of * 0.5))) {
        relations.push({ type: 'rate', column: rc.key, count: growth.to.key, minus: growth.from.key, base: growth.from.key, scale: 100, rounding });
        evidence.push({ type: 'rate', text: `${rc.key} = (${growth.to.key} − ${growth.from.key}) ÷ ${growth.from.key} × 100 (a growth, ${rounding}, to the decimals printed)`, holds: growth.holds, of: growth.of, breaks: growth.breaks.map(rowLabelAt), origin: 'inferred' });
        return;
      }
      // a change of rates in points (“Giảm so với đầu năm › Tỷ lệ (%)” = the rate at the start − the rate at the end)
      // — only where the header names a change: a sum of rounded rates (the multidimensional rate = poor + near-poor) rarely adds up as printed
      const change = CHANGE_HEADER.test(foldVietnamese(rc.header)) || inPoints !== undefined ? changeOfRates(rc) : undefined;
      if (change !== undefined) {
        relations.push(change.relation);
        evidence.push({ type: change.relation.type === 'difference' ? 'difference' : 'sum', text: `${change.text} (in points)`, holds: change.holds, of: change.of, breaks: change.breaks, origin: 'inferred' });
        return;
      }
      notes.push(`rate column “${rc.key}”: no count and base column give its printed values in most rows; left unchecked`);
      return;
    }
    relations.push({ type: 'rate', column: rc.key, count: fit.count.key, base: fit.base.key, scale: 100, rounding });
    evidence.push({
      type: 'rate',
      text: `${rc.key} = ${fit.count.key} ÷ ${fit.base.key} × 100 (${rounding}, to the decimals printed)`,
      holds: fit.holds,
      of: fit.of,
      breaks: fit.breaks.map(rowLabelAt),
      origin: 'inferred',
    });
  });

  // --- row numbering ---------------------------------------------------------
  if (rowNumberCol !== null) {
    const numbering = inferNumbering(rows);
    if (numbering !== null) {
      const key = cols[rowNumberCol]!.key;
      relations.push({ type: 'numbering', column: key, perGroup: numbering.perGroup });
      evidence.push({ type: 'numbering', text: `${key} counts 1, 2, 3… down the item rows${numbering.perGroup ? ', restarting in each group' : ''}`, holds: numbering.holds, of: numbering.of, breaks: numbering.breaks, origin: 'inferred' });
    }
  }

  // --- counts below zero ---------------------------------------------------------
  // a count of households or people is never negative, whatever the relations its figures keep (a sheet's formula
  // gives a negative end when its exits are wrong); not a column of changes, nor one a count only by default
  for (const c of figureCols) {
    if (c.kind !== 'count' || c.byDefault === true || SIGNED_HEADER.test(foldVietnamese(c.header)) || rowChanged.has(c.key)) continue;
    if (!checkedRows.some((j) => (at(j, c.col)?.units ?? 0) < 0)) continue;
    relations.push({ type: 'non-negative', column: c.key });
    evidence.push({ type: 'non-negative', text: `${c.key} ≥ 0 (a count)`, holds: checkedRows.filter((j) => (at(j, c.col)?.units ?? 0) >= 0).length, of: checkedRows.filter((j) => at(j, c.col) !== null).length, breaks: checkedRows.filter((j) => (at(j, c.col)?.units ?? 0) < 0).map(rowLabelAt), origin: 'inferred' });
  }

  // a row of means printing its counts and a rate: the rate of its rows' sums, of its own printed means, or the mean of
  // its rows' rates — whichever its printed figures give, stated in the layout; the nearest to it when none does
  for (const [j, r] of rows.entries()) {
    if (r.role !== 'average' || r.covers === undefined) continue;
    const colOf = (k: string): number => cols.find((c) => c.key === k)!.col;
    const parts = r.covers.map((x) => indexOfRow.get(x)!);
    const made: MeanRowRate[] = [];
    for (const rel of relations) {
      if (rel.type !== 'rate' || rel.baseRow !== undefined || at(j, colOf(rel.count)) === null) continue;
      const printed = at(j, colOf(rel.column));
      if (printed === null) continue;
      if (rel.minus !== undefined) {
        notes.push(`row ${r.row + 1} “${r.label}” is a row of means: its growth rate “${rel.column}” left unchecked`);
        continue;
      }
      const counts = parts.map((p) => at(p, colOf(rel.count)));
      const bases = parts.map((p) => at(p, colOf(rel.base)));
      const rates = parts.map((p) => at(p, colOf(rel.column)));
      const { as, holds } = meanRowRateMade(printed, { counts, bases, ownCount: at(j, colOf(rel.count)), ownBase: at(j, colOf(rel.base)), rates }, rel.scale, rel.rounding);
      made.push({ column: rel.column, as });
      const how = { 'rate-of-sums': `${rel.count} ÷ ${rel.base} of its rows' sums`, 'rate-of-means': `${rel.count} ÷ ${rel.base} of its own means`, 'mean-of-rates': `the mean of its rows' rates` }[as];
      evidence.push({ type: 'rate', text: `${r.label} · ${rel.column} = ${how} (${rel.rounding}, to the decimals printed)`, holds: holds ? 1 : 0, of: 1, breaks: holds ? [] : [r.label], origin: 'inferred' });
    }
    if (made.length > 0) rows[j] = { ...r, rates: made };
  }
  const layoutColumns: DocumentLayoutColumn[] = cols
    .filter((c) => c.kind !== 'text' || header.paths[c.col]!.length > 0 || dataRows.some((r) => text(r, c.col) !== ''))
    .map((c) => (c.unit === null || c.kind !== 'amount' ? { col: c.col, key: c.key, header: c.header, kind: c.kind } : { col: c.col, key: c.key, header: c.header, kind: c.kind, unit: c.unit }));
  const layout: DocumentTableLayout = {
    headerRows: header.headerRows,
    ...(header.captionRows.length === 0 ? {} : { captionRows: header.captionRows.length }),
    skipRows,
    columns: layoutColumns,
    rows,
    relations,
    ...(dashes ? { blankAs: 'zero' as const } : {}),
  };
  // (a “trong đó” row checks every count and amount against the row it breaks down, as a total does)
  const totalled = rows.some((r) => r.covers !== undefined) || partWholes(layout).length > 0;
  const inRelation = new Set(relations.flatMap(relationColumns));
  const uncheckedColumns = figureCols.filter((c) => !inRelation.has(c.key) && !(totalled && c.kind !== 'rate')).map((c) => c.key);
  if (figureCols.length === 0) notes.push('no column of figures');
  return deepFreeze({ layout, evidence, uncheckedColumns, notes });
}

/** A header (folded) of a column whose figures may be below zero: a change (“Tăng/giảm”, “Chênh lệch”, “(+/-)”), a comparison, an adjustment. */
const SIGNED_HEADER = /\b(tang|giam|chenh lech|chenh|bien dong|so sanh|so voi|dieu chinh)\b|[+±]|\(\s*-\s*\)/;

/**
 * Where the rows below a table begin: after a total row, the rows set apart from it by a blank row, or
 * opening with a note's words (“Ghi chú: 15 hộ mới tách”), when each prints at most one figure — a lone
 * number of a note or a signature block is not a row of the table, and a total never adds it up.
 * Returns the index in `dataRows` of the first such row, or `dataRows.length`.
 */
function belowTable(table: DocumentTable, dataRows: readonly number[]): number {
  const ownTexts = (r: number): string[] => table.rows[r]!.filter((c, k) => c.mergedInto === undefined || (c.mergedInto.row === r && c.mergedInto.col === k)).map((c) => c.text.trim()).filter((t) => t !== '');
  for (let k = 1; k < dataRows.length; k++) {
    const r = dataRows[k]!;
    const gap = r > dataRows[k - 1]! + 1;
    const note = NOTE_ROW.test(foldVietnamese(ownTexts(r)[0] ?? ''));
    if (!gap && !note) continue;
    const afterTotal = dataRows.slice(0, k).some((x) => ownTexts(x).some((t) => rowSignal(x, '', t, true).signal === 'total'));
    if (afterTotal && dataRows.slice(k).every((x) => figureCells(table, x) <= 1)) return k;
  }
  return dataRows.length;
}

/**
 * When row `k` of `parts` is counted twice — it is the sum of the rows right after it (a project over its
 * sub-projects), or one of the rows right after another row of `parts` that add up to it — the rows that
 * are the parts (to leave out of a total that adds up the projects), or null.
 */
function countedTwice(additive: readonly Col[], k: number, parts: readonly number[], at: (j: number, c: number) => CellNumber | null): number[] | null {
  const own = parentOfFollowing(additive, k, parts, at);
  if (own !== null) return own;
  for (const r of parts.slice(0, parts.indexOf(k))) {
    const run = parentOfFollowing(additive, r, parts, at);
    if (run !== null && run.includes(k)) return run;
  }
  return null;
}

/**
 * The rows right after `k` among `parts` (two or more) whose sum is row `k` in every column printed: `k` is
 * their parent (a project over its sub-projects), or null.
 */
function parentOfFollowing(additive: readonly Col[], k: number, parts: readonly number[], at: (j: number, c: number) => CellNumber | null): number[] | null {
  const after = parts.slice(parts.indexOf(k) + 1);
  for (let n = 2; n <= after.length; n++) {
    const r = rowTotalSupport(additive, k, after.slice(0, n), at);
    if (r.of > 0 && r.breaks.length === 0 && r.nonZero > 0) return after.slice(0, n);
  }
  return null;
}

/**
 * Whether the rows `parts` add up to row `j` in most of the columns that are no declared sum of other
 * columns (at least two of them, one holding): the terms a wrong cell breaks once, where the columns
 * that add them up break with it.
 */
function sumsConfirmedByTerms(additive: readonly Col[], derived: ReadonlySet<number>, j: number, parts: readonly number[], at: (j: number, c: number) => CellNumber | null): boolean {
  if (derived.size === 0) return false;
  const terms = additive.filter((c) => !derived.has(c.col));
  const r = rowTotalSupport(terms, j, parts, at);
  return r.of >= 2 && r.holds >= 1 && r.nonZero >= 1 && r.holds > r.of - r.holds;
}

/** Columns where row `j` equals the sum of rows `parts` (blank parts read as zero), out of those where row `j` has a figure. */
function rowTotalSupport(additive: readonly Col[], j: number, parts: readonly number[], at: (j: number, c: number) => CellNumber | null): { holds: number; nonZero: number; of: number; breaks: string[] } {
  let holds = 0;
  let nonZero = 0;
  let of = 0;
  const breaks: string[] = [];
  for (const c of additive) {
    const total = at(j, c.col);
    if (total === null) continue;
    const cells = parts.map((p) => at(p, c.col));
    if (cells.every((x) => x === null)) continue;
    of++;
    const d = Math.max(total.decimals, ...cells.map((x) => x?.decimals ?? 0));
    let sum = 0;
    let ok = true;
    for (const x of cells) {
      if (x === null) continue;
      const v = scaledTo(x, d);
      if (v === null) ok = false;
      else sum += v;
    }
    const t = scaledTo(total, d);
    if (ok && t !== null && Number.isSafeInteger(sum) && withinRounding(t, sum, c, d, cells)) {
      holds++;
      if (t !== 0) nonZero++;
    } else breaks.push(c.key);
  }
  return { holds, nonZero, of, breaks };
}


/** Columns where row `j` is the mean of rows `parts`, rounded half-up to its printed decimals, out of those where all are printed. */
function rowMeanSupport(additive: readonly Col[], j: number, parts: readonly number[], at: (j: number, c: number) => CellNumber | null): { holds: number; of: number; breaks: string[] } {
  let holds = 0;
  let of = 0;
  const breaks: string[] = [];
  for (const c of additive) {
    const mean = at(j, c.col);
    const cells = parts.map((p) => at(p, c.col));
    if (mean === null || cells.some((x) => x === null)) continue;
    of++;
    if (isMeanOf(mean, cells as CellNumber[], 'half-up')) holds++;
    else breaks.push(c.key);
  }
  return { holds, of, breaks };
}

/** Exact for counts; amounts may be off by half a printed unit per part (parts rounded for print). */
function withinRounding(total: number, sum: number, c: Col, d: number, cells: readonly (CellNumber | null)[]): boolean {
  if (total === sum) return true;
  if (c.kind !== 'amount') return false;
  let tolerance = 0;
  for (const x of cells) if (x !== null) tolerance += 10 ** (d - x.decimals);
  return Math.abs(total - sum) * 2 <= tolerance;
}

interface RateFit {
  readonly count: Col;
  readonly base: Col;
  readonly holds: number;
  readonly of: number;
  readonly breaks: number[];
  readonly alternatives: RateFit[];
}

/** The (count, base) pair whose rounded quotient gives the printed rate in the most rows. */
/** The kinds of figure a caption's “ĐVT: …” names: households or persons (count), % (rate). */
function unitKindsIn(caption: string): ReadonlySet<'count' | 'rate'> {
  const m = CAPTION_UNITS.exec(foldVietnamese(caption));
  const out = new Set<'count' | 'rate'>();
  if (m === null) return out;
  const listed = m[1]!;
  if (/%|\b(ty le|phan tram)\b/.test(listed)) out.add('rate');
  if (/\b(ho|nguoi|khau|nhan khau|lao dong|luot)\b/.test(listed)) out.add('count');
  return out;
}

/** The words of a header (folded) that name what it counts: without “tỷ lệ”, “số”, “(%)”, “hộ”. */
function countedWords(header: string): string {
  return foldVietnamese(header).replace(/\(?%\)?|\bty le\b|\bso luong\b|\bso\b|\bho\b/g, ' ').replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Does a rate column's header name the count it is the rate of? The same group over both (“Hộ nghèo ›
 * Tỷ lệ (%)” and “Hộ nghèo › Số hộ”), or the same words once “tỷ lệ” and “số” are left out (“Tỷ lệ nhân
 * khẩu nghèo (%)” and “Số nhân khẩu nghèo”), the count's words perhaps going on (“… cuối năm”).
 */
function namesItsCount(rate: Col, count: Col): boolean {
  const rp = rate.header.split(' › ');
  const cp = count.header.split(' › ');
  if (rp.length > 1 && cp.length === rp.length && rp.slice(0, -1).join(' › ') === cp.slice(0, -1).join(' › ')) return true;
  const words = countedWords(rate.header);
  const counted = countedWords(count.header);
  // the count may say when (“Tỷ lệ hộ nghèo” of “Số hộ nghèo cuối năm”)
  return words !== '' && (counted === words || counted.startsWith(`${words} `));
}

/** A column of each row's share of the total row (“Cơ cấu (%)”, “Tỷ trọng (%)”, “Tỷ lệ so với tổng số”). */
const SHARE_HEADER = /\b(co cau|ty trong)\b|\bso voi tong\b/;

/** A column of growth rates: “Tốc độ tăng (%)”, “Tốc độ tăng/giảm (%)”, “Tăng trưởng (%)”. */
const GROWTH_HEADER = /\btoc do (tang|giam)|\btang truong\b/;

/** The pair of columns (earlier, later) whose growth gives the printed rate in the most rows, the earlier to the left. */
function bestGrowthFit(rc: Col, additive: readonly Col[], rows: readonly number[], at: (j: number, c: number) => CellNumber | null, rounding: RoundingMode): { from: Col; to: Col; holds: number; of: number; breaks: number[] } | null {
  let best: { from: Col; to: Col; holds: number; of: number; breaks: number[] } | null = null;
  for (const from of additive) {
    for (const to of additive) {
      if (to.col <= from.col) continue;
      // (later − earlier) ÷ earlier × 100
      const fit = scoreRate(rc, rows, at, rounding, (j) => percentOf(at(j, to.col), at(j, from.col), at(j, from.col)))!;
      if (best === null || fit.holds > best.holds) best = { from, to, ...fit };
    }
  }
  return best;
}

/** True when a figure is 100 (“100”, “100,00”): the whole, as a share column prints it at its total. */
function isHundred(n: CellNumber): boolean {
  return BigInt(n.units) === 100n * 10n ** BigInt(n.decimals);
}

/** The data-row index of the one total that covers the most rows, or −1. */
function grandTotal(rows: readonly DocumentLayoutRow[]): number {
  let best = -1;
  rows.forEach((r, j) => {
    if (r.role === 'total' && (best < 0 || (r.covers?.length ?? 0) > (rows[best]!.covers?.length ?? 0))) best = j;
  });
  return best;
}

/** The text of a caption row: its cells' texts, each once (a title merged across is read in its first cell). */
function captionRowText(table: DocumentTable, r: number, text: (r: number, c: number) => string): string {
  const cells = (table.rows[r] ?? []).map((_, c) => text(r, c)).filter((t) => t !== '');
  return [...new Set(cells)].join(' ');
}

/** The row shares are taken of: the grand total, or else the first row of deprivation indicators' base (they overlap: no total). */
function shareBaseRow(rows: readonly DocumentLayoutRow[], overlapBases: ReadonlyMap<number, readonly number[]>): number {
  const total = grandTotal(rows);
  return total >= 0 ? total : ([...overlapBases.keys()][0] ?? -1);
}

/** The column whose figure in each row over its figure in the total row gives the printed share in the most rows. */
function bestShareFit(rc: Col, additive: readonly Col[], rows: readonly number[], total: number, at: (j: number, c: number) => CellNumber | null, rounding: RoundingMode): { count: Col; holds: number; of: number; breaks: number[] } | null {
  const near = [...additive].sort((x, y) => Math.abs(x.col - rc.col) - Math.abs(y.col - rc.col) || x.col - y.col);
  let best: { count: Col; holds: number; of: number; breaks: number[] } | null = null;
  for (const count of near) {
    const t = at(total, count.col);
    if (t === null || t.units <= 0) continue;
    const fit = scoreRate(rc, rows, at, rounding, (j) => percentOf(at(j, count.col), t))!;
    if (best === null || fit.holds > best.holds) best = { count, ...fit };
  }
  return best;
}

/**
 * Rows where the printed rate in `rc` is `round(num ÷ den × 10^decimals)` of the exact quotient
 * `quotient(j)` gives (null: not all its cells printed); null when more than `maxMisses` rows break.
 */
function scoreRate(rc: Col, rows: readonly number[], at: (j: number, c: number) => CellNumber | null, rounding: RoundingMode, quotient: (j: number) => { num: bigint; den: bigint } | null, maxMisses = Infinity): { holds: number; of: number; breaks: number[] } | null {
  let holds = 0;
  let of = 0;
  const breaks: number[] = [];
  for (const j of rows) {
    const r = at(j, rc.col);
    const q = r === null ? null : quotient(j);
    if (r === null || q === null) continue;
    of++;
    if (roundQuotient(q.num * 10n ** BigInt(r.decimals), q.den, rounding) === BigInt(r.units)) holds++;
    else {
      breaks.push(j);
      if (breaks.length > maxMisses) return null;
    }
  }
  return { holds, of, breaks };
}

/** `x ÷ y × 100` of two printed figures, exactly, each at its own decimals; null when either is missing or `y` ≤ 0. */
function percentOf(x: CellNumber | null, y: CellNumber | null, less: CellNumber | null = null): { num: bigint; den: bigint } | null {
  if (x === null || y === null || y.units <= 0) return null;
  // (x − less) · 10^yd · 100 ÷ (y · 10^xd), with less brought to x's decimals
  const d = Math.max(x.decimals, less?.decimals ?? 0);
  const top = BigInt(x.units) * 10n ** BigInt(d - x.decimals) - (less === null ? 0n : BigInt(less.units) * 10n ** BigInt(d - less.decimals));
  return { num: top * 10n ** BigInt(y.decimals) * 100n, den: BigInt(y.units) * 10n ** BigInt(d) };
}

/** Whether two printed figures are the same number (“555” and “555,0”). */
function sameFigure(a: CellNumber | null, b: CellNumber | null): boolean {
  if (a === null || b === null) return false;
  const d = Math.max(a.decimals, b.decimals);
  return BigInt(a.units) * 10n ** BigInt(d - a.decimals) === BigInt(b.units) * 10n ** BigInt(d - b.decimals);
}

/** `Σ counts ÷ Σ bases × scale`, exactly; null when a figure is missing or the base is not positive. */
function rateOf(counts: ReadonlyArray<CellNumber | null>, bases: ReadonlyArray<CellNumber | null>, scale: number): Fraction | null {
  if (counts.some((x) => x === null) || bases.some((x) => x === null)) return null;
  const sum = (xs: ReadonlyArray<CellNumber | null>): Fraction => xs.reduce((t, x) => addFractions(t, fraction(BigInt(x!.units), 10n ** BigInt(x!.decimals))), fraction(0n));
  const b = sum(bases);
  return b.num <= 0n ? null : multiplyFractions(divideFractions(sum(counts), b), fraction(scale));
}

/** Whether `value` rounds to `printed` at its printed decimals. */
function rateGives(printed: CellNumber, value: Fraction | null, rounding: RoundingMode): boolean {
  return value !== null && roundQuotient(value.num * 10n ** BigInt(printed.decimals), value.den, rounding) === BigInt(printed.units);
}

/**
 * How a row of means made the rate it prints beside its means: the first of the rate of its rows' sums, the rate of
 * its own printed means, and the mean of its rows' rates (as printed, or as their counts give them) that gives the
 * printed figure; when none does (the rate itself mistyped), the one nearest to it — a slip of a digit stays near.
 */
function meanRowRateMade(
  printed: CellNumber,
  figures: { readonly counts: ReadonlyArray<CellNumber | null>; readonly bases: ReadonlyArray<CellNumber | null>; readonly ownCount: CellNumber | null; readonly ownBase: CellNumber | null; readonly rates: ReadonlyArray<CellNumber | null> },
  scale: number,
  rounding: RoundingMode,
): { readonly as: MeanRowRate['as']; readonly holds: boolean } {
  const { counts, bases, ownCount, ownBase, rates } = figures;
  const mean = (xs: ReadonlyArray<Fraction | null>): Fraction | null => (xs.some((x) => x === null) ? null : divideFractions(xs.reduce<Fraction>((t, x) => addFractions(t, x!), fraction(0n)), fraction(xs.length)));
  const asPrinted = (x: CellNumber | null): Fraction | null => (x === null ? null : fraction(BigInt(x.units), 10n ** BigInt(x.decimals)));
  const recomputed = rates.map((r, i) => {
    const v = rateOf([counts[i] ?? null], [bases[i] ?? null], scale);
    if (v === null || r === null) return null;
    const unit = 10n ** BigInt(r.decimals);
    return fraction(roundQuotient(v.num * unit, v.den, rounding), unit);
  });
  const candidates: ReadonlyArray<readonly [MeanRowRate['as'], Fraction | null]> = [
    ['rate-of-sums', rateOf(counts, bases, scale)],
    ['rate-of-means', rateOf([ownCount], [ownBase], scale)],
    ['mean-of-rates', mean(rates.map(asPrinted))],
    ['mean-of-rates', mean(recomputed)],
  ];
  const held = candidates.find(([, v]) => rateGives(printed, v, rounding));
  if (held !== undefined) return { as: held[0], holds: true };
  const p = asPrinted(printed)!;
  const distance = (v: Fraction): Fraction => {
    const d = subtractFractions(v, p);
    return d.num < 0n ? fraction(-d.num, d.den) : d;
  };
  let best: readonly [MeanRowRate['as'], Fraction] | null = null;
  for (const [as, v] of candidates) if (v !== null && (best === null || compareFractions(distance(v), best[1]) < 0)) best = [as, distance(v)];
  return { as: best?.[0] ?? 'rate-of-sums', holds: false };
}

/** A header in percentage points (folded): “Chỉ tiêu giảm (điểm %)”, “Giảm (điểm phần trăm)”. */
const POINTS_HEADER = /\bdiem (%|phan tram)|\(diem\)/;
/** A column of units (“Đơn vị tính”, “ĐVT”: hộ, %, người) between the name and the figures: not the row's name. */
const UNIT_COLUMN = /^(don vi tinh|dvt)\b/;
const COMPARISON = /\bso voi\b|\bso sanh\b|\bdat\b|\bhoan thanh\b|[a-z0-9]\s*\/\s*[a-z0-9]/;
const PLANNED = /\b(ke hoach|kh|chi tieu|muc tieu|du toan|giao)\b/;
const REALISED = /\b(thuc hien|th|uoc thuc hien|uoc th|ket qua|uoc)\b/;

/** The words of a header (folded), and the initials of each two words running (“ke hoach” → “kh”). */
function headerWords(header: string): ReadonlySet<string> {
  const words = foldVietnamese(header).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter((w) => w !== '');
  const out = new Set(words);
  for (let i = 0; i + 1 < words.length; i++) if (/^[a-z]/.test(words[i]!) && /^[a-z]/.test(words[i + 1]!)) out.add(`${words[i]![0]}${words[i + 1]![0]}`);
  return out;
}

/** Words of `part` that `mine` has and `other` lacks: what tells one column from the other. */
const tells = (part: string, mine: ReadonlySet<string>, other: ReadonlySet<string>): boolean =>
  [...headerWords(part)].some((w) => w !== 'nam' && mine.has(w) && !other.has(w));

/**
 * Does a rate column's header name a comparison of its count with its base? The result over the plan
 * (“Tỷ lệ đạt (%)”, “% so với KH” beside “Thực hiện (TH)” and “Kế hoạch (KH)”), the words after “so với”
 * naming the base and not the count (“KH 2026 so với 2025 (%)”), or “TH/KH”.
 */
function namesItsComparison(rate: Col, count: Col, base: Col): boolean {
  const h = foldVietnamese(rate.header);
  if (!COMPARISON.test(h)) return false;
  const c = foldVietnamese(count.header);
  const b = foldVietnamese(base.header);
  if (REALISED.test(c) && !PLANNED.test(c) && PLANNED.test(b)) return true;
  const cw = headerWords(count.header);
  const bw = headerWords(base.header);
  const after = /\bso (?:voi|sanh)\b(.*)$/.exec(h);
  if (after !== null && tells(after[1]!, bw, cw)) return true;
  const ratio = /([a-z0-9]+)\s*\/\s*([a-z0-9]+)/.exec(h);
  return ratio !== null && tells(ratio[1]!, cw, bw) && tells(ratio[2]!, bw, cw);
}

function bestRateFit(rc: Col, additive: readonly Col[], rows: readonly number[], at: (j: number, c: number) => CellNumber | null, rounding: RoundingMode): RateFit | null {
  const left = [...additive].filter((c) => c.col < rc.col).sort((a, b) => b.col - a.col);
  const right = additive.filter((c) => c.col > rc.col);
  const counts = [...left, ...right];
  let best: RateFit | null = null;
  for (const count of counts) {
    for (const base of additive) {
      if (base === count) continue;
      // round(c ÷ b × 100, r.decimals) == r, exactly
      const score = scoreRate(rc, rows, at, rounding, (j) => percentOf(at(j, count.col), at(j, base.col)), Math.floor(rows.length / 2));
      if (score === null) continue;
      const { holds } = score;
      const fit: RateFit = { count, base, ...score, alternatives: [] };
      if (best === null || holds > best.holds) best = fit;
      else if (holds === best.holds && holds > 0 && best.count === count) best.alternatives.push(fit);
    }
  }
  return best;
}

function inferNumbering(rows: readonly DocumentLayoutRow[]): { perGroup: boolean; holds: number; of: number; breaks: string[] } | null {
  const numbered = rows.filter(inNumberSequence);
  if (numbered.length < 3) return null;
  const score = (perGroup: boolean): { holds: number; of: number; breaks: string[] } => {
    let expected = 1;
    let holds = 0;
    const breaks: string[] = [];
    for (const r of rows) {
      if (perGroup && startsNumberGroup(r)) expected = 1;
      if (!inNumberSequence(r)) continue;
      const n = Number(r.number);
      if (n === expected) holds++;
      else breaks.push(r.label);
      expected = n + 1;
    }
    return { holds, of: numbered.length, breaks };
  };
  const cont = score(false);
  const group = score(true);
  const pick = group.holds > cont.holds ? { perGroup: true, ...group } : { perGroup: false, ...cont };
  return pick.holds >= pick.of * 0.6 ? pick : null;
}
