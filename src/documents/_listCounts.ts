import { foldVietnamese, foldVietnameseKeepingLength } from '../text/foldVietnamese.js';
import { readNumberWords } from './_numberWords.js';
import { sentences } from './_proseFigures.js';
import type { CheckedClaim, CheckFinding, FindingLocation, UncheckedItem } from './checkReport.js';
import type { DocumentModel, DocumentParagraph } from './documentModel.js';

/**
 * The things a plan counts and then lists (folded, longest first): “gồm 03 dự án, 10 tiểu dự án”,
 * “04 nhóm giải pháp”, “triển khai 5 nội dung”. Named items (“Dự án 1: …”, “Tiểu dự án 2 …”) are
 * counted by their names anywhere after the count; the others by the list that follows it.
 */
const NOUNS = ['tieu du an', 'du an thanh phan', 'du an', 'nhom giai phap', 'giai phap', 'nhom nhiem vu', 'nhiem vu', 'noi dung', 'chinh sach', 'chi tieu', 'muc tieu', 'linh vuc', 'hoat dong', 'chuong trinh'] as const;
/**
 * Things that are often counted without a list (“huyện có 15 xã”, “đầu tư 5 công trình”): read only
 * when the count leads into a list (a colon after it, “sau”, “như sau”), and then also as a list of
 * names inline (“gồm 3 xã: Tân Lập, Tân Hòa và Tân Phú”). “xã hội” and the committees
 * (“Ban chỉ đạo”) are not counted.
 */
const LISTED_NOUNS = ['nguon von', 'xa(?! hoi)', 'thon, ban', 'thon/ban', 'thon ban', 'thon', 'ban(?! (?:chi dao|quan ly|dai dien|cong tac|dan van|dan toc|van dong|giam sat|hanh|thuong vu|chap hanh|nganh|tuyen giao|to chuc|kinh te|phap che|van hoa))', 'mo hinh', 'cong trinh', 'huyen', 'nhom doi tuong', 'doi tuong'] as const;
const NOUN = [...NOUNS, ...LISTED_NOUNS].join('|');
const isListedNoun = (noun: string): boolean => !(NOUNS as readonly string[]).includes(noun);
/** Words before a count that make it the size of a list: “gồm”, “bao gồm”, “có”, “triển khai”, “thực hiện”, “với”, “tập trung”. */
const LEAD = String.raw`(?:bao gom|gom co|gom|co|trien khai|thuc hien|voi|tap trung(?: vao)?|xac dinh|tu|tren(?: dia ban)?|xay dung|dau tu|nhan rong|ho tro|tai)`;
/** A small count in digits (“03”, “10”) or in words (“ba”, “mười hai”). */
const COUNT = String.raw`(\d{1,2}|(?:(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|lam|tu)\s?){1,3})`;
const COUNTED = new RegExp(String.raw`\b${COUNT}\s*\(?\s*(?:\d{1,2}\s*\)\s*)?(${NOUN})\b`, 'g');
const LED = new RegExp(String.raw`\b(${LEAD}\s+)${COUNT}\s*(${NOUN})\b`);
/** A list item's marker and its kind: “1.”, “1.1.”, “a)”, “-”, “+”, “•”, “(1)”, “I.”. */
const MARKER = /^\s*(?:(\d+(?:\.\d+)*)[.)]|([a-zđ])\)|([-–+•*])|\((\d+)\)|([IVX]+)\.)\s+/i;

interface Item {
  readonly block: number;
  readonly key: string;
}

/** A count printed before a list, with where it is and what it counts. */
interface ListCount {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly count: number;
  readonly noun: string;
  readonly printed: string;
  readonly sentence: string;
}

/** What {@link checkListCounts} gives: the counts read, as checked claims, their findings and those left unchecked. */
export interface ListCountChecks {
  readonly claims: CheckedClaim[];
  readonly findings: CheckFinding[];
  readonly unchecked: UncheckedItem[];
  /** The sentences whose count was checked against its list, as `'block:start'` (0-based block, the sentence's offset), so they are not listed unchecked. */
  readonly read: ReadonlySet<string>;
}

function countValue(printed: string): number | null {
  if (/^\d+$/.test(printed)) return Number(printed);
  const r = readNumberWords(printed.trim().split(/\s+/));
  return 'value' in r && r.value > 0n && r.value < 100n ? Number(r.value) : null;
}

/** The kind of a list marker (`'1'`, `'1.1'`, `'a'`, `'-'`, `'(1)'`, `'I'`), null for a paragraph with none. */
/**
 * The kind of a paragraph's list marker: `1` for “1.”, `1.1` for “1.2.”, `a` for “a)”, `-`, `+`, `(1)`,
 * `I`; `label` for Word's numbering it cannot read, `style` for a Word list style; null for no marker.
 *
 * @example
 * markerKind({ kind: 'paragraph', index: 0, text: '2. Vốn đầu tư …' }) //=> '1'
 */
