import { fail } from '../errors/VnPovertyError.js';
import { POVERTY_CAUSES, POVERTY_CAUSE_LABELS_VI, type ChildCounts, type PovertyCause, type ReviewedHousehold } from '../reports/reviewedHousehold.js';
import { cellError, normalizeHeader, readCell, type CellPosition, type ColumnSpec } from './columns.js';
import type { RawCell } from './readRows.js';

/**
 * Kinds of support a household received, as provincial review exports list them (*hỗ trợ đã
 * nhận*): health, education, production, credit, housing, other.
 * @see review-procedure §9 (Đắk Nông review-system export, 2023–2024; SECONDARY).
 */
export type SupportKind = 'health' | 'education' | 'production' | 'credit' | 'housing' | 'other';

/**
 * Every {@link SupportKind}, in the order the exports print them.
 * @example
 * SUPPORT_KINDS.length //=> 6
 */
export const SUPPORT_KINDS: readonly SupportKind[] = Object.freeze(['health', 'education', 'production', 'credit', 'housing', 'other']);

/**
 * Vietnamese names of the support kinds.
 * @example
 * SUPPORT_KIND_LABELS_VI.credit //=> 'Tín dụng'
 */
export const SUPPORT_KIND_LABELS_VI: Readonly<Record<SupportKind, string>> = Object.freeze({
  health: 'Y tế',
  education: 'Giáo dục',
  production: 'Sản xuất',
  credit: 'Tín dụng',
  housing: 'Nhà ở',
  other: 'Khác',
});

/**
 * What the optional columns of a register say about a household, for the standard reports
 * (the fields of `ReviewedHousehold` a register can carry). Every field is absent when the
 * register has no such column or the cell is blank.
 */
export interface RegisterExtras extends Pick<ReviewedHousehold, 'headName' | 'village' | 'ethnicGroup' | 'ethnicMinority' | 'causes' | 'policyGroups'> {
  /** Support received (*hỗ trợ đã nhận*). */
  readonly support?: readonly SupportKind[];
  /** Children counts (under 16): only the counts the register gives. */
  readonly children?: Partial<ChildCounts>;
}

const CAUSE_WORDS: Readonly<Record<string, PovertyCause>> = (() => {
  const words: Record<string, PovertyCause> = {
    'thieu dat': 'land', dat: 'land', 'dat san xuat': 'land',
    von: 'capital', 'thieu von san xuat': 'capital',
    'lao dong': 'labour', labor: 'labour', 'khong co lao dong': 'labour',
    'cong cu': 'tools', 'phuong tien san xuat': 'tools', 'thieu cong cu': 'tools', 'cong cu, phuong tien san xuat': 'tools',
    'kien thuc': 'knowledge', 'thieu kien thuc': 'knowledge', 'kien thuc san xuat': 'knowledge',
    'ky nang': 'skills', 'thieu ky nang': 'skills', 'ky nang lao dong': 'skills', 'tay nghe': 'skills',
    'om dau': 'illness', 'tai nan': 'illness', 'om dau, tai nan': 'illness', 'benh tat': 'illness', 'om dau, benh tat': 'illness',
    'nguyen nhan khac': 'other',
  };
  for (const c of POVERTY_CAUSES) {
    words[c] = c;
    words[normalizeHeader(POVERTY_CAUSE_LABELS_VI[c])] = c;
  }
  return words;
})();

const SUPPORT_WORDS: Readonly<Record<string, SupportKind>> = (() => {
  const words: Record<string, SupportKind> = { 'ho tro y te': 'health', bhyt: 'health', 'ho tro giao duc': 'education', 'ho tro san xuat': 'production', 'von vay': 'credit', vay: 'credit', 'ho tro nha o': 'housing', 'ho tro khac': 'other' };
  for (const k of SUPPORT_KINDS) {
    words[k] = k;
    words[normalizeHeader(SUPPORT_KIND_LABELS_VI[k])] = k;
  }
  return words;
})();

const CAUSES_EXPECTED = `causes separated by ";": ${POVERTY_CAUSES.map((c) => `${POVERTY_CAUSE_LABELS_VI[c]} (${c})`).join(', ')}`;
const SUPPORT_EXPECTED = `kinds of support separated by ";": ${SUPPORT_KINDS.map((k) => `${SUPPORT_KIND_LABELS_VI[k]} (${k})`).join(', ')}`;

