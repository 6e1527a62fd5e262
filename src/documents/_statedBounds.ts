import { compareFractions, fractionToDecimal, subtractFractions } from '../numbers/fraction.js';
import { formatVnNumber } from '../numbers/formatVnNumber.js';
import { foldVietnameseKeepingLength } from '../text/foldVietnamese.js';
import { proseFigures, sentences, type ProseFigure } from './_proseFigures.js';
import type { CheckedClaim, CheckFinding, FindingLocation } from './checkReport.js';
import type { DocumentModel } from './documentModel.js';

/**
 * What the checks of stated bounds found: claims and findings. The share's own arithmetic is another
 * claim's, so its sentence stays in `unchecked` when no other claim reads it.
 */
export interface StatedBoundChecks {
  readonly claims: readonly CheckedClaim[];
  readonly findings: readonly CheckFinding[];
}

/** A share, printed after “chiếm” or “bằng”. */
const SHARE_LEAD = /\b(?:chiem|bang)(?: t[yi] le)?\s*$/;
/**
 * The bound the same clause states on that share, after it (“…, bằng 10,8% vốn ngân sách trung ương (mức đối
 * ứng tối thiểu 10% theo quy định)”, “…, chiếm 4,4% vốn sự nghiệp, bảo đảm không quá 5% theo quy định”): the
 * words between may name the base and the rule, never a change, a target or another year.
 */
const BOUND_BEFORE = /^[^;\d%]{0,90}?\b(toi thieu(?: la)?|it nhat|khong thap hon|khong duoi|toi da(?: la)?|khong qua|khong vuot qua|khong vuot|khong cao hon)\s*(?:muc\s+)?$/;
/** Words that make the percentage after them something else than a bound on the share: a change, a target, a period. */
// …nor another source's (“bằng 12% vốn ngân sách trung ương, ngân sách huyện đối ứng tối thiểu 5%”: a new subject after a comma)
const NOT_THE_SHARE = /\b(giam|tang|phan dau|muc tieu|chi tieu|moi nam|hang nam|binh quan|den nam|giai doan|nam \d{4}|ty le ho|ti le ho)\b|\.\s|,\s*(?:va\s+|con\s+)?(?:ngan sach|von|nguon|kinh phi|du an|tieu du an)\b/;
const MINIMUM = /^(?:toi thieu|it nhat|khong thap hon|khong duoi)/;

const digits = (f: ProseFigure): string => `${f.digits}%`;

/**
 * A share printed with the bound the sentence itself states for it: “Vốn ngân sách tỉnh đối ứng:
 * 92.916 triệu đồng, bằng 9,0% vốn ngân sách trung ương (mức đối ứng tối thiểu 10% theo quy
 * định)” is below its minimum; “… chiếm 6,2% vốn sự nghiệp, bảo đảm không quá 5%” above its
 * maximum. The share is compared as printed (its own arithmetic is checked with its total
 * elsewhere); a share at the bound holds. A finding `stated-bound-broken` (error) at the share.
 *
 * @example
 * checkStatedBounds(readTextDocument('… 92.916 triệu đồng, bằng 9,0% vốn ngân sách trung ương (mức đối ứng tối thiểu 10% theo quy định).')).findings[0].code
 * //=> 'stated-bound-broken'
 */
export function checkStatedBounds(model: DocumentModel): StatedBoundChecks {
  const claims: CheckedClaim[] = [];
  const findings: CheckFinding[] = [];
  for (const b of model.blocks) {
    if (b.kind === 'table' || b.notRead !== undefined) continue;
    const folded = foldVietnameseKeepingLength(b.text);
    if (!/\b(toi thieu|it nhat|khong thap hon|khong duoi|toi da|khong qua|khong vuot|khong cao hon)\b/.test(folded)) continue;
    const figures = proseFigures(b.text, { folded }).filter((f) => f.dimension === 'percent' && f.unitText === '%');
    for (const s of sentences(b.text)) {
      const inSentence = figures.filter((f) => f.start >= s.start && f.end <= s.end);
      for (const [i, share] of inSentence.entries()) {
        const bound = inSentence[i + 1];
        if (bound === undefined || share.qualifier !== null || share.range !== undefined || bound.range !== undefined) continue;
        if (!SHARE_LEAD.test(folded.slice(Math.max(s.start, share.start - 16), share.start))) continue;
        const between = folded.slice(share.end, bound.numberStart);
        const m = BOUND_BEFORE.exec(between);
        if (m === null || NOT_THE_SHARE.test(between)) continue;
        const minimum = MINIMUM.test(m[1]!);
        const side = compareFractions(share.value, bound.value);
        const holds = minimum ? side >= 0 : side <= 0;
        const location: FindingLocation = { block: b.index + 1, ...b.position, start: share.start, end: share.end };
        const sentence = b.text.slice(s.start, s.end).trim();
        const stated = b.text.slice(share.end + m.index + between.slice(m.index).indexOf(m[1]!), bound.end).trim();
        const relation = `${digits(share)} ${minimum ? '≥' : '≤'} ${digits(bound)} (“${stated}”)`;
        claims.push({ kind: 'stated-bound', location, sentence, summary: relation, status: holds ? 'consistent' : 'finding', note: holds ? 'the share is within the bound its sentence states' : null });
        if (holds) continue;
        const difference = formatVnNumber(fractionToDecimal(subtractFractions(share.value, bound.value)).toFixed(Math.max(share.decimals, bound.decimals)), { decimals: Math.max(share.decimals, bound.decimals) });
        findings.push({
          severity: 'error',
          code: 'stated-bound-broken',
          location,
          text: sentence,
          printed: share.text,
          expected: `${minimum ? '≥' : '≤'} ${digits(bound)}`,
          difference,
          relation,
          message: `“${share.text}”: ${minimum ? 'below the minimum' : 'above the maximum'} its sentence states (“${stated}”)`,
        });
      }
    }
  }
  return { claims, findings };
}
