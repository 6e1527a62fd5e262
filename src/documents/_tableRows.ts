import { foldVietnamese } from '../text/foldVietnamese.js';
import { rowNumber, type RowNumber } from './_cellNumber.js';
import type { DocumentTable } from './documentModel.js';
import type { DocumentLayoutRow, DocumentRowRole, DocumentTableLayout, LayoutRelation } from './tableLayout.js';

/** What a row's number and label say about it, before the figures are looked at. */
export interface RowSignal {
  readonly row: number;
  readonly label: string;
  readonly number: RowNumber | null;
  readonly numberText: string;
  readonly hasFigures: boolean;
  /** `'total'`: “Tổng”, “Tổng cộng”, “Cộng”, “Toàn huyện”…; `'group'`: I, II, A, B, “Thành thị”, a parent of 1.1…; `'part'`: “trong đó”. */
  readonly signal: 'total' | 'group' | 'part' | 'item' | 'heading';
  /** Nesting level: letters 0, roman numerals and area groups 1, items 2, nested numbers deeper. */
  readonly level: number;
  /** An unnumbered sub-item of the item row above it, by its label: “- Xã Bình Thành”, or a commune under “Huyện Định Hóa” ({@link withSubRows}). */
  readonly sub?: true;
  /** How far the label is indented (`DocumentCell.indent`), and whether it is bold: what alone may tell a district from its communes. */
  readonly indent?: number;
  readonly bold?: true;
}

