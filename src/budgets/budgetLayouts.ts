import type { LayoutPreset } from '../reconcile/layoutPreset.js';
import { budgetByProjectLayout } from './budgetByProjectLayout.js';
import { capitalByTypeLayout } from './capitalByTypeLayout.js';

/**
 * The budget domain's layout presets by name (its share of `LAYOUTS`).
 * @example
 * Object.keys(BUDGET_LAYOUTS) //=> ['budget-by-project', 'capital-by-type']
 */
export const BUDGET_LAYOUTS: Readonly<Record<string, LayoutPreset>> = Object.freeze({
  [budgetByProjectLayout.name]: budgetByProjectLayout,
  [capitalByTypeLayout.name]: capitalByTypeLayout,
});
