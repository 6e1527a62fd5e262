import { deepFreeze } from '../_internal/_freeze.js';
import { VnPovertyError } from '../errors/VnPovertyError.js';
import { targetFromText, type ReductionTarget, type TargetSubject } from '../targets/reductionTarget.js';
import { compareFractions, fraction, type Fraction } from '../numbers/fraction.js';
import { foldVietnamese, foldVietnameseKeepingLength } from '../text/foldVietnamese.js';
import { ambiguousFigures, commonValue, isEnglishFormat, proseFigures, qualified, sentences, wordFigures, type FigureDimension, type ProseFigure } from './_proseFigures.js';
import type { DocumentModel } from './documentModel.js';
import { groupOfTotal, overlappingGroups } from './_overlappingGroups.js';
import { fractionShares } from './_fractionShares.js';
import { markerKind, numberedSibling } from './_listCounts.js';
import { sharesAfterTotal } from './_sharesAfterTotal.js';
import { changesSinceEarlierStart, sharesOfEarlierStart, subjectAfter } from './_startBefore.js';
import { nearPoorFlows } from './_nearPoorFlows.js';
import { cutsBeforeTheirStart } from './_cutsBeforeStart.js';
import { labeledFlows } from './_labeledFlows.js';
import { netChanges } from './_netChanges.js';
import { NARROWED } from './_stockFigures.js';
import { amongTotals, changesFromLineBefore, countAverages, grandTotals, namedShares, percentsOfNamed, splitOfLineBefore, type StatedContext } from './_statedSums.js';
import { areaOfBase, areaOfFigure, placesOfFigure, type NamedArea } from './_placeNames.js';
import { sectionYear, startYearOf, yearOfSentence } from './_yearStart.js';

/** Where a claim's text is: a block (0-based) and character offsets in its text. */
export interface TextLocation {
  readonly block: number;
  readonly start: number;
  readonly end: number;
}

/** A figure of a claim: as printed, where it is, and what it measures. */
export interface ClaimFigure {
  readonly text: string;
  readonly location: TextLocation;
  readonly dimension: FigureDimension;
  readonly figure: ProseFigure;
  /** For a part: the words that name it (`'Ngân sách trung ương'`). */
  readonly label?: string;
  /** For a part: the share of the total it is printed to be (“… chiếm 64%, tương đương 48.000 tỷ đồng”). */
  readonly share?: ClaimFigure;
}

interface ClaimBase {
  /** The sentence the claim was read from. */
  readonly sentence: string;
  readonly location: TextLocation;
}

/** “Tổng …: X, trong đó: A; B; C”: a total printed with its parts (“trong đó”, “bao gồm”, “gồm”). */
export interface TotalWithPartsClaim extends ClaimBase {
  readonly kind: 'total-with-parts';
  /** The word that introduces the parts, as printed. */
  readonly connective: string;
  readonly total: ClaimFigure;
  readonly parts: readonly ClaimFigure[];
  /**
   * For “Vốn đầu tư phát triển 864 tỷ đồng (chiếm 70,02% tổng vốn)” with the total printed in
   * another paragraph (“Tổng vốn … là 1.234 tỷ đồng”): the total is the document's one total of
   * that kind, and only the parts' shares of it are checked, not their sum.
   */
  readonly totalElsewhere?: true;
  /**
   * The parts are groups among the total, not a split of it: each printed with its own share
   * (“1.842 hộ dân cư, trong đó có 97 hộ nghèo, chiếm 5,27% và 134 hộ cận nghèo, chiếm 7,27%”), or
   * poverty statuses among all households (hộ nghèo, hộ cận nghèo among hộ dân cư). Such parts may
   * add up to less than the total; only more is a finding.
   */
  readonly subsets?: true;
  /**
   * The parts are groups that may overlap, naming different traits (“lao động nữ 280 người; lao
   * động là người dân tộc thiểu số 190 người”): their sum may exceed the total, each part alone may not.
   */
  readonly overlapping?: true;
}

/** “tỷ lệ P% (tương đương N hộ)”, “N hộ, chiếm P%”: a count printed with its rate but not its base. */
export interface RateCountClaim extends ClaimBase {
  readonly kind: 'rate-count';
  readonly rate: ClaimFigure;
  readonly count: ClaimFigure;
  /** Which households the count is: poor, near-poor, or other. */
  readonly subject: 'poor' | 'near-poor' | 'other';
  /** A population the sentence narrows to (`'dân tộc thiểu số'`), `''` for all households. */
  readonly population: string;
  /** What the rate is a share of: `'households'` (all households, the default) or the words printed (`'số hộ nghèo'`). */
  readonly base: string;
  /** A date phrase near the claim (`'tháng 7/2022'`, `'cuối năm 2022'`), for the reader. */
  readonly date: string | null;
  /**
   * The households the text prints as the base (“Tổng số hộ tự nhiên: 297.899 hộ”, “tổng số hộ dân
   * cư là …”) in the paragraph or the few before it, when the pair is a share of all households.
   */
  readonly printedBase?: ClaimFigure;
  /** A named area the sentence is about (`'cả nước'`, `'tỉnh Kon Tum'`, `'huyện nghèo'`): pairs of different areas have different bases. */
  readonly scope?: string;
  /**
   * The moment the pair is of, when the sentence says: `'start'` (“đầu năm”, the “từ” side of “giảm từ
   * A … xuống còn B”) or `'end'` (“cuối năm”, “còn”). Pairs of different moments have different bases.
   */
  readonly moment?: 'start' | 'end';
  /** The last year the sentence names before the pair (“cuối năm 2021 … thì đến cuối năm 2024, … 36.703 hộ (4,16%)”: 2024); pairs of different years have different bases. */
  readonly year?: string;
}

/**
 * “Tỷ lệ hộ nghèo đầu năm 3,42%, cuối năm giảm xuống còn 2,74%, giảm 0,68%”, “giảm từ 1.250 hộ
 * xuống còn 1.032 hộ, giảm 218 hộ”: a figure at two moments and the change printed between them.
 */
export interface ChangeClaim extends ClaimBase {
  readonly kind: 'change';
  readonly from: ClaimFigure;
  readonly to: ClaimFigure;
  readonly change: ClaimFigure;
  /** `'down'` for “giảm”, `'up'` for “tăng”. */
  readonly direction: 'down' | 'up';
  /** For “giảm 3,64% so với đầu giai đoạn”: its two ends are the rates of rate–count pairs printed before it for the period's first and last year. */
  readonly sinceStart?: true;
}

/** “… 4.952 lượt người, đạt 99,04% so với kế hoạch”: an achievement as a percentage of a plan. */
export interface PercentOfPlanClaim extends ClaimBase {
  readonly kind: 'percent-of-plan';
  readonly achieved: ClaimFigure;
  readonly percent: ClaimFigure;
  /** The plan figure when the sentence prints it. */
  readonly plan: ClaimFigure | null;
  /** The words before the achieved figure that say what was achieved (folded), used to compare claims. */
  readonly measure: string;
}

/** “giảm 0,8%”, “giảm 1/5 số hộ nghèo và hộ cận nghèo”, “giảm 10 hộ nghèo”: a reduction target. */
export interface ReductionTargetClaim extends ClaimBase {
  readonly kind: 'reduction-target';
  readonly target: ReductionTarget;
  readonly population: string;
  /** The rates and counts of the clause as printed (“từ 1,5-2%, tương đương 368-491 hộ nghèo”), to check one against the other. */
  readonly printed?: readonly ClaimFigure[];
  /** The households the document prints as its base (“Tổng số hộ dân cư toàn huyện: 24.560 hộ”), when it prints one value. */
  readonly printedBase?: ClaimFigure;
  /** Ranges printed high end first (“52-37 hộ”, “2-1,5%”), as printed: read as the interval from the smaller to the larger. */
  readonly reversed?: readonly string[];
  /**
   * For a share (“giảm 1/3 số hộ nghèo”): the households it is a share of, printed at the start
   * before it in the paragraph (“Đầu năm 2026 toàn xã có 300 hộ nghèo”), and the households left
   * when the clause prints them (“…, còn 200 hộ nghèo”).
   */
  readonly shareOf?: { readonly start: ClaimFigure; readonly left?: ClaimFigure };
}

/**
 * “762 hộ nghèo đầu năm 2024”: a household count the prose prints that a table may print too
 * (its total row), compared when exactly one table column has the same subject, stage and year.
 */
export interface TableFigureClaim extends ClaimBase {
  readonly kind: 'table-figure';
  readonly figure: ClaimFigure;
  /** Which households: poor, near-poor, or all households (“hộ dân”). */
  readonly subject: 'poor' | 'near-poor' | 'households';
  /** The moment: at the start, exits, newly poor (phát sinh), back in poverty (tái nghèo), or what remains; null for all households. */
  readonly stage: 'start' | 'exit' | 'new' | 'return' | 'end' | null;
  /** The one year the sentence names, if any. */
  readonly year: string | null;
}

/**
 * “giảm từ 15,42% (cuối năm 2020) xuống còn 9,66% (cuối năm 2023), bình quân mỗi năm giảm 1,92%”,
 * “giảm 3,64%, bình quân 1,21%/năm”: a yearly average over a period, with the change over the period
 * (printed, or its two ends) and the number of years the years named give; or an amount over a
 * period and its average a year (“giai đoạn 2026-2030 … 1.234 tỷ đồng, bình quân mỗi năm 246,8 tỷ
 * đồng”: `change` is the amount, `average` a money figure).
 */
export interface YearlyAverageClaim extends ClaimBase {
  readonly kind: 'yearly-average';
  readonly average: ClaimFigure;
  /** The change over the period when the sentence prints it; else null and `from`, `to` are printed. */
  readonly change: ClaimFigure | null;
  readonly from: ClaimFigure | null;
  readonly to: ClaimFigure | null;
  /** The years the period may last: one count (2015 → 2020: 5), or two for “giai đoạn 2021-2025” (4 or 5). */
  readonly years: readonly number[];
  /** `'down'` for “giảm”, `'up'` for “tăng”. */
  readonly direction: 'down' | 'up';
  /**
   * Where the period came from when the sentence names only its end (“giảm 4,64% so với đầu kỳ, bình
   * quân 1,16%/năm” in a report on “giai đoạn 2021–2025”): the period named earlier, or the first year
   * the document names.
   */
  readonly period?: string;
}

/**
 * “Đầu năm 2023 có 2.946 hộ nghèo. Trong năm có 812 hộ thoát nghèo, 95 hộ tái nghèo và 143 hộ nghèo
 * phát sinh mới; cuối năm còn 2.372 hộ nghèo”: the poor households at the end of a year from those at
 * its start, the exits and the entries (re-poor, newly poor).
 */
export interface FlowClaim extends ClaimBase {
  readonly kind: 'flow';
  /** Whose flow: the poor or the near-poor households, when the reader knows (a table's columns of theirs confirm its figures). */
  readonly subject?: 'poor' | 'near-poor';
  readonly start: ClaimFigure;
  /** “thoát nghèo”. */
  readonly exits: readonly ClaimFigure[];
  /** “tái nghèo”, “phát sinh (mới)”. */
  readonly entries: readonly ClaimFigure[];
  readonly end: ClaimFigure;
}

/**
 * “Năm 2026 giảm 533 hộ nghèo; trong đó số hộ thoát nghèo 612 hộ, số hộ nghèo phát sinh 79 hộ”: a net
 * change of the poor (or near-poor) households and the exits and entries it is made of.
 */
export interface NetChangeClaim extends ClaimBase {
  readonly kind: 'net-change';
  /** Whose: the poor or the near-poor households. */
  readonly subject: 'poor' | 'near-poor';
  readonly change: ClaimFigure;
  /** `'down'` for “giảm” (exits less entries), `'up'` for “tăng” (entries less exits). */
  readonly direction: 'down' | 'up';
  /** “thoát (cận) nghèo”; none when only the entries are printed (the table's exits are used). */
  readonly exits: readonly ClaimFigure[];
  /** “tái (cận) nghèo”, “phát sinh (mới)”; none when only the exits are printed (the table's entries are used). */
  readonly entries: readonly ClaimFigure[];
}

/** What a household figure is in a flow of the poor. */
type FlowRole = 'start' | 'exit' | 'entry' | 'end' | null;

/** “24,38%, cao gấp 2,5 lần bình quân chung của huyện (9,66%)”: one figure printed as a multiple of another. */
export interface RatioClaim extends ClaimBase {
  readonly kind: 'ratio';
  readonly figure: ClaimFigure;
  readonly other: ClaimFigure;
  /** The multiple as printed (“2,5 lần”), read as a figure of dimension `'other'`. */
  readonly multiple: ClaimFigure;
}

/**
 * “Tỷ lệ hộ nghèo giảm 1,2%, vượt chỉ tiêu 0,2% (chỉ tiêu giảm 1%)”, “giảm 0,7%, chưa đạt chỉ tiêu
 * giảm 0,9% (đạt 77,78% kế hoạch)”: a result, the plan it is set against, and the verdict printed
 * (beyond, short of, or met), with the margin and the percentage of the plan when printed.
 */
export interface AgainstPlanClaim extends ClaimBase {
  readonly kind: 'against-plan';
  readonly achieved: ClaimFigure;
  readonly plan: ClaimFigure;
  /** `'beyond'` for “vượt”, `'short'` for “chưa đạt”, “không đạt”, `'met'` for “đạt”. */
  readonly verdict: 'beyond' | 'short' | 'met';
  /** The verdict's words as printed (`'vượt chỉ tiêu'`). */
  readonly verdictText: string;
  /** “vượt chỉ tiêu 0,2%”: by how much, when printed. */
  readonly margin: ClaimFigure | null;
  /** “(đạt 77,78% kế hoạch)”: the result as a percentage of the plan, when printed. */
  readonly percent: ClaimFigure | null;
}

/**
 * “giảm 4,66% (năm 2022 giảm 1,79%, năm 2023 giảm 1,47%, năm 2024 giảm 1,40%)”: a change over a
 * period and the change of each year printed in brackets after it. Points of a rate add: the years
 * add up to the whole, each within its printed rounding.
 */
export interface YearlyChangesClaim extends ClaimBase {
  readonly kind: 'yearly-changes';
  readonly total: ClaimFigure;
  /** `'down'` for “giảm”, `'up'` for “tăng”. */
  readonly direction: 'down' | 'up';
  /** Each year's change, with its sign against the whole (+1 in the whole's direction, −1 against it: “năm 2023 tăng 0,2%”). */
  readonly years: ReadonlyArray<{ readonly year: number; readonly change: ClaimFigure; readonly sign: 1 | -1 }>;
  /** The households whose rate or count changes (“tỷ lệ hộ nghèo”, “hộ cận nghèo”), when the sentence names them before the whole. */
  readonly subject?: 'poor' | 'near-poor';
}

/** A claim the prose makes that arithmetic can check. */
export type DocumentClaim = TotalWithPartsClaim | RateCountClaim | PercentOfPlanClaim | ReductionTargetClaim | TableFigureClaim | ChangeClaim | YearlyAverageClaim | FlowClaim | RatioClaim | AgainstPlanClaim | YearlyChangesClaim | NetChangeClaim;

/** A sentence with figures that no claim uses. */
export interface UncheckedSentence {
  readonly location: TextLocation;
  readonly sentence: string;
  readonly figures: readonly string[];
  /** Why the figures are not read, when it is not that no claim uses them (“1,234 hộ” may be in the English format). */
  readonly reason?: string;
}

/** Result of {@link extractClaims}. */
export interface ProseClaims {
  readonly claims: readonly DocumentClaim[];
  readonly unchecked: readonly UncheckedSentence[];
}

const LIST_ITEM = /^\s*(?:[-+•–—*]\s*)+|^\s*[a-zđ]\)\s+|^\s*\d+(?:\.\d+)*[.)]\s+/i;
/** “trong đó”, “bao gồm”, “gồm”; “cụ thể”, “như sau”, “chi tiết” only before a colon or at the end of the paragraph (a list follows). */
const CONNECTIVE = /\b(trong do|bao gom|gom co|gom)\b\s*:?|\b(cu the|nhu sau|chi tiet)(?:\s+(?:nhu sau|la|gom))?\s*(?::|$)/g;
const POPULATION = /\b(dan toc thieu so|dan toc|dtts|xa dac biet kho khan|dong bao)\b/;

interface Para {
  readonly block: number;
  readonly text: string;
  readonly folded: string;
  /** A list item: printed with its marker (“- ”, “a) ”), numbered by Word (its `label`), or in a Word list style (bullets). */
  readonly listItem: boolean;
  /** Its list marker's kind ({@link markerKind}: `1`, `1.1`, `a`, `-` …), null for none. */
  readonly marker: string | null;
  /** The figures read as one value: every figure but the ends of ranges. */
  readonly figures: readonly ProseFigure[];
  /** Every figure, ranges (“250-300 hộ”) included: a target reads them, the others list them as unchecked. */
  readonly allFigures: readonly ProseFigure[];
  readonly sentences: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  /** The bracket depth at every offset ({@link parenDepths}), computed once. */
  readonly depths: readonly number[];
}

/** The subject of a rate–count pair: the last household group named before it. */
function lastSubject(folded: string): 'poor' | 'near-poor' | null {
  const re = /\b(can ngheo|thoat ngheo|giam ngheo|ngheo)\b/g;
  let last: string | null = null;
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) if (m[1] === 'ngheo' || m[1] === 'can ngheo') last = m[1];
  return last === null ? null : last === 'can ngheo' ? 'near-poor' : 'poor';
}

/**
 * The households whose deprivations a sentence counts, when it names them before “thiếu hụt” (“Chỉ số có nhiều
 * hộ nghèo thiếu hụt nhất là …”): its pairs are shares of those households (the standard report “Phân tích chỉ
 * số thiếu hụt dịch vụ xã hội cơ bản” of QĐ 24/2021/QĐ-TTg's review: counts and rates per indicator of the poor,
 * or of the near-poor), not rates of all households. Null when it names none, or speaks of multidimensional poverty.
 */
function deprivedOf(folded: string): 'poor' | 'near-poor' | null {
  const at = folded.search(/\bthieu hut\b/);
  if (at < 0 || /\bngheo da chieu\b/.test(folded)) return null;
  return lastSubject(folded.slice(0, at));
}

function subjectOf(folded: string): 'poor' | 'near-poor' | 'poor-and-near-poor' | null {
  const near = /\bcan ngheo\b/.test(folded);
  const poor = /\bho ngheo\b|\bngheo\b/.test(folded.replace(/\bcan ngheo\b/g, '').replace(/\bthoat ngheo\b/g, '').replace(/\bgiam ngheo\b/g, ''));
  if (near && poor) return 'poor-and-near-poor';
  if (near) return 'near-poor';
  if (poor || /\bho ngheo\b/.test(folded)) return 'poor';
  return null;
}

