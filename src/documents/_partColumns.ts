import { foldVietnamese } from '../text/foldVietnamese.js';
import type { Col } from './_columnRelations.js';
import { rowSignal } from './_tableRows.js';

/** A column that is part of another, as their headers say it: the part, its whole, and how it was told. */
export interface PartColumn {
  readonly part: Col;
  readonly whole: Col;
  /**
   * `'stated'`: the part's header says it (“Trong đó: hộ nghèo DTTS”, or a bullet “+ Hộ nghèo DTTS” under a
   * heading “Trong đó:”), printed next to its whole or naming it; `'bullet'`: only a bullet before its words
   * (“- Hộ nghèo DTTS” after “Số hộ nghèo”), to be confirmed by the figures.
   */
  readonly how: 'stated' | 'bullet';
}

const BULLET = /^[-–—+•·*]\s*\S/u;
/** Words a part's header shares with any whole (folded): they name no households in particular. */
const COMMON = /\b(trong do|trong so do|gom|bao gom|chia ra|tong so|so luong|so|ho|nguoi|khau|nhan khau|dtts|dan toc thieu so|la|co|cua)\b/g;

/** The header's first line (the row's label, in a table of indicators read transposed). */
const topOf = (c: Col): string => c.header.split(' › ')[0]!.trim();
/** The header's other lines (the unit, in a table of indicators read transposed), folded. */
const restOf = (c: Col): string => foldVietnamese(c.header.split(' › ').slice(1).join(' › '));

/**
 * The columns that are parts of another by their headers, read as the row roles read labels
 * (`rowSignal`): a column headed “Trong đó: …” (or “Gồm”, “Chia ra”) is part of the nearest count
 * (or amount) column before it that is no part itself; so is each column with a bullet before its
 * words (“+ Hộ nghèo DTTS”, “- Hộ nghèo DTTS”), after a heading column “Trong đó:” or not. A table of
 * indicators by period, read transposed (`shapeTable`), has its printed rows as columns: “Số hộ
 * nghèo”, then “Trong đó: hộ DTTS”, is then the same part of its whole as in a table printed the
 * usual way. Among the columns before it, the nearest one whose header names the part's households
 * (“nghèo” in “Trong đó: hộ nghèo DTTS”, never “cận nghèo”) is its whole, else the nearest one.
 * Parts and wholes are of the same kind and printed in the same unit; rates are never parts (a
 * group's rate may be above the whole's).
 *
 * @param cols - the table's columns, in printed order.
 * @param printed - whether a column prints any figure (a heading “Trong đó:” prints none).
 */
export function partColumns(cols: readonly Col[], printed: (c: Col) => boolean): PartColumn[] {
  const out: PartColumn[] = [];
  // the columns a part may be of: count and amount columns no part themselves, since the last heading that is no part
  let wholes: Col[] = [];
  let underHeading = false;
  for (const c of cols) {
    const top = topOf(c);
    const bullet = BULLET.test(top);
    const part = rowSignal(c.col, '', top, printed(c)).signal === 'part';
    if (c.kind === 'rate') continue;
    if (c.kind !== 'count' && c.kind !== 'amount') {
      // a heading “Trong đó:” with no figure opens the parts that follow; another text column ends them
      if (part && !printed(c)) underHeading = wholes.length > 0;
      else if (top !== '') {
        wholes = [];
        underHeading = false;
      }
      continue;
    }
    if (!part && !bullet) {
      wholes.push(c);
      underHeading = false;
      continue;
    }
    const same = wholes.filter((w) => w.kind === c.kind && w.unit === c.unit && restOf(w) === restOf(c));
    const named = namedWhole(c, same);
    const whole = named ?? same[same.length - 1];
    if (whole === undefined) continue;
    // said to be a part, and of the whole right before it (its other parts between) or of the one it names
    out.push({ part: c, whole, how: part || underHeading ? 'stated' : 'bullet' });
  }
  return out;
}

/** The nearest whole whose header names the part's households (“nghèo” of “hộ nghèo DTTS”), or null. */
function namedWhole(part: Col, wholes: readonly Col[]): Col | null {
  const words = foldVietnamese(topOf(part)).replace(/^[-–—+•·*\s]+/u, '').replace(/[^a-z0-9 ]/g, ' ').replace(COMMON, ' ').replace(/\s+/g, ' ').trim();
  if (words === '') return null;
  const named = wholes.filter((w) => {
    const header = foldVietnamese(topOf(w)).replace(/\bcan ngheo\b/g, /\bcan ngheo\b/.test(words) ? 'can ngheo' : 'cn');
    return words.split(' ').every((x) => new RegExp(`\\b${x}\\b`).test(header));
  });
  return named[named.length - 1] ?? null;
}