export function markerKind(p: Pick<DocumentParagraph, 'text' | 'label' | 'style'>): string | null {
  if (p.label !== undefined) {
    const m = MARKER.exec(`${p.label} x`);
    return m === null ? 'label' : kindOf(m);
  }
  const m = MARKER.exec(p.text);
  return m === null ? (/\blist\b/i.test(p.style ?? '') ? 'style' : null) : kindOf(m);
}

/**
 * Whether a list item is its list's parent's sibling: both numbered the same way (“1.” and “2.”,
 * “a)” and “b)”, “I.” and “II.”), so the second is no item of a list the first opens. Bullets
 * (“-”, “+”) are not told apart this way: a plan may bullet a list under a bulleted line.
 *
 * @example
 * numberedSibling('1', '1') //=> true
 * numberedSibling('1', 'a') //=> false
 */
export function numberedSibling(parent: string | null, item: string | null): boolean {
  return parent !== null && parent === item && /^(?:1(?:\.1)*|a|\(1\)|I)$/.test(parent);
}

function kindOf(m: RegExpExecArray): string {
  if (m[1] !== undefined) return m[1].split('.').map(() => '1').join('.');
  if (m[2] !== undefined) return 'a';
  if (m[3] !== undefined) return m[3] === '–' ? '-' : m[3];
  if (m[4] !== undefined) return '(1)';
  return 'I';
}

