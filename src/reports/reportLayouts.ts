import type { LayoutPreset } from '../reconcile/layoutPreset.js';
import { summaryFormLayout } from './summaryFormLayout.js';

/**
 * The review reports' layout presets by name (their share of `LAYOUTS`).
 * @example
 * Object.keys(REPORT_LAYOUTS) //=> ['summary-form']
 */
export const REPORT_LAYOUTS: Readonly<Record<string, LayoutPreset>> = Object.freeze({
  [summaryFormLayout.name]: summaryFormLayout,
});