const childColumns: ReadonlyArray<readonly [keyof ChildCounts, string, string, readonly string[]]> = [
  ['total', 'Số trẻ em', 'Children', ['số trẻ em dưới 16 tuổi', 'trẻ em dưới 16 tuổi', 'children under 16', 'number of children']],
  ['withoutHealthInsurance', 'Số trẻ em không có BHYT', 'Children without health insurance', ['trẻ em không có bhyt', 'trẻ em không có bảo hiểm y tế', 'số trẻ em không có bảo hiểm y tế']],
  ['nutritionDeprived', 'Số trẻ em thiếu hụt dinh dưỡng', 'Children deprived in nutrition', ['trẻ em thiếu hụt dinh dưỡng', 'trẻ em suy dinh dưỡng', 'số trẻ em suy dinh dưỡng']],
  ['schoolDeprived', 'Số trẻ em thiếu hụt đi học', 'Children deprived in school attendance', ['trẻ em thiếu hụt đi học', 'trẻ em không đi học', 'số trẻ em không đi học']],
];

/**
 * The optional columns of a register that the standard reports read, with their Vietnamese and
 * English headers: head of household, village, ethnic group, ethnic-minority flag, causes of
 * poverty and support received (each as one list column, `Thiếu vốn; Ốm đau, tai nạn`, or as
 * one mark column per kind, `Nguyên nhân nghèo: Thiếu vốn`), policy groups, and the children
 * counts. All optional; each cell is validated, and an unknown value names row and column.
 * The classify output carries them under their `vi (en)` headers, whatever the input called them.
 *
 * @example
 * REGISTER_REPORT_COLUMNS.find((c) => c.key === 'village')?.vi //=> 'Thôn'
 * @see review-procedure §9 (the export's columns and the reports that read them; SECONDARY).
 */
export const REGISTER_REPORT_COLUMNS: readonly ColumnSpec[] = Object.freeze(
  [
    { key: 'headName', hint: 'text', vi: 'Họ tên chủ hộ', en: 'Head of household', aliases: ['họ và tên chủ hộ', 'tên chủ hộ', 'chủ hộ', 'household head', 'head name'] },
    { key: 'village', hint: 'text', vi: 'Thôn', en: 'Village', aliases: ['thôn/ấp/bản', 'thôn, ấp, bản', 'thôn/bản', 'thôn/tổ', 'thôn/tổ dân phố', 'thôn, tổ dân phố', 'thôn/bon', 'ấp', 'bản', 'bon', 'tổ dân phố', 'residential group'] },
    { key: 'ethnicGroup', hint: 'text', vi: 'Dân tộc', en: 'Ethnic group', aliases: ['ethnicity', 'thành phần dân tộc'] },
    { key: 'ethnicMinority', hint: 'boolean', vi: 'Hộ DTTS', en: 'Ethnic minority', aliases: ['dtts', 'dân tộc thiểu số', 'hộ dân tộc thiểu số', 'ethnic minority household'] },
    { key: 'causes', hint: 'text', vi: 'Nguyên nhân nghèo', en: 'Causes of poverty', aliases: ['nguyên nhân', 'poverty causes', 'causes'] },
    ...POVERTY_CAUSES.map((c) => ({ key: `cause:${c}`, hint: 'boolean' as const, vi: `Nguyên nhân nghèo: ${POVERTY_CAUSE_LABELS_VI[c]}`, en: `Cause: ${c}`, aliases: [`nguyên nhân: ${POVERTY_CAUSE_LABELS_VI[c]}`] })),
    { key: 'support', hint: 'text', vi: 'Hỗ trợ đã nhận', en: 'Support received', aliases: ['hỗ trợ', 'chính sách hỗ trợ', 'support'] },
    ...SUPPORT_KINDS.map((k) => ({ key: `support:${k}`, hint: 'boolean' as const, vi: `Hỗ trợ: ${SUPPORT_KIND_LABELS_VI[k]}`, en: `Support: ${k}`, aliases: [`hỗ trợ ${SUPPORT_KIND_LABELS_VI[k]}`] })),
    { key: 'policyGroups', hint: 'text', vi: 'Đối tượng chính sách', en: 'Policy groups', aliases: ['nhóm đối tượng', 'đối tượng', 'policy group', 'nhóm đối tượng chính sách'] },
    ...childColumns.map(([k, vi, en, aliases]) => ({ key: `children:${k}`, hint: 'count' as const, vi, en, aliases })),
  ].map((c) => Object.freeze(c as ColumnSpec)),
);

