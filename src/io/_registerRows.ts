/**
 * The rows of a register as provinces and communes print them, around the households: a title
 * block above the header, a header on two rows (a group over its columns, `Thiếu hụt các chỉ số`
 * over one column per indicator, `Thu nhập bình quân` over `đồng/người/tháng`), a row of column
 * numbers under it, and, between the households, village headings (`Thôn 1`), totals rows
 * (`Tổng cộng`) and the header repeated on each printed page. @internal
 */
import { foldVietnamese } from '../text/foldVietnamese.js';
import { dimensionOfGroup } from './_dimensionGroups.js';
import { readAmountHeader } from './amountHeader.js';
import type { RawCell } from './readRows.js';

/** At most this many one-cell rows are skipped above a header as its title. */
const MAX_TITLE_ROWS = 20;

/** A row the register reader does not read as a household, and why. */
export interface SkippedRegisterRow {
  readonly row: number;
  /** `section`: a heading between households (`Thôn 1`, `I. Hộ nghèo`); `signature`: a row of the signature block under the households (`Người lập biểu` | `TM. UBND XÃ`, the signers' names); `totals`: a `Tổng cộng` row; `header`: the header printed again (a new page); `column-numbers`: the row of column numbers under a header. */
  readonly kind: 'section' | 'totals' | 'header' | 'column-numbers' | 'signature';
  /** The row's first filled cell, as printed. */
  readonly text: string;
  /**
   * A totals row's figures compared with the households above it (`Số nhân khẩu`: the members;
   * a `Thiếu hụt` column: the households marked): one entry per figure it prints.
   */
  readonly totals?: readonly RegisterTotalsCheck[];
}

/** One figure of a totals row against the households above it. */
export interface RegisterTotalsCheck {
  /** 1-based column and its header. */
  readonly column: number;
  readonly header: string;
  /** What the column adds up: the members, or the households marked. */
  readonly counts: 'members' | 'households marked';
  readonly printed: bigint;
  /** The households since the previous totals row add up to this… */
  readonly sinceLast: bigint;
  /** …and all the households above the row to this. */
  readonly sinceStart: bigint;
  /** The row of the first household since the previous totals row (0: none, a grand total under its subtotals). */
  readonly fromRow: number;
  /** Whether the printed figure is one of the two sums (a subtotal, or a grand total); with no household since the previous totals row, only the grand total. */
  readonly ok: boolean;
}

/** The header a register's first rows give: its cells (two rows combined into one) and rows. */
export interface RegisterHeaderRows {
  readonly cells: ReadonlyArray<RawCell>;
  /** The file rows the header is printed on (one or two). */
  readonly rows: readonly number[];
  /** The rows as printed, to recognise the header when a page repeats it. */
  readonly printed: ReadonlyArray<ReadonlyArray<RawCell>>;
  /** For each column read as an indicator under a dimension header (`Y tế` over `Bảo hiểm y tế`), that header; undefined elsewhere. */
  readonly dimensions?: ReadonlyArray<string | undefined>;
}

/** A cell's text as printed, trimmed (a blank and a missing cell are both ''). */
export function rawCellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return (cell instanceof Date ? cell.toISOString() : String(cell)).trim();
}

const text = rawCellText;

/**
 * Row numbers as ranges.
 * @example
 * rowRanges([40, 42, 43, 44]) //=> '40, 42–44'
 */
export function rowRanges(rows: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    out.push(j > i ? `${rows[i]}–${rows[j]}` : `${rows[i]}`);
    i = j + 1;
  }
  return out.join(', ');
}

function filled(cells: ReadonlyArray<RawCell>): number {
  let n = 0;
  for (const c of cells) if (text(c) !== '') n++;
  return n;
}

/**
 * Finds the header of a register in its first rows: the first row with two or more cells that
 * name register columns (`namesColumn`); the rows above it (at most 20: the title, the unit,
 * the commune and district, the national motto) are skipped. The row after it is its second
 * row when it holds only words, none under the household id, and at least one under a group (a
 * header cell over several columns, printed once, the cells to its right blank) or stating a unit
 * (`đồng/người/tháng`). Feed it the non-blank rows in order: it returns `undefined` while it needs
 * more, then the header and whether the row just fed was part of it. When no row names two
 * columns, the first row of several cells (or the first row) is the header, as before, and the
 * reader's column errors name it.
 */
export class RegisterHeaderFinder {
  private above = 0;
  private fallback: { row: number; cells: ReadonlyArray<RawCell> } | undefined;
  private first: { row: number; cells: ReadonlyArray<RawCell> } | undefined;

