import type { ProseFigure } from './_proseFigures.js';
import { placesNamed, placesOfFigure } from './_placeNames.js';

/** Words before a rate that make it a poverty rate (“tỷ lệ hộ nghèo cuối năm 2026 là”) and not a change of it (“giảm tỷ lệ hộ nghèo 1,5%”). */
export const RATE_BEFORE = /(?<!\b(?:giam|tang|ha)\s)\bt[yi] le (?:ho )?(can ngheo|ngheo)\b(?:(?!\bgiam\b|\btang\b|\bbinh quan\b|\bchiem\b|\bso voi\b|\bthieu hut\b)[^%;\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,70}$/;
/** Words before a household count that make it the stock of a place (“xã Tân Lập còn 45 hộ nghèo”), not a change or a part of it. */
const NOT_A_STOCK = /\b(giam|tang|them|thoat|phat sinh|tai ngheo|trong do|trong so|gom|bao gom|rieng|thuoc|binh quan|chiem|ho tro|duoc)\b/;
/** What follows a place's household count: the households, then the end of the clause or its rate (“45 hộ nghèo, chiếm 8,33%”). */
const STOCK_AFTER = /^\s*(can ngheo|ngheo|dan cu|dan)?\s*(?:$|[,.;:()]|\b(?:chiem|tuong duong|voi t[yi] le|t[yi] le|giam|tang|so voi)\b)/;
/** The poor and near-poor households counted together (“tổng số hộ nghèo và hộ cận nghèo”, “hộ nghèo, cận nghèo”): a stock of neither. */
const BOTH_STATUSES = /\b(?:can ngheo|ngheo)\s*(?:va|,|\+|\/)\s*(?:ho\s+)?(?:can ngheo|ngheo)\b/;
/** Words before a household count that name the households (“số hộ nghèo của xã Tân Lập là”, “tổng số hộ:”). */
const COUNT_BEFORE = /\b(?:tong )?so ho( can ngheo| ngheo| dan cu)?\b(?:[^%;\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,60}(?:\bla|\bco|:)\s*$/;
/**
 * Which households a place's count is of (“xã Tân Lập còn 45 hộ nghèo”, “số hộ nghèo của thôn 5
 * là 23 hộ”, “xã A có 540 hộ dân cư”), null when the figure is not such a stock: a change, a part
 * (“trong đó”), a flow or a share.
 */
export function stockCount(f: ProseFigure, before: string, after: string): 'poor' | 'near-poor' | 'households' | null {
  if (f.dimension !== 'households' || f.decimals !== 0) return null;
  // a clause ends at “;”, “,” and a “:” with words after it (“Số hộ nghèo: 45 hộ” keeps its words)
  const colon = /:\s*$/.test(before) ? before.lastIndexOf(':', before.lastIndexOf(':') - 1) : before.lastIndexOf(':');
  const clause = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf(','), colon) + 1);
  if (NOT_A_STOCK.test(clause) || BOTH_STATUSES.test(clause)) return null;
  const next = STOCK_AFTER.exec(after);
  if (next === null) return null;
  const named = COUNT_BEFORE.exec(clause);
  const words = next[1] ?? (named === null ? undefined : named[1]?.trim() ?? 'dan cu');
  if (words === undefined) return null;
  return words === 'can ngheo' ? 'near-poor' : words === 'ngheo' ? 'poor' : 'households';
}


/**
 * A moment and its year (“đầu năm 2025”, “cuối năm 2024”, “cuối kỳ 2025”), not a half of it (“6 tháng đầu năm
 * 2025”): the last before a figure dates it. Without its year (“…; số hộ nghèo cuối năm là 4.215 hộ”) it is of the
 * year of the dated moment before it in the sentence, and of none when there is none.
 */
const MOMENT_YEAR = /(?<!\bthang )\b(dau|cuoi) (?:nam|ky)\b(?!\s+hoc\b)(?:\s+((?:19|20)\d\d)\b)?/g;
/** A plan, a target, an estimate or another standard: its figures are not the record of a moment. */
const NOT_A_RECORD = /\b(phan dau|ke hoach|chi tieu|muc tieu|du kien|uoc|du bao|giao|so bo|tam tinh|dieu chinh|neu|chuan ngheo (?:cu|moi)|theo chuan cu)\b/;
/** Words that narrow a sentence to a part of the area or of the households no place name says. */
export const NARROWED = /\b(dan toc|dtts|dong bao|dac biet kho khan|vung|khu vuc|cac xa|cac thon|cac ban|thon|ban|xom|ap|mien nui|bai ngang|ven bien|phu nu|nguoi cao tuoi|khuyet tat|co cong|bao tro|chinh sach|nhom|lao dong|tre em)\b/;