// “Bình quân chung”, “Trung bình toàn huyện” close a table as its total does: the rows' counts added up, the rate that of the totals;
// so does a period's row (“Giai đoạn 2022-2024”, “Tổng giai đoạn 2021-2025”) under its years
const TOTAL = /^(tong cong|tong so|tong|cong|toan (tinh|huyen|thi xa|thanh pho|thi tran|quan|xa|phuong)|ca nuoc|chung|binh quan chung|trung binh chung|(binh quan|trung binh) (toan|ca|cua) (tinh|huyen|thi xa|thanh pho|thi tran|quan|xa|phuong|nuoc)|(tong |ca )?giai doan (19|20)\d\d ?[-–] ?(19|20)?\d\d)(?=$|[\s:.(,])/;
/** A period's row under its years (“Giai đoạn 2026-2030”, “Tổng giai đoạn 2021-2025”, “Cả giai đoạn”). */
export const PERIOD_ROW = /^(tong |ca )?giai doan( (19|20)\d\d ?[-–] ?(19|20)?\d\d)?(?=$|[\s:.(,])/;
/** A quantity held at a moment, not a flow over the period (folded): the households, the poor at the end, what remains. */
export const STOCK_HEADER = /\b(cuoi (ky|nam|giai doan)|con lai|tong so ho|so ho dan cu|tong so nhan khau|dan so|hien co)\b/;
/**
 * A row of means under the rows it averages (“Trung bình”, “Bình quân/xã”, “Bình quân mỗi huyện”): its counts
 * are the rows' means, not their sum. (“Bình quân chung” and “Trung bình toàn huyện” are totals, above.)
 */
export const MEAN_ROW = /^(trung binh|binh quan)(\s*(\/|moi|mot|cho|1)?\s*(xa|huyen|thon|ban|to|don vi|ho|nam|dia phuong|tinh))?\s*:?$/;
/** The first words (folded) of a note or signature block under a table: “Ghi chú: 15 hộ …”, “Người lập biểu”, “Nơi nhận”, “KT. CHỦ TỊCH”, “…, ngày 15 tháng 3 năm 2025”. */
// (“Nguồn:” with its colon, “TM.” and “KT.” with their dots: “Nguồn vốn”, “KT-XH” open headers and labels)
export const NOTE_ROW = /^(\*\s*)?(ghi chu\b|chu thich\b|chu y\b|luu y\b|nguon\s*:|nguoi lap\b|nguoi ky\b|noi nhan\b|thu truong\b|giam doc\b|chu tich\b|tm\.|kt\.|xac nhan\b|ky ten\b|([^0-9]*, )?ngay\s+\d*\s*thang\b)/;
const GROUP_LABEL = /^(thanh thi|nong thon|khu vuc|vung|nhom)(?=$|[\s:.(,])/;
const PART = /^(trong do|trong so do|gom|bao gom|chia ra)(?=$|[\s:.(,])/;

/** Reads the signal of a data row from its number and label. */
export function rowSignal(row: number, numberText: string, label: string, hasFigures: boolean): RowSignal {
  // “3.1” typed into a spreadsheet is the number 3.1, which a Vietnamese reader prints “3,1”: in a row-number column it is 3.1
  const number = rowNumber(numberText.trim().replace(/^(\d{1,3}),(\d{1,2})$/, '$1.$2'));
  // a bullet before the words (“- Trong đó: hộ DTTS”, “+ Cộng huyện”) is no part of them
  const folded = foldVietnamese(label).replace(/^[-–—+*•·]+\s*/u, '');
  let signal: RowSignal['signal'];
  let level = 2;
  if (MEAN_ROW.test(folded)) {
    // it closes the rows above it as a total does (a total after it does not add it up); its role is read from its figures
    signal = 'total';
    level = -1;
  } else if (TOTAL.test(folded) && !/^cong (dong|tac|trinh|an|nghe|viec|khai|nhan|ty|suat|chuc)/.test(folded)) {
    signal = 'total';
    level = -1;
  } else if (PART.test(folded)) {
    signal = 'part';
    level = 3;
  } else if (number?.kind === 'letter' && number.upper) {
    signal = 'group';
    level = 0;
  } else if (number?.kind === 'roman' || GROUP_LABEL.test(folded)) {
    signal = 'group';
    level = 1;
  } else if (!hasFigures) {
    signal = 'heading';
    level = number === null ? 1 : number.kind === 'nested' ? 1 + number.parts.length : 2;
  } else {
    signal = 'item';
    level = number?.kind === 'nested' ? 1 + number.parts.length : number?.kind === 'letter' ? 3 : 2;
  }
  return { row, label, number, numberText, hasFigures, signal, level };
}

/** A dash or bullet in the number column (“-”, “+”, “•”): a sub-item of the numbered row above it. */
const BULLET = /^[-–—+*•·]$/u;

/** Is the row's number cell a dash or bullet (“-”, “+”), or its label a sub-item's ({@link withSubRows}), the mark of a sub-item? */
export function isBulletRow(s: RowSignal): boolean {
  return s.number === null && (BULLET.test(s.numberText.trim()) || s.sub === true);
}

/** A label marked as a sub-item by a dash or bullet before its words (“- Xã Bình Thành”, “+ Thôn 3”). */
const LABEL_BULLET = /^[-–—+•·]\s*\S/u;

/** The administrative level a label names (folded): district 1 (“Huyện”, “Quận”, “Thị xã”, “Thành phố”), commune 2 (“Xã”, “Phường”, “Thị trấn”), village 3; else null. */
function placeLevel(folded: string): number | null {
  if (/^(huyen|quan|thi xa|thanh pho|tp\.?)\s/.test(folded)) return 1;
  if (/^(xa|phuong|thi tran|tt\.?)\s/.test(folded)) return 2;
  if (/^(thon|ban|ap|xom|to dan pho|khu pho|buon|lang)\s/.test(folded)) return 3;
  return null;
}

/**
 * Unnumbered rows that are sub-items of the item row above them by their labels: a dash before the
 * words (“- Xã Bình Thành” under “Huyện Định Hóa”), or a lower administrative level than the
 * row they follow (the communes under their district, printed indented or not): one level below it,
 * as a dash in the number column makes them; or, when nothing else tells them apart, a label
 * indented further than the row above it (leading spaces, a spreadsheet's indent) or printed in a
 * plain font under a bold one ({@link setOffParents}). A district row is then the sum of its
 * communes and the total the sum of the communes, never of every row.
 */
export function withSubRows(signals: readonly RowSignal[]): RowSignal[] {
  let parent: RowSignal | null = null;
  const setOff = setOffParents(signals);
  return signals.map((s, i) => {
    if (s.signal !== 'item') {
      parent = null;
      return s;
    }
    const folded = foldVietnamese(s.label);
    const dashed = LABEL_BULLET.test(s.label.trim());
    const place = placeLevel(folded.replace(/^[-–—+•·]+\s*/u, ''));
    const parentPlace = parent === null ? null : placeLevel(foldVietnamese(parent.label));
    const unnumbered = s.number === null && s.numberText === '' && s.hasFigures;
    const sub = unnumbered && parent !== null && (dashed || (place !== null && parentPlace !== null && place > parentPlace) || setOff.get(i) === parent);
    if (sub) return { ...s, sub: true, level: Math.max(s.level, parent!.level + 1) };
    parent = dashed ? null : s;
    return s;
  });
}

/**
 * The rows set apart from the row above them only by how their labels are printed: indented further
 * (when the table's item labels are indented two ways or more) or, else, plain under a bold row (when
 * some item labels are bold and others not). Each such row maps to the row it falls under. None unless
 * two rows at least fall under one row, or rows under two rows: a label with a stray leading space is
 * no structure.
 */
function setOffParents(signals: readonly RowSignal[]): Map<number, RowSignal> {
  const items = signals.filter((s) => s.signal === 'item' && s.hasFigures);
  const indents = new Set(items.map((s) => s.indent ?? 0));
  const bolds = items.filter((s) => s.bold === true).length;
  const by: ((s: RowSignal, p: RowSignal) => boolean) | null =
    indents.size >= 2 ? (s, p) => (s.indent ?? 0) > (p.indent ?? 0) : bolds > 0 && bolds < items.length ? (s, p) => p.bold === true && s.bold !== true : null;
  const out = new Map<number, RowSignal>();
  if (by === null) return out;
  let parent: RowSignal | null = null;
  signals.forEach((s, i) => {
    if (s.signal !== 'item') parent = null;
    else if (parent !== null && s.number === null && s.numberText === '' && by(s, parent)) out.set(i, parent);
    else parent = s;
  });
  return out.size >= 2 ? out : new Map();
}

/** How a row's figures compare with the row above it: in how many columns both print, and in how many they are equal. */
export interface PartFit {
  readonly of: number;
  readonly equal: number;
}

/**
 * Rows that are parts of the row they break down (*trong đó*), by their labels and, when only a
 * bullet tells them, by their figures: the rows with a bullet (“- Hộ DTTS”, “+ Hộ nghèo DTTS”, a
 * “-” in the number column) right after a heading “Trong đó:” (or “Chia ra:”) that prints no figure;
 * and one row with a bullet right under an item, naming no place, that is not its copy in most
 * columns (one sub-row is no sum: “Xã An Phú” then “+ Hộ DTTS”). Two sub-rows or more under an item
 * are left to be read as its breakdown (a project over its sub-projects, a district over its
 * communes). A part is never added into a total; it is at most the row it breaks down.
 *
 * @param fit - how the figures of data row `part` compare with those of data row `whole`.
 */
export function withPartRows(signals: readonly RowSignal[], fit: (part: number, whole: number) => PartFit): RowSignal[] {
  const out = [...signals];
  // a bullet printed (in the number column or before the words), not a sub-row told by its indent or its place
  const bulleted = (s: RowSignal | undefined): boolean => s !== undefined && s.signal === 'item' && s.number === null && (BULLET.test(s.numberText.trim()) || LABEL_BULLET.test(s.label.trim()));
  for (let i = 0; i < out.length; i++) {
    const s = out[i]!;
    if (s.signal === 'part' && !s.hasFigures) {
      for (let k = i + 1; bulleted(out[k]) || (out[k]?.signal === 'item' && out[k]!.sub === true); k++) out[k] = { ...out[k]!, signal: 'part', level: 3 };
      continue;
    }
    const next = out[i + 1];
    if (s.signal !== 'item' || !s.hasFigures || bulleted(s) || s.sub === true || !bulleted(next) || !next!.hasFigures || bulleted(out[i + 2]) || out[i + 2]?.sub === true) continue;
    if (placeLevel(foldVietnamese(next!.label).replace(/^[-–—+•·]+\s*/u, '')) !== null) continue;
    const f = fit(i + 1, i);
    if (f.of > 0 && f.equal * 2 < f.of) out[i + 1] = { ...next!, signal: 'part', level: 3 };
  }
  return out;
}

/**
 * Lettered items take their depth from the numbered row above them: “a”, “b” under “1.1” sit one
 * level below it (not beside “1.2”), as programme tables print items under a sub-project; so do
 * rows marked with a dash (“-”, “+”) under a numbered row (“- Tiểu dự án 1” under “3 | Dự án 3”),
 * one level below the row they follow.
 */
export function withLetterLevels(signals: readonly RowSignal[]): RowSignal[] {
  let parent: RowSignal | null = null;
  let above: RowSignal | null = null;
  return signals.map((s) => {
    if (s.number !== null && s.number.kind !== 'letter') parent = s;
    if (s.number !== null) above = s;
    if (s.signal === 'item' && isBulletRow(s) && above !== null && above.signal === 'item' && s.hasFigures) {
      return { ...s, level: Math.max(s.level, above.level + 1) };
    }
    if (s.signal !== 'item' || s.number?.kind !== 'letter' || s.number.upper || parent === null) return s;
    return { ...s, level: Math.max(s.level, parent.level + 1) };
  });
}

/** The numbered row right below `i` sits deeper than it (1 → 1.1, 1.1 → a): `i` adds up children. */
export function hasChildRow(signals: readonly RowSignal[], i: number): boolean {
  const s = signals[i]!;
  const next = signals[i + 1];
  if (next !== undefined && (s.number !== null || next.sub === true) && next.signal === 'item' && isBulletRow(next)) return next.level > s.level;
  if (next === undefined || s.number === null || s.number.kind === 'letter' || next.number === null || next.signal !== 'item') return false;
  if (next.number.kind === 'nested') return isChildNumber(s.number, next.number);
  return next.number.kind === 'letter' && !next.number.upper && next.level > s.level;
}

/** A group its own number or words call one (“II”, “B”, “Khu vực nông thôn”), not one guessed from its place above numbered rows. */
export function namedGroup(s: RowSignal): boolean {
  if (s.signal !== 'group') return false;
  return s.number?.kind === 'roman' || (s.number?.kind === 'letter' && s.number.upper) || GROUP_LABEL.test(foldVietnamese(s.label));
}

/** A candidate set of rows a subtotal or total adds up, and how it was found. */
export interface Coverage {
  readonly rows: readonly number[];
  readonly how: 'following' | 'preceding' | 'all-items' | 'top-items' | 'groups' | 'children';
}

/**
 * The candidate sets of rows a row may add up, most likely first for its signal: a group row the
 * items after it, a “Cộng” row the items before it, a total every item, or the group rows.
 */
export function coverageCandidates(signals: readonly RowSignal[], at: number): Coverage[] {
  const s = signals[at]!;
  // an item with children (1 → 1.1, 1.2; 1.1 → a, b) is a parent, not a leaf
  const leaf = (i: number): boolean => signals[i]!.signal === 'item' && !hasChildRow(signals, i);
  const out: Coverage[] = [];
  const following: number[] = [];
  for (let i = at + 1; i < signals.length; i++) {
    const x = signals[i]!;
    // (a group's rows end at the next row at its level, a Roman row read as an item included)
    if (x.signal === 'total' || ((x.signal === 'group' || x.signal === 'heading' || s.signal === 'group') && x.level <= s.level)) break;
    if (leaf(i)) following.push(x.row);
  }
  const preceding: number[] = [];
  for (let i = at - 1; i >= 0; i--) {
    const x = signals[i]!;
    if (x.signal === 'total' || x.signal === 'group' || x.signal === 'heading') break;
    if (leaf(i)) preceding.unshift(x.row);
  }
  const allItems = signals.filter((_, i) => leaf(i)).map((x) => x.row);
  const topItems = topLevelItems(signals);
  const topGroups = (() => {
    const groups = signals.filter((x) => x.signal === 'group');
    if (groups.length === 0) return [];
    const top = Math.min(...groups.map((g) => g.level));
    return groups.filter((g) => g.level === top).map((g) => g.row);
  })();
  const children: number[] = [];
  if ((s.number !== null || signals[at + 1]?.sub === true) && signals[at + 1] !== undefined && isBulletRow(signals[at + 1]!) && signals[at + 1]!.level > s.level) {
    // the dashed rows right below a numbered row (“- Tiểu dự án 1”, “- Tiểu dự án 2” under “3”)
    for (let i = at + 1; i < signals.length && isBulletRow(signals[i]!) && signals[i]!.level > s.level; i++) children.push(signals[i]!.row);
  } else if (s.number !== null && s.number.kind !== 'letter') {
    // the rows one level down, up to the next row at this level: 1.1 and 1.2 under 1 (not 1.1's a, b)
    const childLevel = signals[at + 1]?.level;
    for (let i = at + 1; i < signals.length; i++) {
      const x = signals[i]!;
      if (x.number === null || x.level <= s.level || (x.number.kind === 'nested' ? !isChildNumber(s.number, x.number) : x.number.kind !== 'letter')) break;
      if (x.number.kind === 'nested' ? x.number.parts.length === depthOf(s.number) + 1 : x.level === childLevel) children.push(x.row);
    }
  }
  const add = (rows: number[], how: Coverage['how']): void => {
    if (rows.length > 0 && !out.some((o) => o.rows.length === rows.length && o.rows.every((r, i) => r === rows[i]))) out.push({ rows, how });
  };
  if (s.signal === 'total') {
    if (s.label !== '' && /^cong\b/.test(foldVietnamese(s.label))) add(preceding, 'preceding');
    // a budget's projects over their sub-projects: the total adds up the projects (“Dự án 4”, not 4.1, 4.2, 4.3 too)
    add(topItems, 'top-items');
    add(allItems, 'all-items');
    add(topGroups.filter((g) => g !== s.row), 'groups');
    add(following, 'following');
    add(preceding, 'preceding');
  } else {
    add(children, 'children');
    add(following, 'following');
    // a Roman group over rows of its own (“II” over its 1, 2) never adds up the rows of the group before it
    if (!(namedGroup(s) && following.length > 0)) add(preceding, 'preceding');
  }
  return out;
}

/**
 * The items at the top of a hierarchy of numbered rows — the projects “1”…“7” over their sub-projects “3.1”,
 * “4.1”…, “a)”, “-” — when some of them have children and every other item sits under one of them; else none
 * (a table with groups, or no hierarchy, is added up another way).
 */
function topLevelItems(signals: readonly RowSignal[]): number[] {
  if (signals.some((x) => x.signal === 'group' || x.signal === 'heading')) return [];
  const items = signals.map((x, i) => ({ x, i })).filter(({ x }) => x.signal === 'item');
  if (items.length < 2) return [];
  const top = Math.min(...items.map(({ x }) => x.level));
  let parents = 0;
  let under = false;
  for (const { x, i } of items) {
    if (x.level === top) {
      under = hasChildRow(signals, i);
      if (under) parents++;
    } else if (!under) return [];
  }
  return parents === 0 ? [] : items.filter(({ x }) => x.level === top).map(({ x }) => x.row);
}

function depthOf(n: RowNumber): number {
  return n.kind === 'nested' ? n.parts.length : 1;
}

/** `1.2` is a child of `1`, `1.2.3` of `1.2`. */
function isChildNumber(parent: RowNumber, child: RowNumber): boolean {
  if (child.kind !== 'nested') return false;
  const p = parent.kind === 'arabic' ? [parent.value] : parent.kind === 'nested' ? parent.parts : null;
  if (p === null || child.parts.length <= p.length) return false;
  return p.every((v, i) => child.parts[i] === v);
}

/** The layout role a signal becomes when its sum is (or is not) confirmed. */
export function roleOf(signal: RowSignal['signal'], confirmed: boolean): DocumentRowRole {
  if (signal === 'total') return 'total';
  if (signal === 'group') return confirmed ? 'subtotal' : 'heading';
  if (signal === 'part') return 'part';
  if (signal === 'heading') return 'heading';
  return confirmed ? 'subtotal' : 'item';
}

/** A row in the 1, 2, 3… sequence: an item, or a numbered project that adds up its sub-projects (“1” over 1.1, 1.2). */
export function inNumberSequence(r: DocumentLayoutRow): boolean {
  return (r.role === 'item' || r.role === 'subtotal') && r.number !== undefined && /^\d+$/.test(r.number);
}

/** A row that restarts the numbering when it restarts per group: a subtotal or heading outside the sequence (“II”, “Huyện Đại Từ”). */
export function startsNumberGroup(r: DocumentLayoutRow): boolean {
  return (r.role === 'subtotal' || r.role === 'heading') && !inNumberSequence(r);
}

/** Is the cell at grid row `row`, column `col` blank (or covered by a merge from a row above)? */
export function blankCell(table: DocumentTable, row: number, col: number): boolean {
  const cell = table.rows[row]?.[col];
  return cell === undefined || (cell.mergedInto !== undefined && cell.mergedInto.row !== row) || cell.text.trim() === '';
}

/** The keys of the columns a layout relation reads (none for numbering, which reads row numbers). */
export function relationColumns(rel: LayoutRelation): string[] {
  switch (rel.type) {
    case 'difference':
      return [rel.column, rel.from, ...rel.minus, ...(rel.plus ?? [])];
    case 'sum':
      return [rel.column, ...rel.parts];
    case 'average':
      return [rel.column, ...rel.parts, ...(rel.minus ?? [])];
    case 'rate':
      return [rel.column, rel.count, rel.base, ...(rel.minus === undefined ? [] : [rel.minus])];
    case 'part-of':
    case 'row-change':
      return [rel.column, rel.of];
    case 'product':
      return [rel.column, ...rel.factors];
    case 'numbering':
    case 'non-negative':
      return [];
  }
}

/**
 * The grid rows of a layout where every cell a relation reads is blank (a period's row of a table of
 * indicators, left blank for the counts of households and the rates): nothing is printed there to
 * check, so the relation does not apply, rather than each blank cell being a figure missing.
 */
export function silentRows(table: DocumentTable, layout: DocumentTableLayout, rel: LayoutRelation): ReadonlySet<number> {
  const keys = relationColumns(rel);
  const cols = layout.columns.filter((c) => keys.includes(c.key)).map((c) => c.col);
  const out = new Set<number>();
  if (cols.length === 0) return out;
  for (const r of layout.rows) {
    if (cols.every((c) => blankCell(table, r.row, c))) out.add(r.row);
  }
  return out;
}