  constructor(
    private readonly namesColumn: (header: string) => boolean,
    private readonly isIdHeader: (header: string) => boolean,
    /** Whether `Thiếu hụt: <text>` names an indicator column (a sub-header under a dimension header). */
    private readonly namesIndicator: (text: string) => boolean = () => false,
  ) {}

  feed(row: number, cells: ReadonlyArray<RawCell>): { readonly header: RegisterHeaderRows; readonly consumed: boolean } | undefined {
    if (this.first === undefined) {
      const many = filled(cells) > 1;
      if (many && cells.filter((c) => text(c) !== '' && this.namesColumn(text(c))).length >= 2) this.first = { row, cells };
      else {
        // the header when none names two columns: the first row of several cells, else the first row
        if (this.fallback === undefined || (many && filled(this.fallback.cells) <= 1)) this.fallback = { row, cells };
        if (++this.above <= MAX_TITLE_ROWS) return undefined;
        const header = this.fallback!;
        return { header: { cells: header.cells, rows: [header.row], printed: [header.cells] }, consumed: header.row === row };
      }
      return undefined;
    }
    const top = this.first;
    if (isSecondHeaderRow(top.cells, cells, this.isIdHeader)) {
      const { cells: combined, dimensions } = combineHeaderRowsWithGroups(top.cells, cells, this.namesIndicator);
      return { header: { cells: combined, rows: [top.row, row], printed: [top.cells, cells], ...(dimensions.some((d) => d !== undefined) ? { dimensions } : {}) }, consumed: true };
    }
    return { header: { cells: top.cells, rows: [top.row], printed: [top.cells] }, consumed: false };
  }

  /** The header when the rows end before it is settled (a register with no households, or none named). */
  end(): RegisterHeaderRows | undefined {
    const h = this.first ?? this.fallback;
    return h !== undefined ? { cells: h.cells, rows: [h.row], printed: [h.cells] } : undefined;
  }
}

/** Whether `cells` is the second row of the header `top`. */
function isSecondHeaderRow(top: ReadonlyArray<RawCell>, cells: ReadonlyArray<RawCell>, isIdHeader: (header: string) => boolean): boolean {
  let words = 0;
  let grouped = false;
  for (let i = 0; i < cells.length; i++) {
    const t = text(cells[i]);
    if (t === '') continue;
    if (typeof cells[i] !== 'string' || /^[\d\s.,()%+-]+$/.test(t)) return false;
    const over = text(top[i]);
    if (over !== '' && isIdHeader(over)) return false;
    words++;
    if (over === '' ? groupOf(top, i) !== undefined : isUnitOnly(t)) grouped = true;
  }
  return words > 0 && grouped;
}

/** The group header over column i: the nearest filled header cell to its left, the cells between blank. */
function groupOf(top: ReadonlyArray<RawCell>, i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) {
    const t = text(top[j]);
    if (t !== '') return t;
  }
  return undefined;
}

/** A cell that states a unit or period and nothing else (`đồng/người/tháng`, `nghìn đồng`). */
function isUnitOnly(t: string): boolean {
  const h = readAmountHeader(t);
  return (h.unit !== null || h.period !== null || h.perPerson) && h.otherWords === '' && h.conflicts.length === 0;
}

/**
 * One header from two printed rows: a column's cell on the second row is read under the group
 * above it. Under a deprivation group (`Thiếu hụt các chỉ số`, `Các chỉ số thiếu hụt`) it names
 * an indicator (`Thiếu hụt: bảo hiểm y tế`); a unit under a header is its unit (`Thu nhập bình
 * quân (đồng/người/tháng)`); any other pair is `group: column` (`Nguyên nhân nghèo: Thiếu vốn`).
 * @example
 * combineHeaderRows(['Mã hộ', 'Thiếu hụt các chỉ số', null], [null, 'Việc làm', 'BHYT']) //=> ['Mã hộ', 'Thiếu hụt: Việc làm', 'Thiếu hụt: BHYT']
 */
export function combineHeaderRows(top: ReadonlyArray<RawCell>, second: ReadonlyArray<RawCell>): RawCell[] {
  return combineHeaderRowsWithGroups(top, second, () => false).cells;
}

/**
 * {@link combineHeaderRows}, and under a dimension header (`Việc làm`, `Y tế`, `Giáo dục`, `Nhà ở`,
 * `Nước sinh hoạt và vệ sinh`, `Thông tin`) a sub-header that names an indicator (`namesIndicator`)
 * is that indicator (`Thiếu hụt: Bảo hiểm y tế`), the dimension kept by column in `dimensions` for
 * the reader to confirm; any other sub-header under it stays `group: column`.
 */
