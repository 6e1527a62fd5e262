import { foldVietnamese } from '../text/foldVietnamese.js';

/**
 * The traits a part of a “trong đó” list may name, each a way to split people or households that
 * crosses the others: a woman may be of an ethnic minority, a household of a person with merit
 * poor. Parts naming two different traits may overlap; parts of one trait (“nam … nữ”) do not.
 */
const TRAITS: ReadonlyArray<readonly [string, RegExp]> = [
  ['gender', /\b(nu|phu nu|nu gioi|nam gioi|chu ho la nu)\b/],
  ['ethnicity', /\b(dan toc thieu so|dtts|dong bao dan toc|nguoi dan toc|dan toc kinh)\b/],
  ['disability', /\b(khuyet tat)\b/],
  ['merit', /\b(nguoi co cong|co cong voi cach mang|gia dinh chinh sach|doi tuong chinh sach|bao tro xa hoi)\b/],
  ['age', /\b(tre em|nguoi cao tuoi|thanh nien|duoi \d+ tuoi|tren \d+ tuoi)\b/],
  ['status', /\b(thuoc ho ngheo|thuoc ho can ngheo|ho ngheo|ho can ngheo|moi thoat ngheo)\b/],
];

/**
 * The trait a part's label names (`'gender'`, `'ethnicity'` …), or null when it names none or more
 * than one; a poverty status beside another trait is the total's own (“hộ nghèo dân tộc thiểu số”
 * among the poor: ethnicity).
 */
function traitOf(label: string): string | null {
  const folded = foldVietnamese(label);
  const named = TRAITS.filter(([, re]) => re.test(folded)).map(([t]) => t);
  const others = named.filter((t) => t !== 'status');
  return others.length === 1 ? others[0]! : others.length === 0 && named.length === 1 ? named[0]! : null;
}

/**
 * Whether the parts of a total, by their labels, are groups that may overlap (“lao động nữ 280
 * người; lao động là người dân tộc thiểu số 190 người”): two of them name different traits (gender,
 * ethnicity, disability, merit, age, poverty status) and none is the rest (“thuộc diện khác”, “còn
 * lại”: then the list splits the total). Their sum may then exceed the total; each part alone may not.
 *
 * @param labels - the words that name each part.
 * @returns true when two parts name different traits.
 * @example
 * overlappingGroups(['lao động nữ', 'lao động là người dân tộc thiểu số']) //=> true
 * overlappingGroups(['Thôn 5 có', 'Thôn 2 có']) //=> false
 */
export function overlappingGroups(labels: readonly string[]): boolean {
  // “…, 105 người thuộc diện khác”, “còn lại”: a part for the rest makes the list a split of the total
  if (labels.some((l) => /\b(khac|con lai)\b/.test(foldVietnamese(l)))) return false;
  const traits = new Set(labels.map(traitOf).filter((t): t is string => t !== null));
  return traits.size >= 2;
}

/**
 * Whether a part's label names a group of the total's own households: no poverty status at all
 * (“hộ dân tộc thiểu số”), or the total's status with another trait (“hộ nghèo có chủ hộ là nữ”
 * among the poor). A label of the status alone (“hộ nghèo” among the poor and near-poor) or of
 * another status is not: a share printed after it may be a rate of all households.
 *
 * @param label - the words that name the part.
 * @param status - the households of the total: `'poor'` or `'near-poor'`.
 * @returns true when the part is a group of the total's households.
 * @example
 * groupOfTotal('hộ nghèo có chủ hộ là nữ', 'poor') //=> true
 * groupOfTotal('hộ cận nghèo', 'poor') //=> false
 */
export function groupOfTotal(label: string, status: 'poor' | 'near-poor'): boolean {
  const folded = foldVietnamese(label);
  if (!/\bngheo\b/.test(folded)) return true;
  const nearPoor = /\bcan ngheo\b/.test(folded);
  const poor = /\bngheo\b/.test(folded.replace(/\bcan ngheo\b/g, ''));
  if (status === 'poor' ? nearPoor || !poor : poor || !nearPoor) return false;
  const trait = traitOf(label);
  return trait !== null && trait !== 'status';
}

/**
 * The traits other than poverty status a piece of prose names (“hộ nghèo dân tộc thiểu số” →
 * `['ethnicity']`): counts of different groups are never of the same households.
 *
 * @param text - the words read.
 * @returns the traits named, in the order of {@link overlappingGroups}' list.
 * @example
 * traitsNamed('đầu năm có 120 hộ nghèo là người dân tộc thiểu số') //=> ['ethnicity']
 */
export function traitsNamed(text: string): string[] {
  const folded = foldVietnamese(text);
  return TRAITS.filter(([t, re]) => t !== 'status' && re.test(folded)).map(([t]) => t);
}