/** A household count or a poverty rate printed for one moment of one year (“Đầu năm 2025, toàn xã có 145 hộ nghèo”). */
export interface StockFigure {
  readonly kind: 'count' | 'rate';
  readonly subject: 'poor' | 'near-poor' | 'households';
  readonly stage: 'start' | 'end';
  readonly year: string;
  /** The places or parts of the area it is of (keys of `placesNamed`, joined), `''` for the document's own area. */
  readonly places: string;
  readonly figure: ProseFigure;
}

/**
 * The stocks a sentence prints for a moment it dates (“đầu năm 2025”, “cuối năm 2024”): household
 * counts (“có 145 hộ nghèo”, “số hộ nghèo … là 154 hộ”) and poverty rates (“tỷ lệ hộ nghèo … là
 * 6,50%”, or the rate of such a count: “…, chiếm 6,50%”), with the place named before each.
 * Nothing of a plan, a target, an estimate, a part (“trong đó”), a change, or a part of the area or
 * of the households no row or place name says (“hộ DTTS”, “các thôn”).
 *
 * @param text - the sentence as printed; `folded` its `foldVietnameseKeepingLength` form; `figures` its figures (offsets in the sentence).
 */
export function stockFigures(text: string, folded: string, figures: readonly ProseFigure[]): StockFigure[] {
  if (NOT_A_RECORD.test(folded)) return [];
  const out: StockFigure[] = [];
  let lastCount: StockFigure | null = null;
  for (const f of figures) {
    if (f.qualifier !== null || f.range !== undefined || f.outOf !== undefined || f.scale !== undefined) {
      lastCount = null;
      continue;
    }
    const before = folded.slice(0, f.start);
    const moments = [...before.matchAll(MOMENT_YEAR)];
    const last = moments[moments.length - 1];
    const year = last === undefined ? undefined : (last[2] ?? moments.slice(0, -1).reverse().find((m) => m[2] !== undefined)?.[2]);
    const moment = last === undefined || year === undefined ? undefined : { index: last.index, text: last[0], stage: last[1]!, year };
    // another year between the moment and the figure (“… so với năm 2024 (165 hộ)”): not of that moment
    // …nor after words that move it (“So với đầu năm 2026 (420 hộ), … giảm 38 hộ, còn 382 hộ”): “còn” only keeps the end of a year
    const since = moment === undefined ? '' : before.slice(moment.index + moment.text.length);
    const moved = moment !== undefined && (/\b(so voi|giam|tang|den nay|hien nay|hien tai)\b/.test(since) || (moment.stage === 'dau' && /\bcon\b/.test(since)));
    const dated = moment !== undefined && !moved && !/(?<!\d)(?:19|20)\d\d(?!\d)/.test(since) ? moment : undefined;
    // “…, thành thị là 2,00%”: the next place's rate of the measure before
    const listed = f.dimension === 'percent' ? nextInRateList(text, folded, figures, f) : null;
    const places = listed?.places ?? placesOfFigure(text.slice(0, f.start));
    const own = places.length === 0 && !NARROWED.test(before) && !capitalisedName(text.slice(0, f.start));
    if (dated === undefined || (places.length === 0 && !own)) {
      lastCount = null;
      continue;
    }
    const at = { stage: dated.stage === 'dau' ? 'start' : 'end', year: dated.year, places: [...new Set(places)].sort().join('|') } as const;
    if (f.dimension === 'households') {
      const subject = stockCount(f, before, folded.slice(f.end));
      lastCount = subject === null ? null : { kind: 'count', subject, ...at, figure: f };
      if (lastCount !== null) out.push(lastCount);
      continue;
    }
    if (f.dimension !== 'percent' || f.unitText !== '%') {
      lastCount = null;
      continue;
    }
    const rate = RATE_BEFORE.exec(before) ?? listed?.rate ?? null;
    // “145 hộ nghèo, chiếm 6,50%”: the rate of the count before it, not a share of the poor (“chiếm 40% tổng số hộ nghèo”)
    const ofCount = lastCount !== null && lastCount.subject !== 'households' && /^\s*(?:can ngheo|ngheo)?\s*[,(]\s*(?:chiem|chiem t[yi] le|t[yi] le)\s*$/.test(folded.slice(lastCount.figure.end, f.start)) && !/^\s*(?:so voi |cua |tren )?(?:tong )?(?:so|dan so|nhan khau)\b/.test(folded.slice(f.end, f.end + 30)) ? lastCount : null;
    // “tỷ lệ hộ nghèo đa chiều” is sometimes of the poor and near-poor together
    if (rate !== null && !/\bda chieu\b/.test(before.slice(rate.index)) && !BOTH_STATUSES.test(before.slice(rate.index))) out.push({ kind: 'rate', subject: rate[1] === 'can ngheo' ? 'near-poor' : 'poor', ...at, figure: f });
    else if (ofCount !== null) out.push({ ...ofCount, kind: 'rate', figure: f });
    lastCount = null;
  }
  return out;
}

/** Between two rates of a list: the end of one item, the next place's name, “là” or “:” (“6,21%, thành thị là ”, “; xã Tân Lập: ”). */
const NEXT_ITEM = /^\s*[,;]\s*(?:va\s+|con\s+|o\s+|tai\s+)?[^\d%;,.()]{1,50}?(?:\s+la|\s*:)?\s*$/;

/** Words that make the next figure a change, a comparison or a target, not the next place's rate. */
const NOT_A_RATE = /\b(giam|tang|ha|chiem|so voi|binh quan|dat|vuot|gap|cao hon|thap hon|muc tieu|phan dau|ke hoach|chi tieu|du kien)\b/;

/**
 * “Tỷ lệ hộ nghèo khu vực nông thôn là 6,21%, thành thị là 2,00%”: a rate after another in a list,
 * the same measure for the next place. Given the figures of a sentence (offsets in `folded`, its
 * folded text from the sentence's start), the measure's words before the first rate of the list
 * ({@link RATE_BEFORE}) and the places the words between the two rates name (none for “toàn tỉnh”,
 * the whole area); null when `f` does not follow a poverty rate that way, or the words between name
 * no place nor the whole area.
 *
 * @param text - the sentence as printed, from its start.
 * @param folded - the same, folded.
 * @param figures - the sentence's figures.
 * @param f - the rate read.
 * @returns the measure of the list and the item's places, or null.
 * @example
 * // “Tỷ lệ hộ nghèo khu vực nông thôn là 6,21%, thành thị là 2,00%”, the second rate
 * // → { rate: [… 'ngheo'], places: ['thanh thi'] }
 */
export function nextInRateList(text: string, folded: string, figures: readonly ProseFigure[], f: ProseFigure): { rate: RegExpExecArray; places: string[] } | null {
  const i = figures.indexOf(f);
  const g = i > 0 ? figures[i - 1]! : undefined;
  if (g === undefined || g.dimension !== 'percent' || f.dimension !== 'percent' || g.qualifier !== null || g.range !== undefined) return null;
  const between = folded.slice(g.end, f.start);
  if (!NEXT_ITEM.test(between) || NOT_A_RATE.test(between)) return null;
  // “…, toàn tỉnh là 4,60%”: the whole area, no place (a table's total row)
  const places = placesNamed(text.slice(g.end, f.start));
  if (places.length === 0 && !/\b(?:toan|ca|chung) (?:xa|phuong|thi tran|huyen|thi xa|quan|thanh pho|tinh)\b/.test(between)) return null;
  const rate = RATE_BEFORE.exec(folded.slice(0, g.start)) ?? nextInRateList(text, folded, figures, g)?.rate ?? null;
  return rate === null ? null : { rate, places };
}

/** A capitalised word inside the text (not its first word, nor an acronym: “UBND”): a name no kind word says (“- Nà Lừa: …”). */
function capitalisedName(text: string): boolean {
  const words = text.normalize('NFC').replace(/^[\s\-+•*]*(?:[a-zđ0-9]{1,3}[.)]\s*)?/iu, '').split(/[\s,;:()]+/).filter((w) => w !== '');
  return words.slice(1).some((w) => /^\p{Lu}/u.test(w) && !/^[\p{Lu}\d]+$/u.test(w));
}
