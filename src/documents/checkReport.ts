import type { BlockPosition } from './documentModel.js';
import type { RelationEvidence } from './understandTable.js';
import type { TableSpec } from '../reconcile/tableSpec.js';
import type { DocumentTableLayout } from './tableLayout.js';

/** How serious a finding is: `error` (a figure is wrong), `warning` (the plan misses its own target, a list may be incomplete, figures disagree), `rounding` (a printing shortcut). */
export type CheckSeverity = 'error' | 'warning' | 'rounding';

/**
 * Where a finding is. `block` is 1-based (the n-th block of the document); for a table, `row`
 * and `column` are 1-based in the table's grid (header rows included) with the row's label and
 * the column's key; for a paragraph, `start`/`end` are character offsets in the block's text.
 * The block's own position in the file (`line`, `paragraph`, `sheet`) is copied in.
 */
export interface FindingLocation extends BlockPosition {
  readonly block: number;
  readonly rowLabel?: string;
  readonly columnKey?: string;
  readonly start?: number;
  readonly end?: number;
}

/** One figure that does not add up, with where it is and why. JSON-friendly. */
export interface CheckFinding {
  readonly severity: CheckSeverity;
  /** A stable code: the reconciliation codes (`rate-mismatch`, `sum-mismatch`, `difference-mismatch`, `skipped-row-number`…) and `parts-exceed-total`, `parts-short-of-total`, `rate-count-base-mismatch`, `rate-count-pairs-disagree`, `plans-disagree`, `target-not-met`, `target-count-mismatch`, `figure-differs-from-table`, `repeated-figure-mismatch`, `change-mismatch`, `average-mismatch`, `flow-mismatch`, `ratio-mismatch`, `yearly-changes-mismatch`, `verdict-mismatch`, `margin-mismatch`, `percent-of-plan-mismatch`, `cross-sheet-mismatch`, `stated-bound-broken`. */
  readonly code: string;
  readonly location: FindingLocation;
  /** The text quoted: the cell, or the sentence. */
  readonly text: string;
  readonly printed: string | null;
  readonly expected: string | null;
  /** printed − expected, as a plain decimal, when both are numbers. */
  readonly difference: string | null;
  /** The relation that breaks, written out. */
  readonly relation: string | null;
  readonly message: string;
}

/** A table the checker found, with the layout it inferred (or was given) and the support of each relation. */
export interface CheckedTable {
  readonly location: FindingLocation;
  readonly layout: DocumentTableLayout;
  /**
   * The layout as the reconciliation engine's declared layout (`TableSpec`), which is how the
   * table was checked; null when it has no spec equivalent (see `notes`). Edit it and give it
   * back (`CheckDocumentOptions.specs`, `--spec`) to confirm or correct the layout.
   */
  readonly spec: TableSpec | null;
  readonly evidence: readonly RelationEvidence[];
  /** `'inferred'`, or `'spec'` when the caller gave the layout. */
  readonly layoutFrom: 'inferred' | 'spec';
  readonly checks: number;
  readonly findings: number;
  /** Why the layout was checked without a spec, when it was. */
  readonly notes?: readonly string[];
}

/** A claim of the prose, as checked. JSON-friendly. */
export interface CheckedClaim {
  readonly kind: 'total-with-parts' | 'rate-count' | 'percent-of-plan' | 'reduction-target' | 'table-figure' | 'change' | 'yearly-average' | 'flow' | 'ratio' | 'against-plan' | 'yearly-changes' | 'net-change' | 'list-count' | 'unit-amount' | 'repeated-figure' | 'stated-bound';
  readonly location: FindingLocation;
  readonly sentence: string;
  /** The claim in one line (`'2.522 triệu đồng = 2.293 triệu đồng + 229 triệu đồng'`). */
  readonly summary: string;
  /** `'consistent'`, `'finding'` (see the findings at its location) or `'unchecked'` (see `note`). */
  readonly status: 'consistent' | 'finding' | 'unchecked';
  readonly note: string | null;
}

/** Something with figures the checker did not check, so a reviewer knows the coverage. */
export interface UncheckedItem {
  readonly kind: 'table' | 'table-column' | 'table-row' | 'sentence' | 'claim';
  readonly location: FindingLocation;
  readonly text: string;
  readonly reason: string;
}

/** Result of `checkDocument`. JSON-friendly (no bigint), deep-frozen. */
export interface CheckReport {
  readonly source?: string;
  /** True when there is no `error` or `warning` finding. */
  readonly ok: boolean;
  readonly findings: readonly CheckFinding[];
  readonly tables: readonly CheckedTable[];
  readonly claims: readonly CheckedClaim[];
  readonly unchecked: readonly UncheckedItem[];
  readonly counts: { readonly errors: number; readonly warnings: number; readonly roundings: number; readonly blocks: number };
  /** How the file was read (the document model's `notes`: hidden rows or sheets read, a merged figure read once); absent when there is nothing to say. */
  readonly notes?: readonly string[];
}