/**
 * The score columns of a review export: income score A (*Điểm phiếu B1*) and deprivation
 * score B (*Điểm phiếu B2*). A register with both is classified by the score rule.
 * @example
 * REGISTER_SCORE_COLUMNS.map((c) => c.vi) //=> ['Điểm phiếu B1', 'Điểm phiếu B2']
 * @see TT 07/2021/TT-BLĐTBXH, Art. 1 cl. 1 (the forms and their scores).
 */
export const REGISTER_SCORE_COLUMNS: readonly ColumnSpec[] = Object.freeze(
  [
    { key: 'incomeScore', hint: 'rate', vi: 'Điểm phiếu B1', en: 'Income score (A)', aliases: ['điểm b1', 'điểm a', 'score a', 'income score', 'tổng điểm phiếu b1', 'điểm thu nhập'] },
    { key: 'deprivationScore', hint: 'rate', vi: 'Điểm phiếu B2', en: 'Deprivation score (B)', aliases: ['điểm b2', 'điểm b', 'score b', 'deprivation score', 'tổng điểm phiếu b2', 'điểm thiếu hụt'] },
  ].map((c) => Object.freeze(c as ColumnSpec)),
);

/** Where each report column sits in a file (0-based), with its header as printed. @internal */
export interface ExtrasPlan {
  readonly columns: ReadonlyArray<{ readonly key: string; readonly index: number; readonly header: string; readonly spec: ColumnSpec }>;
  /** The output fields present (for the output columns). */
  readonly fields: ReadonlySet<keyof RegisterExtras | `children:${keyof ChildCounts}`>;
  /** Blank mark cells of cause/support columns read as "not ticked". */
  readonly source: string | undefined;
}

/** The report columns a header match found. @internal */
export function extrasPlan(index: Readonly<Record<string, number>>, header: ReadonlyArray<RawCell>, source: string | undefined): ExtrasPlan | undefined {
  const columns = REGISTER_REPORT_COLUMNS.filter((c) => index[c.key] !== undefined).map((spec) => {
    const i = index[spec.key]!;
    const h = header[i];
    return { key: spec.key, index: i, header: h === null || h === undefined || String(h).trim() === '' ? spec.vi : String(h), spec };
  });
  if (columns.length === 0) return undefined;
  const fields = new Set<ExtrasPlan['fields'] extends ReadonlySet<infer F> ? F : never>();
  for (const c of columns) {
    const base = c.key.split(':')[0]!;
    fields.add((base === 'cause' ? 'causes' : base === 'children' ? c.key : base) as never);
  }
  return { columns, fields, source };
}

/** The causes of poverty a list cell names (`Thiếu vốn; ốm đau`), or an error naming the cell. @internal */
export function causesOfCell(text: string, at: CellPosition): PovertyCause[] {
  return listOf(text, CAUSE_WORDS, at, CAUSES_EXPECTED);
}

function listOf<T extends string>(text: string, words: Readonly<Record<string, T>>, at: CellPosition, expected: string): T[] {
  const out: T[] = [];
  for (const part of text.split(/[;|\n]/)) {
    const folded = normalizeHeader(part);
    if (folded === '') continue;
    const found = words[folded] ?? words[folded.replace(/^thieu /, '')];
    if (found === undefined) throw cellError(at, errorOf(part.trim(), expected));
    if (!out.includes(found)) out.push(found);
  }
  return out;
}

function errorOf(value: string, expected: string): unknown {
  try {
    return fail({ code: 'invalid-input', path: [], value, expected });
  } catch (e) {
    return e;
  }
}