export function combineHeaderRowsWithGroups(
  top: ReadonlyArray<RawCell>,
  second: ReadonlyArray<RawCell>,
  namesIndicator: (text: string) => boolean,
): { readonly cells: RawCell[]; readonly dimensions: Array<string | undefined> } {
  const n = Math.max(top.length, second.length);
  const out: RawCell[] = [];
  const dimensions: Array<string | undefined> = [];
  for (let i = 0; i < n; i++) {
    const over = text(top[i]);
    const under = text(second[i]);
    dimensions.push(undefined);
    if (under === '') {
      out.push(over === '' ? null : over);
      continue;
    }
    const group = over !== '' ? over : groupOf(top, i);
    if (group === undefined) out.push(under);
    else if (isUnitOnly(under)) out.push(/^\(.*\)$/.test(under) ? `${group} ${under}` : `${group} (${under})`);
    else if (/\bthieu hut\b/.test(foldVietnamese(group))) out.push(`Thiếu hụt: ${under}`);
    else if (dimensionOfGroup(group) !== undefined && namesIndicator(under)) {
      out.push(`Thiếu hụt: ${under}`);
      dimensions[i] = group;
    } else out.push(`${group}: ${under}`);
  }
  return { cells: out, dimensions };
}

/**
 * The words that start a totals row, with their diacritics (`Tổng`, `Cộng`: never the surname
 * `Tống` or the name `Công`), or unaccented only as two words (`Tong cong`, `Cong thon 1`).
 */
const TOTAL_WORDS = /^(tổng cộng|tổng số|tổng hợp|tổng|cộng|total|grand total|subtotal|tong cong|tong so|cong thon|cong xa|cong ap|cong ban)(\s|:|$)/;
const PLACE_WORDS = /^([ivx]+|[a-d]|\d{1,2})?[.)]?\s*(thon|ap|ban|buon|bon|xom|lang|to|to dan pho|khu pho|khu|khom|khoi|phum|soc|xa|phuong|thi tran|ho ngheo|ho can ngheo|ho thoat ngheo|ho moi)\b/;

/** The words that start a village's name (thôn, ấp, bản, buôn, bon, xóm, làng, tổ dân phố, khu phố, khóm, khối, phum, sóc), folded. */
const VILLAGE_WORDS = /^(?:(?:[ivx]+|[a-d]|\d{1,2})[.)]\s*)?((?:thon|ap|ban|buon|bon|xom|lang|to dan pho|to|khu pho|khom|khoi|phum|soc)\b.*)$/;

/**
 * The village a heading row names (`Thôn 1`, `2. Ấp Tân Hòa`, `Tổ dân phố 3` → `Tổ dân phố 3`),
 * without its list number; undefined for another heading (`I. Hộ nghèo`, `Xã Tân Lập`).
 * @example
 * villageOfHeading('II. Thôn Đồng Tâm') //=> 'Thôn Đồng Tâm'
 */
export function villageOfHeading(heading: string): string | undefined {
  const t = heading.normalize('NFC').trim().replace(/\s+/g, ' ');
  const m = VILLAGE_WORDS.exec(foldVietnamese(t));
  if (m === null || m[1]!.length > 60) return undefined;
  return t.slice(t.length - m[1]!.length).trim();
}

/**
 * What a row between the households is, when it is not one: the header printed again, the row of
 * column numbers, a totals row (`Tổng cộng`, `Cộng`, `Tổng số` in its first filled cell, before
 * the id column or with no household id), or a heading (one filled cell, no id; in the id column only when it reads like
 * a place or a group, `Thôn 1`, `Ấp Tân Hòa`, `I. Hộ nghèo`). Undefined: a household row, read
 * (and refused) as usual.
 */
