import { MONEY_UNITS } from '../numbers/money.js';
import { UNIT_FROM_HEADER } from '../reconcile/layoutPreset.js';

export { UNIT_FROM_HEADER };

/** The `unit` option of the budget presets: `--unit dong|nghin|trieu|ty`, or the header's unit. */
export const UNIT_OPTION = Object.freeze({
  name: 'unit',
  values: Object.freeze([...MONEY_UNITS, UNIT_FROM_HEADER]),
  default: UNIT_FROM_HEADER,
  description: 'unit the amounts are printed in (dong, nghin, trieu, ty); left out: read from the header, e.g. "central (triệu đồng)", or a caption "ĐVT: triệu đồng"',
});