/** After a part's “chiếm P%”: words that make P a share of the total (“, tương đương 48.000 tỷ”, “số hộ nghèo toàn huyện”), not a rate of all households. */
const SHARE_OF_TOTAL = /^(?:\s*[,;]?\s*\(?\s*(?:tuong duong|tuong ung)\b|\s+(?:so voi\s+)?(?:so |tong so |tong )?(?:ho ngheo|ho can ngheo|von|kinh phi|nguon von|tong von|tong kinh phi)\b(?!\s+(?:dtts|dan toc|dong bao|vung)\b))/;
/** A part of the area a pair may be about. */
const AREA = /\b(thanh thi|nong thon|khu vuc (?!nhu sau\b)[a-z]+(?: [a-z]+)?)\b/;
/** The unit a figure is per (“50 triệu đồng/căn” → “can”, “1,5 triệu đồng/người/tháng” → “nguoi/thang”), `''` for a figure of no unit. */
function perUnit(p: { readonly folded: string }, f: ProseFigure): string {
  return /^\s*((?:\/\s*[a-z]+)+)/.exec(p.folded.slice(f.end, f.end + 30))?.[1]!.replace(/\s+/g, '') ?? '';
}

/** Words that narrow a sentence to a part of the area. */
const SUB_AREA = /\b(khu vuc|thanh thi|nong thon|cac xa|cac phuong|thon)\b|^\s*[-+•]?\s*(xa|phuong|thi tran|huyen) (?!hoi\b)[a-z]/;

/** Words before a figure that make it the count of all households: “Tổng số hộ tự nhiên:”, “tổng số hộ dân cư là”, “toàn huyện có … hộ dân”, “… tổng số hộ dân cư (22.970 hộ)”. */
const BASE_WORDS = /\b(tong so ho(?: dan cu| tu nhien| dan| gia dinh)?|tong so ho dan cu|so ho dan cu)\s*(?:toan (?:tinh|huyen|thi xa|thanh pho|xa|phuong)\s*)?(?:la|co|:)?\s*:?\s*\(?\s*$/;

/** “Toàn huyện có 24.500 hộ dân cư”, “toàn tỉnh Kon Tum có … hộ gia đình”: the whole area's households, named after the count. */
const WHOLE_AREA_HAS = /\btoan (?:tinh|huyen|thi xa|thanh pho|xa|phuong|thi tran)(?: [a-z]+){0,3}? co\s*$/;
const HOUSEHOLDS_AFTER = /^\s*(?:dan cu|gia dinh|tu nhien)\b/;
/** …or named by nothing after “hộ” but the end of its clause (“Toàn xã có 830 hộ. Trong đó, …”, “… có 830 hộ, 3.520 nhân khẩu”): all of them. */
const CLAUSE_ENDS_AFTER = /^\s*(?:[.;:]|,(?!\s*(?:chiem|t[yi] le|bang|tuong))|$)/;

/** Whether a count of households is the base of all the households (“Tổng số hộ dân cư là N hộ”, “Toàn huyện có N hộ dân cư”). */
function isHouseholdBase(folded: string, f: ProseFigure): boolean {
  const before = folded.slice(Math.max(0, f.start - 40), f.start);
  return f.dimension === 'households' && (BASE_WORDS.test(before) || (WHOLE_AREA_HAS.test(before) && (HOUSEHOLDS_AFTER.test(folded.slice(f.end, f.end + 12)) || (f.unitText === 'hộ' && CLAUSE_ENDS_AFTER.test(folded.slice(f.end, f.end + 12))))));
}

/** The words between all households and a count among them: “(hộ) (dân cư), trong đó (có)”, or “hộ dân cư, còn” (“có 2.870 hộ dân cư, còn 385 hộ nghèo”). */
const BASE_THEN_TRONG_DO = /^\s*(?:(?:ho\s*)?(?:dan cu|dan|gia dinh|tu nhien)?\s*[,;]?\s*trong do\s*:?\s*(?:co\s+)?|(?:ho\s*)?(?:dan cu|gia dinh|tu nhien)\s*,\s*con\s+)$/;

/**
 * The same with the part's name between “trong đó” and its count: “Tổng số 830 hộ, trong đó hộ nghèo 338 hộ”,
 * “…, trong đó: hộ cận nghèo là 52 hộ”, “…, trong đó hộ DTTS 412 hộ” — a group of those households, named
 * as such (no verb: “trong đó hộ nghèo giảm 38 hộ” is a change, not a count among them). The base may be of the
 * poor (“6.420 hộ nghèo, trong đó hộ DTTS 4.210 hộ”); a status (hộ nghèo, cận nghèo) is a group of a base of no status
 * only (“Tổng số hộ nghèo và hộ cận nghèo là 500 hộ, trong đó: hộ nghèo 200 hộ, chiếm 2,5%” is a rate of all households).
 */
const BASE_THEN_NAMED_PART = /^\s*(?:ho\s*)?((?:can )?ngheo|dan cu|dan|gia dinh|tu nhien)?\s*[,;]?\s*trong do\s*:?\s*(?:co\s+)?(?:so\s+)?ho\s+((?:can )?ngheo|dtts|dan toc thieu so|dong bao dan toc thieu so|dong bao dtts)(?:\s+(?:la\s+)?(?:dtts|dan toc thieu so|nguoi dan toc thieu so|dong bao dan toc thieu so))?\s*(?:la\s+)?:?\s*$/;

/** The words before a figure (back to the figure or clause before it) that name it a plan: “Kế hoạch vốn năm 2024 được giao là”, “chỉ tiêu giao”, “dự toán”, not “kế hoạch …, đã giải ngân”. */
const PLAN_NAMED = /\b(?:ke hoach|chi tieu|du toan|kh)\b(?![^,;()]*\b(?:giai ngan|thuc hien|dat duoc|da dat|ket qua|uoc dat)\b)[^,;()%]*$/;

/** Between the figure after “Trong (tổng) số” and a count among it: “Trong tổng số 830 hộ có 338 hộ nghèo”, “Trong số 830 hộ, hộ nghèo có 338 hộ”, “Trong 1.068 hộ nghèo, có …”. */
const AMONG_THEN = /^\s*(?:ho\s*)?(?:(?:can )?ngheo|dan cu|dan|gia dinh|tu nhien)?\s*,?\s*(?:(?:thi\s+)?co\s+|(?:so\s+)?ho\s+(?:(?:can )?ngheo|dtts|dan toc thieu so|dong bao dan toc thieu so)\s+(?:la\s+|co\s+)?:?\s*)$/;

const DATE = /\b(thang \d{1,2}\/\d{4}|(?:cuoi|dau|giua) nam \d{4}|(?:cuoi|dau) ky|nam \d{4})\b/;

/**
 * The longest paragraph read for claims: 50.000 characters (about 8.000 words; a plan's longest
 * paragraphs are a few thousand characters). Reading claims takes time that grows with the square
 * of a paragraph's length, so a longer one — a whole file on one line — is listed in `unchecked`
 * (with its first figures), never read for minutes.
 * @example
 * MAX_CLAIM_PARAGRAPH //=> 50000
 */
export const MAX_CLAIM_PARAGRAPH = 50_000;

/** “Kế hoạch vốn năm 2026 giao 18.640 triệu đồng”: the year a plan is of, standing between its name and its figure. */
const YEAR_NAMED = /\bnam\s+(?:19|20)\d\d\b/g;
/** “Số vốn còn lại chưa giải ngân là”, “Vốn còn lại chưa giải ngân:”: the words naming an amount left of the plan. */
const REMAINING_BEFORE = /\b(?:so )?von con lai(?: chua giai ngan)?\s*(?:la|:)?\s*$/;
/** “… chiếm 34,93% kế hoạch vốn”, “đạt 65,07% tổng kế hoạch vốn”: a percentage of the capital plan. */
const CAPITAL_PLAN_AFTER = /^\s*(?:so voi\s+)?(?:tong\s+)?ke hoach von\b/;
/** “Tổng kế hoạch vốn năm 2027 là”, “Kế hoạch vốn được giao:”: the words naming an amount the capital plan. */
const CAPITAL_PLAN_BEFORE = /(?:^|[.;:]\s*|\b(?:tong|la)\s+)ke hoach von(?:\s+(?:duoc\s+|da\s+)?(?:giao|phan bo|bo tri))?(?:\s+nam)?(?:\s+cua\s+[\p{L} ]{1,40}?)?\s*(?:la|:)?\s*$/u;

/**
 * Reads the arithmetic claims of a document's prose, with no hints:
 * - **totals with parts**: a figure followed by “trong đó”, “bao gồm” or “gồm” and its parts,
 *   in the same sentence (“82.075 triệu đồng, trong đó: Vốn đầu tư 71.750 triệu đồng; vốn sự
 *   nghiệp 10.505 triệu đồng”) or in the list items that follow (“Tổng nhu cầu vốn: 2.522 triệu
 *   đồng, trong đó:” then “- Ngân sách trung ương: 2.293 triệu đồng” …); a total and its parts
 *   are matched by what they measure (money in any unit, households, persons);
 * - **rate–count pairs**: “tỷ lệ … P% (tương đương N hộ)”, “N hộ, chiếm P%”, with the subject
 *   (poor, near-poor), the population (ethnic minority…), the base words and a nearby date;
 * - **percent of plan**: “N …, đạt P% (so với) kế hoạch”, with the plan figure when printed;
 * - **reduction targets**: “giảm …” with a figure about poor or near-poor households, read by
 *   `targetFromText` (points, range, share, count).
 * Sentences with figures that no claim uses are returned as `unchecked`, and so are paragraphs over
 * {@link MAX_CLAIM_PARAGRAPH} characters, which are not read.
 *
 * @param model - a document model.
 * @returns deep-frozen claims and unchecked sentences.
 * @example
 * extractClaims(documentModel([{ kind: 'paragraph', text: 'Tổng vốn 82.075 triệu đồng, trong đó: Vốn đầu tư 71.750 triệu đồng; vốn sự nghiệp 10.505 triệu đồng.' }])).claims[0].kind
 * //=> 'total-with-parts'
 */
export function extractClaims(model: DocumentModel): ProseClaims {
  const paras: Para[] = [];
  /** The document's one base of households, once found ({@link documentBase}). */
  let documentBaseFound: { readonly figure: ClaimFigure | undefined } | undefined;
  /** The document's totals of each kind, once found ({@link documentTotals}). */
  const totalsOfKind = new Map<string, ReadonlyArray<{ p: Para; f: ProseFigure }>>();
  /** The period of the document's title, once found ({@link titlePeriod}). */
  let titleFound: { readonly period: TitlePeriod | null } | undefined;
  const paraAt = new Map<number, number>();
  const tooLong: UncheckedSentence[] = [];
  const ambiguous: UncheckedSentence[] = [];
  // each paragraph folded once, for the format, its figures, the ambiguous ones and its claims
  const foldedAt = new Map<number, string>();
  for (const b of model.blocks) if (b.kind !== 'table' && b.text.length <= MAX_CLAIM_PARAGRAPH) foldedAt.set(b.index, foldVietnameseKeepingLength(b.text));
  const englishFormat = isEnglishFormat([...foldedAt.values()], { folded: true });
  for (const b of model.blocks) {
    if (b.kind === 'table') continue;
    if (b.text.length > MAX_CLAIM_PARAGRAPH) {
      const figures = proseFigures(b.text.slice(0, MAX_CLAIM_PARAGRAPH));
      if (figures.length > 0) {
        const more = figures.length > 20 ? ['…'] : [];
        tooLong.push({ location: { block: b.index, start: 0, end: b.text.length }, sentence: `${b.text.slice(0, 200)}… (a paragraph of ${b.text.length} characters, over the ${MAX_CLAIM_PARAGRAPH} read for claims: is the file one long line?)`, figures: [...figures.slice(0, 20).map((f) => f.text), ...more] });
      }
      continue;
    }
    paraAt.set(b.index, paras.length);
    const folded = foldedAt.get(b.index)!;
    // the numbers in words read once, for the figures and for those that are not read
    const words = wordFigures(b.text, folded);
    const allFigures = proseFigures(b.text, { englishFormat, folded, words });
    // a range is an interval, not the figure printed last (“300–250 hộ” is not 250 households): a target reads it, and a claim
    // checked by intervals (a total and its parts, a change, a share) reads its interval; a claim that needs one figure leaves it out
    const figures = allFigures.flatMap((f) => (f.range === undefined ? [f] : rangeFigure(b.text, folded, f)));
    paras.push({ block: b.index, text: b.text, folded, listItem: LIST_ITEM.test(b.text) || b.label !== undefined || /\blist\b/i.test(b.style ?? ''), marker: markerKind(b), figures, allFigures, sentences: sentences(b.text), depths: parenDepths(b.text) });
    if (!englishFormat) for (const a of ambiguousFigures(b.text, folded, words)) ambiguous.push({ location: { block: b.index, start: a.start, end: a.end }, sentence: a.text, figures: [a.text], reason: a.reason });
  }
  const claims: DocumentClaim[] = [];
  const used = new Set<string>();
  const changed = new Set<string>();
  const pairCounts = new Set<string>();
  /** The figures a flow reads (start, exits, entries, end): a table's total row may print them too. */
  const flowCounts = new Set<string>();
  /** The exits and entries a net change reads (“giảm 612 hộ (trong đó thoát nghèo 845 hộ, phát sinh mới 233 hộ)”): their list splits no total. */
  const netFlows = new Set<string>();
  /** The figures read as parts from the list items below a total: each may be the total of its own parts. */
  const listParts = new Set<string>();
  /** The exits of each flow with one figure of exits, in the order printed. */
  const flowExits: ClaimFigure[] = [];
  /** The percents of a plan with no achievement in their clause, read after the paragraph's changes ({@link cutAgainstPlanBefore}). */
  const plansOfCuts: Array<{ at: number; pct: ProseFigure; plan?: ProseFigure }> = [];
  const hasTables = model.blocks.some((b) => b.kind === 'table');
  const use = (p: Para, f: ProseFigure): void => void used.add(`${p.block}:${f.start}`);
  const fig = (p: Para, f: ProseFigure, label?: string): ClaimFigure => {
    use(p, f);
    return { text: f.text, location: { block: p.block, start: f.start, end: f.end }, dimension: f.dimension, figure: f, ...(label === undefined || label === '' ? {} : { label }) };
  };
  const sentenceAt = (p: Para, offset: number): { start: number; end: number } => p.sentences.find((s) => offset >= s.start && offset < s.end) ?? { start: 0, end: p.text.length };

  const stated: StatedContext<Para> = { paras, fig, isUsed: (p, f) => used.has(`${p.block}:${f.start}`), sentenceAt };

  // the periods (“giai đoạn 2021–2025”) and years each paragraph names, read once: averages since “đầu kỳ” look back over them
  const periods = new Map<Para, Array<{ first: number; last: number; at: number; text: string }>>();
  const yearsNamed = new Map<Para, Array<{ year: number; at: number }>>();

  paras.forEach((p, pi) => {
    if (p.allFigures.length === 0 && !p.folded.includes('/')) return;
    // a net change and the exits and entries it is made of (“giảm 533 hộ nghèo; trong đó … thoát nghèo 612 hộ, … phát sinh 79 hộ”):
    // read first, for its “trong đó” lists flows, not parts that add up to it
    for (const c of netChanges(p, stated)) {
      claims.push(c);
      for (const f of [...c.exits, ...c.entries]) {
        flowCounts.add(`${f.location.block}:${f.location.start}`);
        netFlows.add(`${f.location.block}:${f.location.start}`);
      }
    }
    totalsWithParts(p, pi);
    breakdowns(p);
    amongNamedStock(p, pi);
    rateCountPairs(p, pi);
    poorAndNearPoor(p);
    againstPlan(p);
    percentOfPlan(p);
    remainderOfPlan(p);
    changes(p);
    yearlyAverages(p);
    moneyAverages(p, pi);
    changesSinceStart(p);
    flows(p);
    countChanges(p);
    flowsOfAChange(p, pi);
    // a flow each of whose figures its own clause names, of the poor or the near-poor: its figures are a table's too
    for (const c of labeledFlows(p, stated)) {
      claims.push(c);
      for (const f of [c.start, ...c.exits, ...c.entries, c.end]) flowCounts.add(`${f.location.block}:${f.location.start}`);
    }
    for (const c of cutsBeforeTheirStart(p, stated, (at) => changed.has(`${p.block}:${at}`))) {
      claims.push(c);
      changed.add(`${p.block}:${c.location.start}`);
    }
    ratios(p);
    yearlyChanges(p);
    claims.push(...sharesAfterTotal(p, pi, stated));
    sharesOfDocumentTotal(p);
    claims.push(...amongTotals(p, stated), ...grandTotals(p, stated), ...namedShares(p, pi, stated), ...percentsOfNamed(p, pi, stated), ...changesFromLineBefore(p, pi, stated), ...countAverages(p, stated), ...splitOfLineBefore(p, pi, stated));
    claims.push(...sharesOfEarlierStart(p, pi, stated));
    claims.push(...fractionShares(p, pi, stated, (q, qi, sentenceStart, part, words, baseText) => earlierTotal(q, qi, sentenceStart, part, words, areaOfBase(baseText), part.start)));
    for (const c of changesSinceEarlierStart(p, pi, stated)) {
      claims.push(c);
      changed.add(`${p.block}:${c.location.start}`);
    }
    chainedTarget(p);
    // after a target's chain, which reads its cut with its counts
    rateCutsFromStart(p, pi);
    cutsAfterEndPair(p, pi);
    changesFromBracketedStart(p);
    // an end named only before it (“Số hộ cận nghèo cuối năm là 108 hộ, …, giảm 12 hộ so với đầu năm”), once no cut reader took it
    for (const c of changesSinceEarlierStart(p, pi, stated, { namedBefore: true })) {
      claims.push(c);
      changed.add(`${p.block}:${c.location.start}`);
    }
    for (const c of nearPoorFlows(p, stated)) {
      claims.push(c);
      if (c.kind === 'change') changed.add(`${p.block}:${sentenceAt(p, c.change.location.start).start}`);
    }
    targets(p, pi);
    tableFigures(p);
    for (const { at, pct, plan } of plansOfCuts.splice(0)) if (!used.has(`${p.block}:${pct.start}`)) cutAgainstPlanBefore(p, at, pct, plan);
  });

  function tableFigures(p: Para): void {
    for (const f of p.figures) {
      // a figure a claim already reads (a target's “giảm 10 hộ nghèo”) is not a stock to compare; a pair's count
      // (“còn 464 hộ nghèo, chiếm tỷ lệ 1,50%”) is, when the document has a table to compare it with
      const inPair = pairCounts.has(`${p.block}:${f.start}`) || flowCounts.has(`${p.block}:${f.start}`);
      if (f.dimension !== 'households' || f.qualifier !== null || (used.has(`${p.block}:${f.start}`) && !(inPair && hasTables))) continue;
      if (/\b(giam|tang|them|thoat)\s*$/.test(p.folded.slice(Math.max(0, f.start - 12), f.start))) continue;
      // “đã hỗ trợ 120 hộ nghèo, chiếm 35,5% số hộ nghèo”: a share of the poor, never their count
      if (/^[^.;%]{0,30}?\bchiem(?: t[yi] le)?\s+[^%.;]{0,14}%\s+(?:so voi\s+)?(?:tong )?so ho (?:can )?ngheo\b/.test(p.folded.slice(f.end, f.end + 90))) continue;
      // “giảm 197 hộ nghèo và 128 hộ cận nghèo”: each count of a list after “giảm” is a change, not a stock
      if (inChangeList(p.folded, sentenceAt(p, f.start).start, f.start)) continue;
      // “282 hộ thoát nghèo” in a flow: the poor households that left, as a table's exits column counts them
      const s = sentenceAt(p, f.start);
      // …“350 hộ được công nhận thoát nghèo; 20 hộ tái nghèo” in a sentence of the year's flow alone (flowSentence)
      const after = /^\s*(can ngheo|ngheo|dan(?: cu)?|(?:(?:da|duoc|duoc cong nhan|cong nhan)\s+)*thoat ngheo|tai ngheo)\b/.exec(p.folded.slice(f.end, f.end + 40));
      // …or the households named right before it, with nothing after it but the end of its clause: “số hộ thoát nghèo là 69 hộ,”, “số hộ nghèo phát sinh mới 13 hộ”, “Tổng số hộ nghèo cuối năm 2026 là 259 hộ, chiếm …”
      const named = after === null && /^\s*(?:[,;.]|$)/.test(p.folded.slice(f.end, f.end + 4)) ? NAMED_BEFORE.exec(p.folded.slice(s.start, f.start)) : null;
      if (after === null && named === null) continue;
      const flowWord = after !== null && /\b(?:thoat|tai) ngheo$/.test(after[1]!);
      if (flowWord && !flowCounts.has(`${p.block}:${f.start}`) && !flowSentence(p, s)) continue;
      const subject = named !== null ? (/\bcan ngheo\b/.test(named[1]!) ? 'near-poor' : 'poor') : after![1] === 'can ngheo' ? 'near-poor' : after![1] === 'ngheo' || flowWord ? 'poor' : 'households';
      const sentence = p.folded.slice(s.start, s.end);
      // a count of a named place or part of the area (“xã Tân Lập còn 45 hộ nghèo”) is that row's, not the total's (checkProseAgainstTables)
      if (placesOfFigure(p.text.slice(s.start, f.start)).length > 0) continue;
      // the moment the figure's own clause names (“…; phát sinh mới 23 hộ nghèo”), else the one the sentence's
      // clauses without a count name (“Đến cuối năm 2026, toàn huyện còn 768 hộ nghèo”), never another figure's
      const own = stagesOf(clauseAt(sentence, f.start - s.start, f.end - s.start));
      const stages = own.size > 0 ? own : stagesOf(clausesWithoutCounts(p, s));
      if (subject !== 'households' && stages.size !== 1) continue;
      const years = new Set([...sentence.matchAll(/\b(20\d\d)\b/g)].map((m) => m[1]!));
      if (years.size > 1) continue;
      // a flow's sentence naming no year (“Trong năm có 350 hộ được công nhận thoát nghèo; …”) is of the one year its paragraph names before it
      if (years.size === 0 && flowWord) {
        const before = new Set([...p.folded.slice(0, s.start).matchAll(/(?<![\d.,/])(20\d\d)(?![\d.,]\d)/g)].map((m) => m[1]!));
        if (before.size === 1) years.add([...before][0]!);
      }
      claims.push({
        kind: 'table-figure',
        figure: fig(p, f),
        subject,
        stage: subject === 'households' ? null : [...stages][0]!,
        year: years.size === 1 ? [...years][0]! : null,
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
    }
  }

  /**
   * Whether a sentence prints a year's flow of the poor alone (“Trong năm có 350 hộ được công nhận thoát nghèo; 20
   * hộ tái nghèo và 70 hộ nghèo phát sinh”): every household figure an exit or an entry, one exit at least, none
   * qualified, of the whole area, not a plan's — each is then what a table's total row of that stage prints.
   */
  function flowSentence(p: Para, s: { start: number; end: number }): boolean {
    const folded = p.folded.slice(s.start, s.end);
    if (/\b(phan dau|muc tieu|ke hoach|chi tieu|du kien|binh quan|moi nam|hang nam|luy ke|giai doan|ho tro|cho vay|vay von)\b/.test(folded) || NARROWED.test(folded) || placesOfFigure(p.text.slice(s.start, s.end)).length > 0) return false;
    const figures = p.figures.filter((f) => f.dimension === 'households' && f.start >= s.start && f.end <= s.end);
    const roles = figures.map((f) => flowRole(p, f));
    return roles.includes('exit') && roles.every((r) => r === 'exit' || r === 'entry') && figures.every((f) => !qualified(f) && f.outOf === undefined);
  }

  function totalsWithParts(p: Para, pi: number): void {
    CONNECTIVE.lastIndex = 0;
    const found: Array<{ at: number; end: number; word: string }> = [];
    for (let m = CONNECTIVE.exec(p.folded); m !== null; m = CONNECTIVE.exec(p.folded)) {
      // “gồm các hoạt động”, “bao gồm các nội dung”: a list of activities, not of figures — the parts decide
      const word = m[1] ?? m[2]!;
      found.push({ at: m.index, end: m.index + m[0].length, word: p.text.slice(m.index, m.index + word.length) });
    }
    let previousTotals: ProseFigure[] = [];
    found.forEach((c, ci) => {
      // a list of a net change's exits and entries is not a split of the figure before it
      const first = p.figures.find((f) => f.start >= c.end);
      if (first !== undefined && netFlows.has(`${p.block}:${first.start}`)) return;
      const sentence = sentenceAt(p, c.at);
      // the connective may open a sentence (“… 342 triệu đồng. Trong đó:”): the total is in the sentence before
      const beforeText = p.text.slice(sentence.start, c.at).trim();
      const totalFrom = beforeText === '' ? (p.sentences.filter((s) => s.end <= sentence.start).pop()?.start ?? 0) : sentence.start;
      const previousEnd = ci > 0 ? found[ci - 1]!.end : -1;
      // a total is not a change (“(tăng 137 hộ so với đầu năm), trong đó …”); it may be an equivalent in brackets (“(tương đương 669 hộ). Trong đó …”)
      const depthAt = p.depths;
      // nor a yearly average (“1.234 tỷ đồng, bình quân mỗi năm khoảng 246,8 tỷ đồng, trong đó …”): the parts are of the total before it
      // nor a figure in brackets before it (“252 lao động, đạt 100,8% kế hoạch (kế hoạch 250 lao động), trong đó …”): a plan, a comparison — unless the bracket gives the figure before it another way (“(tương đương 669 hộ). Trong đó”)
      // …unless its parts are changes of the same kind (“Phấn đấu giảm 45 hộ nghèo, hộ cận nghèo, trong đó: giảm 15 hộ nghèo và 28 hộ cận nghèo”)
      const partsChange = /^\s*:?\s*(giam|tang|them)\b/.exec(p.folded.slice(c.end))?.[1] ?? null;
      // “năm 2023 giảm 120 hộ, trong đó thôn Đông 70 hộ, thôn Tây 50 hộ; năm 2024 giảm 100 hộ, trong đó …”: a clause after “;”
      // naming another year or the whole area (“toàn xã”) is a new statement, its total after the “;”, never a part of the list before
      // …unless the list before is one of years (“trong đó: năm 2023 là 84 hộ; năm 2024 là 120 hộ”), where a year names a part
      const statementFrom = ci > 0 && !yearList(p, found[ci - 1]!.end) ? newStatementAt(p, Math.max(previousEnd, totalFrom), c.at) : -1;
      const candidates = p.figures.filter((f) => f.start >= Math.max(totalFrom, statementFrom) && f.end <= c.at && f.dimension !== 'percent' && (changeWordBefore(p.folded, f.start) === null || changeWordBefore(p.folded, f.start) === partsChange || splitChange(p, f, c.at)) && !isYearlyAverage(p.folded, f) && !bracketedAside(p, f, c.at));
      // a part of the list above may have its own parts (“- Vốn ngân sách Trung ương: 140.100,5 triệu đồng, gồm …”)
      const fresh = candidates.filter((f) => (f.start >= previousEnd || ci === 0) && (!used.has(`${p.block}:${f.start}`) || listParts.has(`${p.block}:${f.start}`)));
      const totals = lastPerDimension(fresh.length > 0 ? fresh : statementFrom >= 0 ? [] : previousTotals);
      if (fresh.length > 0) previousTotals = candidates;
      if (totals.length === 0) return;
      // parts: inline after the connective, up to the next connective or the end of the sentence…
      const next = found[ci + 1];
      const closing = p.text.indexOf(')', c.end);
      const opened = p.text.lastIndexOf('(', c.at) > p.text.lastIndexOf(')', c.at);
      let inlineEnd = Math.min(next?.at ?? p.text.length, sentenceAt(p, Math.max(c.end - 1, c.at)).end);
      if (opened && closing >= 0) inlineEnd = Math.min(inlineEnd, closing);
      // …and before a clause that starts a new statement (“…, thôn Tây 50 hộ; năm 2024 giảm 100 hộ, trong đó …”)
      const nextStatement = yearList(p, c.end) ? -1 : firstNewStatement(p, c.end, inlineEnd);
      if (nextStatement >= 0) inlineEnd = nextStatement;
      // …and, for a split of the exits (“thoát cận nghèo 310 hộ, trong đó … 120 hộ; phát sinh mới 95 hộ; cuối năm 1.851 hộ”), before the year's next flow
      if (totals.some((t) => /\bthoat (?:can )?ngheo\b/.test(p.folded.slice(Math.max(0, t.start - 24), Math.min(t.end + 20, c.at))))) {
        const nextFlow = /[,;]\s*(?:(?:so )?ho\s+)?(?:(?:can )?ngheo\s+)?(?:phat sinh|tai (?:can )?ngheo|cuoi nam|cuoi ky|con lai)\b/.exec(p.folded.slice(c.end, inlineEnd));
        if (nextFlow !== null) inlineEnd = c.end + nextFlow.index;
      }
      const inlineText = p.text.slice(c.end, inlineEnd);
      // figures: those a part may be; all: with those in brackets, where its share may be printed
      const items: Array<{ para: Para; figures: ProseFigure[]; all: ProseFigure[]; label: string }> = [];
      if (inlineText.replace(/[\s:.,;]/g, '') !== '') {
        // a part's own breakdown in brackets (“Ngân sách Trung ương: 1.107.735 triệu đồng (Vốn đầu tư: …; Vốn sự nghiệp: …)”) is not a part
        const level = depthAt[c.end] ?? 0;
        const outer = p.figures.filter((f) => depthAt[f.start] === level);
        for (const piece of splitParts(inlineText, c.end, outer, depthAt)) {
          const figures = outer.filter((f) => f.start >= piece.start && f.end <= piece.end);
          const all = p.figures.filter((f) => f.start >= piece.start && f.end <= piece.end);
          items.push({ para: p, figures, all, label: labelOf(p.text.slice(piece.start, piece.end), figures, piece.start) });
        }
      } else {
        // …or the list items that follow a paragraph ending with it
        for (let k = pi + 1; k < paras.length; k++) {
          const q = paras[k]!;
          if (q.block !== p.block + (k - pi)) break;
          if (!q.listItem) break;
          // “1. Tổng vốn …, bao gồm:” then a), b), c): the next “2. …” is the total's sibling, not one of its parts
          if (numberedSibling(p.marker, q.marker)) break;
          items.push({ para: q, figures: [...q.figures], all: [...q.figures], label: labelOf(q.text, q.figures, 0) });
        }
      }
      for (const total of totals) {
        // a list of amounts per unit (“760 triệu đồng (xây mới 50 triệu đồng/căn, sửa chữa 20 triệu đồng/căn)”) prices its parts, it does not add up to the total
        // …but one per unit splits into parts per the same unit (“60 triệu đồng/hộ, trong đó ngân sách trung ương 40 triệu đồng/hộ, …”)
        if (items.some((item) => item.figures.some((x) => x.dimension === total.dimension && perUnit(item.para, x) !== perUnit(p, total)))) continue;
        const parts: ClaimFigure[] = [];
        const partFigures: Array<{ para: Para; f: ProseFigure }> = [];
        const whose = total.dimension === 'households' ? householdsOf(p, total) : null;
        // “Toàn xã có 412 hộ nghèo, trong đó 268 hộ là hộ dân tộc thiểu số, chiếm 65,05%.”: a share that ends its clause is of a
        // total of households printed with no rate of its own (with one, “chiếm 3,5%” may be the part's rate of all households)
        // …and of one status (hộ nghèo), its parts groups named with no status of their own (“hộ nghèo 200 hộ, chiếm 2,5%” of
        // “500 hộ nghèo và cận nghèo” is a rate of all households)
        const groupShare = (whose === 'poor' || whose === 'near-poor') && !/^\s*(?:ho\s+)?(?:can ngheo|ngheo)?[\s,(]*(?:chiem|t[yi] le)/.test(p.folded.slice(total.end, total.end + 30));
        for (const item of items) {
          // “giảm 20 hộ”, “tăng 5 hộ” in the list is a change, not a part
          // things counted are parts only of a total of the same thing (“15 xã” has no part in “căn”)
          // …unless the total is a change of the same kind (“giảm 45 hộ …, trong đó: giảm 15 hộ nghèo và 28 hộ cận nghèo”)
          const totalChange = changeWordBefore(p.folded, total.start);
          const f = item.figures.find((x) => x.dimension === total.dimension && (x.dimension !== 'other' || foldVietnamese(x.unitText) === foldVietnamese(total.unitText)) && (changeWordBefore(item.para.folded, x.start) === null || (totalChange !== null && changeWordBefore(item.para.folded, x.start) === totalChange)));
          if (f === undefined) continue;
          // “Hộ nghèo có 10.689 hộ …, trong đó …; hộ cận nghèo có 14.994 hộ”: a parallel statement about other households ends the list
          const other = whose === null ? null : householdsOf(item.para, f);
          if ((whose === 'poor' && other === 'near-poor') || (whose === 'near-poor' && other === 'poor')) break;
          // “… chiếm 64%, tương đương 48.000 tỷ đồng”, “649 hộ, chiếm tỷ lệ 97% số hộ nghèo”: the part's printed share of the
          // total — only when the words after the percentage say so (“hộ nghèo 200 hộ, chiếm 2,5%” is a rate of all households)
          // “vốn huy động 200 triệu đồng (16,20%)”: a share in brackets right after an amount or a count of persons is its share
          const bracketed = (x: ProseFigure): boolean => (f.dimension === 'money' || f.dimension === 'persons') && x.start > f.end && /^\s*\(\s*$/.test(item.para.folded.slice(f.end, x.start)) && /^\s*\)/.test(item.para.folded.slice(x.end, x.end + 3));
          // …in the part's own clause: “…; hộ nghèo dân tộc thiểu số chiếm 78,44% tổng số hộ nghèo” is another clause's share, of its own base
          const share = item.all.find(
            (x) =>
              (x.start < f.end || !/[;.]\s/.test(item.para.text.slice(f.end, x.start))) &&
              ((x.dimension === 'percent' && x.range === undefined && bracketed(x)) ||
              (x.dimension === 'percent' &&
              /\bchiem(?: ty le| ti le)?\s*$/.test(item.para.folded.slice(Math.max(0, x.start - 16), x.start)) &&
              // money has no rate of households: “Ngân sách tỉnh: 9.250 triệu đồng, chiếm 9,01%” is its share of the total
              // …and a part of persons has none either: “… 450 người, trong đó lao động nữ 280 người, chiếm 62,22%” is its share
              // …nor a group of the total's own households (“8.215 hộ nghèo, trong đó hộ nghèo có chủ hộ là nữ 1.879 hộ, chiếm 22,87%”)
              (f.dimension === 'money' || SHARE_OF_TOTAL.test(item.para.folded.slice(x.end, x.end + 40)) || (((groupShare && groupOfTotal(item.label, whose)) || (f.dimension === 'persons' && !/\bngheo\b/.test(foldVietnamese(item.label)))) && /^\s*(?:[.;)]|$)/.test(item.para.folded.slice(x.end, x.end + 3)))))),
          );
          const part = fig(item.para, f, item.label);
          if (item.para !== p) listParts.add(`${item.para.block}:${f.start}`);
          parts.push(share === undefined ? part : { ...part, share: fig(item.para, share) });
          partFigures.push({ para: item.para, f });
        }
        if (parts.length === 0) continue;
        const s = sentenceAt(p, total.start);
        claims.push({
          kind: 'total-with-parts',
          connective: c.word,
          total: fig(p, total),
          parts,
          ...(partsAreSubsets(p, total, partFigures, inlineEnd, s.start) ? { subsets: true as const } : {}),
          ...(overlappingGroups(parts.map(partWords)) ? { overlapping: true as const } : {}),
          sentence: p.text.slice(s.start, Math.max(s.end, Math.min(inlineEnd, p.text.length))).trim(),
          location: { block: p.block, start: s.start, end: Math.max(s.end, inlineEnd) },
        });
      }
    });
  }

  /** “1.107.735 triệu đồng (Vốn đầu tư: 776.462 triệu đồng; Vốn sự nghiệp: 331.273 triệu đồng)”: a figure and its breakdown in brackets. */
  function breakdowns(p: Para): void {
    if (!p.text.includes('(')) return;
    const depthAt = p.depths;
    for (const total of p.figures) {
      if (total.dimension === 'percent' || total.dimension === 'other' || total.outOf !== undefined) continue;
      const open = /^\s*\(/.exec(p.text.slice(total.end, total.end + 4));
      if (open === null) continue;
      const from = total.end + open[0].length;
      const level = depthAt[from]!;
      let close = from;
      while (close < p.text.length && !(p.text[close] === ')' && depthAt[close] === level - 1)) close++;
      const inner = p.folded.slice(from, close);
      // an equivalent, a share, a change, a comparison or a series of years is not a breakdown; a connective inside is read above
      // …unless it splits a flow by the year of each part (“Số hộ mới thoát nghèo … là 202 hộ (năm 2023: 38 hộ; năm 2024: 89 hộ; năm 2025: 75 hộ)”)
      if (/^\s*(tuong duong|tuong ung|bang|chiem|tang|giam|them|so voi|ke hoach|kh\b|dat|trong do|bao gom|gom|cu the)/.test(inner) || (/\b(nam \d{4}|so voi|cung ky|ke hoach)\b|\d{4}\s*:/.test(inner) && !flowByYear(p.folded.slice(sentenceAt(p, total.start).start, total.start), inner))) continue;
      const inside = p.figures.filter((f) => f.start >= from && f.end <= close && depthAt[f.start] === level && f.dimension === total.dimension && f.outOf === undefined && !CHANGE_BEFORE.test(p.folded.slice(Math.max(0, f.start - 12), f.start)));
      // amounts per unit (“(xây mới 50 triệu đồng/căn, sửa chữa 20 triệu đồng/căn)”) price the parts: no breakdown
      if (inside.length < 2 || inside.some((f) => perUnit(p, f) !== perUnit(p, total))) continue;
      const parts: ClaimFigure[] = [];
      for (const piece of splitParts(p.text.slice(from, close), from, inside, depthAt)) {
        const figures = inside.filter((f) => f.start >= piece.start && f.end <= piece.end);
        const f = figures[0];
        if (f !== undefined) parts.push(fig(p, f, labelOf(p.text.slice(piece.start, piece.end), figures, piece.start)));
      }
      if (parts.length < 2) continue;
      const s = sentenceAt(p, total.start);
      claims.push({
        kind: 'total-with-parts',
        connective: '(…)',
        total: fig(p, total),
        parts,
        sentence: p.text.slice(s.start, Math.max(s.end, Math.min(close + 1, p.text.length))).trim(),
        location: { block: p.block, start: s.start, end: Math.max(s.end, close + 1) },
      });
    }
  }

  /** The words that name a part: its label and those printed right after its figure in its clause (“có 81 hộ có chủ hộ là nữ”: “có chủ hộ là nữ”). */
  function partWords(x: ClaimFigure): string {
    const q = paras[paraAt.get(x.location.block) ?? -1];
    return `${x.label ?? ''} ${q === undefined ? '' : (/^[^,;.()\d]*/.exec(q.text.slice(x.location.end))?.[0] ?? '')}`;
  }

  function labelOf(piece: string, figures: readonly ProseFigure[], offset: number): string {
    const first = figures[0];
    const tidy = (t: string): string => t.replace(LIST_ITEM, '').replace(/[:\s,;.()]+$/, '').replace(/^[\s:,;.()]+/, '').trim();
    const head = tidy(first === undefined ? piece : piece.slice(0, first.start - offset));
    if (head !== '' || first === undefined) return head;
    return tidy(piece.slice(first.end - offset));
  }

  function rateCountPairs(p: Para, pi: number): void {
    const percents = p.figures.filter((f) => f.dimension === 'percent');
    for (const r of percents) {
      // “P% (tương đương N hộ)” / “P%, tương ứng N hộ”
      if (used.has(`${p.block}:${r.start}`)) continue; // a part's share of its total, read above
      if (/^\s*(so voi\s+)?(tong\s+)?(ke hoach|chi tieu|kh)\b/.test(p.folded.slice(r.end, r.end + 30))) continue; // a percent of a plan (“chiếm 26,05% tổng chỉ tiêu”), read below
      const after = p.folded.slice(r.end, r.end + 60);
      // “P% (tương đương N hộ)”, also with a few words between: “chiếm 11% dân số toàn huyện (tương đương 669 hộ)”
      const eq = /^(?:\s+[\p{L}]+){0,5}?\s*[,.]?\s*\(?\s*(tuong duong voi|tuong duong|tuong ung voi|tuong ung|ung voi|bang|voi)\s*/u.exec(after);
      let count: ProseFigure | undefined;
      if (eq !== null) count = p.figures.find((f) => f.start === r.end + eq[0].length || (f.start >= r.end && f.start <= r.end + eq[0].length + 1 && f.dimension === 'households'));
      // “tỷ lệ hộ nghèo 5,26% (338/6.420 hộ)”: the count over its base, in brackets right after the rate
      if (count === undefined) count = p.figures.find((f) => f.dimension === 'households' && f.outOf !== undefined && f.start > r.end && /^\s*\(\s*$/.test(p.folded.slice(r.end, f.start)) && /^\s*\)/.test(p.folded.slice(f.end, f.end + 3)));
      // “Tỷ lệ hộ nghèo cuối năm 2026 là 18,74% (214 hộ)”: a rate named as such, its count alone in brackets right after it (not a cut: “giảm 1,87% (260 hộ)”)
      if (count === undefined && /\bt[yi] le (?:ho )?(?:can )?ngheo\b(?:(?!\b(?:giam|tang|ha|dat|bang|chiem)\b)[^%;\d]|(?:19|20)\d\d)*$/.test(p.folded.slice(Math.max(0, r.start - 80), r.start))) {
        count = p.figures.find((f) => f.dimension === 'households' && f.outOf === undefined && f.qualifier === null && f.start > r.end && /^\s*\(\s*$/.test(p.folded.slice(r.end, f.start)) && /^\s*(?:ngheo\s*|can ngheo\s*)?\)/.test(p.folded.slice(f.end, f.end + 14)));
      }
      if (count === undefined || count.dimension !== 'households') {
        // “N hộ, chiếm P%”, “N hộ nghèo (chiếm tỷ lệ P%)”, “N hộ; Tỷ lệ: P%”
        // …or the rate alone in brackets after the count (“còn 36.703 hộ (4,16%)”)
        const bracketed = /^\s*\)/.test(p.folded.slice(r.end, r.end + 3));
        // an aside in brackets between them (“19.965/371.154 hộ thuộc diện nghèo (giảm 5.842 hộ …), chiếm tỷ lệ 5,38%”) is skipped
        const between = (f: ProseFigure): string => p.folded.slice(f.end, r.start).replace(/^(\s*(?:thuoc dien |thuoc )?(?:can ngheo|ngheo)?)\s*\([^()%]*\)(?=\s*,)/, '$1');
        const back = [...p.figures].reverse().find((f) => f.dimension === 'households' && f.end <= r.start && !p.figures.some((g) => g.start > f.end && g.end <= r.start && g.dimension !== 'households') && (/^\s*(?:thuoc dien |thuoc )?(?:can ngheo|ngheo)?[\s,;(]*(?:(?:chiem|bang)(?: t[yi] le)?|t[yi] le(?: ho)?(?: can)?(?: ngheo)?(?: la)?\s*:?)\s*$/.test(between(f)) || (bracketed && /^\s*(?:can ngheo|ngheo)?\s*\(\s*$/.test(p.folded.slice(f.end, r.start)))));
        // “Tỷ lệ hộ nghèo là 2,93%; tổng số hộ nghèo là 815.101 hộ”: a rate that names its households, then their count —
        // unless the count before it is of the same households (“tổng số hộ nghèo là 2.338.569 hộ, tỷ lệ hộ nghèo là 9,88%”)
        const rateWords = /\bt[yi] le\b([^;.:%]*\bngheo\b[^;.:%]*)(?:\bla|:)\s*$/.exec(p.folded.slice(Math.max(0, r.start - 80), r.start));
        const fwd = rateWords === null ? null : /^\s*[;,]\s*(?:va\s+)?(?:tong )?so ho\b[^;.:%\d]{0,50}?(?:\bla|\bco|:)\s*/.exec(p.folded.slice(r.end, r.end + 80));
        const ahead = fwd === null ? undefined : p.figures.find((f) => f.start === r.end + fwd[0].length && f.dimension === 'households');
        const rateOf = rateWords === null ? null : /\bngheo da chieu\b/.test(rateWords[1]!) ? 'both' : subjectOf(rateWords[1]!.trim() === '' ? '' : `ho ${rateWords[1]!}`);
        count = ahead !== undefined && (back === undefined || householdsOf(p, back) !== (rateOf === 'poor-and-near-poor' ? 'both' : rateOf)) ? ahead : back;
      }
      if (count === undefined || count.dimension !== 'households') continue;
      const lead = p.folded.slice(Math.max(0, previousFigureEnd(p, Math.min(r.start, count.start))), Math.min(r.start, count.start));
      // the words right after the count name the households when the lead does not (“9.604 hộ nghèo, chiếm …”)
      const named = count.end <= r.start ? /^\s*(?:thuoc dien\s+)?(can ngheo|ngheo)\b/.exec(p.folded.slice(count.end, r.start)) : null;
      const subject = named !== null ? (named[1] === 'can ngheo' ? 'near-poor' : 'poor') : lastSubject(lead) ?? bracketedSubject(p, Math.min(r.start, count.start)) ?? endOfSentenceBefore(p, count);
      const tyLe = Math.max(lead.lastIndexOf('ty le'), lead.lastIndexOf('ti le'));
      // a population (ethnic minority…) or a part of the area (“Khu vực nông thôn có …”): its pairs have their own base
      const sentenceStart = sentenceAt(p, Math.min(r.start, count.start)).start;
      const areaAt = AREA.exec(p.folded.slice(sentenceStart, Math.min(r.start, count.start)));
      const area = areaAt === null ? '' : p.text.slice(sentenceStart + areaAt.index, sentenceStart + areaAt.index + areaAt[1]!.length).toLowerCase();
      const people = POPULATION.exec(tyLe >= 0 ? lead.slice(tyLe) : lead)?.[1] ?? '';
      // “chiếm 3,5% dân số”: a share of the people (“dân số”, “nhân khẩu”), not of the households — a base of its own
      const baseWords = /^\s*(?:%\s*)?(?:so voi |tren |cua )?(tong so ho[\p{L} ]{0,20}|so ho (?:ngheo|can ngheo)[\p{L} ]{0,10}|(?:tong )?dan so\b[\p{L} ]{0,20}|(?:tong )?so (?:dan|nhan khau)\b[\p{L} ]{0,20}|nhan khau\b[\p{L} ]{0,20})/u.exec(p.folded.slice(r.end, r.end + 40));
      const s = sentenceAt(p, r.start);
      // “chiếm 5,46% tổng số hộ dân cư toàn tỉnh (524.500 hộ)”: the base printed in brackets after its words
      const baseEnd = baseWords === null ? -1 : r.end + baseWords[0].length;
      const bracketedBase = baseWords === null || !/dan cu|ho dan|tu nhien|^tong so ho\s*$/.test(baseWords[1]!) ? undefined : p.figures.find((f) => f.dimension === 'households' && f.qualifier === null && f.start > baseEnd && /^[\p{L} ]{0,30}\(\s*$/u.test(p.folded.slice(baseEnd, f.start)) && /^\s*\)/.test(p.folded.slice(f.end, f.end + 3)));
      // “có 48.520 hộ dân cư, trong đó có 4.135 hộ nghèo, chiếm 8,25%”: the base the pair's own sentence prints just before it
      const sentenceBase = baseBeforeTrongDo(p, count, subject === 'poor' || subject === 'near-poor' || named !== null);
      // “Thôn 5 … với 32 hộ, chiếm 32,99% tổng số hộ nghèo của xã”: a share of the poor (or of “tổng số hộ …”) printed before
      // …of the moment the paragraph names before it when the poor are printed at two (“Trong tổng số hộ nghèo cuối năm …. Hộ nghèo tập trung … với 1.363 hộ, chiếm 85,13% số hộ nghèo toàn huyện”)
      const earlier = baseWords === null || count.qualifier !== null ? undefined : earlierTotal(p, pi, s.start, count, baseWords[1]!, areaOfBase(p.text.slice(r.end + baseWords.index + baseWords[0].length - baseWords[1]!.length, r.end + 80)), s.start, momentOf(p.folded.slice(0, Math.min(r.start, count.start))));
      if (earlier !== undefined) {
        claims.push(shareOfEarlier(p, s, earlier, count, r));
        continue;
      }
      pairCounts.add(`${p.block}:${count.start}`);
      // a place named at the head of the pair's clause is nearer than one the sentence named before (“… chung cả nước …: Tây Nguyên 8,39% với 129.160 hộ”)
      const scope = placeBefore(p, s.start, Math.min(r.start, count.start)) || scopeOf(p.text.slice(s.start, Math.min(r.start, count.start)));
      const moment = momentOf(p.folded.slice(s.start, Math.min(r.start, count.start)));
      // “Chỉ số có nhiều hộ nghèo thiếu hụt nhất là nhà tiêu hợp vệ sinh với 143 hộ (66,82%), tiếp đến là …”: a share of the poor
      const deprived = baseWords === null && sentenceBase === undefined && count.outOf === undefined ? deprivedOf(p.folded.slice(s.start, Math.min(r.start, count.start))) : null;
      claims.push({
        kind: 'rate-count',
        rate: fig(p, r),
        count: fig(p, count),
        subject: deprived ?? subject ?? 'other',
        population: people !== '' ? populationName(people) : area,
        base: deprived !== null ? `số hộ ${deprived === 'near-poor' ? 'cận nghèo' : 'nghèo'}` : baseWords === null || /dan cu|ho dan/.test(baseWords[1]!) ? 'households' : p.text.slice(r.end + baseWords.index + baseWords[0].length - baseWords[1]!.length, r.end + baseWords[0].length).trim(),
        date: dateNear(p, pi, Math.min(r.start, count.start), s.start),
        // “19.965/371.154 hộ …, chiếm tỷ lệ 5,38%”: the count over its base, both printed
        ...(deprived !== null ? {} : count.outOf !== undefined ? { printedBase: fig(p, slashPlan(p, count)) } : bracketedBase !== undefined ? { printedBase: fig(p, bracketedBase) } : sentenceBase !== undefined && baseWords === null ? { printedBase: fig(p, sentenceBase) } : printedBaseFor(p, pi, Math.min(r.start, count.start), people + area, baseWords === null || /dan cu|ho dan/.test(baseWords[1]!), moment, yearOf(p, s.start, Math.min(r.start, count.start)).year)),
        ...(scope === '' ? {} : { scope }),
        ...(moment === null ? {} : { moment }),
        ...yearOf(p, s.start, Math.min(r.start, count.start)),
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
    }
  }

  function yearOf(p: Para, from: number, to: number): { year?: string } {
    const years = [...p.folded.slice(from, to).matchAll(/(?<![\d.,/])((?:19|20)\d\d)(?![\d.,]\d)/g)].filter((m) => !p.figures.some((f) => f.start <= from + m.index && f.end > from + m.index));
    const last = years.pop();
    return last === undefined ? {} : { year: last[1]! };
  }

  /**
   * “có 48.520 hộ dân cư, trong đó có 4.135 hộ nghèo”, “Khu vực nông thôn có 1.870 hộ, trong đó 347 hộ nghèo”: the
   * households right before a “trong đó” that opens the count, in one clause of one sentence — the base of its rate
   * (`ofPoor`: the count is of the poor or near-poor). Also, for any group, when “trong đó” names it before its
   * count (“Tổng số 830 hộ, trong đó hộ nghèo 338 hộ (chiếm 40,72%)”), and the figure after “Trong (tổng) số” with the
   * count among it (“Trong tổng số 830 hộ có 338 hộ nghèo, chiếm 40,72%”).
   */
  function baseBeforeTrongDo(p: Para, count: ProseFigure, ofPoor: boolean): ProseFigure | undefined {
    const s = sentenceAt(p, count.start);
    const base = [...p.figures].reverse().find((f) => f.end <= count.start && f.start >= s.start);
    if (base === undefined || base.dimension !== 'households' || base.qualifier !== null || base.outOf !== undefined) return undefined;
    const between = p.folded.slice(base.end, count.start);
    if (ofPoor && BASE_THEN_TRONG_DO.test(between)) return base;
    // “Trong tổng số 830 hộ có 338 hộ nghèo, chiếm 40,72%”: the figure after “Trong (tổng) số”, the count among it
    if (/\btrong (?:(?:tong )?so\s+)?$/.test(p.folded.slice(s.start, base.start)) && AMONG_THEN.test(between)) return base;
    const named = BASE_THEN_NAMED_PART.exec(between);
    if (named === null) return undefined;
    // the base's own clause names a status (“Tổng số hộ nghèo và hộ cận nghèo là 500 hộ”): a status among it is no share of it
    const clause = p.folded.slice(Math.max(s.start, ...[',', ';', ':'].map((c) => p.folded.lastIndexOf(c, base.start - 1) + 1)), base.start);
    const baseOfStatus = /ngheo/.test(named[1] ?? '') || /\bngheo\b/.test(clause);
    return baseOfStatus && /ngheo/.test(named[2]!) ? undefined : base;
  }

  /**
   * “Tổng số hộ nghèo và hộ cận nghèo là 2.320 hộ” with no parts after it: the sum of the one count of the poor and the
   * one count of the near-poor of the whole area printed before (rate–count pairs: “… 1.068 hộ nghèo, chiếm 7,29%”);
   * for a total said of a moment (“… cuối năm 2026 là 527 hộ”), the counts of that moment and year when the text prints some.
   */
  function poorAndNearPoor(p: Para): void {
    for (const f of p.figures) {
      // the total may carry its own rate (“… là 2.320 hộ, chiếm 15,83% tổng số hộ dân cư”)
      if (f.dimension !== 'households' || qualified(f) || (used.has(`${p.block}:${f.start}`) && !pairCounts.has(`${p.block}:${f.start}`))) continue;
      const s = sentenceAt(p, f.start);
      if (!/\btong (?:so )?ho ngheo va (?:ho )?can ngheo(?: (?:toan|cua) [a-z ]{1,20}?)?(?: (?:dau|cuoi) nam (?:19|20)\d\d)?\s*(?:la|co|:)?\s*:?\s*$/.test(p.folded.slice(s.start, f.start))) continue;
      // parts printed after it (“…, trong đó hộ nghèo 97 hộ, …”) are read as its parts
      if (/^\s*(?:ho\s*)?[,;:]?\s*(?:trong do|gom|bao gom)\b/.test(p.folded.slice(f.end, f.end + 20))) continue;
      // a total said of a moment (“… cuối năm 2026 là 527 hộ”) adds the counts of that moment, when the text prints the poor at two
      const dated = [...p.folded.slice(s.start, f.start).matchAll(/\b(dau|cuoi) nam ((?:19|20)\d\d)\b/g)].pop();
      const at = dated === undefined ? undefined : { moment: dated[1] === 'dau' ? 'start' : 'end', year: dated[2]! };
      const one = (subject: 'poor' | 'near-poor'): ClaimFigure | undefined => {
        const all = claims.filter((c): c is RateCountClaim => c.kind === 'rate-count' && c.subject === subject && c.population === '' && c.scope === undefined && c.count.figure.qualifier === null && (c.count.location.block < p.block || c.count.location.end <= f.start));
        const ofMoment = at === undefined ? [] : all.filter((c) => c.moment === at.moment && c.year === at.year);
        const pairs = ofMoment.length > 0 ? ofMoment : all;
        const first = pairs[0];
        return first !== undefined && pairs.every((c) => compareFractions(c.count.figure.value, first.count.figure.value) === 0) ? first.count : undefined;
      };
      const poor = one('poor');
      const nearPoor = one('near-poor');
      if (poor === undefined || nearPoor === undefined) continue;
      claims.push({
        kind: 'total-with-parts',
        connective: 'gồm',
        total: fig(p, f),
        parts: [{ ...poor, label: 'hộ nghèo' }, { ...nearPoor, label: 'hộ cận nghèo' }],
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
    }
  }

  /** “Tổng số hộ (dân cư | tự nhiên): N hộ” in the paragraph before the pair or in the three before it, for a pair of all households. */
  /**
   * The count a share names after it, printed in an earlier sentence: “tổng số hộ nghèo (của xã)”,
   * “số hộ cận nghèo” — the whole area's poor (near-poor) printed before; “tổng số hộ” — a count
   * printed after “Tổng số hộ … là” (not of the households, “hộ dân cư”, a rate's base). A share
   * naming its area (“… của xã”, “… toàn huyện”, “… trên địa bàn tỉnh”, `area`) is of the counts of
   * that level (and place, when it names one) when the text prints some, else of those of no area
   * named — never of another level's. Only when those printed before, larger than the part, have one value.
   * The count may be in the part's own sentence before `until` (the part's start; else the sentence's).
   */
  function earlierTotal(p: Para, pi: number, sentenceStart: number, part: ProseFigure, words: string, area: NamedArea | null = null, until = sentenceStart, moment: 'start' | 'end' | null = null): { q: Para; f: ProseFigure } | undefined {
    const status = /^(?:tong )?so ho (can ngheo|ngheo)\b/.exec(words)?.[1];
    if (status === undefined && !/^tong so ho(?! dan| tu nhien| gia dinh)\b/.test(words)) return undefined;
    const found: Array<{ q: Para; f: ProseFigure }> = [];
    // a part said of a year is a share of the total of that year (“Cuối năm 2026 … chiếm 70,00% tổng số hộ nghèo”)
    const year = yearOf(p, sentenceStart, part.start).year;
    for (let k = pi; k >= Math.max(0, pi - 12); k--) {
      const q = paras[k]!;
      for (const f of [...q.figures].reverse()) {
        if (f.dimension !== 'households' || (k === pi && f.end > until) || qualified(f) || f.outOf !== undefined || compareFractions(f.value, part.value) <= 0) continue;
        const lead = q.folded.slice(sentenceAt(q, f.start).start, f.start);
        const at = yearOf(q, sentenceAt(q, f.start).start, f.start).year;
        if (CHANGE_BEFORE.test(lead) || SUB_AREA.test(lead.trimStart()) || (year !== undefined && at !== undefined && at !== year)) continue;
        // “số hộ nghèo … giảm 2.708 hộ, từ 14.015 hộ xuống còn 11.307 hộ”: the stock after the change is the total, the one it fell from is not
        const change = changeEnds(q, f);
        if (change === 'from') continue;
        const of = status === undefined ? (/\btong so ho\b(?! dan| tu nhien| gia dinh)[^.;,\d%]{0,40}$/.test(lead) ? 'named' : null) : change === 'to' ? householdsOfClause(q, f) : householdsOf(q, f);
        if (of === (status === undefined ? 'named' : status === 'ngheo' ? 'poor' : 'near-poor')) found.push({ q, f });
      }
    }
    const values = new Set(ofArea(found, area).map(({ f }) => `${f.value.num}/${f.value.den}`));
    if (values.size === 1 || moment === null) return values.size === 1 ? ofArea(found, area)[0] : undefined;
    // the poor at the start and at the end of the year printed before: the one of the share's moment (“Trong tổng số hộ nghèo cuối năm có …”)
    const atMoment = ofArea(found, area).filter(({ q, f }) => momentOf(q.folded.slice(sentenceAt(q, f.start).start, f.start)) === moment);
    return new Set(atMoment.map(({ f }) => `${f.value.num}/${f.value.den}`)).size === 1 ? atMoment[0] : undefined;
  }

  /**
   * “Trong tổng số hộ nghèo cuối năm có 1.412 hộ là đồng bào dân tộc thiểu số, chiếm 88,19%”: a group among the
   * poor (near-poor) named by words, not a figure, with its share — of the one count of those households at the
   * moment the words (or, naming none, the paragraph before them) name, printed before ({@link earlierTotal}).
   */
  function amongNamedStock(p: Para, pi: number): void {
    for (const m of p.folded.matchAll(/\btrong (?:tong )?so (ho (?:can )?ngheo)\b([^,;.\d%()]{0,40}?)\s*(?:,\s*)?(?:\bco\s+)(?=\d)/g)) {
      const part = p.figures.find((f) => f.start === m.index + m[0].length && f.dimension === 'households' && !qualified(f) && f.outOf === undefined && f.range === undefined);
      if (part === undefined || used.has(`${p.block}:${part.start}`)) continue;
      const s = sentenceAt(p, part.start);
      const share = p.figures.find((f) => f.start > part.end && f.end <= s.end);
      if (share === undefined || share.dimension !== 'percent' || qualified(share) || share.range !== undefined || used.has(`${p.block}:${share.start}`)) continue;
      // “…, chiếm 88,19%.” — of the group named, not of another base (“chiếm 3,5% tổng số hộ dân cư”)
      if (!/^[^\d%;.]*,\s*(?:chiem|bang)(?: t[yi] le)?\s*$/.test(p.folded.slice(part.end, share.start)) || !/^\s*(?:[.;,]|$)/.test(p.folded.slice(share.end, share.end + 3))) continue;
      const moment = momentOf(m[2]!) ?? momentOf(p.folded.slice(0, m.index));
      const total = earlierTotal(p, pi, s.start, part, m[1] === 'ho ngheo' ? 'so ho ngheo' : 'so ho can ngheo', null, s.start, moment);
      if (total !== undefined) claims.push(shareOfEarlier(p, s, total, part, share));
    }
  }

  /** A part's share (“chiếm …”) of a total printed earlier, the total left free for other readings (not marked used). */
  function shareOfEarlier(p: Para, s: { start: number; end: number }, total: { q: Para; f: ProseFigure }, part: ProseFigure, share: ProseFigure): TotalWithPartsClaim {
    return {
      kind: 'total-with-parts',
      connective: 'chiếm',
      total: { text: total.f.text, location: { block: total.q.block, start: total.f.start, end: total.f.end }, dimension: total.f.dimension, figure: total.f },
      parts: [{ ...fig(p, part), share: fig(p, share) }],
      totalElsewhere: true,
      sentence: p.text.slice(s.start, s.end).trim(),
      location: { block: p.block, start: s.start, end: s.end },
    };
  }

  /** The counts of the area a share names ({@link earlierTotal}): those of its level and place, else those of no area named. */
  function ofArea(found: ReadonlyArray<{ q: Para; f: ProseFigure }>, area: NamedArea | null): ReadonlyArray<{ q: Para; f: ProseFigure }> {
    if (area === null) return found;
    const of = found.map((x) => ({ ...x, area: areaOfFigure(x.q.text.slice(sentenceAt(x.q, x.f.start).start, x.f.start)) }));
    const same = of.filter((x) => x.area !== null && x.area.level === area.level && (area.place === null || x.area.place === null || x.area.place === area.place));
    return same.length > 0 ? same : of.filter((x) => x.area === null);
  }

  /**
   * The households of a pair in brackets that names none, as the clause before the brackets names them:
   * “- Hộ nghèo: 214 hộ, tỷ lệ 18,74% (đầu năm 255 hộ, tỷ lệ 22,63%)” — the start's pair is of the poor too.
   */
  /**
   * “Đầu năm 2026 toàn huyện có 1.861 hộ nghèo (12,82%). Đến cuối năm 2026 xuống còn 1.601 hộ (10,95%)”: an end
   * after “(xuống) còn” in a sentence naming no households is of the households the sentence before names last.
   */
  function endOfSentenceBefore(p: Para, count: ProseFigure): 'poor' | 'near-poor' | null {
    const si = p.sentences.findIndex((x) => count.start >= x.start && count.start < x.end);
    const s = p.sentences[si];
    const before = p.sentences[si - 1];
    if (s === undefined || before === undefined) return null;
    const head = p.folded.slice(s.start, count.start);
    if (!/\b(?:giam\s+)?(?:xuong\s+)?con(?: lai)?\s*$/.test(head) || /\bho\b|\d/.test(head.replace(/\b(?:19|20)\d\d\b/g, ''))) return null;
    return lastSubject(p.folded.slice(before.start, before.end));
  }

  function bracketedSubject(p: Para, at: number): 'poor' | 'near-poor' | null {
    const s = sentenceAt(p, at);
    const depth = p.depths[at] ?? 0;
    if (depth <= (p.depths[s.start] ?? 0)) return null;
    let open = at;
    while (open > s.start && !(p.text[open] === '(' && (p.depths[open + 1] ?? 0) === depth)) open--;
    return open > s.start ? lastSubject(p.folded.slice(s.start, open)) : null;
  }

  function printedBaseFor(p: Para, pi: number, before: number, population: string, ofHouseholds: boolean, moment: 'start' | 'end' | null = null, year?: string): { printedBase?: ClaimFigure } {
    // a pair about a part of the area (“khu vực nông thôn có …”) is not a share of the whole's households
    if (population !== '' || !ofHouseholds || SUB_AREA.test(p.folded.slice(sentenceAt(p, before).start, before).trimStart())) return {};
    // the base in the same paragraph, or in a list item or lead-in just before a run of list items (“+ Tổng số hộ tự nhiên: …”)
    for (let k = pi; k >= Math.max(0, pi - 3); k--) {
      const q = paras[k]!;
      // …or a paragraph of its own just before (“Tổng số hộ dân cư toàn huyện: 24.560 hộ.”)
      const statement = k === pi - 1 && q.block === p.block - 1 && !q.listItem && q.figures.length === 1;
      if (k < pi && !statement && (!paras[k + 1]!.listItem || paras[k + 1]!.block !== q.block + 1)) break;
      const base = [...q.figures].reverse().find((f) => (k < pi || f.end <= before) && isHouseholdBase(q.folded, f));
      if (base !== undefined) return { printedBase: fig(q, base) };
    }
    return moment === 'start' ? datedBaseFor(p, pi, before, year) : {};
  }

  /**
   * The households at the start of `year`, printed as such in this paragraph before `before` or in the three before it:
   * “… 2.845 hộ, tăng 37 hộ so với đầu năm 2026 (2.808 hộ)”, “Tổng số hộ dân cư đầu năm 2026 là 2.808 hộ” — for a pair
   * dated at that start (“đầu năm 2026 toàn xã có 312 hộ nghèo, chiếm tỷ lệ 11,11%”); none when two differ.
   */
  function datedBaseFor(p: Para, pi: number, before: number, year: string | undefined): { printedBase?: ClaimFigure } {
    // a pair that names no year (“(đầu năm 255 hộ, tỷ lệ 22,63%)”) takes a start that names none, or any year's
    const y = year === undefined ? String.raw`(?: (?:19|20)\d\d)?` : ` ${year}`;
    const bracketed = new RegExp(String.raw`\b(?:dau nam|dau ky)${y}\s*\(\s*$`);
    // “1.142 hộ dân cư (đầu năm là 1.127 hộ)”: the start's households in brackets after those at the review
    const inBrackets = new RegExp(String.raw`\bho(?: dan cu| gia dinh)?\s*\(\s*(?:so voi\s+)?(?:dau nam|dau ky)${y}\s*(?:la|co|:)?\s*$`);
    const named = new RegExp(String.raw`\btong so ho(?: dan cu| gia dinh| tu nhien)?(?: (?:toan|cua|tren dia ban) [a-z ]{1,20}?)?(?: vao)? (?:dau nam|dau ky)${y}\s*(?:la|co|:)\s*$`);
    const found: Array<{ q: Para; f: ProseFigure }> = [];
    for (let k = pi; k >= Math.max(0, pi - 3); k--) {
      const q = paras[k]!;
      for (const f of q.figures) {
        if (f.dimension !== 'households' || qualified(f) || (k === pi && f.end > before)) continue;
        const lead = q.folded.slice(Math.max(0, f.start - 80), f.start);
        const after = q.folded.slice(f.end, f.end + 16);
        if (/^\s*(?:ho\s+)?(?:can ngheo|ngheo)\b/.test(after)) continue;
        if (((bracketed.test(lead) || inBrackets.test(lead)) && /^\s*(?:ho\s*)?\)/.test(after)) || named.test(lead)) found.push({ q, f });
      }
    }
    const values = new Set(found.map(({ f }) => `${f.value.num}/${f.value.den}`));
    return values.size === 1 ? { printedBase: fig(found[0]!.q, found[0]!.f) } : {};
  }

  function changes(p: Para): void {
    for (const [si, whole] of p.sentences.entries()) for (const s of changeClauses(p, whole)) {
      const folded = p.folded.slice(s.start, s.end);
      // “… giảm xuống còn B”, “… từ A … còn B”: a verb of change, or a “từ” before the first figure
      // …or “từ A xuống B”, “tăng từ A lên B” with no “còn”: the “từ” side printed before the verb
      // each “còn” of the clause in turn (“cuối năm còn 74 hộ nghèo, tỷ lệ hộ nghèo giảm từ 7,15% xuống còn 4,95%, giảm 2,50%”: the second is the rate's end)
      const cons = [...folded.matchAll(/\b(xuong|giam|len|tang)?\s*con\s+/g)];
      const tuEnd = /(?<=\btu\s+\d[^;]*?)\b(xuong|len)(?:\s+muc)?\s+(?=\d)/.exec(folded);
      for (const con of cons.length > 0 ? cons : tuEnd === null ? [] : [tuEnd]) {
        const toAt = s.start + con.index + con[0].length;
        const to = p.figures.find((f) => f.start === toAt && (f.dimension === 'percent' || f.dimension === 'households'));
        if (to === undefined) continue;
        const from = [...p.figures].reverse().find((f) => f.end <= toAt && f.start >= s.start && f.dimension === to.dimension && !qualified(f));
        if (from === undefined) continue;
        // “giảm 2,51% (từ 17,52% xuống còn 15,01%)”, “giảm tỷ lệ hộ nghèo 0,7% (giảm từ 5,03% …)”: the change printed before its two ends
        const ahead = [...p.figures].reverse().find((f) => f.end <= from.start && f.start >= s.start && f.dimension === to.dimension && CHANGE_THEN_ENDS.test(p.folded.slice(f.end, from.start)) && /\b(giam|tang)\b[^;.\d%]{0,30}$/.test(p.folded.slice(Math.max(0, f.start - 40), f.start)));
        // …or after them, in the same clause (not “…, đạt 104,6% kế hoạch (kế hoạch giảm 2,4%)”)
        const after = p.figures.filter((f) => f.start > to.end && f.end <= s.end && f.dimension === to.dimension && !/;|\b(ke hoach|chi tieu|muc tieu|kh)\b/.test(p.folded.slice(to.end, f.start)));
        // with no “còn”, “giảm xuống 3,5%” after the two ends is another end, not the change
        // with no “còn”, the change is the first figure after the end (“…, phấn đấu giảm xuống 3,5% …, giảm 0,7%” is of another pair), and “giảm xuống 3,5%” is an end, not a change
        const noCon = !/\bcon\s+$/.test(con[0]);
        const change = ahead ?? (noCon ? after.slice(0, 1) : after).find((f) => /\b(giam|tang)(?: them| duoc| len| xuong)?\s*$/.test(p.folded.slice(Math.max(0, f.start - 14), f.start)) && !(noCon && /\b(?:xuong|len)\s*$/.test(p.folded.slice(Math.max(0, f.start - 8), f.start))));
        if (change === undefined && to.dimension === 'households' && con[1] !== undefined) {
          rateChange(p, si, from, to);
          break;
        }
        if (change === undefined || qualified(to) || qualified(change)) continue;
        // “Đầu năm 2024 … có 4.215 hộ nghèo …; đến cuối năm 2024 còn 3.647 hộ nghèo, giảm 568 hộ”: the two moments named
        const moments = /\b(dau nam|dau ky|dau giai doan)\b/.test(p.folded.slice(s.start, from.start)) && /\b(cuoi nam|cuoi ky|cuoi giai doan|den nay|hien nay)\b/.test(p.folded.slice(from.end, toAt));
        if (con[1] === undefined && !moments && !/\btu\s*$/.test(p.folded.slice(Math.max(0, from.start - 6), from.start))) continue;
        // “bình quân giảm 0,8%/năm”, “mỗi năm giảm …”: a yearly average, not the change between the two
        if (/^\s*\/\s*nam\b/.test(p.folded.slice(change.end, change.end + 8)) || /\b(binh quan|trung binh|moi nam|hang nam)\s+(giam|tang)/.test(p.folded.slice(Math.max(0, change.start - 30), change.start))) continue;
        const word = ahead === undefined ? /\b(giam|tang)(?: them| duoc| len| xuong)?\s*$/.exec(p.folded.slice(Math.max(0, change.start - 14), change.start))![1]! : [...p.folded.slice(Math.max(0, change.start - 40), change.start).matchAll(/\b(giam|tang)\b/g)].pop()![1]!;
        claims.push({
          kind: 'change',
          from: fig(p, from),
          to: fig(p, to),
          change: fig(p, change),
          direction: word === 'giam' ? 'down' : 'up',
          sentence: p.text.slice(s.start, s.end).trim(),
          location: { block: p.block, start: s.start, end: s.end },
        });
        // “giảm từ 1.861 hộ (12,82%) xuống còn 1.601 hộ (10,95%), giảm 260 hộ, tỷ lệ hộ nghèo giảm 1,87 điểm %”: the rates' cut after the count's
        if (to.dimension === 'households' && con[1] !== undefined) rateChange(p, si, from, to, change);
        changed.add(`${p.block}:${s.start}`);
        break;
      }
    }
  }

  /**
   * A cut of the poverty rate printed with its end and no start in its clause: “còn 7,93%, giảm 2,26 điểm
   * phần trăm so với đầu năm (9,94%)” (the start in brackets after “so với đầu năm”), “giảm tỷ lệ hộ nghèo
   * 1,20 điểm phần trăm, xuống còn 5,15%”, “còn 1.429 hộ nghèo, chiếm tỷ lệ 7,93%, giảm 2,01 điểm phần trăm
   * so với đầu năm” — the start then the one rate of all the poor at the start of that year printed before
   * (rate–count pairs of this paragraph and the three before). Not read when there are two such starts.
   */
  function rateCutsFromStart(p: Para, pi: number): void {
    for (const s of p.sentences) {
      if (changed.has(`${p.block}:${s.start}`)) continue;
      const folded = p.folded.slice(s.start, s.end);
      if (POPULATION.test(folded) || !/\bngheo\b/.test(folded)) continue;
      const inS = p.figures.filter((f) => f.start >= s.start && f.end <= s.end && f.dimension === 'percent' && !qualified(f) && f.range === undefined);
      const lead = (f: ProseFigure, n = 40): string => p.folded.slice(Math.max(s.start, f.start - n), f.start);
      // the end: after “còn”, or the rate of the count after “còn” (“còn 1.429 hộ nghèo, chiếm tỷ lệ 7,93%”)
      const end = inS.find((f) => /\b(?:xuong\s+)?con\s*$|\bcon\s+\d[\d.]*\s+ho ngheo\s*,?\s*(?:chiem\s*)?(?:t[yi] le\s*)?$/.test(lead(f, 50)));
      if (end === undefined || /\bcan ngheo\b/.test(p.folded.slice(s.start, end.start))) continue;
      // the cut: after “giảm”, either before the end (“giảm tỷ lệ hộ nghèo 1,20 điểm phần trăm, xuống còn 5,15%”) or after it (“…, giảm 2,26 điểm phần trăm so với đầu năm”)
      const cutBefore = inS.find((f) => f.end <= end.start && /\bgiam(?: t[yi] le ho ngheo)?\s*$/.test(lead(f)) && /^[^;.\d%]*$/.test(p.folded.slice(f.end, end.start).replace(/^\s*(?:diem\s*(?:%|phan tram))/, '')));
      // …against the start, or against another moment whose rate the brackets after it print (“so với cuối năm 2026 (18,35%)”)
      const cutAfter = inS.find((f) => f.start > end.end && /^[\s,;]*giam\s*$/.test(p.folded.slice(end.end, f.start)) && /^\s*(?:diem\s*(?:%|phan tram)|%)?\s*so voi (?:dau nam|dau ky|cuoi nam (?:19|20)\d\d|nam (?:19|20)\d\d)\b/.test(p.folded.slice(f.end, f.end + 40)));
      const cut = cutAfter ?? cutBefore;
      if (cut === undefined || isYearlyAverage(p.folded, cut) || (cutAfter !== undefined && cutBefore !== undefined)) continue;
      // a start in the clause (“từ 6,35% xuống còn 5,15%”) is read as a change elsewhere
      if (inS.some((f) => f !== cut && f !== end && f.end <= end.start && /\btu\s*$/.test(lead(f, 6)))) continue;
      const bracket = cutAfter === undefined ? undefined : p.figures.find((f) => f.dimension === 'percent' && f.start > cut.end && f.end <= s.end && !qualified(f) && /^\s*(?:diem\s*(?:%|phan tram)|%)?\s*so voi (?:dau nam|dau ky|cuoi nam|nam)(?: \d{4})?\s*\(\s*$/.test(p.folded.slice(cut.end, f.start)));
      if (cutAfter !== undefined && bracket === undefined && !/^\s*(?:diem\s*(?:%|phan tram)|%)?\s*so voi (?:dau nam|dau ky)\b/.test(p.folded.slice(cutAfter.end, cutAfter.end + 40))) continue;
      const start = bracket === undefined ? startRateBefore(p, pi, s.start) : fig(p, bracket);
      if (start === undefined) continue;
      const sentence = p.text.slice(s.start, s.end).trim();
      claims.push({ kind: 'change', from: start, to: fig(p, end), change: fig(p, cut), direction: 'down', sentence, location: { block: p.block, start: s.start, end: s.end } });
      changed.add(`${p.block}:${s.start}`);
    }
  }

  /**
   * “Tổng số hộ dân cư toàn xã … là 2.845 hộ, tăng 37 hộ so với đầu năm 2026 (2.808 hộ)”, “… 18.640 triệu đồng, tăng
   * 1.240 triệu đồng so với năm 2026 (17.400 triệu đồng)”: a figure, its change right after it, and the figure it is
   * compared with in brackets after “so với …”, all of one kind (households, money, persons; not rates). The change is
   * the difference of the two, in the direction printed.
   */
  function changesFromBracketedStart(p: Para): void {
    for (const change of p.figures) {
      if (change.dimension === 'percent' || qualified(change) || change.range !== undefined || used.has(`${p.block}:${change.start}`)) continue;
      const s = sentenceAt(p, change.start);
      if (changed.has(`${p.block}:${s.start}`)) continue;
      const verb = /\b(giam|tang)(?: them)?\s*$/.exec(p.folded.slice(Math.max(s.start, change.start - 12), change.start));
      if (verb === null) continue;
      const kind = (f: ProseFigure): boolean => f.dimension === change.dimension && foldVietnamese(f.unitText) === foldVietnamese(change.unitText);
      const from = p.figures.find((f) => f.start > change.end && f.end <= s.end);
      if (from === undefined || !kind(from) || qualified(from) || from.range !== undefined || used.has(`${p.block}:${from.start}`)) continue;
      if (!/^\s*(?:ho\s+)?(?:ngheo\s+|can ngheo\s+|dan cu\s+)?so voi (?:(?:dau|cuoi) (?:nam|ky)|nam|cung ky)(?: (?:19|20)\d\d)?\s*\(\s*$/.test(p.folded.slice(change.end, from.start)) || !/^\s*(?:ho\s*)?(?:ngheo\s*|can ngheo\s*|dan cu\s*)?\)/.test(p.folded.slice(from.end, from.end + 14))) continue;
      const to = [...p.figures].reverse().find((f) => f.end <= change.start && f.start >= s.start);
      if (to === undefined || !kind(to) || qualified(to) || to.range !== undefined || !/^\s*(?:ho\s*)?(?:ngheo\s*|can ngheo\s*|dan cu\s*)?[,;]\s*(?:giam|tang)(?: them)?\s*$/.test(p.folded.slice(to.end, change.start))) continue;
      claims.push({
        kind: 'change',
        from: fig(p, from),
        to: fig(p, to),
        change: fig(p, change),
        direction: verb[1] === 'giam' ? 'down' : 'up',
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
      changed.add(`${p.block}:${s.start}`);
    }
  }

  /**
   * “Tổng số hộ nghèo cuối năm 2026 là 259 hộ, chiếm tỷ lệ 9,10%, giảm 53 hộ so với đầu năm, tỷ lệ hộ nghèo
   * giảm 2,01%” after “đầu năm 2026 toàn xã có 312 hộ nghèo, chiếm tỷ lệ 11,11%”: the cuts printed right after a
   * pair of all the poor at the end of a year, of the count (“giảm 53 hộ”) and of the rate (“tỷ lệ hộ nghèo giảm
   * 2,01%”), measured from the one pair of all the poor at the start of that year (“đầu năm Y”, “cuối năm Y−1”)
   * printed before, in this paragraph or the three before it. Not read for a plan, a yearly average, a cut
   * against a plan, or when two different starts are printed.
   */
  function cutsAfterEndPair(p: Para, pi: number): void {
    for (const s of p.sentences) {
      if (changed.has(`${p.block}:${s.start}`)) continue;
      const folded = p.folded.slice(s.start, s.end);
      if (POPULATION.test(folded) || /\b(phan dau|muc tieu|ke hoach|du kien|binh quan|moi nam|hang nam)\b/.test(folded)) continue;
      const inS = (c: RateCountClaim): boolean => c.rate.location.block === p.block && c.rate.location.start >= s.start && c.rate.location.end <= s.end;
      const plain = (c: RateCountClaim): boolean => c.kind === 'rate-count' && c.subject === 'poor' && c.population === '' && c.scope === undefined && inS(c) && c.count.figure.qualifier === null && c.rate.figure.qualifier === null;
      const last = (c: RateCountClaim): number => Math.max(c.count.location.end, c.rate.location.end);
      // “- Hộ nghèo: 214 hộ, tỷ lệ 18,74% (đầu năm 255 hộ, tỷ lệ 22,63%); như vậy số hộ nghèo giảm 41 hộ, …”: the start in brackets right after the end
      const inBrackets = ((): { end: RateCountClaim; start: RateCountClaim; at: number } | undefined => {
        const pairs = claims.filter((c): c is RateCountClaim => c.kind === 'rate-count' && plain(c));
        for (const end of pairs) {
          if (end.moment === 'start') continue;
          const open = /^\s*\(/.exec(p.folded.slice(last(end), last(end) + 4));
          if (open === null) continue;
          const from = last(end) + open[0].length;
          const close = p.folded.indexOf(')', from);
          const start = pairs.find((c) => c.moment === 'start' && Math.min(c.count.location.start, c.rate.location.start) >= from && last(c) <= close);
          if (close < 0 || start === undefined || !/^\s*$/.test(p.folded.slice(last(start), close))) continue;
          return { end, start, at: close + 1 };
        }
        return undefined;
      })();
      let end: RateCountClaim;
      let start: RateCountClaim;
      let at: number;
      if (inBrackets !== undefined) ({ end, start, at } = inBrackets);
      else {
        const ends = claims.filter((c): c is RateCountClaim => c.kind === 'rate-count' && plain(c) && c.moment === 'end' && c.year !== undefined);
        if (ends.length !== 1) continue;
        end = ends[0]!;
        const year = Number(end.year);
        const blocks = new Set(paras.slice(Math.max(0, pi - 3), pi + 1).map((q) => q.block));
        const before = (c: RateCountClaim): boolean => c.rate.location.block < p.block || c.rate.location.end <= s.start;
        const starts = claims.filter((c): c is RateCountClaim => c.kind === 'rate-count' && c.subject === 'poor' && c.population === '' && c.scope === undefined && c.moment !== undefined && c.year !== undefined && startYearOf(c.moment, Number(c.year)) === year && c.moment === 'start' && blocks.has(c.rate.location.block) && before(c) && c.count.figure.qualifier === null && c.rate.figure.qualifier === null);
        const first = starts[0];
        const same = (a: ClaimFigure, b: ClaimFigure): boolean => compareFractions(a.figure.value, b.figure.value) === 0;
        if (first === undefined || starts.some((c) => !same(c.count, first.count) || !same(c.rate, first.rate))) continue;
        start = first;
        // the cuts follow the pair, clause by clause: “, giảm 53 hộ (so với đầu năm)”, “, tỷ lệ hộ nghèo giảm 2,01%”
        at = last(end);
      }
      const cuts: Array<{ f: ProseFigure; kind: 'households' | 'percent' }> = [];
      for (const f of p.figures) {
        if (f.start < at || f.end > s.end) continue;
        const between = p.folded.slice(at, f.start);
        // …also after “như vậy” and the households named again (“; như vậy số hộ nghèo giảm 41 hộ”)
        const lead = /^\s*\)?\s*(?:(?:ho\s+)?(?:ngheo\s*)?(?:so voi (?:dau nam|dau ky)(?: \d{4})?\s*)?)?[,;]\s*(?:nhu vay\s*,?\s*)?(?:(?:tong\s+)?so ho ngheo\s+)?((?:t[yi] le(?: ho)? ngheo\s+)?)giam(?: duoc)?\s*$/.exec(between);
        if (lead === null || qualified(f) || used.has(`${p.block}:${f.start}`)) break;
        const kind = lead[1] === '' ? 'households' : 'percent';
        if (f.dimension !== kind || (kind === 'households' && !/^\s*(?:ngheo\s*)?(?:so voi (?:dau nam|dau ky)(?: \d{4})?)?\s*(?:[,;.]|$)/.test(p.folded.slice(f.end, s.end)))) break;
        if (kind === 'percent' && (/^\s*\/\s*nam\b/.test(p.folded.slice(f.end, f.end + 8)) || /^\s*(?:diem\s*(?:%|phan tram)\s*)?so voi (?!dau nam|dau ky)/.test(p.folded.slice(f.end, f.end + 40)))) break;
        cuts.push({ f, kind });
        at = f.end;
      }
      if (cuts.length === 0) continue;
      const sentence = p.text.slice(s.start, s.end).trim();
      const location = { block: p.block, start: s.start, end: s.end };
      for (const { f, kind } of cuts) {
        claims.push({ kind: 'change', from: kind === 'households' ? start.count : start.rate, to: kind === 'households' ? end.count : end.rate, change: fig(p, f), direction: 'down', sentence, location });
      }
      changed.add(`${p.block}:${s.start}`);
    }
  }

  /**
   * The one poverty rate of all the poor at the start (“Đầu năm 2025, toàn huyện có 1.792 hộ nghèo, chiếm tỷ lệ
   * 9,94%”) among the rate–count pairs read in this paragraph before `before` and in the three paragraphs before
   * it: of the start of the year the sentence is about ({@link sentenceYear}; “cuối năm 2024” is the start of
   * 2025), else any pair dated at a start; undefined when none, or two that differ.
   */
  function startRateBefore(p: Para, pi: number, before: number): ClaimFigure | undefined {
    const s = sentenceAt(p, before);
    const y = sentenceYear(p, p.folded.slice(s.start, s.end));
    if (y === null) return undefined;
    const blocks = new Set(paras.slice(Math.max(0, pi - 3), pi + 1).map((q) => q.block));
    const atStart = (c: RateCountClaim): boolean => (y === undefined ? c.moment === 'start' : c.moment !== undefined && c.year !== undefined && startYearOf(c.moment, Number(c.year)) === y);
    const starts = claims.filter((c): c is RateCountClaim => c.kind === 'rate-count' && c.subject === 'poor' && c.population === '' && c.rate.figure.qualifier === null && blocks.has(c.rate.location.block) && (c.rate.location.block < p.block || c.rate.location.start < before) && atStart(c));
    const first = starts[0];
    if (first === undefined || starts.some((c) => compareFractions(c.rate.figure.value, first.rate.figure.value) !== 0)) return undefined;
    return first.rate;
  }

  /** A sentence read for changes: cut at its semicolons when it prints more than one end (“… xuống 2.215 hộ, giảm 265 hộ; tỷ lệ … (từ 9,92% xuống 8,86%)”). */
  function changeClauses(p: Para, s: { start: number; end: number }): Array<{ start: number; end: number }> {
    const ends = p.folded.slice(s.start, s.end).match(/\b(?:con|xuong|len)\s+(?=\d)/g) ?? [];
    if (ends.length < 2) return [s];
    const cuts = [...p.folded.slice(s.start, s.end).matchAll(/;/g)].map((m) => s.start + m.index).filter((at) => (p.depths[at] ?? 0) === 0);
    const bounds = [s.start, ...cuts.map((at) => at + 1), s.end];
    return cuts.length === 0 ? [s] : bounds.slice(0, -1).map((start, i) => ({ start, end: i === cuts.length ? s.end : cuts[i]! }));
  }

  /**
   * “giảm từ 3.586 hộ, chiếm 10,74% xuống còn 2.900 hộ, chiếm 8,65%. Tỷ lệ hộ nghèo giảm 2,2% …”: the
   * rates printed with the two counts, and the change of the rate printed after them (in the sentence
   * or at the start of the next).
   */
  function rateChange(p: Para, si: number, from: ProseFigure, to: ProseFigure, countChange?: ProseFigure): void {
    const s = p.sentences[si]!;
    // “1.861 hộ, chiếm 12,82%”, or the rate alone in brackets right after the count (“1.861 hộ (12,82%)”)
    const rateOf = (f: ProseFigure): ProseFigure | undefined =>
      p.figures.find((r) => r.dimension === 'percent' && r.start > f.end && r.qualifier === null && (/^\s*(?:can ngheo|ngheo)?[\s,(]*(?:chiem|t[yi] le)(?: t[yi] le)?\s*:?\s*$/.test(p.folded.slice(f.end, r.start)) || (/^\s*(?:can ngheo|ngheo)?\s*\(\s*$/.test(p.folded.slice(f.end, r.start)) && /^\s*\)/.test(p.folded.slice(r.end, r.end + 3)))));
    const r1 = rateOf(from);
    const r2 = rateOf(to);
    if (r1 === undefined || r2 === undefined || r1.end > to.start || r2.end > s.end) return;
    const next = p.sentences[si + 1];
    // after the count's own cut, the rate's cut is the next figure, named “tỷ lệ” (“…, giảm 260 hộ, tỷ lệ hộ nghèo giảm 1,87 điểm %”)
    const after = countChange ?? r2;
    const change = p.figures.find((f) => f.start > after.end && (countChange !== undefined || f.dimension === 'percent'));
    if (change === undefined || change.dimension !== 'percent' || change.qualifier !== null || change.end > (next?.end ?? s.end)) return;
    const inNext = next !== undefined && change.start >= next.start;
    const lead = p.folded.slice(inNext ? next.start : after.end, change.start);
    // “Tỷ lệ hộ nghèo giảm 2,2%”, “…, tỷ lệ giảm 2,09%”: of the same households, not of a population or a yearly average
    const said = /^[\s,;]*(?:t[yi] le(?: ho)?(?: can)?(?: ngheo)?(?: [a-z]+){0,3}?\s+)?(giam|tang)(?: duoc| xuong| len)?\s*$/.exec(lead);
    if (said === null || ((inNext || countChange !== undefined) && !/^[\s,;]*t[yi] le\b/.test(lead)) || POPULATION.test(lead) || /^\s*\/\s*nam\b/.test(p.folded.slice(change.end, change.end + 8))) return;
    if (/\bcan ngheo\b/.test(lead) !== /\bcan ngheo\b/.test(p.folded.slice(s.start, from.start))) return;
    const end = inNext ? next.end : s.end;
    claims.push({
      kind: 'change',
      from: fig(p, r1),
      to: fig(p, r2),
      change: fig(p, change),
      direction: said[1] === 'giam' ? 'down' : 'up',
      sentence: p.text.slice(s.start, end).trim(),
      location: { block: p.block, start: s.start, end },
    });
    changed.add(`${p.block}:${s.start}`);
    if (inNext) changed.add(`${p.block}:${next.start}`);
  }

  function previousFigureEnd(p: Para, before: number): number {
    let end = 0;
    for (const f of p.figures) if (f.end <= before && f.end > end) end = f.end;
    // a clause boundary is a better start
    const clause = Math.max(p.folded.lastIndexOf(';', before - 1), p.folded.lastIndexOf('. ', before - 1));
    return Math.max(end, clause + 1);
  }

  /** A date phrase before the figure in its sentence, else in the lead-in paragraphs before it (“… (đến tháng 7/2022):”). */
  function dateNear(p: Para, pi: number, figureAt: number, sentenceStart: number): string | null {
    // the last before the figure: “cuối năm 2021 … thì đến cuối năm 2024, … 36.703 hộ (4,16%)” is of 2024
    const own = [...p.folded.slice(sentenceStart, figureAt).matchAll(new RegExp(DATE.source, 'g'))].pop();
    if (own !== undefined) return p.text.slice(sentenceStart + own.index, sentenceStart + own.index + own[0].length);
    for (let k = pi - 1; k >= Math.max(0, pi - 3); k--) {
      const q = paras[k]!;
      if (q.listItem) continue;
      const m = DATE.exec(q.folded);
      if (m !== null) return q.text.slice(m.index, m.index + m[0].length);
      break;
    }
    return null;
  }

  /** “giảm 1,2% …, vượt chỉ tiêu 0,2% (chỉ tiêu giảm 1%)”: in one sentence, the result (after “giảm”, “tăng”), the verdict, the plan after it. */
  function againstPlan(p: Para): void {
    for (const m of p.folded.matchAll(/\b(vuot|chua dat|khong dat|dat)\s+(?:chi tieu|ke hoach|muc tieu)(?:\s+(?:de ra|duoc giao|giao|tinh giao|huyen giao|nam))?\s*/g)) {
      const s = sentenceAt(p, m.index);
      const after = m.index + m[0].length;
      const clauseFrom = Math.max(s.start, p.folded.lastIndexOf(';', m.index - 1) + 1);
      // the result: the last change of the clause before the verdict, outside brackets
      const achieved = [...p.figures].reverse().find((f) => f.end <= m.index && f.start >= clauseFrom && (f.dimension === 'percent' || f.dimension === 'households') && f.qualifier === null && p.depths[f.start] === p.depths[m.index] && /\b(?:giam|tang|thoat ngheo)(?: duoc| them)?\s*$/.test(p.folded.slice(Math.max(0, f.start - 14), f.start)) && !used.has(`${p.block}:${f.start}`));
      if (achieved === undefined) continue;
      const later = p.figures.filter((f) => f.start >= after && f.end <= s.end && f.dimension === achieved.dimension && f.qualifier === null && !p.folded.slice(after, f.start).includes(';'));
      const named = (f: ProseFigure): boolean => /\b(?:chi tieu|ke hoach|muc tieu|kh)\b(?:\s+(?:de ra|duoc giao|giao|tinh giao|huyen giao|nam \d{4}))?(?:\s+(?:la|:))?\s*(?:giam|tang)?\s*:?\s*$/.test(p.folded.slice(Math.max(m.index, f.start - 30), f.start));
      // the figure right after “vượt” is the margin; after “chưa đạt” too when the plan is printed after it (“chưa đạt chỉ tiêu 0,02% (chỉ tiêu giảm 3,26%)”)
      const first = later[0]?.start === after ? later[0] : undefined;
      const margin = first !== undefined && (m[1] === 'vuot' || (m[1] !== 'dat' && later.some((f) => f !== first && named(f)))) ? first : undefined;
      // “vượt chỉ tiêu Nghị quyết Hội đồng nhân dân huyện giao (giảm 2,50%)”: the plan in brackets after the words naming who set it
      const issued = (f: ProseFigure): boolean => f === later[0] && /^(?:[a-z]+\s+){0,10}\(\s*(?:(?:chi tieu|ke hoach|kh)\s*:?\s*)?(?:giam|tang)?\s*$/.test(p.folded.slice(after, f.start));
      const plan = later.find((f) => f !== margin && (f.start === after || issued(f) || named(f)));
      if (plan === undefined) continue;
      const pct = p.figures.find((f) => f.dimension === 'percent' && f.start > plan.end && f.end <= s.end && /\bdat\s*$/.test(p.folded.slice(Math.max(0, f.start - 6), f.start)) && /^\s*(?:so voi\s+)?(?:ke hoach|chi tieu|kh)\b/.test(p.folded.slice(f.end, f.end + 20)));
      const verdict = m[1] === 'vuot' ? 'beyond' : m[1] === 'dat' ? 'met' : 'short';
      claims.push({
        kind: 'against-plan',
        achieved: fig(p, achieved),
        plan: fig(p, plan),
        verdict,
        verdictText: p.text.slice(m.index, m.index + m[0].trimEnd().length),
        margin: margin === undefined ? null : fig(p, margin),
        percent: pct === undefined ? null : fig(p, pct),
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
    }
  }

  function percentOfPlan(p: Para): void {
    // “chiếm” only after a figure out of another (“8/10 thôn đạt chuẩn, chiếm 80%”): elsewhere it is a rate of households
    const re = /\b(dat|bang|chiem)(?: t[yi] le)?\s+/g;
    const depthAt = p.depths;
    for (let m = re.exec(p.folded); m !== null; m = re.exec(p.folded)) {
      const pct = p.figures.find((f) => f.dimension === 'percent' && f.start === m!.index + m![0].length);
      if (pct === undefined || used.has(`${p.block}:${pct.start}`)) continue;
      const tail = /^\s*(so voi\s+)?(ke hoach|chi tieu|kh)\b/.exec(p.folded.slice(pct.end, pct.end + 30));
      const clauseStart = Math.max(p.folded.lastIndexOf(';', m.index), p.folded.lastIndexOf('. ', m.index), 0);
      const before = [...p.figures].reverse().filter((f) => f.end <= m!.index && f.start >= clauseStart);
      // “đã giải ngân được 712.115/1.239.405 triệu đồng, đạt tỷ lệ 57,46%”: the plan is the figure after the slash
      const outOf = (before[0]?.outOf === undefined || before[0].dimension === 'percent' ? undefined : before[0]) ?? slashInBrackets(p, pct);
      // “Số vốn còn lại chưa giải ngân là 57.705,8 triệu đồng, chiếm 34,93% kế hoạch vốn”: a part of the capital plan
      const ofCapitalPlan = CAPITAL_PLAN_AFTER.test(p.folded.slice(pct.end, pct.end + 40));
      if ((tail === null || (m[1] === 'chiem' && !ofCapitalPlan)) && outOf === undefined) continue;
      const afterPlan = tail === null ? '' : p.folded.slice(pct.end + tail[0].length, pct.end + tail[0].length + 60);
      // “đạt 62,9% kế hoạch (kế hoạch 245 hộ)”, “so với kế hoạch giao (245 hộ)”, “(KH: 245 hộ)”, “kế hoạch tỉnh giao (kế hoạch giảm 2,4%)”,
      // “kế hoạch vốn ngân sách Trung ương đã giao (450 tỷ đồng)”
      const planMatch = tail === null ? null : /^(?:\s*(?:\(|:|(?:tinh|huyen|xa|cap tren|tren|giao|de ra|dat ra|nam(?: \d{4})?|la|ke hoach|kh|giam|tang|von|kinh phi|giai ngan|duoc giao|da giao|ngan sach|trung uong|dia phuong|dau tu(?: phat trien)?|su nghiep|phan bo|bo tri|(?:sau )?dieu chinh)\b))*\s*/.exec(afterPlan);
      const planAt = tail === null || planMatch === null ? -1 : pct.end + tail[0].length + planMatch[0].length;
      const printedPlan = p.figures.find((f) => f.start === planAt);
      // the achievement: the last figure of the clause outside brackets (“giảm 2,51% (từ 17,52% xuống còn 15,01%), đạt …”);
      // a percentage only when the plan printed is one too
      // …of the plan's kind when the plan is printed (“1.245 hộ được vay vốn với dư nợ 45.600 triệu đồng, đạt 103,75% kế hoạch (kế hoạch 1.200 hộ)”)
      // …never the plan itself, named as such before it (“Kế hoạch vốn giao là 450 tỷ đồng, … giải ngân đạt 92,5% kế hoạch vốn giao (450 tỷ đồng)”)
      const outside = before.filter((f) => depthAt[f.start] === depthAt[m!.index] && (f.dimension !== 'percent' || printedPlan?.dimension === 'percent') && !PLAN_NAMED.test(p.folded.slice(previousFigureEnd(p, f.start), f.start)));
      const inClause = outOf ?? outside.find((f) => printedPlan !== undefined && f.dimension === printedPlan.dimension && (f.dimension !== 'other' || foldVietnamese(f.unitText) === foldVietnamese(printedPlan.unitText))) ?? outside[0];
      // “đạt 121,00% so với kế hoạch (kế hoạch 25 hộ, thực hiện 28 hộ)”: the result printed after its plan, in the brackets
      // …or after the plan's brackets (“giải ngân đạt 92,5% kế hoạch vốn giao (450 tỷ đồng), tương đương 416,25 tỷ đồng”)
      const achieved = inClause ?? (printedPlan === undefined ? undefined : (doneAfterPlan(p, printedPlan) ?? amountAfterPlan(p, pct, printedPlan)));
      if (achieved === undefined) {
        // “Số hộ thoát nghèo đạt 112,50% so với kế hoạch giao (250 hộ)”: the exits of the year's flow printed before
        // …else the cut of the year read before, the plan's cut printed after (“Kết quả giảm nghèo năm 2026 đạt 104% so với kế hoạch (kế hoạch giảm 250 hộ nghèo)”)
        if (printedPlan !== undefined && tail !== null) {
          if (!exitsAgainstPlan(p, m.index, pct, printedPlan)) plansOfCuts.push({ at: m.index, pct, plan: printedPlan });
        }
        else if (tail !== null) plansOfCuts.push({ at: m.index, pct }); // read once the paragraph's changes are
        continue;
      }
      const plan = outOf !== undefined ? slashPlan(p, outOf) : printedPlan?.dimension === achieved.dimension ? printedPlan : tail === null ? undefined : planBefore(p, achieved);
      // “đạt 65,07% kế hoạch vốn” with the year's capital plan printed in a section before (“Tổng kế hoạch vốn năm 2027 là …”)
      const earlier = plan === undefined && outOf === undefined && ofCapitalPlan && achieved.dimension === 'money' ? capitalPlanBefore(p, achieved) : undefined;
      const words = foldVietnamese(p.text.slice(Math.max(clauseStart, (inClause === undefined ? m.index : achieved.start) - 60), inClause === undefined ? m.index : achieved.start))
        .replace(/[^\p{L}\s]/gu, ' ')
        .split(/\s+/)
        .filter((w) => w !== '' && !['cho', 'la', 'duoc', 'khoang', 'hon', 'tren', 'gan', 'xap', 'xi', 'voi', 'dat', 'it', 'nhat'].includes(w));
      const s = sentenceAt(p, achieved.start);
      claims.push({
        kind: 'percent-of-plan',
        achieved: fig(p, achieved),
        percent: fig(p, pct),
        plan: earlier !== undefined ? fig(earlier.q, earlier.f) : plan === undefined ? null : plan.start === achieved.start ? { text: plan.text, location: { block: p.block, start: plan.numberStart, end: plan.end }, dimension: plan.dimension, figure: plan } : fig(p, plan),
        measure: `${words.slice(-4).join(' ')} (${achieved.dimension})`,
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
    }
  }

  /** “(kế hoạch 25 hộ, thực hiện 28 hộ)”: the figure of the plan's dimension right after it, named the result. */
  function doneAfterPlan(p: Para, plan: ProseFigure): ProseFigure | undefined {
    const next = p.figures.find((f) => f.start >= plan.end);
    if (next === undefined || next.dimension !== plan.dimension || qualified(next) || (p.depths[next.start] ?? 0) !== (p.depths[plan.start] ?? 0)) return undefined;
    return /^\s*[,;]\s*(?:thuc hien|ket qua|dat duoc|da thuc hien)\s*:?\s*$/.test(p.folded.slice(plan.end, next.start)) ? next : undefined;
  }

  /**
   * “Tỷ lệ giải ngân đạt 92,5% (416,25/450 tỷ đồng)”, “đạt 95,2% kế hoạch (đạt 416,25/450 tỷ đồng)”: the done out of
   * planned in brackets right after the percentage (or after its “kế hoạch …” words), alone in them.
   */
  function slashInBrackets(p: Para, pct: ProseFigure): ProseFigure | undefined {
    const next = p.figures.find((f) => f.start > pct.end);
    if (next === undefined || next.outOf === undefined || next.dimension === 'percent' || qualified(next)) return undefined;
    const lead = /^\s*(?:(?:so voi\s+)?(?:ke hoach|kh)\b[\p{L} ]{0,40})?\(\s*(?:(?:da\s+)?(?:dat|giai ngan|thuc hien)(?:\s+duoc)?\s*:?\s*)?$/u;
    return lead.test(p.folded.slice(pct.end, next.start)) && /^\s*\)/.test(p.folded.slice(next.end, next.end + 3)) ? next : undefined;
  }

  /**
   * “đạt 92,5% kế hoạch vốn giao (450 tỷ đồng), tương đương 416,25 tỷ đồng”: the amount achieved, of the plan's
   * kind, right after the plan's closing bracket, said equal to the percentage (“tương đương”, “tương ứng”, “với số vốn”).
   */
  function amountAfterPlan(p: Para, pct: ProseFigure, plan: ProseFigure): ProseFigure | undefined {
    const next = p.figures.find((f) => f.start >= plan.end);
    if (next === undefined || next.dimension !== plan.dimension || plan.dimension !== 'money' || qualified(next) || next.outOf !== undefined) return undefined;
    if ((p.depths[plan.start] ?? 0) !== (p.depths[pct.start] ?? 0) + 1 || (p.depths[next.start] ?? 0) !== (p.depths[pct.start] ?? 0)) return undefined;
    return /^\s*\)\s*,?\s*(?:(?:tuong duong|tuong ung)(?: voi)?|voi)\s+(?:(?:so von|so tien|kinh phi)(?: (?:da )?giai ngan)?\s+)?(?:la\s+)?$/.test(p.folded.slice(plan.end, next.start)) ? next : undefined;
  }

  /**
   * “Số hộ thoát nghèo đạt 112,50% so với kế hoạch giao (250 hộ)”: a percent of a plan of exits, with no result in its
   * sentence, is on the exits of the one flow printed before it (“Trong năm có 288 hộ thoát nghèo, …”).
   */
  function exitsAgainstPlan(p: Para, at: number, pct: ProseFigure, plan: ProseFigure): boolean {
    const s = sentenceAt(p, at);
    const head = p.folded.slice(s.start, at);
    if (plan.dimension !== 'households' || !/^\s*(?:[-+•]\s*)?(?:ket qua\s+)?(?:tong\s+)?so ho (?:ngheo\s+)?(?:da\s+|duoc\s+)?thoat ngheo(?: trong nam| nam \d{4})?\s*$/.test(head)) return false;
    const last = flowExits[flowExits.length - 1];
    if (last === undefined || flowExits.some((f) => compareFractions(f.figure.value, last.figure.value) !== 0)) return false;
    claims.push({
      kind: 'percent-of-plan',
      achieved: last,
      percent: fig(p, pct),
      plan: fig(p, plan),
      measure: `so ho thoat ngheo (households)`,
      sentence: p.text.slice(s.start, s.end).trim(),
      location: { block: p.block, start: s.start, end: s.end },
    });
    return true;
  }

  /**
   * “… giảm 260 hộ so với đầu năm. So với chỉ tiêu Nghị quyết HĐND huyện giao (giảm 250 hộ nghèo, tỷ lệ giảm 1,8%),
   * số hộ nghèo giảm đạt 104% kế hoạch”: a percent of the plan of a cut of the households, the plan's cut printed in
   * brackets after “chỉ tiêu/kế hoạch … giao” earlier in the sentence, and the cut achieved the last change of those
   * households read in this paragraph or the one before.
   */
  function cutAgainstPlanBefore(p: Para, at: number, pct: ProseFigure, printed?: ProseFigure): void {
    const s = sentenceAt(p, at);
    // …or, the plan's cut printed after the percent, “Kết quả giảm nghèo (năm 2026) đạt …”, “Số hộ nghèo giảm trong năm 2026 đạt …”
    const head =
      /\bso ho (ngheo|can ngheo) (?:da\s+)?giam(?: duoc)?\s*$/.exec(p.folded.slice(s.start, at)) ??
      (printed === undefined ? null : /^\s*(?:[-+•]\s*)?(?:ket qua\s+)?(?:giam (?:so ho\s+)?|so ho (?=(?:can )?ngheo giam))(ngheo|can ngheo)(?: giam)?(?: (?:trong )?nam ((?:19|20)\d\d))?\s*$/.exec(p.folded.slice(s.start, at)));
    if (head === null) return;
    const whose = head[1] === 'ngheo' ? /^\s*(?:ho\s+)?ngheo\b/ : /^\s*(?:ho\s+)?can ngheo\b/;
    if (printed !== undefined && (printed.dimension !== 'households' || qualified(printed) || !/\bgiam\s*$/.test(p.folded.slice(Math.max(s.start, printed.start - 8), printed.start)) || !whose.test(p.folded.slice(printed.end, printed.end + 16)))) return;
    const plans = printed !== undefined ? [printed] : p.figures.filter((f) => f.start >= s.start && f.end <= at && f.dimension === 'households' && !qualified(f) && f.outOf === undefined && (p.depths[f.start] ?? 0) > (p.depths[at] ?? 0) && /\bgiam\s*$/.test(p.folded.slice(Math.max(s.start, f.start - 8), f.start)) && whose.test(p.folded.slice(f.end, f.end + 16)) && /\b(?:chi tieu|ke hoach)\b[^()]*\(\s*[^()]*$/.test(p.folded.slice(s.start, f.start)));
    if (plans.length !== 1) return;
    const change = [...claims].reverse().find((c): c is ChangeClaim => c.kind === 'change' && c.change.dimension === 'households' && c.direction === 'down' && (c.location.block === p.block ? c.location.end <= s.start : true));
    const q = change === undefined ? undefined : paras[paraAt.get(change.location.block) ?? -1];
    if (change === undefined || q === undefined || paras.indexOf(q) < paras.indexOf(p) - 1) return;
    // the households the end names, after it (“còn 1.601 hộ nghèo”) or before it in its sentence (“hộ nghèo còn 1.601 hộ”)
    // …or, when the end names none (“xuống còn 1.601 hộ (10,95%)”), those the start names
    const subjectAt = (f: ClaimFigure): 'poor' | 'near-poor' | 'both' | null => {
      const r = paras[paraAt.get(f.location.block) ?? -1];
      return r === undefined ? null : (subjectAfter(r.folded.slice(f.location.end, f.location.end + 30)) ?? lastSubject(r.folded.slice(sentenceAt(r, f.location.start).start, f.location.start)));
    };
    const subject = subjectAt(change.to) ?? (printed === undefined ? null : subjectAt(change.from));
    if (subject !== (head[1] === 'ngheo' ? 'poor' : 'near-poor')) return;
    // the year the head names is the change's, when its sentence names one
    const years = [...foldVietnamese(change.sentence).matchAll(/(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)/g)].map((m) => m[1]);
    if (printed !== undefined && head[2] !== undefined && years.length > 0 && !years.includes(head[2])) return;
    claims.push({
      kind: 'percent-of-plan',
      achieved: change.change,
      percent: fig(p, pct),
      plan: fig(p, plans[0]!),
      measure: `so ho ${head[1]} giam (households)`,
      sentence: p.text.slice(s.start, s.end).trim(),
      location: { block: p.block, start: s.start, end: s.end },
    });
  }

  /**
   * “Năm 2025, huyện được giao chỉ tiêu giảm 420 hộ nghèo. Đến 30/6/2025 đã có 441 hộ thoát nghèo, đạt
   * 105% kế hoạch”: the plan printed before the achievement, in its sentence or the one before — the one
   * figure of its dimension there named by “chỉ tiêu” or “kế hoạch”, of the same households (poor,
   * near-poor). Undefined when there is none, or more than one.
   */
  function planBefore(p: Para, achieved: ProseFigure): ProseFigure | undefined {
    const si = p.sentences.findIndex((x) => achieved.start >= x.start && achieved.start < x.end);
    const from = p.sentences[Math.max(0, si - 1)]?.start ?? 0;
    const whose = (f: ProseFigure): string => /^\s*(?:(?:da |duoc )?thoat\s+)?(can ngheo|ngheo)?/.exec(p.folded.slice(f.end, f.end + 20))![1] ?? '';
    // …or, for money, the amount given (“Tổng nguồn vốn … năm 2026 được giao là 52.400 triệu đồng” before “giải ngân đạt 87,5% kế hoạch vốn”)
    const named = (f: ProseFigure): boolean => {
      const lead = p.folded.slice(Math.max(from, f.start - 40), f.start).replace(YEAR_NAMED, 'nam');
      return /\b(?:chi tieu|ke hoach)\b[^;.\d%()]{0,30}$/.test(lead) || (f.dimension === 'money' && /\b(?:duoc|da)\s+giao(?:\s+la)?\s*:?\s*$/.test(lead));
    };
    const found = p.figures.filter((f) => f.start >= from && f.end <= achieved.start && f.dimension === achieved.dimension && f.outOf === undefined && f.qualifier === null && named(f) && (f.dimension !== 'households' || whose(f) === whose(achieved)));
    return found.length === 1 ? found[0] : undefined;
  }

  /**
   * “Tổng kế hoạch vốn năm 2027 là 165.218,5 triệu đồng, gồm: …” in a section before “… đã giải ngân 107.512,7
   * triệu đồng, đạt 65,07% kế hoạch vốn”: the amounts named the capital plan (“(tổng) kế hoạch vốn [năm …] là”)
   * in the paragraphs before the achievement, when they have one value and the achievement is less than it.
   */
  function capitalPlanBefore(p: Para, achieved: ProseFigure): { q: Para; f: ProseFigure } | undefined {
    const one = oneAmountBefore(p, achieved, (q, f) => CAPITAL_PLAN_BEFORE.test(q.folded.slice(Math.max(sentenceAt(q, f.start).start, f.start - 60), f.start).replace(YEAR_NAMED, 'nam')));
    if (one === undefined || one.f.moneyUnit !== achieved.moneyUnit) return undefined;
    return compareFractions(achieved.value, one.f.value) < 0 ? one : undefined;
  }

  /** The exact amounts before `at` in the document (its own paragraph up to it) that `named` accepts, when they have one value: the first of them. */
  function oneAmountBefore(p: Para, at: ProseFigure, named: (q: Para, f: ProseFigure) => boolean): { q: Para; f: ProseFigure } | undefined {
    const found: Array<{ q: Para; f: ProseFigure }> = [];
    for (const q of paras) {
      if (q.block > p.block) break;
      for (const f of q.figures) {
        if (f.dimension !== 'money' || f.outOf !== undefined || f.qualifier !== null || f.range !== undefined || (q === p && f.start >= at.start)) continue;
        if (named(q, f)) found.push({ q, f });
      }
    }
    const one = found[0];
    return one !== undefined && found.every((x) => compareFractions(x.f.value, one.f.value) === 0) ? one : undefined;
  }

  /**
   * “Số vốn còn lại chưa giải ngân là 57.705,8 triệu đồng” after “Tổng kế hoạch vốn năm 2027 là 165.218,5 triệu
   * đồng” and “… đã giải ngân 107.512,7 triệu đồng”: what is left is the capital plan less what was disbursed, each the
   * one amount of its name printed before (checked as a change: plan − disbursed = left, the finding at the amount left).
   */
  function remainderOfPlan(p: Para): void {
    for (const left of p.figures) {
      if (left.dimension !== 'money' || left.qualifier !== null || left.range !== undefined || left.outOf !== undefined) continue;
      const s = sentenceAt(p, left.start);
      if (!REMAINING_BEFORE.test(p.folded.slice(Math.max(s.start, left.start - 60), left.start))) continue;
      const plan = capitalPlanBefore(p, left);
      const disbursed = disbursedBefore(p, left);
      if (plan === undefined || disbursed === undefined || disbursed.f.moneyUnit !== left.moneyUnit || plan.f.moneyUnit !== left.moneyUnit) continue;
      claims.push({
        kind: 'change',
        from: fig(plan.q, plan.f),
        to: fig(disbursed.q, disbursed.f),
        change: fig(p, left),
        direction: 'down',
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
    }
  }

  /** The one amount said disbursed (“đã giải ngân 107.512,7 triệu đồng”, “giải ngân được …”) in the paragraphs before `at`, when all such amounts have one value. */
  function disbursedBefore(p: Para, at: ProseFigure): { q: Para; f: ProseFigure } | undefined {
    return oneAmountBefore(p, at, (q, f) => /\b(?:toan huyen |toan tinh |toan xa )?(?:da |luy ke )?giai ngan(?: duoc)?\s*:?\s*$/.test(q.folded.slice(Math.max(0, f.start - 40), f.start)));
  }

  /** The one base of all households the document prints (“Tổng số hộ dân cư toàn huyện: 24.560 hộ”); undefined when none, or more than one value. Found once: it depends on the document only. */
  function documentBase(): ClaimFigure | undefined {
    documentBaseFound ??= { figure: findDocumentBase() };
    return documentBaseFound.figure;
  }
  function findDocumentBase(): ClaimFigure | undefined {
    const found: Array<{ p: Para; f: ProseFigure }> = [];
    for (const q of paras) for (const f of q.figures) if (f.qualifier === null && isHouseholdBase(q.folded, f)) found.push({ p: q, f });
    const values = new Set(found.map(({ f }) => `${f.value.num}/${f.value.den}`));
    if (values.size !== 1) return undefined;
    const { p, f } = found[0]!;
    return { text: f.text, location: { block: p.block, start: f.start, end: f.end }, dimension: f.dimension, figure: f };
  }

  /**
   * “… xuống còn 9,66% (cuối năm 2023), bình quân mỗi năm giảm 1,92%”, “giảm 3,64%, bình quân 1,21%/năm”:
   * a yearly average, with the change it averages (printed before it in the sentence, or its two ends)
   * and the years named in the sentence (or, when it names fewer than two, in the paragraph before it).
   */
  function yearlyAverages(p: Para): void {
    if (!/\b(binh quan|trung binh|moi nam|hang nam)\b|\/\s*nam\b/.test(p.folded)) return;
    for (const s of p.sentences) {
      for (const avg of p.figures) {
        // “mỗi năm giảm 1–1,5%”: a range of averages is read as its interval
        const rangeOfAverages = avg.range !== undefined && avg.qualifier?.word === '';
        // points of a rate, or households and persons (“số hộ nghèo giảm 1.250 hộ, bình quân mỗi năm giảm 250 hộ”)
        const sameMeasure = (f: ProseFigure): boolean => f.dimension === avg.dimension && (avg.dimension === 'percent' || foldVietnamese(f.unitText) === foldVietnamese(avg.unitText));
        if ((avg.dimension !== 'percent' && avg.dimension !== 'households' && avg.dimension !== 'persons') || avg.start < s.start || avg.end > s.end || (avg.qualifier !== null && !rangeOfAverages && !(qualified(avg) && avg.range === undefined)) || used.has(`${p.block}:${avg.start}`)) continue;
        const lead = p.folded.slice(Math.max(s.start, avg.start - 40), avg.start);
        const perYear = /^\s*\/\s*nam\b/.test(p.folded.slice(avg.end, avg.end + 8));
        // “bình quân … mỗi năm toàn tỉnh giảm 1,55%”: the place may stand between
        const averageWords = /\b(?:binh quan|trung binh|moi nam|hang nam)\b(?:\s+(?:moi nam|hang nam|mot nam))?(?:\s+(?:toan|ca|cua)(?:\s+[a-z]+){1,2})?(?:\s+(?:giam|tang))?(?:\s+(?:duoc|dat|la))?\s*$/;
        if (!averageWords.test(lead) && !(perYear && /\b(?:giam|tang)\s*$/.test(lead))) continue;
        // the change it averages is in its clause (“tỷ lệ hộ cận nghèo giảm 2,1%; tỷ lệ hộ nghèo bình quân …” is not one), of the same households
        let clause = Math.max(s.start, p.folded.lastIndexOf(';', avg.start - 1) + 1);
        // “Tính chung giai đoạn 2022 - 2024, … giảm 4,66% (…); bình quân giai đoạn 2022 - 2024 mỗi năm … giảm 1,55%”: a clause
        // that names its period and prints no change averages the change of the clause before it over the same period
        const ownPeriod = /\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b/.exec(p.folded.slice(clause, avg.start));
        // (“giảm 640 hộ trong giai đoạn 2021-2025 (bình quân mỗi năm giảm 128 hộ)”: the average in the bracket just after its change)
        const bracketAfter = (f: ProseFigure): boolean => p.depths[f.start] === p.depths[avg.start]! - 1 && /^[^()]*\([^()]*$/.test(p.folded.slice(f.end, avg.start));
        const changeIn = (from: number): boolean => p.figures.some((f) => sameMeasure(f) && f.start >= from && f.end <= avg.start && (p.depths[f.start] === p.depths[avg.start] || bracketAfter(f)) && /\b(?:giam|tang)(?: duoc| them)?\s*$/.test(p.folded.slice(Math.max(0, f.start - 14), f.start)));
        const samePeriod = ownPeriod !== null && clause > s.start && !changeIn(clause) && new RegExp(`\\b${ownPeriod[1]}\\s*[-–—]\\s*${ownPeriod[2]}\\b`).test(p.folded.slice(s.start, clause));
        if (samePeriod) clause = s.start;
        // …of the same households: none other named between the change and the average (“tỷ lệ hộ nghèo giảm 2%, tỷ lệ hộ cận nghèo bình quân …”)
        const sameHouseholds = (f: ProseFigure): boolean => {
          const between = lastSubject(p.folded.slice(f.end, avg.start));
          return between === null || between === (lastSubject(p.folded.slice(clause, f.start)) ?? 'poor');
        };
        // a cut already read as a change's (“… còn 845 hộ nghèo, giảm 2.275 hộ, bình quân mỗi năm giảm 455 hộ”) is still the one averaged
        const aCut = (f: ProseFigure): boolean => /\b(?:giam|tang)(?: duoc| them)?\s*$/.test(p.folded.slice(Math.max(0, f.start - 14), f.start));
        const before = p.figures.filter((f) => sameMeasure(f) && f.start >= clause && (!samePeriod || p.depths[f.start] === p.depths[avg.start]) && f.end <= avg.start && f.qualifier === null && (!used.has(`${p.block}:${f.start}`) || aCut(f)) && sameHouseholds(f));
        // “giảm 2,5%”, “giảm tỷ lệ hộ nghèo 2,5%”
        const found = [...before].reverse().find((f) => /\b(?:giam|tang)(?: duoc| them)?(?: t[yi] le ho(?: can)? ngheo)?\s*$/.test(p.folded.slice(Math.max(0, f.start - 34), f.start)) && !/^\s*\/\s*nam\b/.test(p.folded.slice(f.end, f.end + 8)) && !/\b(binh quan|trung binh|moi nam|hang nam)\b/.test(p.folded.slice(Math.max(s.start, f.start - 30), f.start)));
        // “giảm 0,5% so với năm 2023, bình quân giai đoạn 2021-2025 giảm 1,2%/năm”: a change of one year, then the average of another period
        // “giảm 1.250 hộ nghèo trong giai đoạn 2021–2025 (bình quân mỗi năm giảm 250 hộ)”: a period right after the change is the change's own
        const between = found === undefined ? '' : p.folded.slice(found.end, avg.start);
        const periodOfChange = PERIOD_OF_CHANGE.test(between.replace(averageWords, ''));
        let change = found !== undefined && !samePeriod && !periodOfChange && /\bso voi (?:nam truoc|cung ky|nam \d{4})\b|\bgiai doan\b|\d{4}\s*[-–—]\s*\d{4}/.test(between) ? undefined : found;
        const to = change === undefined ? [...before].reverse().find((f) => /\b(?:con|xuong|len)\s*$/.test(p.folded.slice(Math.max(0, f.start - 8), f.start))) : undefined;
        const from = to === undefined ? undefined : [...before].reverse().find((f) => f.end <= to.start);
        // “Giai đoạn 2021–2025, tỷ lệ hộ nghèo giảm 7,39%. Bình quân mỗi năm giảm 1,85%.”: a sentence that opens with the
        // average and prints no change averages the one change of the sentence before it
        let opening = s.start;
        if (change === undefined && (to === undefined || from === undefined) && AVERAGE_OPENS.test(p.folded.slice(s.start, avg.start))) {
          const previous = p.sentences.filter((x) => x.end <= s.start).pop();
          const changes = previous === undefined ? [] : p.figures.filter((f) => sameMeasure(f) && f.start >= previous.start && f.end <= previous.end && f.qualifier === null && f.range === undefined && !used.has(`${p.block}:${f.start}`) && /\b(?:giam|tang)(?: duoc| them)?(?: t[yi] le ho(?: can)? ngheo)?\s*$/.test(p.folded.slice(Math.max(0, f.start - 34), f.start)) && !/^\s*\/\s*nam\b/.test(p.folded.slice(f.end, f.end + 8)));
          if (previous !== undefined && changes.length === 1 && !/\b(?:binh quan|trung binh|moi nam|hang nam)\b/.test(p.folded.slice(previous.start, previous.end))) {
            change = changes[0];
            opening = previous.start;
          }
        }
        if (change === undefined && (to === undefined || from === undefined)) continue;
        const { years, period } = periodYears(p, opening, avg.start);
        if (years.length === 0) continue;
        const word = [...p.folded.slice(opening, avg.start).matchAll(/\b(giam|tang)\b/g)].pop()?.[1] ?? 'giam';
        claims.push({
          kind: 'yearly-average',
          average: fig(p, avg),
          change: change === undefined ? null : fig(p, change),
          from: from === undefined ? null : fig(p, from),
          to: to === undefined ? null : fig(p, to),
          years,
          direction: word === 'tang' ? 'up' : 'down',
          ...(period === undefined ? {} : { period }),
          sentence: p.text.slice(opening, s.end).trim(),
          location: { block: p.block, start: opening, end: s.end },
        });
        // “Phấn đấu giảm tỷ lệ hộ nghèo 2,5%, bình quân mỗi năm giảm 0,5%”: a target with its average is still a target
        if (!/\b(?:phan dau|muc tieu)\b/.test(p.folded.slice(opening, s.end))) {
          changed.add(`${p.block}:${s.start}`);
          changed.add(`${p.block}:${opening}`);
        }
      }
    }
  }

  /**
   * “Tổng vốn … giai đoạn 2026-2030 là 1.234 tỷ đồng, bình quân mỗi năm khoảng 246,8 tỷ đồng”: an
   * amount over a period and its yearly average, the years counted inclusively (a budget is spent in
   * each year of 2026–2030: 5), from the period named in the sentence, else in the paragraph or the
   * paragraphs before it (the title).
   */
  function moneyAverages(p: Para, pi: number): void {
    for (const avg of p.figures) {
      if (avg.dimension !== 'money' || avg.outOf !== undefined || !isYearlyAverage(p.folded, avg)) continue;
      const s = sentenceAt(p, avg.start);
      const total = [...p.figures].reverse().find((f) => f.dimension === 'money' && f.end <= avg.start && f.start >= s.start && f.outOf === undefined && !isYearlyAverage(p.folded, f));
      if (total === undefined) continue;
      let period: { first: number; last: number; at: number; text: string } | undefined = periodsOf(p).filter((m) => m.at < avg.start).pop();
      let block = p.block;
      // not named in its paragraph: the period of the document's title, else the one named last before it
      const t = titlePeriod();
      if (period === undefined && t !== null && t.first < t.last && t.block < p.block) {
        period = { ...t, at: 0 };
        block = t.block;
      }
      for (let k = pi - 1; k >= 0 && period === undefined; k--) {
        const r = paras[k]!;
        period = periodsOf(r).pop();
        block = r.block;
      }
      if (period === undefined || period.last <= period.first) continue;
      const years = period.last - period.first + 1;
      claims.push({
        kind: 'yearly-average',
        average: fig(p, avg),
        change: fig(p, total),
        from: null,
        to: null,
        years: [years],
        direction: 'up',
        ...(block === p.block ? {} : { period: `the period ${period.text} ${block === t?.block ? "of the document's title" : 'named'} in block ${block + 1}, ${years} years` }),
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
    }
  }

  /**
   * The period or year of the document's title (“KẾ HOẠCH … NĂM 2026”, “KẾ HOẠCH” then “Thực hiện …
   * giai đoạn 2026–2030”): the first of its first eight paragraphs in capitals that names a plan,
   * report, resolution or decision, with the paragraph after it when that is its subtitle. A range
   * is preferred to a year; null when the title names neither, or two years and no range.
   */
  function titlePeriod(): TitlePeriod | null {
    titleFound ??= { period: findTitlePeriod() };
    return titleFound.period;
  }
  function findTitlePeriod(): TitlePeriod | null {
    const at = paras.slice(0, 8).findIndex((r) => TITLE.test(r.folded) && r.text === r.text.toUpperCase());
    if (at < 0) return null;
    const title = paras[at]!;
    const next = paras[at + 1];
    const parts = [title, ...(next !== undefined && next.text.length <= 300 && !/^\s*can cu\b/.test(next.folded) ? [next] : [])];
    for (const r of parts) {
      const range = periodsOf(r)[0];
      if (range !== undefined && range.first < range.last) return { first: range.first, last: range.last, block: r.block, text: range.text };
    }
    const years = parts.flatMap((r) => [...r.folded.matchAll(/\bnam\s+((?:19|20)\d\d)\b/g)].map((m) => ({ year: Number(m[1]), r, at: m.index })));
    if (new Set(years.map((y) => y.year)).size !== 1) return null;
    const y = years[0]!;
    return { first: y.year, last: y.year, block: y.r.block, text: y.r.text.slice(y.at, y.at + 8) };
  }

  function periodsOf(r: Para): Array<{ first: number; last: number; at: number; text: string }> {
    let out = periods.get(r);
    if (out === undefined) {
      out = [...r.folded.matchAll(/\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b/g)].map((m) => ({ first: Number(m[1]), last: Number(m[2]), at: m.index, text: r.text.slice(m.index, m.index + m[0].length) }));
      periods.set(r, out);
    }
    return out;
  }
  function yearsOf(r: Para): Array<{ year: number; at: number }> {
    let out = yearsNamed.get(r);
    if (out === undefined) {
      out = [...r.folded.matchAll(/(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)/g)].filter((m) => !r.figures.some((f) => f.start <= m.index && f.end > m.index)).map((m) => ({ year: Number(m[1]), at: m.index }));
      yearsNamed.set(r, out);
    }
    return out;
  }

  /**
   * “… cuối năm 2021, toàn tỉnh có 66.673 hộ nghèo (chiếm 7,8%) … thì đến cuối năm 2024, số hộ nghèo
   * giảm còn 36.703 hộ (4,16%). So với đầu giai đoạn, tỷ lệ hộ nghèo giảm 3,64%”: a change since the
   * start of the period, against the rates of the same households the paragraph printed before it for
   * its first and its last year (the rate–count pairs read above).
   */
  function changesSinceStart(p: Para): void {
    if (!/\bso voi dau (?:ky|giai doan)\b/.test(p.folded)) return;
    const pairs = claims.filter((c): c is RateCountClaim => c.kind === 'rate-count' && c.rate.location.block === p.block && c.year !== undefined);
    for (const f of p.figures) {
      if (f.dimension !== 'percent' || f.qualifier !== null || !/\bgiam(?: duoc)?\s*$/.test(p.folded.slice(Math.max(0, f.start - 10), f.start))) continue;
      const clauseFrom = Math.max(p.folded.lastIndexOf(';', f.start - 1), p.folded.lastIndexOf('. ', f.start - 1), sentenceAt(p, f.start).start - 1) + 1;
      const clauseTo = p.folded.slice(f.end).search(/[;,.]/);
      const clause = p.folded.slice(clauseFrom, clauseTo < 0 ? p.text.length : f.end + clauseTo);
      if (!/\bso voi dau (?:ky|giai doan)\b(?!\s*\d)/.test(clause) || !/\bt[yi] le\b/.test(clause) || POPULATION.test(clause)) continue;
      const subject = /\bcan ngheo\b/.test(clause) ? 'near-poor' : /\bngheo\b/.test(clause) ? 'poor' : null;
      const same = pairs.filter((c) => c.subject === subject && c.population === '' && c.rate.location.end <= f.start);
      if (same.length < 2) continue;
      const years = same.map((c) => Number(c.year));
      const first = same.filter((c) => Number(c.year) === Math.min(...years));
      const last = same.filter((c) => Number(c.year) === Math.max(...years));
      // one pair at each end: two rates of one year would be a guess
      if (first.length !== 1 || last.length !== 1 || first[0] === last[0] || first[0]!.scope !== last[0]!.scope) continue;
      const s = sentenceAt(p, f.start);
      claims.push({
        kind: 'change',
        from: fig(p, first[0]!.rate.figure),
        to: fig(p, last[0]!.rate.figure),
        change: fig(p, f),
        direction: 'down',
        sinceStart: true,
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
      changed.add(`${p.block}:${s.start}`);
    }
  }

  /**
   * The years a period lasts, from the text before a yearly average: “trong 5 năm”, “3 năm qua”; else
   * the first and last years named (in the sentence, or in the paragraph when the sentence names fewer
   * than two): 2015 … 2020 is 5 years; “giai đoạn 2021-2025” alone is 4 or 5 (its start may be the end
   * of 2020 or of 2021). Empty when the text does not say.
   */
  function periodYears(p: Para, sentenceStart: number, before: number): { years: number[]; period?: string } {
    const said = /\b(?:trong|sau|qua)\s+(\d{1,2})\s+nam\b|\b(\d{1,2})\s+nam\s+(?:qua|gan day)\b/.exec(p.folded.slice(sentenceStart, before));
    if (said !== null) return { years: [Number(said[1] ?? said[2])] };
    const named = (q: Para, from: number, to: number): Array<{ year: number; at: number }> =>
      [...q.folded.slice(from, to).matchAll(/(?<![\d.,])((?:19|20)\d\d)(?![\d.,]\d)/g)].filter((m) => !q.figures.some((f) => f.start <= from + m.index && f.end > from + m.index)).map((m) => ({ year: Number(m[1]), at: from + m.index }));
    let years = named(p, sentenceStart, before);
    if (new Set(years.map((y) => y.year)).size < 2) years = named(p, 0, before);
    // “bình quân mỗi năm giảm 1%” with no year named: the period of the document's title
    if (years.length === 0) {
      const t = titlePeriod();
      if (t === null || t.first === t.last || t.block > p.block) return { years: [] };
      return { years: [t.last - t.first, t.last - t.first + 1], period: `the period ${t.text} of the document's title (block ${t.block + 1}), from ${t.first} (or the end of ${t.first - 1}) to ${t.last}` };
    }
    const first = Math.min(...years.map((y) => y.year));
    const last = Math.max(...years.map((y) => y.year));
    if (last <= first) return sinceStartOfPeriod(p, sentenceStart, before, last);
    // the two ends of one range (“giai đoạn 2021-2025”, “2021 – 2025”) and no other year: the start may be the year before the first
    // (or in the sentence, with the years between named: “giai đoạn 2022 - 2024 … (năm 2022 giảm …, năm 2023 …, năm 2024 …)”)
    const rangeAt = new RegExp(`\\b${first}\\s*[-–—]\\s*${last}\\b`);
    const range = (rangeAt.test(p.folded.slice(0, before)) && years.every((y) => y.year === first || y.year === last) && years.length === 2) || (rangeAt.test(p.folded.slice(sentenceStart, before)) && years.every((y) => y.at >= sentenceStart));
    if (range) return { years: [last - first, last - first + 1] };
    // “từ 12,5% đầu năm 2021 xuống 4,5% cuối năm 2025”: the start of a year is the end of the one before (2020 → 2025, 5 years)
    const atStart = (year: number): boolean => years.some((y) => y.year === year && /\bdau nam\s*$/.test(p.folded.slice(Math.max(0, y.at - 12), y.at)));
    return { years: [last - first + (atStart(first) ? 1 : 0) - (atStart(last) ? 1 : 0)] };

    /**
     * “… đến cuối năm 2025 …, giảm 4,64% so với đầu kỳ, bình quân 1,16%/năm”: the sentence names only
     * the end; the start is that of the period (“đầu kỳ”, “đầu giai đoạn”) the document named before
     * (“giai đoạn 2021–2025” in its title or a paragraph before), else its first year named. The start
     * may be the end of that first year or of the one before, as for a period named alone.
     */
    function sinceStartOfPeriod(q: Para, from: number, to: number, end: number): { years: number[]; period?: string } {
      if (!/\bdau (?:ky|giai doan)\b(?!\s*(?:\d|nam\b))/.test(q.folded.slice(from, to))) return { years: [] };
      const qi = paraAt.get(q.block) ?? -1;
      // the title's period or year, when it holds the end (“KẾ HOẠCH … NĂM 2026”: from the end of 2025)
      const t = titlePeriod();
      if (t !== null && t.block < q.block && t.first <= end && end <= t.last && (t.first < end || t.first === t.last)) {
        if (t.first === t.last) return { years: [1], period: `the year ${t.text} of the document's title (block ${t.block + 1}), from the end of ${end - 1} to ${end}` };
        return { years: [end - t.first, end - t.first + 1], period: `the period ${t.text} of the document's title (block ${t.block + 1}), from ${t.first} (or the end of ${t.first - 1}) to ${end}` };
      }
      for (let k = qi; k >= 0; k--) {
        const r = paras[k]!;
        const ranges = periodsOf(r).filter((m) => (k < qi || m.at < from) && m.first < end && end <= m.last);
        const m = ranges.pop();
        if (m === undefined) continue;
        return { years: [end - m.first, end - m.first + 1], period: `the period ${m.text} named in block ${r.block + 1}, from ${m.first} (or the end of ${m.first - 1}) to ${end}` };
      }
      let earliest: { year: number; block: number } | null = null;
      for (let k = 0; k <= qi; k++) {
        const r = paras[k]!;
        // the legal basis (“Căn cứ Luật … năm 2015”, “Quyết định … ngày 18 tháng 01 năm 2022”) names years of other texts, not of the period
        if (/^\s*can cu\b/.test(r.folded)) continue;
        for (const y of k === qi ? named(r, 0, from) : yearsOf(r)) {
          if (CITED_YEAR.test(r.folded.slice(Math.max(0, y.at - 40), y.at))) continue;
          if (earliest === null || y.year < earliest.year) earliest = { year: y.year, block: r.block };
        }
      }
      if (earliest === null || earliest.year >= end) return { years: [] };
      return { years: [end - earliest.year, end - earliest.year + 1], period: `from ${earliest.year}, the first year the document names (block ${earliest.block + 1}), to ${end}` };
    }
  }

  /** What a household figure is in a flow of the poor: its start, an exit, an entry (re-poor, newly poor), its end, or none. */
  function flowRole(p: Para, f: ProseFigure): FlowRole {
    const after = p.folded.slice(f.end, f.end + 40);
    const clauseFrom = Math.max(p.folded.lastIndexOf(';', f.start - 1), p.folded.lastIndexOf('. ', f.start - 1), p.folded.lastIndexOf(',', f.start - 1), previousFigureEnd(p, f.start) - 1);
    const before = p.folded.slice(clauseFrom + 1, f.start);
    if (/^\s*can ngheo\b/.test(after) || /\bcan ngheo\b/.test(before)) return null;
    // the label before (“số hộ thoát nghèo trong năm: 58 hộ”, “số hộ nghèo đầu kỳ: 312 hộ”) or the words after (“812 hộ thoát nghèo”)
    const label = (words: string): RegExp => new RegExp(`\\b(?:${words})(?: trong (?:nam|ky)| nam \\d{4}| \\d{4})?(?: la| co)?\\s*:?\\s*$`);
    if (/^\s*(?:ngheo\s+)?(?:(?:da|duoc|duoc cong nhan|cong nhan)\s+)*thoat ngheo\b/.test(after) || label('thoat ngheo').test(before)) return 'exit';
    if (/^\s*(?:ngheo\s+)?(?:tai ngheo|phat sinh|ngheo moi|moi)\b/.test(after) || label('tai ngheo|phat sinh(?: moi)?').test(before)) return 'entry';
    if (label('ho ngheo (?:dau nam|dau ky)').test(before)) return 'start';
    if (label('ho ngheo (?:cuoi nam|cuoi ky|con lai)').test(before)) return 'end';
    // “Đầu năm 2023, toàn huyện có 2.946 hộ nghèo”: the moment may open the sentence, before a comma
    const lead = p.folded.slice(Math.max(sentenceAt(p, f.start).start, previousFigureEnd(p, f.start)), f.start);
    if (/^\s*ngheo\b/.test(after) && /\b(dau nam|dau ky)\b/.test(lead)) return 'start';
    if (/^\s*ngheo\b/.test(after) && /\bcon(?: lai)?\s*$/.test(before)) return 'end';
    return null;
  }

  /**
   * “Đầu năm 2023 có 2.946 hộ nghèo. Trong năm có 812 hộ thoát nghèo, 95 hộ tái nghèo và 143 hộ nghèo
   * phát sinh mới; đến cuối năm còn 2.372 hộ nghèo”: read when every household figure between the start
   * and the end is an exit or an entry (a breakdown, another count or near-poor households: not read).
   */
  function flows(p: Para): void {
    if (!/\bthoat ngheo\b/.test(p.folded) || !/\b(dau nam|dau ky)\b/.test(p.folded)) return;
    const roleOf = (f: ProseFigure): FlowRole => flowRole(p, f);
    // the near-poor counts and flows printed beside the poor's (“…, chiếm 5,27%; 120 hộ cận nghèo, …”) are not of this flow
    const nearPoor = (f: ProseFigure): boolean => /^\s*(?:(?:ho|thoat|tai|moi|phat sinh)\s+)*can ngheo\b/.test(p.folded.slice(f.end, f.end + 30));
    const figures = p.figures.filter((f) => f.dimension === 'households' && !nearPoor(f));
    const roles = figures.map(roleOf);
    const si = roles.indexOf('start');
    const ei = roles.lastIndexOf('end');
    if (si < 0 || ei <= si || roles.indexOf('start', si + 1) >= 0 || roles.indexOf('end') !== ei) return;
    const inner = roles.slice(si + 1, ei);
    if (!inner.includes('exit') || inner.some((r) => r !== 'exit' && r !== 'entry')) return;
    const span = figures.slice(si, ei + 1);
    // the start and the end may be a rate–count pair's count (“có 1.064 hộ nghèo, chiếm tỷ lệ 6,82%”, “còn 2.372 hộ nghèo,
    // chiếm tỷ lệ 9,66%”); no other figure is read twice
    if (span.some((f, i) => f.qualifier !== null || f.outOf !== undefined || (used.has(`${p.block}:${f.start}`) && !((i === 0 || i === span.length - 1) && pairCounts.has(`${p.block}:${f.start}`))))) return;
    // each figure of the flow is also a figure a table may print (its total row)
    for (const f of span) flowCounts.add(`${p.block}:${f.start}`);
    const s = { start: sentenceAt(p, span[0]!.start).start, end: sentenceAt(p, span[span.length - 1]!.start).end };
    const exits = span.filter((_, i) => inner[i - 1] === 'exit').map((f) => fig(p, f));
    if (exits.length === 1) flowExits.push(exits[0]!);
    claims.push({
      kind: 'flow',
      subject: 'poor',
      start: fig(p, span[0]!),
      exits,
      entries: span.filter((_, i) => inner[i - 1] === 'entry').map((f) => fig(p, f)),
      end: fig(p, span[span.length - 1]!),
      sentence: p.text.slice(s.start, s.end).trim(),
      location: { block: p.block, start: s.start, end: s.end },
    });
  }

  /**
   * “Trong năm có 845 hộ thoát nghèo, 233 hộ nghèo phát sinh mới” after “… có 4.215 hộ nghèo, giảm 612 hộ so với đầu
   * năm (4.827 hộ)”: a year's exits and entries printed apart from its start and end, read against the last change of
   * the households printed before them (in their paragraph or the three before), when it is of all the poor:
   * start − exits + entries = end. Only a sentence whose every household figure is an exit or an entry, with at least
   * one of each (exits alone may leave out the newly poor), of the whole area and of no other year than the change's.
   */
  function flowsOfAChange(p: Para, pi: number): void {
    if (!/\bthoat ngheo\b/.test(p.folded)) return;
    for (const s of p.sentences) {
      const folded = p.folded.slice(s.start, s.end);
      if (/\b(phan dau|muc tieu|ke hoach|chi tieu|du kien|binh quan|moi nam|hang nam|luy ke|giai doan)\b/.test(folded)) continue;
      const figures = p.figures.filter((f) => f.dimension === 'households' && f.start >= s.start && f.end <= s.end);
      const roles = figures.map((f) => flowRole(p, f));
      if (!roles.includes('exit') || !roles.includes('entry') || roles.some((r) => r !== 'exit' && r !== 'entry')) continue;
      if (figures.some((f) => qualified(f) || f.outOf !== undefined || used.has(`${p.block}:${f.start}`))) continue;
      if (placesOfFigure(p.text.slice(s.start, s.end)).length > 0 || NARROWED.test(folded)) continue;
      const change = [...claims].reverse().find((c): c is ChangeClaim => c.kind === 'change' && c.from.dimension === 'households');
      const q = change === undefined ? undefined : paras[paraAt.get(change.location.block) ?? -1];
      const qi = q === undefined ? -1 : paras.indexOf(q);
      if (change === undefined || q === undefined || qi < pi - 3 || (qi === pi && change.location.start >= s.start)) continue;
      // of all the poor: the end (or the start) names them, neither names other households, no place is named
      const subjects = [change.from, change.to].map((f) => subjectAfter((paras[paraAt.get(f.location.block) ?? -1]?.folded ?? '').slice(f.location.end, f.location.end + 30)));
      if (!subjects.includes('poor') || subjects.some((x) => x !== null && x !== 'poor')) continue;
      if (placesOfFigure(q.text.slice(change.location.start, change.to.location.start)).length > 0 || NARROWED.test(q.folded.slice(change.location.start, change.location.end))) continue;
      const years = (t: string): string[] => [...t.matchAll(/(?<![\d.,/])((?:19|20)\d\d)(?![\d.,]\d)/g)].map((m) => m[1]!);
      const flowYears = years(folded);
      const changeYears = years(q.folded.slice(change.location.start, change.location.end));
      if (flowYears.length > 0 && changeYears.length > 0 && !flowYears.some((y) => changeYears.includes(y))) continue;
      const exits = figures.filter((_, i) => roles[i] === 'exit').map((f) => fig(p, f));
      for (const f of figures) flowCounts.add(`${p.block}:${f.start}`);
      if (exits.length === 1) flowExits.push(exits[0]!);
      claims.push({
        kind: 'flow',
        subject: 'poor',
        start: change.from,
        exits,
        entries: figures.filter((_, i) => roles[i] === 'entry').map((f) => fig(p, f)),
        end: change.to,
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
    }
  }

  /**
   * “So với đầu năm 2026 (420 hộ nghèo), số hộ nghèo giảm 83 hộ”, “…; số hộ nghèo giảm 225 hộ”: a change of the poor
   * households whose ends are not in its clause. The start is the count in brackets after “so với đầu năm …”, else the
   * start of the one flow printed before; the end is “còn N” after the change, else the flow's end, else the one count
   * of all the poor printed before at no start (“Số hộ nghèo là 382 hộ, chiếm tỷ lệ 3,16%”).
   */
  function countChanges(p: Para): void {
    for (const f of p.figures) {
      if (f.dimension !== 'households' || qualified(f) || used.has(`${p.block}:${f.start}`)) continue;
      const s = sentenceAt(p, f.start);
      if (/\b(phan dau|muc tieu|ke hoach|chi tieu|du kien|binh quan|moi nam|hang nam)\b/.test(p.folded.slice(s.start, s.end))) continue;
      const clauseFrom = Math.max(p.folded.lastIndexOf(';', f.start - 1), p.folded.lastIndexOf(',', f.start - 1), s.start - 1) + 1;
      const verb = /^\s*(?:(?:tong )?so ho ngheo\s+)(giam|tang)(?: duoc| them)?\s*$/.exec(p.folded.slice(clauseFrom, f.start));
      if (verb === null || !/^\s*(?:ngheo\s*)?(?:[,;.]|$|con\b)/.test(p.folded.slice(f.end, f.end + 12))) continue;
      // the start in brackets after the moment it names: “So với đầu năm 2026 (420 hộ nghèo), …”
      const since = /\bso voi (?:dau nam|dau ky|cuoi nam)(?: \d{4})?\s*\(\s*$/;
      const bracketed = p.figures.find((g) => g.start >= s.start && g.end <= clauseFrom && g.dimension === 'households' && !qualified(g) && since.test(p.folded.slice(s.start, g.start)) && /^\s*(?:ho\s+)?ngheo\s*\)\s*,?\s*$/.test(p.folded.slice(g.end, clauseFrom)));
      const rest = p.figures.filter((g) => g.start >= s.start && g.end <= s.end && g !== f && g !== bracketed && g.dimension === 'households');
      const con = rest.find((g) => g.start > f.end && /^\s*(?:ngheo\s*)?,?\s*con(?: lai)?\s*$/.test(p.folded.slice(f.end, g.start)));
      if (rest.some((g) => g !== con)) continue;
      const flow = [...claims].reverse().find((c): c is FlowClaim => c.kind === 'flow');
      const ends = endsOfPoor();
      const from: ClaimFigure | undefined = bracketed !== undefined ? fig(p, bracketed) : (flow?.start ?? ends.start);
      const to: ClaimFigure | undefined = con !== undefined ? fig(p, con) : (flow?.end ?? ends.end);
      if (from === undefined || to === undefined) continue;
      claims.push({
        kind: 'change',
        from,
        to,
        change: fig(p, f),
        direction: verb[1] === 'giam' ? 'down' : 'up',
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
      changed.add(`${p.block}:${s.start}`);
    }
  }

  /**
   * “Phấn đấu giảm 25 hộ nghèo, đưa số hộ nghèo xuống còn 72 hộ, tỷ lệ hộ nghèo còn 3,91%, giảm 1,36 điểm % so với đầu
   * năm” after “… có 1.842 hộ dân cư, trong đó có 97 hộ nghèo, chiếm 5,27%”: a target chained on the last pair of all
   * the poor printed before on a printed base — the count that remains (97 − 25), its rate on that base, the fall of the rate.
   */
  function chainedTarget(p: Para): void {
    for (const s of p.sentences) {
      const folded = p.folded.slice(s.start, s.end);
      if (!/\b(phan dau|muc tieu|chi tieu|ke hoach)\b/.test(folded) || POPULATION.test(folded)) continue;
      const inS = p.figures.filter((f) => f.start >= s.start && f.end <= s.end && !qualified(f) && !used.has(`${p.block}:${f.start}`));
      const before = (f: ProseFigure, re: RegExp): boolean => re.test(p.folded.slice(Math.max(s.start, f.start - 40), f.start));
      const cut = inS.find((f) => f.dimension === 'households' && before(f, /\bgiam\s*$/) && /^\s*ngheo\b/.test(p.folded.slice(f.end, f.end + 8)));
      const left = cut === undefined ? undefined : inS.find((f) => f.start > cut.end && f.dimension === 'households' && before(f, /\b(?:so ho ngheo )?(?:xuong )?con\s*$/));
      const rate = left === undefined ? undefined : inS.find((f) => f.start > left.end && f.dimension === 'percent' && before(f, /^[\s,;]*t[yi] le ho ngheo (?:xuong )?con\s*$|[,;]\s*t[yi] le ho ngheo (?:xuong )?con\s*$/));
      if (cut === undefined || left === undefined || rate === undefined) continue;
      const fall = inS.find((f) => f.start > rate.end && f.dimension === 'percent' && before(f, /^[\s,;]*giam\s*$|[,;]\s*giam\s*$/) && /^\s*(?:diem %|diem phan tram|diem)?\s*so voi (?:dau nam|dau ky|cuoi nam|nam \d{4})/.test(p.folded.slice(f.end, f.end + 40)));
      const start = targetStart(p, folded);
      if (start === undefined) continue;
      const sentence = p.text.slice(s.start, s.end).trim();
      const location = { block: p.block, start: s.start, end: s.end };
      claims.push({ kind: 'change', from: start.count, to: fig(p, left), change: fig(p, cut), direction: 'down', sentence, location });
      claims.push({ kind: 'rate-count', rate: fig(p, rate), count: fig(p, left), subject: 'poor', population: '', base: 'households', date: null, printedBase: start.printedBase!, moment: 'end', sentence, location });
      if (fall !== undefined) claims.push({ kind: 'change', from: start.rate, to: fig(p, rate), change: fig(p, fall), direction: 'down', sentence, location });
      changed.add(`${p.block}:${s.start}`);
    }
  }

  /**
   * The year a sentence is about, as the year whose start its changes are measured from: its own
   * ({@link yearOfSentence}), else its section's ({@link sectionYear}), else the title's one year;
   * null when that names several, undefined when nothing names one.
   */
  function sentenceYear(p: Para, folded: string): number | null | undefined {
    const own = yearOfSentence(folded);
    const section = own === undefined ? sectionYear(model.blocks, model.blocks.findIndex((b) => b.index === p.block)) : own;
    const title = titlePeriod();
    return section === undefined ? (title !== null && title.first === title.last ? title.first : undefined) : section;
  }

  /**
   * The pair of all the poor on a printed base that a target sentence's change starts from: the one
   * dated at the start of the year the sentence is about (its own year, else its section's, else the
   * plan's: {@link yearOfSentence}, {@link sectionYear}, the title's one year), “đầu năm Y” or “cuối
   * năm Y−1”. None when that start is not printed or two different figures claim it; when nothing
   * names the sentence's year, the pairs before it, when they all print the same figures.
   */
  function targetStart(p: Para, folded: string): RateCountClaim | undefined {
    const pairs = claims.filter((c): c is RateCountClaim => c.kind === 'rate-count' && c.subject === 'poor' && c.population === '' && c.printedBase !== undefined && c.rate.location.block < p.block);
    const y = sentenceYear(p, folded);
    if (y === null) return undefined;
    const candidates = y === undefined ? pairs : pairs.filter((c) => c.moment !== undefined && c.year !== undefined && startYearOf(c.moment, Number(c.year)) === y);
    const last = candidates[candidates.length - 1];
    const same = (a: ClaimFigure, b: ClaimFigure): boolean => compareFractions(a.figure.value, b.figure.value) === 0;
    return last !== undefined && candidates.every((c) => same(c.count, last.count) && same(c.rate, last.rate)) ? last : undefined;
  }

  /** The one count of all the poor at the start, and the one at no start, among the rate–count pairs read so far. */
  function endsOfPoor(): { start?: ClaimFigure; end?: ClaimFigure } {
    const pairs = claims.filter((c): c is RateCountClaim => c.kind === 'rate-count' && c.subject === 'poor' && c.population === '' && c.count.figure.qualifier === null);
    const one = (list: RateCountClaim[]): ClaimFigure | undefined => (list.length > 0 && list.every((c) => compareFractions(c.count.figure.value, list[0]!.count.figure.value) === 0) ? list[0]!.count : undefined);
    const start = one(pairs.filter((c) => c.moment === 'start'));
    const end = one(pairs.filter((c) => c.moment !== 'start'));
    return { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) };
  }

  /** “24,38%, cao gấp 2,5 lần bình quân chung của huyện (9,66%)”: the figure before “gấp K lần” and the first of its dimension after it, in one sentence. */
  function ratios(p: Para): void {
    for (const m of p.folded.matchAll(/\bgap\s+(\d+(?:,\d+)?)\s+lan\b/g)) {
      const s = sentenceAt(p, m.index);
      const a = [...p.figures].reverse().find((f) => f.end <= m.index && f.start >= s.start);
      if (a === undefined || (a.dimension !== 'percent' && a.dimension !== 'households')) continue;
      const b = p.figures.find((f) => f.start >= m.index + m[0].length && f.end <= s.end && f.dimension === a.dimension);
      if (b === undefined || a.qualifier !== null || b.qualifier !== null) continue;
      // the place compared with, named between (“bình quân chung của huyện (9,66%)”); not another comparison (“so với năm 2015 và cao hơn … 3,2%”)
      const between = p.folded.slice(m.index + m[0].length, b.start);
      if (between.length > 60 || /[;,]|\b(hon|va|nhung|so voi nam|nam \d{4})\b/.test(between)) continue;
      const digits = m[1]!;
      const at = m.index + m[0].indexOf(digits, 3);
      const decimals = digits.includes(',') ? digits.length - digits.indexOf(',') - 1 : 0;
      const multiple: ProseFigure = { text: p.text.slice(at, m.index + m[0].length), start: at, end: m.index + m[0].length, numberStart: at, dimension: 'other', unitText: 'lần', moneyUnit: null, value: fraction(BigInt(digits.replace(',', '')), 10n ** BigInt(decimals)), decimals, digits, qualifier: null };
      claims.push({ kind: 'ratio', figure: fig(p, a), other: fig(p, b), multiple: fig(p, multiple), sentence: p.text.slice(s.start, s.end).trim(), location: { block: p.block, start: s.start, end: s.end } });
    }
  }

  /**
   * “Vốn đầu tư phát triển 864 tỷ đồng (chiếm 70,02% tổng vốn)”, no total in the paragraph: the
   * share is of the document's total of that kind (“Tổng vốn … là 1.234 tỷ đồng”) when exactly one
   * value of it is printed; else listed unchecked with the reason.
   */
  function sharesOfDocumentTotal(p: Para): void {
    const parts: Array<{ part: ProseFigure; share: ProseFigure; kind: string }> = [];
    for (const f of p.figures) {
      if (f.dimension !== 'money' || used.has(`${p.block}:${f.start}`) || f.outOf !== undefined || qualified(f)) continue;
      const m = SHARE_OF_DOCUMENT_TOTAL.exec(p.folded.slice(f.end, f.end + 80));
      if (m === null) continue;
      const share = p.figures.find((g) => g.start === f.end + m[1]!.length && g.dimension === 'percent');
      // “chiếm khoảng 30% tổng kinh phí”: read as the values the qualifier allows
      if (share === undefined || used.has(`${p.block}:${share.start}`) || share.range !== undefined) continue;
      parts.push({ part: f, share, kind: totalKind(m[2]!) });
    }
    for (const { part, share, kind } of parts) {
      const totals = documentTotals(kind).filter((t) => !(t.p === p && t.f.start === part.start));
      const values = new Set(totals.map(({ f }) => { const v = commonValue(f); return `${v.num}/${v.den}`; }));
      const s = sentenceAt(p, part.start);
      if (values.size !== 1) {
        use(p, part);
        use(p, share);
        ambiguous.push({ location: { block: p.block, start: s.start, end: s.end }, sentence: p.text.slice(s.start, s.end).trim(), figures: [part.text, share.text], reason: `“${share.text}” is a share of the document's ${kind === 'von' ? 'total capital (tổng vốn)' : 'total funding (tổng kinh phí)'}, which is printed ${values.size === 0 ? 'nowhere' : `with ${values.size} values (${totals.map(({ f }) => f.text).join(', ')})`}: not checked` });
        continue;
      }
      const { p: tp, f: tf } = totals[0]!;
      used.add(`${tp.block}:${tf.start}`);
      claims.push({
        kind: 'total-with-parts',
        connective: 'chiếm',
        total: { text: tf.text, location: { block: tp.block, start: tf.start, end: tf.end }, dimension: tf.dimension, figure: tf },
        parts: [{ ...fig(p, part), share: fig(p, share) }],
        totalElsewhere: true,
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
    }
  }
  /** The money figures printed as the document's total of a kind (“Tổng vốn thực hiện … là 1.234 tỷ đồng”, “Tổng kinh phí: …”), found once per kind: they depend on the document only. */
  function documentTotals(kind: string): ReadonlyArray<{ p: Para; f: ProseFigure }> {
    let found = totalsOfKind.get(kind);
    if (found === undefined) {
      found = findDocumentTotals(kind);
      totalsOfKind.set(kind, found);
    }
    return found;
  }
  function findDocumentTotals(kind: string): Array<{ p: Para; f: ProseFigure }> {
    const out: Array<{ p: Para; f: ProseFigure }> = [];
    for (const q of paras) {
      for (const f of q.figures) {
        if (f.dimension !== 'money' || qualified(f)) continue;
        const m = TOTAL_BEFORE.exec(q.folded.slice(Math.max(0, f.start - 90), f.start));
        if (m !== null && totalKind(m[1]!) === kind) out.push({ p: q, f });
      }
    }
    return out;
  }

  /** “giảm 4,66% (năm 2022 giảm 1,79%, năm 2023 giảm 1,47%, …)”: a change, then in brackets right after it the change of each year, two years at least and nothing else. */
  function yearlyChanges(p: Para): void {
    for (const total of p.figures) {
      if ((total.dimension !== 'percent' && total.dimension !== 'households') || qualified(total)) continue;
      const verb = /\b(giam|tang)(?: duoc| them| xuong| len)?\s*$/.exec(p.folded.slice(Math.max(0, total.start - 14), total.start));
      // “giảm 3.815 hộ nghèo (năm 2026 giảm 820 hộ, …)”: the households may be named between the total and its years
      const open = /^\s*(?:((?:can )?ngheo)\s*)?\(/.exec(p.folded.slice(total.end, total.end + 14));
      if (verb === null || open === null) continue;
      const from = total.end + open[0].length;
      const close = p.folded.indexOf(')', from);
      if (close < 0 || p.depths[from] !== p.depths[total.start]! + 1) continue;
      const inside = p.figures.filter((f) => f.start >= from && f.end <= close);
      const years: Array<{ year: number; change: ProseFigure; sign: 1 | -1 }> = [];
      let at = from;
      for (const f of inside) {
        // “năm 2022 giảm 1,79%”, “năm 2023: giảm 1,5%”, “2024 tăng 0,2%”; nothing else between the items (“năm 2022: 8,5%” is the year's rate, not its change)
        const item = /^\s*[,;]?\s*(?:nam\s+)?((?:19|20)\d\d)\s*:?\s*(giam|tang)(?: duoc| them| xuong| len)?\s*$/.exec(p.folded.slice(at, f.start));
        if (item === null || f.dimension !== total.dimension || qualified(f) || f.unitText !== total.unitText && f.dimension !== 'percent') { years.length = 0; break; }
        years.push({ year: Number(item[1]), change: f, sign: item[2] === verb[1] ? 1 : -1 });
        at = f.end;
      }
      if (years.length < 2 || !/^\s*[,;.]?\s*$/.test(p.folded.slice(at, close)) || new Set(years.map((y) => y.year)).size !== years.length) continue;
      const s = sentenceAt(p, total.start);
      const subject = open[1] === undefined ? lastSubject(p.folded.slice(s.start, total.start)) : open[1] === 'ngheo' ? 'poor' : 'near-poor';
      claims.push({
        kind: 'yearly-changes',
        total: fig(p, total),
        direction: verb[1] === 'giam' ? 'down' : 'up',
        years: years.map((y) => ({ year: y.year, change: fig(p, y.change), sign: y.sign })),
        ...(subject === null || POPULATION.test(p.folded.slice(s.start, total.start)) ? {} : { subject }),
        sentence: p.text.slice(s.start, s.end).trim(),
        location: { block: p.block, start: s.start, end: s.end },
      });
    }
  }

  function targets(p: Para, pi: number): void {
    if (!/\bgiam\b/.test(p.folded)) return;
    for (const s of p.sentences) {
      // a change printed with both ends is a result, not a target — unless a plan's cut is printed with the households it stands for
      // (“Phấn đấu giảm tỷ lệ hộ nghèo 1,20 điểm phần trăm, từ 6,35% xuống còn 5,15%, tương đương giảm 320 hộ nghèo”)
      if (changed.has(`${p.block}:${s.start}`) && !/\b(?:phan dau|muc tieu|chi tieu|ke hoach)\b[^;]*\btuong (?:duong|ung)\b/.test(p.folded.slice(s.start, s.end))) continue;
      if (target(s)) continue;
      // “giảm tỷ lệ hộ nghèo từ 3,5-4,0%, tương đương giảm 410-470 hộ nghèo; tỷ lệ hộ cận nghèo giảm 1,5%”: one target per clause
      let from = s.start;
      for (let at = p.text.indexOf(';', from); from < s.end; at = p.text.indexOf(';', from)) {
        const to = at < 0 || at > s.end ? s.end : at;
        if (!((to < s.end || from > s.start) && target({ start: from, end: to }, s))) twoTargets({ start: from, end: to }, s);
        from = to + 1;
      }
    }

    /**
     * “Phấn đấu năm 2027 giảm 225 hộ nghèo và 64 hộ cận nghèo”: one cut of two households under one verb, each a
     * target of its own (the poor's and the near-poor's), read with the other's count left out.
     */
    function twoTargets(s: { start: number; end: number }, sentence: { start: number; end: number }): void {
      const m = /\bgiam\s+(?:duoc\s+)?\d[\d.]*\s+ho\s+(can ngheo|ngheo)(\s*(?:,|va)\s*)\d[\d.]*\s+ho\s+(can ngheo|ngheo)\b/.exec(p.folded.slice(s.start, s.end));
      if (m === null || m[1] === m[3]) return;
      const second = s.start + m.index + m[0].length - m[3]!.length - 4; // “ho ” and the count before the second status
      const secondCount = p.figures.find((f) => f.dimension === 'households' && f.start <= second && f.end > second);
      if (secondCount === undefined) return;
      const firstEnd = s.start + m.index + m[0].length - (p.folded.slice(s.start + m.index, s.start + m.index + m[0].length).length - p.folded.slice(s.start + m.index).indexOf(m[2]!, 0));
      target({ start: s.start, end: firstEnd }, sentence);
      const verbEnd = s.start + m.index + 'giam'.length;
      target({ start: s.start, end: secondCount.end + p.folded.slice(secondCount.end).search(/(?<=^\s*(?:ho\s+)?(?:can ngheo|ngheo))\b/) }, sentence, { from: verbEnd, to: secondCount.start });
    }

    /**
     * The households a share is of (“giảm 1/3 số hộ nghèo”, “giảm 15% số hộ cận nghèo so với cuối năm 2026”): the one
     * count of the same households (poor or near-poor) printed before it — in the nearest of its paragraph and the twelve before that prints one — at
     * the start (“đầu năm”, “đầu kỳ”), or at the end of the year it names after “so với cuối năm”: the last moment
     * printed before the count in its paragraph, outside brackets and not one compared with (“so với đầu năm”). Not a
     * change, a part or a place's count.
     */
    function shareBase(from: number, to: number, subject: string): { q: Para; f: ProseFigure } | undefined {
      if (subject !== 'poor' && subject !== 'near-poor') return undefined;
      const since = /\bso voi cuoi nam ((?:19|20)\d\d)\b/.exec(p.folded.slice(from, to))?.[1];
      const moment = new RegExp(`\\b(?:dau nam|dau ky|dau giai doan)\\b${since === undefined ? '' : `|\\bcuoi nam ${since}\\b`}`);
      // the households named after the count (“2.104 hộ cận nghèo”) or before it (“Số hộ cận nghèo là 2.104 hộ”)
      const words = subject === 'poor' ? /^\s*(?:ho\s+)?ngheo\b/ : /^\s*(?:ho\s+)?can ngheo\b/;
      const named = subject === 'poor' ? /\bso ho ngheo\b(?:[^;,\d]){0,30}?(?:\bla|\bco|:)\s*$/ : /\bso ho can ngheo\b(?:[^;,\d]){0,30}?(?:\bla|\bco|:)\s*$/;
      const found: Array<{ q: Para; f: ProseFigure }> = [];
      for (let k = pi; k >= Math.max(0, pi - 12); k--) {
        const q = paras[k]!;
        for (const f of q.figures) {
          if (f.dimension !== 'households' || f.qualifier !== null || f.outOf !== undefined || (k === pi && f.end > from)) continue;
          const sentence = q.folded.slice(sentenceAt(q, f.start).start, f.start);
          const lead = q.folded.slice(Math.max(sentence.lastIndexOf(';'), sentence.lastIndexOf(',')) + 1 + sentenceAt(q, f.start).start, f.start);
          if (!words.test(q.folded.slice(f.end, f.end + 14)) && !named.test(lead)) continue;
          if (CHANGE_BEFORE.test(lead) || /\b(trong do|trong so|thoat|phat sinh|tai ngheo)\b/.test(lead) || SUB_AREA.test(sentence.trimStart()) || placesOfFigure(q.text.slice(sentenceAt(q, f.start).start, f.start)).length > 0) continue;
          // the last moment before the count that dates it, in its paragraph: outside brackets, not one compared with (“so với đầu năm”)
          const moments = [...q.folded.slice(0, f.start).matchAll(/(?<!\bso voi )\b(?:dau|cuoi) (?:nam|ky|giai doan)\b(?: (?:19|20)\d\d)?/g)].filter((m) => (q.depths[m.index] ?? 0) === 0);
          const last = moments[moments.length - 1];
          if (last !== undefined && moment.test(last[0])) found.push({ q, f });
        }
        // the nearest paragraph that prints such a count
        if (found.length > 0) break;
      }
      const values = new Set(found.map(({ f }) => `${f.value.num}/${f.value.den}`));
      return values.size === 1 ? found[0] : undefined;
    }

    /**
     * Whether the words before `at` name the poverty rate of the poor and nothing else: the paragraph's own words before
     * it (“Chỉ tiêu giảm tỷ lệ hộ nghèo: …”), else the heading just above (“2. Chỉ tiêu giảm tỷ lệ hộ nghèo”, a short
     * numbered line), with a plan's word (“phấn đấu”, “chỉ tiêu”, “mục tiêu”, “kế hoạch”, “dự kiến”) in the sentence or there.
     */
    function poorRateNamedBefore(at: number): boolean {
      const names = (t: string): boolean => /\bt[yi] le (?:ho )?ngheo\b/.test(t) && !/\bcan ngheo\b/.test(t) && !POPULATION.test(t);
      const plan = /\b(?:phan dau|chi tieu|muc tieu|ke hoach|du kien)\b/;
      const own = p.folded.slice(sentenceAt(p, at).start, sentenceAt(p, at).end);
      const lead = p.folded.slice(0, at);
      if (names(lead)) return plan.test(own) || plan.test(lead);
      // the nearest heading above, within three paragraphs; the paragraphs between it and this one naming other households: not
      for (let k = pi - 1; k >= Math.max(0, pi - 3); k--) {
        const q = paras[k]!;
        if (q.folded.length <= 120 && /^\s*(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[a-z]\))\s/.test(q.folded)) return names(q.folded) && (plan.test(own) || plan.test(q.folded));
        if (/\bngheo\b/.test(q.folded)) return false;
      }
      return false;
    }

    function target(s: { start: number; end: number }, sentence = s, blank?: { from: number; to: number }): boolean {
      // `blank`: words of the clause left out (the other households' count of “giảm 225 hộ nghèo và 64 hộ cận nghèo”)
      const erase = (t: string, at: number): string => (blank === undefined ? t : `${t.slice(0, Math.max(0, blank.from - at))}${' '.repeat(Math.max(0, Math.min(t.length, blank.to - at) - Math.max(0, blank.from - at)))}${t.slice(Math.max(0, blank.to - at))}`);
      const folded = erase(p.folded.slice(s.start, s.end), s.start);
      const giam = folded.search(/\bgiam\b(?!\s+(xuong\s+)?con\b)/);
      // a plan's cut naming no households (“Năm 2027 phấn đấu giảm 1,5%, tương đương khoảng 150 hộ”) is of the poor rate its paragraph or heading names
      const poorRate = giam >= 0 && !/\bngheo\b/.test(folded) && poorRateNamedBefore(sentence.start);
      if (giam < 0 || (!/\bngheo\b/.test(folded) && !poorRate)) return false;
      const clause = erase(p.text.slice(s.start + giam, s.end), s.start + giam);
      const clauseFolded = foldVietnamese(clause);
      const share = /(\d+)\s*\/\s*(\d+)\s+(?:so\s+)?ho/.test(clauseFolded);
      const figures = p.allFigures.filter((f) => f.start >= s.start + giam && f.end <= s.end && (blank === undefined || f.end <= blank.from || f.start >= blank.to) && (f.dimension === 'percent' || f.dimension === 'households'));
      if (!share && figures.length === 0) return false;
      const subject = poorRate ? 'poor' : subjectOf(folded);
      if (subject === null) return false;
      let target: ReductionTarget;
      // Word's “2 850-3 225 hộ” (thousands grouped by no-break spaces) as the target reader reads them
      let grouped = clause.normalize('NFC').replace(/(\d)[ \u00a0\u202f](?=\d{3}(?!\d))/g, '$1.');
      // “giảm 1/3 số hộ nghèo, còn 200 hộ nghèo”: the households left are not a second target figure
      const leftAt = share ? /,\s*(?:chi |chỉ )?(?:con|còn)(?: lai| lại)?\s+(?=\d)/u.exec(grouped) : null;
      const left = leftAt === null ? undefined : figures.find((f) => f.start === s.start + giam + leftAt.index + leftAt[0].length && f.dimension === 'households');
      if (left !== undefined && leftAt !== null) grouped = grouped.slice(0, leftAt.index);
      // “giảm tỷ lệ hộ nghèo 1,20 điểm phần trăm, xuống còn 5,15% vào cuối năm”: the rate the cut ends at (and the one it starts from) is no target figure
      const ends = rateEnds(p.folded, s.start + giam, figures);
      for (const e of ends) grouped = `${grouped.slice(0, e.from - s.start - giam)}${' '.repeat(e.to - e.from)}${grouped.slice(e.to - s.start - giam)}`;
      const { text: ordered, reversed } = orderRanges(grouped);
      try {
        target = targetFromText(ordered, { subject: subject as TargetSubject });
      } catch (error) {
        if (error instanceof VnPovertyError) return false;
        throw error;
      }
      const printed = figures.filter((f) => f !== left && !ends.some((e) => e.figure === f)).map((f) => fig(p, f));
      const population = POPULATION.exec(folded)?.[1] ?? '';
      const base = documentBase();
      const start = target.form === 'share' ? shareBase(s.start + giam, s.end, target.subject) : undefined;
      claims.push({
        kind: 'reduction-target',
        target,
        population: population === '' ? '' : populationName(population),
        printed,
        ...(base === undefined ? {} : { printedBase: base }),
        ...(reversed.length === 0 ? {} : { reversed }),
        ...(start === undefined ? {} : { shareOf: { start: fig(start.q, start.f), ...(left === undefined ? {} : { left: fig(p, left) }) } }),
        sentence: p.text.slice(sentence.start, sentence.end).trim(),
        location: { block: p.block, start: sentence.start, end: sentence.end },
      });
      return true;
    }
  }

  const unchecked: UncheckedSentence[] = [...tooLong, ...ambiguous];
  for (const p of paras) {
    if (p.allFigures.length === 0) continue;
    for (const s of p.sentences) {
      // a range a claim read is used from where it starts (rangeFigure)
      const read = new Set(p.figures.filter((f) => f.range !== undefined && used.has(`${p.block}:${f.start}`)).map((f) => f.end));
      const left = p.allFigures.filter((f) => f.start >= s.start && f.end <= s.end && !used.has(`${p.block}:${f.start}`) && !(f.range !== undefined && read.has(f.end)));
      if (left.length === 0) continue;
      const ranges = left.filter((f) => f.range !== undefined).map((f) => rangeNote(f));
      unchecked.push({ location: { block: p.block, start: s.start, end: s.end }, sentence: p.text.slice(s.start, s.end).trim(), figures: left.map((f) => f.range?.text ?? f.text), ...(ranges.length === 0 ? {} : { reason: ranges.join('; ') }) });
    }
  }
  unchecked.sort((a, b) => a.location.block - b.location.block || a.location.start - b.location.start);
  return deepFreeze({ claims, unchecked });
}

/**
 * The rates a cut runs between, after “giảm”: “xuống còn 5,15%”, “còn 5,15%”, “từ 6,35% xuống” — each with the
 * span of its words and figure (offsets in `folded`), to be left out of the target read. The cut itself
 * (“giảm 1,20 điểm phần trăm”) is not among them.
 */
function rateEnds(folded: string, from: number, figures: readonly ProseFigure[]): Array<{ readonly figure: ProseFigure; readonly from: number; readonly to: number }> {
  const out: Array<{ figure: ProseFigure; from: number; to: number }> = [];
  for (const f of figures) {
    if (f.dimension !== 'percent' || f.start < from) continue;
    const word = /\b(?:(?:giam\s+)?xuong(?:\s+con|\s+muc)?|con(?:\s+lai)?|tu)\s*$/.exec(folded.slice(Math.max(from, f.start - 16), f.start));
    // “từ 6,35% xuống …” is a start; “giảm từ 3,5-4,0%”, “từ 1% đến 2%” are ranges of cuts
    if (word !== null && (!/^tu\b/.test(word[0]) || (f.range === undefined && /^\s*xuong\b/.test(folded.slice(f.end, f.end + 10))))) out.push({ figure: f, from: f.start - word[0].length, to: f.end });
  }
  return out;
}

/**
 * Splits an inline list of parts (“2.696 lượt người, ngoài tỉnh 2.256 lượt người”, “A; B và C”)
 * so that no piece holds two figures of the same dimension: by “;”, then “,”, then “ và ”.
 */
function splitParts(text: string, offset: number, figures: readonly ProseFigure[], depthAt: readonly number[]): Array<{ start: number; end: number }> {
  const seps = [';', ',', ' và '];
  const split = (start: number, end: number, level: number): Array<{ start: number; end: number }> => {
    const inside = figures.filter((f) => f.start >= start && f.end <= end && f.dimension !== 'percent');
    const dims = inside.map((f) => f.dimension);
    if (level >= seps.length || dims.length === new Set(dims).size) return [{ start, end }];
    const sep = seps[level]!;
    const out: Array<{ start: number; end: number }> = [];
    let s = start;
    const piece = text.slice(start - offset, end - offset);
    let at = piece.indexOf(sep);
    while (at >= 0) {
      const cut = start + at;
      // never cut inside a number (“1,5”) nor inside brackets
      if (!(sep === ',' && /\d/.test(text[cut - offset - 1] ?? '') && /\d/.test(text[cut - offset + 1] ?? '')) && depthAt[cut] === depthAt[offset]) {
        out.push(...split(s, cut, level + 1));
        s = cut + sep.length;
      }
      at = piece.indexOf(sep, at + sep.length);
    }
    out.push(...split(s, end, level + 1));
    return out;
  };
  return split(offset, offset + text.length, 0);
}

/**
 * A flow split by year in brackets after its total: the total's words name households or persons
 * that left or entered poverty or were supported (“Số hộ mới thoát nghèo … là”), every item is
 * “năm YYYY: N …” and the years differ — each year's households are counted once, so they add up.
 * A stock by year (“số hộ nghèo … (năm 2023: 520 hộ)”) is a history, never a split.
 */
function flowByYear(lead: string, inner: string): boolean {
  if (!/\b(thoat ngheo|phat sinh|tai ngheo|duoc ho tro|cho vay|dao tao|giai ngan)\b/.test(lead) || /\b(con lai|hien co|so voi)\b/.test(lead)) return false;
  const items = inner.split(/;|,(?!\d)/).map((x) => /^\s*nam ((?:19|20)\d\d)\s*:\s*\d[\d.,]*\s+\p{L}[\p{L} ]*$/u.exec(x)?.[1]);
  return items.length >= 2 && items.every((y) => y !== undefined) && new Set(items).size === items.length;
}

/**
 * The poor or near-poor households named right before a count, in its clause (folded): “số hộ thoát nghèo
 * là”, “số hộ tái nghèo”, “số hộ nghèo phát sinh mới”, “số hộ thoát cận nghèo”, “tổng số hộ nghèo cuối năm
 * 2026 là”. Not the poor and near-poor together, nor a share (“chiếm”) or a change (“giảm”) of them.
 */
const NAMED_BEFORE = /(?:^|[,;:]\s*|\btrong do\s+|\bqua ra soat\s*,?\s*)(?:(?:den |vao )?(?:cuoi|dau) nam(?: (?:19|20)\d\d)?\s*,?\s+)?(?:tong )?so ho ((?:thoat |tai )?(?:can )?ngheo(?: phat sinh(?: moi)?)?|phat sinh (?:can )?ngheo(?: moi)?)(?: (?:trong nam|cuoi nam|dau nam|nam)(?: (?:19|20)\d\d)?)?(?:\s+(?:la|con|co))?\s*:?\s*$/;

/** The moments a clause names: đầu năm (start), thoát nghèo (exit), phát sinh (new), tái nghèo (return), cuối năm / còn lại (end). */
function stagesOf(folded: string): Set<'start' | 'exit' | 'new' | 'return' | 'end'> {
  const stages = new Set<'start' | 'exit' | 'new' | 'return' | 'end'>();
  if (/\b(dau nam|dau ky)\b/.test(folded)) stages.add('start');
  if (/\bthoat\b/.test(folded)) stages.add('exit');
  if (/\bphat sinh\b/.test(folded)) stages.add('new');
  if (/\btai ngheo\b/.test(folded)) stages.add('return');
  if (/\b(con lai|cuoi nam|cuoi ky)\b/.test(folded)) stages.add('end');
  return stages;
}

/** Where clauses part in a folded sentence: “;”, “,” (not inside a number), brackets, “ và ”. */
const CLAUSE_BREAK = /;|,(?!\d)|[()]|\sva\s/g;

/** The clause of a folded sentence around `start`–`end`. */
function clauseAt(folded: string, start: number, end: number): string {
  let from = 0;
  let to = folded.length;
  for (const m of folded.matchAll(CLAUSE_BREAK)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return folded.slice(from, to);
}

/** The clauses of a sentence that hold no count of households (“Đến cuối năm 2026”), joined. */
function clausesWithoutCounts(p: Para, s: { start: number; end: number }): string {
  const folded = p.folded.slice(s.start, s.end);
  const counts = p.figures.filter((g) => g.dimension === 'households' && g.start >= s.start && g.end <= s.end);
  const out: string[] = [];
  let from = 0;
  for (const m of [...folded.matchAll(CLAUSE_BREAK), { index: folded.length, 0: '' }]) {
    const to = m.index;
    if (!counts.some((g) => g.start - s.start < to && g.end - s.start > from)) out.push(folded.slice(from, to));
    from = to + m[0].length;
  }
  return out.join(' | ');
}

/** A figure in brackets that close before `at`, deeper than `at`, other than an equivalent of the figure before it (“(tương đương 669 hộ)”). */
/**
 * Where a new statement starts between `from` and `to` of a sentence: after the last “;” outside
 * brackets whose clause names a year (“; năm 2024 giảm 100 hộ”) or the whole area (“; toàn huyện
 * …”); −1 when there is none (“Vốn đầu tư 71.750 triệu đồng; vốn sự nghiệp 10.505 triệu đồng” is one list).
 */
function newStatementAt(p: Para, from: number, to: number): number {
  for (let at = to - 1; at >= Math.max(0, from); at--) {
    if (p.text[at] !== ';' || (p.depths[at] ?? 0) !== 0) continue;
    return NEW_STATEMENT.test(p.folded.slice(at + 1, to)) ? at + 1 : -1;
  }
  return -1;
}

/** The first “;” between `from` and `to` (outside brackets) after which a new statement starts, as {@link newStatementAt} reads one; −1 for none. */
function firstNewStatement(p: Para, from: number, to: number): number {
  for (let at = from; at < to; at++) if (p.text[at] === ';' && (p.depths[at] ?? 0) === 0 && NEW_STATEMENT.test(p.folded.slice(at + 1, to))) return at;
  return -1;
}

/** Whether the parts after a connective ending at `at` are named by their years (“trong đó: năm 2023 là 84 hộ; năm 2024 …”). */
function yearList(p: Para, at: number): boolean {
  return /^\s*:?\s*(?:-\s*)?(?:trong )?nam (?:19|20)\d\d\b/.test(p.folded.slice(at, at + 30));
}

/** A clause naming another year (“năm 2024 …”, “đến năm 2025”) or the whole area (“toàn huyện”) at its head. */
const NEW_STATEMENT = /^\s*(?:-\s*)?(?:(?:trong |den |cuoi |dau )?nam (?:19|20)\d\d\b|toan (?:xa|huyen|tinh|phuong|thi xa|thanh pho|quan)\b)/;

/**
 * A change split into parts by place or group, its parts printed without the change word: “năm
 * 2023 giảm 120 hộ nghèo, trong đó thôn Đông 70 hộ, thôn Tây 50 hộ” — outside brackets, the
 * connective right after its own clause, and no comparison (“so với”) between, which makes it a
 * change of a stock the parts may not add up to.
 */
function splitChange(p: Para, f: ProseFigure, connective: number): boolean {
  if ((p.depths[f.start] ?? 0) !== 0 || f.dimension !== 'households') return false;
  return /^\s*(?:ho\s+)?(?:ngheo|can ngheo)?\s*,?\s*$/.test(p.folded.slice(f.end, connective)) && /\bgiam\s*$/.test(p.folded.slice(Math.max(0, f.start - 8), f.start));
}

function bracketedAside(p: Para, f: ProseFigure, at: number): boolean {
  if ((p.depths[f.start] ?? 0) <= (p.depths[at] ?? 0)) return false;
  const open = p.text.lastIndexOf('(', f.start);
  // “hơn 830 tỷ đồng (834,2 tỷ đồng)”: the exact figure of an approximate one, alone in its brackets, is that figure
  const approximate = p.figures.find((g) => g.end <= open && /^\s*$/.test(p.folded.slice(g.end, open)));
  const exactOf = approximate !== undefined && approximate.qualifier !== null && f.qualifier === null && approximate.dimension === f.dimension && foldVietnamese(approximate.unitText) === foldVietnamese(f.unitText) && /^\(\s*$/.test(p.folded.slice(open, f.start)) && /^\s*\)/.test(p.folded.slice(f.end, f.end + 3));
  return !exactOf && !/^\(\s*(?:tuong duong|tuong ung)\b/.test(p.folded.slice(open, f.start));
}

/**
 * The parts of a total are groups among it rather than a split of it: every part is followed by
 * its own “chiếm P%” before the next part, or the total counts all households (“1.842 hộ dân cư”,
 * “tổng số hộ dân cư là”) and every part is a poverty status (hộ nghèo, hộ cận nghèo).
 */
function partsAreSubsets(p: Para, total: ProseFigure, parts: ReadonlyArray<{ para: Para; f: ProseFigure }>, listEnd: number, sentenceStart: number): boolean {
  const ownShare = parts.every(({ para, f }, i) => {
    const next = parts[i + 1];
    const end = next !== undefined && next.para === para ? next.f.start : para === p ? listEnd : para.text.length;
    const after = para.folded.slice(f.end, end);
    // “… chiếm 11,59%”, or the share in brackets after the part's name (“35 hộ nghèo (11,59%)”)
    return /\bchiem(?: ty le| ti le)?\s*\d/.test(after) || /^[a-z ]{0,25}\(\s*(?:chiem(?: t[yi] le)?\s*|t[yi] le:?\s*)?\d[\d.,]*\s*%/.test(after);
  });
  if (ownShare) return true;
  if (total.dimension !== 'households') return false;
  const allHouseholds = /^\s*(?:dan(?: cu)?|gia dinh|tu nhien)\b/.test(p.folded.slice(total.end, total.end + 20)) || BASE_WORDS.test(p.folded.slice(sentenceStart, total.numberStart));
  return allHouseholds && parts.every(({ para, f }) => householdsOf(para, f) !== null);
}

function lastPerDimension(figures: readonly ProseFigure[]): ProseFigure[] {
  const out = new Map<FigureDimension, ProseFigure>();
  for (const f of figures) out.set(f.dimension, f);
  return [...out.values()].sort((a, b) => a.start - b.start);
}

function populationName(folded: string): string {
  return folded === 'dtts' || folded === 'dan toc' || folded === 'dong bao' ? 'dân tộc thiểu số' : folded === 'dan toc thieu so' ? 'dân tộc thiểu số' : 'xã đặc biệt khó khăn';
}

/** A range of a target: two numbers joined by a dash (“1,5-2%”, “368 – 491 hộ”). */
const RANGE = /(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(\s*[-–—]\s*)(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d.,]\d|\d)(?=\s*(?:%|hộ(?!\p{L})))/gu;

/**
 * A clause with every range written high end first (“giảm 2-1,5%”, “52-37 hộ”) put low end first,
 * and those ranges as printed: a range is an interval whichever end is printed first.
 */
function orderRanges(text: string): { text: string; reversed: string[] } {
  const reversed: string[] = [];
  const value = (digits: string): Fraction => { const [whole = '', frac = ''] = digits.replace(/\./g, '').split(','); return fraction(BigInt(whole + frac), 10n ** BigInt(frac.length)); };
  const out = text.replace(RANGE, (all, a: string, dash: string, b: string) => {
    if (compareFractions(value(a), value(b)) <= 0) return all;
    reversed.push(all);
    return `${b}${dash}${a}`;
  });
  return { text: out, reversed };
}

/** Words before a figure that make it a yearly average (“bình quân mỗi năm khoảng 246,8 tỷ đồng”, “trung bình hằng năm”). */
/** A sentence that opens with a yearly average: “Bình quân mỗi năm giảm”, “Trung bình hằng năm giảm”, “Mỗi năm bình quân giảm”. */
/**
 * Between a change and its yearly average (folded, the average's own words taken off): only the
 * change's households or points and the period it names, then the bracket or comma of the average
 * (“ hộ nghèo trong giai đoạn 2021–2025 (”, “ điểm phần trăm sau 5 năm, ”, “ trong 5 năm (2021-2025), ”).
 */
const PERIOD_OF_CHANGE = /^\s*(?:ho\s+)?(?:(?:can ngheo|ngheo)\s+)?(?:diem phan tram\s+|diem %\s+)?(?:,\s*)?(?:(?:trong|sau|qua)\s+)?(?:(?:ca\s+)?(?:giai doan|thoi ky|nhiem ky)\s+)?(?:(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d|\d{1,2}\s+nam(?:\s+qua)?(?:\s*\(\s*(?:giai doan\s+)?(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d\s*\))?)\s*[(,]?\s*$/;
const AVERAGE_OPENS = /^\s*(?:(?:binh quan|trung binh)(?:\s+(?:moi nam|hang nam|mot nam))?|(?:moi nam|hang nam)\s+(?:binh quan|trung binh))(?:\s+(?:giam|tang))?(?:\s+(?:duoc|dat|la))?\s*$/;
const AVERAGE_BEFORE = /\b(?:binh quan|trung binh)(?:\s+(?:moi nam|hang nam|mot nam))?(?:\s+(?:giam|tang))?(?:\s+(?:duoc|dat|la|khoang|xap xi|gan|hon|tren))?\s*$|\b(?:moi nam|hang nam)(?:\s+(?:giam|tang))?(?:\s+(?:khoang|xap xi|gan|hon|tren))?\s*$/;

/** A figure printed as a yearly average: “bình quân (mỗi năm) …” before it, or “/năm” after it. */
function isYearlyAverage(folded: string, f: ProseFigure): boolean {
  return AVERAGE_BEFORE.test(folded.slice(Math.max(0, f.start - 40), f.start)) || /^\s*\/\s*nam\b/.test(folded.slice(f.end, f.end + 8));
}

/**
 * Between a change and its two ends printed after it: “giảm 2,51% (từ …”, “giảm 0,7% (giảm từ …”, or
 * with its equivalent between (“giảm 6,26%, tương đương với 11.710 hộ nghèo và cận nghèo (giảm từ …”).
 */
const CHANGE_THEN_ENDS = /^(?:\s+(?:ho\s+)?(?:can ngheo|ngheo)\b)?\s*(?:,\s*(?:tuong duong|tuong ung)(?: voi)?\s+[^()%;]{1,60}?)?[(,]?\s*(?:(?:giam|tang)\s+)?tu\s*$/;

/** What a range is read as: ““300–250 hộ” is a range, read as the interval 250 – 300 hộ (printed high end first)”. */
function rangeNote(f: ProseFigure): string {
  const r = f.range!;
  const unit = f.dimension === 'percent' ? '%' : ` ${f.unitText}`;
  return `“${r.text}” is a range, read as the interval ${r.lowDigits} – ${r.highDigits}${unit}${r.reversed ? ' (printed high end first)' : ''}, not as one figure`;
}

/** Words before a year that make it the date or the name of a cited text (“ngày 18 tháng 01 năm 2022”, “Luật Ngân sách nhà nước năm 2015”), not a year of the plan. */
/**
 * A range as the figure claims read (“300–350 hộ”, “khoảng 300–350 hộ”, “từ 12 đến 15 tỷ đồng”):
 * its text the whole range, its qualifier `about` (word `''` when none is printed), so that only
 * claims checked by intervals read it ({@link figureInterval}: from its low end to its high end). A
 * range after another qualifier (“trên 300–350 hộ”) is left out, and listed unchecked.
 */
function rangeFigure(text: string, folded: string, f: ProseFigure): ProseFigure[] {
  const r = f.range!;
  if (f.qualifier !== null) return [];
  const before = folded.slice(Math.max(0, r.start - 12), r.start);
  const about = /(?<![\p{L}])(khoang|xap xi)\s+$/u.exec(before);
  if (about === null && /(?<![\p{L}])(?:hon|tren|duoi|gan|toi da|toi thieu|it nhat)\s+$/u.test(before)) return [];
  const at = about === null ? r.start : r.start - about[0].length;
  return [{ ...f, text: text.slice(at, f.end), start: at, numberStart: r.start, qualifier: { word: about === null ? '' : text.slice(at, at + about[1]!.length), meaning: 'about' } }];
}

/** “(chiếm 70,02% tổng vốn)”, “, chiếm 29,98% tổng kinh phí”: a money figure's share of the document's total, named after it. */
const SHARE_OF_DOCUMENT_TOTAL = /^(\s*[,(]?\s*(?:chiem|bang)(?: t[yi] le)?\s+)(?:(?:khoang|xap xi|gan|hon|tren|duoi)\s+)?\d[\d.,]*\s*%\s+(?:so voi\s+)?(tong (?:so )?(?:von|nguon von|kinh phi|nhu cau von))\b/;
/** The words that name a document's total right before its figure (“Tổng vốn thực hiện Chương trình giai đoạn 2026 - 2030 là”). */
const TOTAL_BEFORE = /\b(tong (?:so )?(?:von|nguon von|kinh phi|nhu cau von))\b(?:[^.,;()%\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,80}$/;
/** What a total names: capital (tổng vốn, tổng nguồn vốn, tổng nhu cầu vốn) or funding (tổng kinh phí). */
function totalKind(words: string): string {
  return /kinh phi/.test(words) ? 'kinh phi' : 'von';
}

/** The title of a plan, report, resolution or decision (folded, in capitals in the original). */
const TITLE = /^\s*(?:#+\s*)?(?:\*\*)?\s*(?:ke hoach|bao cao|nghi quyet|quyet dinh|chuong trinh|de an|to trinh)\b/;
/** The period (or one year: `first === last`) a document's title names, and where. */
interface TitlePeriod {
  readonly first: number;
  readonly last: number;
  readonly block: number;
  readonly text: string;
}
const CITED_YEAR = /\b(?:ngay \d{1,2} thang \d{1,2} nam|thang \d{1,2} nam|(?:luat|bo luat|hien phap)\b[\p{L} ]{0,30}\bnam)\s*$/u;

/** “tăng 137 hộ”, “giảm 20 hộ”, “thêm 5 hộ”: words before a figure that make it a change, not a stock. */
const CHANGE_BEFORE = /\b(giam|tang|them)(?: duoc| len| xuong)?\s*$/;

/**
 * Counts of households listed after a change word, up to the figure (“giảm 197 hộ nghèo và 128 hộ
 * cận nghèo”, “tăng 12 hộ nghèo, 30 hộ cận nghèo”): the words between are only counts and “và” or “,”.
 */
const CHANGE_LIST_BEFORE = /\b(?:giam|tang|them)(?: duoc| len| xuong| them)?\s+(?:(?<![\d.,])\d[\d.,]*\s+ho(?:\s+(?:can ngheo|ngheo|dan cu|dan))?\s*(?:,|\bva\b|,\s*va\b)\s*)+$/;

/** The figure at `at` of a folded text is one of a list of changes begun in its sentence (from `sentenceStart`): {@link CHANGE_LIST_BEFORE}. */
function inChangeList(folded: string, sentenceStart: number, at: number): boolean {
  return CHANGE_LIST_BEFORE.test(folded.slice(Math.max(sentenceStart, at - 200), at));
}

/** The change word right before a figure at `at` of a folded text (`'giam'`, `'tang'`, `'them'`: {@link CHANGE_BEFORE}), null for none. */
function changeWordBefore(folded: string, at: number): string | null {
  return CHANGE_BEFORE.exec(folded.slice(Math.max(0, at - 12), at))?.[1] ?? null;
}

/** The bracket depth at every offset of a text (“a (b) c”: 0 0 0 1 1 0 0 0); a stray “)” never goes below 0. */
function parenDepths(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (const ch of text) {
    if (ch === ')') depth = Math.max(0, depth - 1);
    out.push(depth);
    if (ch === '(') depth++;
    // a character outside the BMP takes two offsets
    if (ch.length === 2) out.push(depth);
  }
  out.push(depth);
  return out;
}

/** Named areas (“tỉnh Kon Tum”, “huyện Tri Tôn”, “thôn Bình Minh”, “thôn 5”) and the whole country or the poor districts, the last before a pair. */
const AREA_NAME = /(?<![\p{L}])(?:(tỉnh|huyện|thị xã|thành phố|quận|xã|phường|thị trấn|thôn|bản|buôn|làng|ấp|tổ dân phố|khu phố)\s+((?:\p{Lu}[\p{L}\p{M}]*|\d+)(?:\s+\p{Lu}[\p{L}\p{M}]*){0,2})|(toàn quốc|cả nước|huyện nghèo|các huyện nghèo))(?![\p{L}\d])/giu;

/** The last area named in a sentence before a pair, `''` for none (the document's own area). */
function scopeOf(text: string): string {
  let out = '';
  for (const m of text.normalize('NFC').matchAll(AREA_NAME)) {
    if (m[3] !== undefined) out = /quốc|nước/i.test(m[3]) ? 'cả nước' : 'huyện nghèo';
    // the first word of the name must be capitalised: “xã Tân Lập”, not “xã đặc biệt khó khăn”
    else if (/^(?:\p{Lu}|\d)/u.test(m[2]!)) out = `${m[1]!.toLowerCase()} ${m[2]!}`;
  }
  return out;
}

/** Words that make a clause's lead a statement, not the name of a place. */
const NOT_A_PLACE = /\b(t[yi] le|ho|so|tong|chiem|trong do|con|dau|cuoi|giam|tang|co|la|dat|binh quan|toan)\b/;

/**
 * A place named alone at the head of the pair's clause, in a list of places each with its pair
 * (“…như sau: Trung du và miền núi phía Bắc 21,92% với 701.461 hộ; Đồng bằng sông Hồng 2,45% với
 * 169.566 hộ; …”): capitalised, with no figure and no word of a statement. `''` when there is none.
 */
function placeBefore(p: Para, sentenceStart: number, at: number): string {
  const from = Math.max(p.text.lastIndexOf(';', at - 1), p.text.lastIndexOf(':', at - 1), sentenceStart - 1) + 1;
  const lead = p.text.slice(from, at).replace(LIST_ITEM, '').replace(/[\s,(]+$/, '').trim();
  if (lead === '' || lead.length > 60 || !/^\p{Lu}/u.test(lead) || /\d/.test(lead) || NOT_A_PLACE.test(foldVietnamese(lead))) return '';
  return lead.normalize('NFC').toLowerCase();
}

/** The moment a sentence puts a pair at: the last of “đầu năm/kỳ/giai đoạn”, “từ” (start) and “cuối năm/kỳ”, “còn” (end) before it. */
function momentOf(folded: string): 'start' | 'end' | null {
  let out: 'start' | 'end' | null = null;
  for (const m of folded.matchAll(/\b(dau nam|dau ky|dau giai doan|(?:giam|tang) tu|cuoi nam|cuoi ky|cuoi giai doan|con)\b/g)) out = /^(dau|giam|tang)/.test(m[1]!) ? 'start' : 'end';
  return out;
}

/**
 * Whether a count is an end of a change of households printed “từ A (hộ) xuống (còn) B (hộ)”: `'from'` for
 * A, `'to'` for B, null otherwise.
 */
function changeEnds(p: Para, f: ProseFigure): 'from' | 'to' | null {
  const before = p.folded.slice(Math.max(0, f.start - 40), f.start);
  // each end may carry its rate in brackets (“giảm từ 1.861 hộ (12,82%) xuống còn 1.601 hộ (10,95%)”)
  if (/\btu\s*$/.test(before) && /^\s*(?:ho\s*)?(?:(?:can\s+)?ngheo\s*)?(?:\([^()]{0,20}\)\s*,?\s*)?(?:xuong|giam xuong)(?:\s+con)?\s+\d/.test(p.folded.slice(f.end, f.end + 50))) return 'from';
  if (/\btu\s+\d[\d.]*\s*(?:ho\s*)?(?:(?:can\s+)?ngheo\s*)?(?:\([^()]{0,20}\)\s*,?\s*)?(?:xuong|giam xuong)(?:\s+con)?\s*$/.test(p.folded.slice(Math.max(0, f.start - 60), f.start))) return 'to';
  return null;
}

/** Whose households the end of a change counts (“số hộ nghèo toàn tỉnh giảm 2.708 hộ, từ 14.015 hộ xuống còn 11.307 hộ”): the subject of its clause. */
function householdsOfClause(p: Para, f: ProseFigure): 'poor' | 'near-poor' | 'both' | null {
  const from = Math.max(p.folded.lastIndexOf(';', f.start - 1), p.folded.lastIndexOf(':', f.start - 1), p.folded.lastIndexOf('. ', f.start - 1));
  const s = subjectOf(p.folded.slice(from + 1, f.start).replace(/\d[\d.,]*/g, ' '));
  return s === 'poor-and-near-poor' ? 'both' : s;
}

/** Which households a count is of: the words right after it (“3.373 hộ nghèo”), else those of its clause before it (“Hộ nghèo có”). */
function householdsOf(p: Para, f: ProseFigure): 'poor' | 'near-poor' | 'both' | null {
  const after = /^\s*(can ngheo|ngheo)\b/.exec(p.folded.slice(f.end, f.end + 14));
  // “2.300 hộ nghèo, hộ cận nghèo”, “… hộ nghèo và cận nghèo”: both
  if (after?.[1] === 'ngheo' && /^\s*ngheo\s*(?:,|va|và)\s*(?:ho\s+)?can ngheo\b/.test(p.folded.slice(f.end, f.end + 30))) return 'both';
  if (after !== null) return after[1] === 'can ngheo' ? 'near-poor' : 'poor';
  let from = Math.max(p.folded.lastIndexOf(';', f.start - 1), p.folded.lastIndexOf(':', f.start - 1), p.folded.lastIndexOf('. ', f.start - 1));
  for (const g of p.figures) if (g.end <= f.start && g.end > from) from = g.end;
  const s = subjectOf(p.folded.slice(from + 1, f.start));
  return s === 'poor-and-near-poor' ? 'both' : s;
}

/** The planned figure of “712.115/1.239.405 triệu đồng”: the number after the slash, with the unit printed after it. */
function slashPlan(p: Para, f: ProseFigure): ProseFigure {
  const { outOf, ...rest } = f;
  let at = p.text.indexOf('/', f.numberStart) + 1;
  while (/\s/.test(p.text[at] ?? '')) at++;
  return { ...rest, text: p.text.slice(at, f.end), numberStart: at, value: outOf!.value, decimals: outOf!.decimals, digits: outOf!.digits, qualifier: null };
}