export function skippedRowKind(cells: ReadonlyArray<RawCell>, header: RegisterHeaderRows, idAt: number): SkippedRegisterRow['kind'] | undefined {
  const id = idAt >= 0 ? text(cells[idAt]) : '';
  // the whole row is compared with the header only when its id cell is the header's (one fold per household row; the header's folded once)
  const idFolded = foldVietnamese(id);
  const headerIds = foldedIdCells(header, idAt);
  if (header.printed.some((p, r) => (idAt < 0 || headerIds[r] === idFolded) && sameRow(p, cells))) return 'header';
  if (isColumnNumberRow(cells)) return 'column-numbers';
  const firstAt = cells.findIndex((c) => text(c) !== '');
  if (firstAt < 0) return undefined;
  if (id !== '' && firstAt < idAt && /^\d+$/.test(text(cells[firstAt]))) return undefined; // a household row: its STT, then its id
  const first = foldVietnamese(text(cells[firstAt])).replace(/\s+/g, ' ');
  // in the id column, words (`Tổng cộng`, `Thôn 1`), never a code (`TONG-01`, `TO-05`)
  const inId = firstAt === idAt;
  const words = !inId || /^[a-z]+$/.test(first) || (first.includes(' ') && !/[-_/]/.test(first.split(' ')[0]!));
  const totals = TOTAL_WORDS.test(text(cells[firstAt]).normalize('NFC').toLowerCase().replace(/\s+/g, ' '));
  if ((id === '' || firstAt < idAt || (inId && words)) && totals) return 'totals';
  if (filled(cells) !== 1 || typeof cells[firstAt] !== 'string') return undefined;
  if (!inId) return 'section';
  return words && (PLACE_WORDS.test(first) || totals) ? 'section' : undefined;
}

/** The header rows' id cells, folded: computed once for each header and id column. */
const FOLDED_ID_CELLS = new WeakMap<RegisterHeaderRows, { readonly idAt: number; readonly folded: readonly string[] }>();
function foldedIdCells(header: RegisterHeaderRows, idAt: number): readonly string[] {
  const known = FOLDED_ID_CELLS.get(header);
  if (known !== undefined && known.idAt === idAt) return known.folded;
  const folded = header.printed.map((p) => (idAt >= 0 ? foldVietnamese(text(p[idAt])) : ''));
  FOLDED_ID_CELLS.set(header, { idAt, folded });
  return folded;
}

/** The first filled cell of a row, as printed. */
export function firstText(cells: ReadonlyArray<RawCell>): string {
  for (const c of cells) if (text(c) !== '') return text(c);
  return '';
}

function sameRow(a: ReadonlyArray<RawCell>, b: ReadonlyArray<RawCell>): boolean {
  const n = Math.max(a.length, b.length);
  let any = false;
  for (let i = 0; i < n; i++) {
    const x = foldVietnamese(text(a[i])).replace(/\s+/g, ' ');
    const y = foldVietnamese(text(b[i])).replace(/\s+/g, ' ');
    if (x !== y) return false;
    if (x !== '') any = true;
  }
  return any;
}

/** Column numbers under a header: 1, 2, 3… (or `(1)`, `(2)`…) left to right, at least three. */
function isColumnNumberRow(cells: ReadonlyArray<RawCell>): boolean {
  let expected = 0;
  for (const c of cells) {
    const t = text(c);
    if (t === '') continue;
    const m = /^\(?(\d{1,3})\)?$/.exec(t);
    if (m === null) return false;
    const n = Number(m[1]);
    if (expected === 0 ? n !== 1 && n !== 0 : n !== expected) return false;
    expected = n + 1;
  }
  return expected >= 3;
}

/**
 * A cell of a signature or closing block under a register (folded): who signs (`Người lập biểu`,
 * `Kế toán`, `Thủ trưởng đơn vị`, `TM. UBND XÃ`, `KT. CHỦ TỊCH`, `Trưởng thôn`, `Xác nhận của
 * UBND xã`), how (`(Ký, ghi rõ họ tên)`, `(Đã ký)`), and where and when (`Tân Lập, ngày 15
 * tháng 10 năm 2024`). A whole cell, never the start of a longer label.
 */
const SIGNATURE_CELL = new RegExp(
  '^(' +
    [
      'nguoi lap( bieu| danh sach| bang| phieu)?',
      'nguoi (kiem tra|duyet|tong hop|ra soat)',
      'ke toan( truong)?',
      'thu truong( don vi| co quan)?',
      '(tm|kt|tl|q)\\.\\s*\\S.*',
      '(tm|kt) (ubnd|uy ban|ban chi dao|chu tich|truong ban)\\b.*',
      '(pho )?chu tich( ubnd| uy ban nhan dan)?( (xa|phuong|thi tran|huyen))?( .*)?',
      '(pho )?truong (thon|ap|ban|bon|buon|xom|lang|khu pho|to dan pho|khom|khoi|phum|soc|to)( .*)?',
      'xac nhan( cua .*)?',
      '(can bo|cong chuc) (dieu tra|ra soat|giam sat|lao dong|ldtbxh|van hoa|phu trach)( .*)?',
      'dieu tra vien|giam sat vien|giam doc|ban chi dao( .*)?',
      '\\(?\\s*(da ky|ky,? ghi ro ho ten|ky,? ho ten|ky ten(,? dong dau)?|ky,? dong dau(,? ghi ro ho ten)?)\\s*\\)?',
      '([^0-9]*,\\s*)?ngay\\s*[\\d.…/ ]*\\s*thang\\s*[\\d.…/ ]*\\s*nam\\b[\\d.…/ ]*',
    ].join('|') +
    ')[.:]?$',
);

