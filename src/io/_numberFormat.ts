/**
 * What an Excel number format does to the figure it shows (ECMA-376 §18.8.31): the section used
 * for a positive number, whether it groups thousands, shows a percentage, or scales the figure
 * down by a thousand for each comma after its last digit placeholder (`#,##0,` shows 1200000 as
 * `1,200`; `0.0,,` as `1.2`). @internal
 */

import { chosenSection, formatSections } from './_formatSections.js';

/** A section without quoted text, escapes, fills, paddings and `[…]` colours or conditions. */
function bareSection(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

/** How an Excel number format shows a figure. @internal */
export interface NumberFormatShape {
  /** The section read (see above); undefined for General. */
  readonly section: string | undefined;
  /** Thousands grouped (a comma between digit placeholders: `#,##0`). */
  readonly grouped: boolean;
  /** The figure × 100 with a `%` (a `%` in the section). */
  readonly percent: boolean;
  /** Decimals shown (`0.00` → 2, `#,##0` → 0); null for General (every digit). */
  readonly decimals: number | null;
  /** The figure is shown divided by 1000 this many times (`#,##0,` → 1, `0.0,,` → 2). */
  readonly thousandsScale: number;
  /**
   * False when the section shows no figure at all: empty (`;;;`, Excel's way to hide a value on
   * screen and on paper) or text alone (`"-"`); true for General, `@` and any digit placeholder.
   */
  readonly showsFigure: boolean;
}

/**
 * How a number format shows a figure: grouping, percent, decimals and thousands scaling; of its
 * first section, or with `value` of the section that shows that value (`#,##0;0.0%` shows −0,5
 * as a percentage; ECMA-376 Part 1 §18.8.31, see `chosenSection`).
 * @example
 * numberFormatShape('#,##0,').thousandsScale //=> 1
 * numberFormatShape('#,##0.0,,"tr"').decimals //=> 1
 * numberFormatShape('#,##0').grouped //=> true
 * numberFormatShape('@').decimals //=> null
 * numberFormatShape(';;;').showsFigure //=> false
 * numberFormatShape('0;0.0%', -0.5).percent //=> true
 */
export function numberFormatShape(fmt: string | undefined, value?: number): NumberFormatShape {
  const raw = fmt === undefined || fmt === '' || /^general$/i.test(fmt) ? undefined : value === undefined ? formatSections(fmt)[0]! : chosenSection(fmt, value).section;
  const section = raw === undefined ? undefined : bareSection(raw);
  if (section === undefined) return { section, grouped: false, percent: false, decimals: null, thousandsScale: 0, showsFigure: true };
  // no digit placeholder: `@` (Text) and General with text around it (`General" hộ"`) show the number as General, every digit (before: rounded to no decimals, 15,43 read 15); an empty or text-only section (`;;;`, `"-"`) shows none
  if (!/[0#?]/.test(section)) return { section, grouped: false, percent: false, decimals: null, thousandsScale: 0, showsFigure: /general|@/i.test(section) };
  // a fraction (`# ?/?` shows 0,5 as 1/2) or a scientific format (`0.00E+00`) is read with every digit, as General: its decimals are not the figure's
  if (section.includes('/') || /[eE][+-]/.test(section)) return { section, grouped: false, percent: section.includes('%'), decimals: null, thousandsScale: 0, showsFigure: true };
  // the commas right after the last digit placeholder of the integer part or of the decimals scale the figure
  const scale = /[0#?](,+)(?=[^0#?,]*$|\.)/.exec(section);
  const decimals = /\.([0#?]+)/.exec(section);
  return {
    section,
    grouped: /[0#?],+[0#?]/.test(section),
    percent: section.includes('%'),
    decimals: decimals === null ? 0 : decimals[1]!.length,
    thousandsScale: scale === null ? 0 : scale[1]!.length,
    showsFigure: true,
  };
}