/** The text of a paragraph after its list marker and emphasis, folded. */
function headOf(p: DocumentParagraph): string {
  return foldVietnamese(p.text.replace(/^[\s#*]+/, '').replace(MARKER, '').replace(/^[\s*]+/, ''));
}

/**
 * Counts printed before a list (“Chương trình gồm 03 dự án, 10 tiểu dự án”, “tập trung vào 04
 * nhóm giải pháp sau:”) checked against the items: named items (“Dự án 1”, “Tiểu dự án 2” under
 * each Dự án) anywhere after the count, each once (a second listing of the same items is not
 * counted again); other items as the list right after the count, at the level of its first item
 * (“1.”, “a)”, “-”; items of a deeper level are not counted), or inline (“(1) …; (2) …”). A count
 * whose list is not found is listed unchecked, never a finding.
 */
export function checkListCounts(model: DocumentModel): ListCountChecks {
  const paras = model.blocks.filter((b): b is DocumentParagraph => b.kind !== 'table');
  const claims: CheckedClaim[] = [];
  const findings: CheckFinding[] = [];
  const unchecked: UncheckedItem[] = [];
  const read = new Set<string>();
  const where = (c: ListCount): FindingLocation => ({ block: c.block + 1, ...(model.blocks[c.block]?.position ?? {}), start: c.start, end: c.end });
  for (const [pi, p] of paras.entries()) {
    for (const c of countsIn(p)) {
      const items = namedItems(paras.slice(pi + 1), c.noun) ?? inlineItems(p.text.slice(c.end)) ?? (isListedNoun(c.noun) ? inlineNames(p.text.slice(c.end)) : null) ?? listAfter(paras, pi, c.noun);
      const summary = `${c.printed}: a list of ${c.count}`;
      if (items === null) {
        const reason = `“${c.printed}”: no list of ${c.noun === 'tieu du an' ? 'Tiểu dự án' : 'items'} found after it to count`;
        unchecked.push({ kind: 'claim', location: where(c), text: c.sentence, reason });
        claims.push({ kind: 'list-count', location: where(c), sentence: c.sentence, summary, status: 'unchecked', note: reason });
        continue;
      }
      const sentence = sentences(p.text).find((x) => x.start <= c.start && c.end <= x.end);
      if (sentence !== undefined) read.add(`${p.index}:${sentence.start}`);
      const blocks = [...new Set(items.map((i) => (i.block < 0 ? c.block : i.block) + 1))];
      const span = blocks.length === 0 ? `block ${c.block + 1}` : blocks.length === 1 ? `block ${blocks[0]!}` : `blocks ${blocks[0]!}–${blocks[blocks.length - 1]!}`;
      if (items.length === c.count) {
        claims.push({ kind: 'list-count', location: where(c), sentence: c.sentence, summary, status: 'consistent', note: `${items.length} items listed (${span})` });
        continue;
      }
      claims.push({ kind: 'list-count', location: where(c), sentence: c.sentence, summary, status: 'finding', note: null });
      findings.push({
        severity: 'error',
        code: 'list-count-mismatch',
        location: where(c),
        text: c.sentence,
        printed: c.printed,
        expected: String(items.length),
        difference: String(c.count - items.length),
        relation: `count of the items listed = ${c.count}`,
        message: `“${c.printed}”: the list that follows has ${items.length} item${items.length === 1 ? '' : 's'} (${span}: ${items.map((i) => i.key).join(', ')}), not ${c.count}`,
      });
    }
  }
  return { claims, findings, unchecked, read };
}

function countsIn(p: DocumentParagraph): ListCount[] {
  const folded = foldVietnameseKeepingLength(p.text);
  // only a count led by “gồm”, “có”, “triển khai”…, and the counts that follow it in its clause (“gồm 03 dự án, 10 tiểu dự án”)
  const led = LED.exec(folded);
  if (led === null) return [];
  const clauseEnd = (() => {
    const m = /[.;:](?!\d)|\btrong do\b/.exec(folded.slice(led.index + led[0].length));
    return m === null ? folded.length : led.index + led[0].length + m.index;
  })();
  const out: ListCount[] = [];
  const seen = new Set<string>();
  COUNTED.lastIndex = led.index;
  for (let m = COUNTED.exec(folded); m !== null && m.index < clauseEnd; m = COUNTED.exec(folded)) {
    const count = countValue(m[1]!.trim());
    const noun = m[2] === 'du an thanh phan' ? 'du an' : /^thon\W*ban$/.test(m[2]!) ? 'thon ban' : m[2]!;
    if (count === null || count < 2 || seen.has(noun)) continue;
    // a place, a source, a work counted: only when a list follows it (“gồm 3 xã:”, “5 mô hình sau”)
    // (not a colon after “trong đó”: the parts of the sentence's figure follow it, “4 huyện, trong đó: xây mới 45 hộ…”)
    if (isListedNoun(noun) && !/^(?:(?!trong do)[^.;:]){0,60}(?::|\b(?:nhu )?sau\s*[:.]?\s*$)/.test(folded.slice(m.index + m[0].length))) continue;
    // the count the lead introduces, or one after a comma or “và” (“gồm 03 dự án, 10 tiểu dự án”)
    if (m.index !== led.index + led[1]!.length && !/(?:,|\bva)\s*$/.test(folded.slice(led.index, m.index))) continue;
    seen.add(noun);
    out.push({ block: p.index, start: m.index, end: m.index + m[0].length, count, noun, printed: p.text.slice(m.index, m.index + m[0].length), sentence: p.text });
  }
  return out;
}

/** “Dự án 1”, “Tiểu dự án 2” (under each “Dự án”) at the head of the paragraphs after the count; null when none is. */
function namedItems(after: readonly DocumentParagraph[], noun: string): Item[] | null {
  if (noun !== 'du an' && noun !== 'tieu du an' && noun !== 'noi dung' && noun !== 'giai phap' && noun !== 'nhom giai phap' && noun !== 'nhiem vu') return null;
  const own = new RegExp(String.raw`^(?:${noun})\s+(\d+)\b`);
  const parent = /^du an\s+(\d+)\b/;
  const items: Item[] = [];
  const keys = new Set<string>();
  let under = '';
  for (const p of after) {
    const head = headOf(p);
    if (noun === 'tieu du an') {
      const d = parent.exec(head);
      if (d !== null) under = d[1]!;
    }
    const m = own.exec(head);
    if (m === null) continue;
    // “Tiểu dự án 1 thuộc Dự án 4”, “Tiểu dự án 2 (Dự án 5)”: its project printed with it
    const of = noun === 'tieu du an' ? /^\s*(?:[(,:–-]\s*)?(?:thuoc\s+)?du an\s+(\d+)\b/.exec(head.slice(m[0].length)) : null;
    if (of !== null) under = of[1]!;
    const key = noun === 'tieu du an' ? `Tiểu dự án ${under === '' ? '' : `${under}.`}${m[1]!}` : `${p.text.replace(/^[\s#*]+/, '').replace(MARKER, '').replace(/^[\s*]+/, '').slice(0, head.indexOf(m[1]!) + m[1]!.length)}`;
    // a second listing of the same items (a budget section by project) ends the count
    if (keys.has(key)) break;
    keys.add(key);
    items.push({ block: p.index, key });
  }
  return items.length === 0 ? null : items;
}

/** “gồm 4 nhóm giải pháp: (1) …; (2) …; (3) …”: items numbered in brackets in the same paragraph. */
function inlineItems(rest: string): Item[] | null {
  if (!/^[^.;]{0,40}:/.test(rest)) return null;
  const numbers = [...rest.matchAll(/(?:^|[\s:;,])\((\d{1,2})\)\s/g)].map((m) => m[1]!);
  if (numbers.length < 2 || numbers[0] !== '1') return null;
  return numbers.filter((n, i) => Number(n) === i + 1).map((n) => ({ block: -1, key: `(${n})` }));
}

/**
 * “gồm 3 xã: Tân Lập, Tân Hòa và Tân Phú.”: names after the colon to the end of the sentence,
 * parted by commas (not a decimal comma), semicolons and “và”; null when the list runs on (“…”,
 * “v.v.”, “và các xã khác”), is empty, or an item is too long to be a name.
 */
function inlineNames(rest: string): Item[] | null {
  const colon = /^[^.;:]{0,60}:\s*/.exec(rest);
  if (colon === null || /trong đó/iu.test(colon[0])) return null;
  const tail = rest.slice(colon[0].length);
  const end = /\.(?!\d)(?:\s|$)|$/.exec(tail)!;
  const list = tail.slice(0, end.index).trim();
  if (list === '' || /\.\.\.|…|\bv\.v\b|\bcác\b[^,;]*\bkhác\b|\bnhư\b|\bthuộc\b|trong đó/iu.test(list)) return null;
  const names = list.split(/,(?!\d)|;|\s+và\s+/u).map((x) => x.trim());
  if (names.length < 2 || names.some((n) => n === '' || n.length > 80)) return null;
  return names.map((n) => ({ block: -1, key: n }));
}

/** The ordinal of a list marker (“3.”, “1.2.” → 2, “c)”, “(4)”, “IV.”), null for a bullet. */
function ordinalOf(p: DocumentParagraph): { readonly latin: number; readonly vietnamese: number } | null {
  const m = MARKER.exec(p.label === undefined ? p.text : `${p.label} x`);
  if (m === null) return null;
  const n = (x: number): { latin: number; vietnamese: number } => ({ latin: x, vietnamese: x });
  if (m[1] !== undefined) return n(Number(m[1].split('.').filter((x) => x !== '').at(-1)));
  if (m[2] !== undefined) {
    const c = m[2].toLowerCase();
    return { latin: 'abcdefghijklmnopqrstuvwxyz'.indexOf(c === 'đ' ? '~' : c) + 1, vietnamese: 'abcdđeghiklmnopqrstuvxy'.indexOf(c) + 1 };
  }
  if (m[4] !== undefined) return n(Number(m[4]));
  if (m[5] !== undefined) {
    const v: Record<string, number> = { I: 1, V: 5, X: 10 };
    const r = m[5].toUpperCase();
    return n([...r].reduce((acc, ch, i) => acc + (v[ch]! < (v[r[i + 1] ?? ''] ?? 0) ? -v[ch]! : v[ch]!), 0));
  }
  return null;
}

/** Whether `next` is numbered right after `prev` (3. after 2., “d)” after “c)”, in either alphabet). */
function follows(prev: DocumentParagraph, next: DocumentParagraph): boolean {
  const a = ordinalOf(prev);
  const b = ordinalOf(next);
  return a !== null && b !== null && ((a.latin > 0 && b.latin === a.latin + 1) || (a.vietnamese > 0 && b.vietnamese === a.vietnamese + 1));
}

/** How deep a marker kind is in a plan's usual outline: I. → 1. → 1.1. → a) → (1) → - → +. */
const depthOf = (kind: string): number => (kind === 'I' ? 0 : /^1/.test(kind) ? kind.split('.').length : kind === 'a' ? 10 : kind === '(1)' ? 11 : kind === '-' ? 12 : 13);
/** Whether a marker kind is of a list under `level` (“1.1” under “1”, a bullet under “a)”). */
const isDeeper = (kind: string, level: string): boolean => depthOf(kind) > depthOf(level);

/** The list right after the paragraph at `pi`: its items at the level of the first one, until a paragraph that is not of the list. */
function listAfter(paras: readonly DocumentParagraph[], pi: number, noun: string): Item[] | null {
  const first = paras[pi + 1];
  if (first === undefined || first.index !== paras[pi]!.index + 1) return null;
  const level = markerKind(first);
  // “… trên địa bàn 8 xã nghèo như sau:” before “I. KẾT QUẢ …”: the document's own parts follow, not a list of places, sources or works
  if (level === null || (level === 'I' && isListedNoun(noun))) return null;
  const items: Item[] = [];
  const after = paras.slice(pi + 1);
  let last: DocumentParagraph = first;
  for (const [k, p] of after.entries()) {
    const kind = markerKind(p);
    if (kind === null) {
      // explanation paragraphs between numbered items: the list goes on when its next item, numbered right after the last, comes next
      const next = after.slice(k + 1).find((q) => markerKind(q) !== null && !isDeeper(markerKind(q)!, level));
      if (next !== undefined && markerKind(next) === level && follows(last, next)) continue;
      break;
    }
    if (kind === level) {
      last = p;
      items.push({ block: p.index, key: (p.label ?? MARKER.exec(p.text)?.[0] ?? '').trim() || `block ${p.index + 1}` });
    }
    // a marker of a higher level (“2.” after a list of “a)” items) ends the list
    else if (kind.length < level.length && /^1/.test(kind) && /^1/.test(level)) break;
  }
  return items.length < 2 ? null : items;
}