/** A name under a signature (`Nguyễn Văn An`): two to six capitalised words, letters only. */
const SIGNER_NAME = /^(\p{Lu}[\p{Ll}\p{M}]*|\p{Lu}+)(\s+(\p{Lu}[\p{Ll}\p{M}]*|\p{Lu}+)){1,5}$/u;

/** Whether a cell is a signature block's words (`Người lập biểu`, `TM. UBND XÃ`, `(Ký, ghi rõ họ tên)`, a date line). */
export function isSignatureCell(cell: RawCell | undefined): boolean {
  if (typeof cell !== 'string') return false;
  const t = cell.trim();
  return t !== '' && t.length <= 120 && SIGNATURE_CELL.test(foldVietnamese(t).replace(/\s+/g, ' '));
}

/**
 * What a row is as part of a signature block under the households: `'signature'` when every
 * filled cell is a signature block's words (`Người lập biểu` in one column, `TM. UBND XÃ` in
 * another); `'names'`, under such a row, when every filled cell is a signature's words or a name
 * (`Nguyễn Văn An`), none in the household id column unless a signature's words above it are in that
 * column too (`Người lập biểu` printed under Mã hộ, its signer's name under it: `signedColumns`);
 * `'mixed'` when some cell is a signature's words and another is not (a figure, a mark): not a
 * signature row, refused as a household would be, its message naming it as a possible one;
 * undefined otherwise.
 */
export function signatureRowKind(cells: ReadonlyArray<RawCell>, idAt: number, underSignature: boolean, signedColumns: ReadonlySet<number> = NO_COLUMNS): 'signature' | 'names' | 'mixed' | undefined {
  let signs = 0;
  let names = 0;
  let others = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (text(c) === '') continue;
    if (isSignatureCell(c)) signs++;
    else if (underSignature && (i !== idAt || signedColumns.has(i)) && typeof c === 'string' && SIGNER_NAME.test(c.trim().normalize('NFC'))) names++;
    else others++;
  }
  if (signs === 0) return underSignature && names > 0 && others === 0 ? 'names' : undefined;
  if (others > 0) return 'mixed';
  return names > 0 ? 'names' : 'signature';
}

const NO_COLUMNS: ReadonlySet<number> = new Set();

/**
 * The signature blocks under the households of one register: each row read as one
 * ({@link signatureRowKind}), its rows and first words, and the note that names them.
 */
export class SignatureBlocks {
  private block: { rows: number[]; words: string[]; columns: Set<number> } | undefined;
  private readonly rows: number[] = [];

  /**
   * What `cells` (row `row`, the id in column `idAt`) is, the last household read on row
   * `lastHouseholdRow`: a signature or names row is taken into the block (skip it).
   */
  kind(row: number, cells: ReadonlyArray<RawCell>, idAt: number, lastHouseholdRow: number): 'signature' | 'names' | 'mixed' | undefined {
    const b = this.block;
    const under = b !== undefined && b.rows[b.rows.length - 1]! > lastHouseholdRow;
    const sign = signatureRowKind(cells, idAt, under, under ? b.columns : NO_COLUMNS);
    if (sign !== 'signature' && sign !== 'names') return sign;
    if (b === undefined || b.rows[b.rows.length - 1]! < lastHouseholdRow) this.block = { rows: [], words: [], columns: new Set() };
    const block = this.block!;
    block.rows.push(row);
    cells.forEach((c, i) => {
      if (!isSignatureCell(c)) return;
      block.columns.add(i);
      if (sign === 'signature' && block.words.length < 4) block.words.push((c as string).trim());
    });
    this.rows.push(row);
    return sign;
  }

  /** The note on the rows read as a signature block (which rows, the words that told), or undefined for none. */
  note(label: string | undefined): string | undefined {
    const rows = this.rows;
    if (rows.length === 0) return undefined;
    const words = this.block?.words ?? [];
    return `${label !== undefined ? `${label}: ` : ''}${rows.length > 1 ? `rows ${rowRanges(rows)} are` : `row ${rows[0]} is`} a signature block (${words.map((w) => `“${w}”`).join(', ')}${rows.length > 1 ? ', the signers’ names' : ''}), not households: skipped`;
  }
}