/**
 * Reads the report columns of one row: text trimmed, flags and counts as the readers read them,
 * causes and support as lists of known kinds, children counts each at most the total.
 * @throws VnPovertyError naming file, row and column: `invalid-input` (an unknown cause or
 *   support kind, a children count above the total), and the cell errors of `readCell`.
 * @internal
 */
export function readExtras(plan: ExtrasPlan, cells: ReadonlyArray<RawCell>, row: number, formats?: ReadonlyArray<string | undefined>): RegisterExtras | undefined {
  const out: Record<string, unknown> = {};
  let causes: PovertyCause[] | undefined;
  let support: SupportKind[] | undefined;
  let children: Record<string, number> | undefined;
  let childrenAt: CellPosition | undefined;
  for (const c of plan.columns) {
    const at: CellPosition = { source: plan.source, row, column: c.index + 1, header: c.header };
    const value = readCell(cells[c.index] ?? null, c.spec, at, formats?.[c.index]);
    if (value === null) continue;
    const [base, kind] = c.key.split(':') as [string, string | undefined];
    if (base === 'cause' || base === 'support') {
      if (value !== true) continue;
      if (base === 'cause') (causes ??= []).includes(kind as PovertyCause) || causes.push(kind as PovertyCause);
      else (support ??= []).includes(kind as SupportKind) || support.push(kind as SupportKind);
      continue;
    }
    if (c.key === 'causes') {
      for (const x of listOf(value as string, CAUSE_WORDS, at, CAUSES_EXPECTED)) (causes ??= []).includes(x) || causes.push(x);
    } else if (c.key === 'support') {
      for (const x of listOf(value as string, SUPPORT_WORDS, at, SUPPORT_EXPECTED)) (support ??= []).includes(x) || support.push(x);
    } else if (c.key === 'policyGroups') {
      const groups = (value as string).split(/[;|\n]/).map((g) => g.trim()).filter((g) => g !== '');
      if (groups.length > 0) out['policyGroups'] = Object.freeze(groups);
    } else if (base === 'children') {
      const n = value as bigint;
      if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw cellError(at, errorOf(String(n), 'a count of children'));
      (children ??= {})[kind!] = Number(n);
      if (kind === 'total') childrenAt = at;
    } else out[c.key] = value;
  }
  if (causes !== undefined) out['causes'] = Object.freeze(causes);
  if (support !== undefined) out['support'] = Object.freeze(support);
  if (children !== undefined) {
    const total = children['total'];
    if (total !== undefined) {
      for (const c of plan.columns) {
        const kind = c.key.startsWith('children:') ? c.key.slice('children:'.length) : undefined;
        if (kind === undefined || kind === 'total' || children[kind] === undefined || children[kind]! <= total) continue;
        throw cellError({ source: plan.source, row, column: c.index + 1, header: c.header }, errorOf(String(children[kind]), `at most the ${total} children of column ${childrenAt!.column} (${childrenAt!.header})`));
      }
    }
    out['children'] = Object.freeze(children);
  }
  return Object.keys(out).length > 0 ? Object.freeze(out as RegisterExtras) : undefined;
}

/** Folded words of a header that holds a recognition date or an earlier status. */
const STATUS_HISTORY_HEADER = /ngay cong nhan|cong nhan (thoat|ho)|thoat ngheo|thoat can ngheo|nam thoat|(tinh trang|phan loai|ket qua|loai ho)( ho)? (nam|ky|lan) truoc|recogni[sz](ed|ation)|escaped|previous (status|result)|status history/;

/**
 * The pass-through headers that hold a household's recognition date or earlier status
 * (`Ngày công nhận`, `Năm thoát nghèo`, `Tình trạng năm trước`, `Previous status`): a register
 * reader passes them through without reading them, and the run summary says so, since the
 * 36-month window of households recently escaped from poverty (QĐ 90/QĐ-TTg, Part II) is
 * computed from status histories, not from this review. @internal
 * @example
 * statusHistoryHeaders(['Ghi chú', 'Ngày công nhận thoát nghèo', 'Tình trạng năm trước']) //=> ['Ngày công nhận thoát nghèo', 'Tình trạng năm trước']
 */
export function statusHistoryHeaders(headers: readonly string[]): string[] {
  return headers.filter((h) => STATUS_HISTORY_HEADER.test(normalizeHeader(h)));
}
