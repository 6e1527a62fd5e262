import { deepFreeze } from '../_internal/_freeze.js';
import { parseInput } from '../errors/VnPovertyError.js';
import * as z from 'zod';
import { ROUNDING_MODES, type RoundingMode } from '../numbers/rounding.js';
import { checkClaims } from './_checkClaims.js';
import { checkListCounts } from './_listCounts.js';
import { checkStatedBounds } from './_statedBounds.js';
import { checkNamedRowRates } from './_namedRowRates.js';
import { checkTablesAgainstTables } from './_tablesAgainstTables.js';
import { checkUnitAmounts } from './_unitAmounts.js';
import { checkProseAgainstTables } from './_proseAgainstTables.js';
import { checkTargetsAgainstTables } from './_targetsAgainstTables.js';
import { checkRepeatedFigures } from './_repeatedFigures.js';
import { checkRatesOnTextBase } from './_textBases.js';
import { checkTables } from './_checkTables.js';
import { checkCrossSheets } from './_crossSheets.js';
import { withoutNotReadBlocks } from './_notReadBlocks.js';
import type { CheckFinding, CheckReport, UncheckedItem } from './checkReport.js';
import { documentModelSchema, type DocumentModel } from './documentModel.js';
import { extractClaims } from './proseClaims.js';
import { tableSpecSchema, type TableSpec } from '../reconcile/tableSpec.js';
import { documentTableLayoutSchema, type DocumentTableLayout } from './tableLayout.js';
import { assertOptions } from '../errors/assertOptions.js';
import { approximationsSchema } from '../reconcile/printedTable.js';
import type { ApproximationRules } from '../numbers/printedInterval.js';
import { DEFAULT_QUALIFIER_BOUNDS, qualifierBoundsSchema, type BoundRule, type QualifierBounds } from './qualifierBounds.js';

/** Options of {@link checkDocument}. */
export interface CheckDocumentOptions {
  /** How the document rounded its printed rates; `'half-up'` as official tables print (poverty-rate-reporting §4). */
  readonly rounding?: RoundingMode;
  /**
   * Declared layouts (specs) by 1-based block number, replacing what table understanding infers
   * for those tables: to confirm an inferred layout, or to correct one.
   */
  readonly layouts?: Readonly<Record<string, DocumentTableLayout>>;
  /**
   * Declared layouts in the reconciliation engine's format (`TableSpec`, as `vn-poverty reconcile
   * --spec` takes), by 1-based block number: the table is read with `tableFromSpec` and checked as
   * declared. `tables[].spec` of a report is a starting point.
   */
  readonly specs?: Readonly<Record<string, TableSpec>>;
  /** Share of rows a column relation must hold in to be inferred; 0,75 unless told. */
  readonly consensus?: number;
  /** How wide the prose's “khoảng X” and “gần X” are (`DEFAULT_APPROXIMATIONS` unless told: half the last significant digit). */
  readonly approximations?: Partial<ApproximationRules>;
  /** How “hơn/trên X” and “dưới X” bound a round figure of the prose (`DEFAULT_QUALIFIER_BOUNDS` unless told). */
  readonly bounds?: {
    readonly moreThan?: { readonly amounts?: BoundRule; readonly rates?: BoundRule };
    readonly lessThan?: { readonly amounts?: BoundRule; readonly rates?: BoundRule };
  };
}

const optionsSchema = z.object({
  rounding: z.enum(ROUNDING_MODES as unknown as [RoundingMode, ...RoundingMode[]]).optional(),
  layouts: z.record(z.string().regex(/^[1-9]\d*$/, 'a 1-based block number'), documentTableLayoutSchema).optional(),
  specs: z.record(z.string().regex(/^[1-9]\d*$/, 'a 1-based block number'), tableSpecSchema).optional(),
  consensus: z.number().gt(0.5).max(1).optional(),
  approximations: approximationsSchema.optional(),
  bounds: qualifierBoundsSchema.optional(),
});

const SEVERITY_ORDER = { error: 0, warning: 1, rounding: 2 } as const;

/**
 * Checks a whole plan document with no transcription: finds its tables and understands each one
 * (header, column kinds, rate bases, row roles, relations by consensus — see `understandTable`),
 * hands the inferred layout to the reconciliation engine (`reconcileTable`), reads the arithmetic
 * claims of the prose (`extractClaims`) and checks them: totals against their parts, rate–count
 * pairs for a common base (`inferCommonBase`), percent-of-plan claims for one implied plan, and
 * reduction targets against the planned exits of the document's own tables (`evaluateTarget`).
 *
 * Every finding has a severity, a code, a location (block; grid row and column, or character
 * span), the quoted text, printed, expected, the difference and the relation. What was not
 * understood — tables without relations, figure columns, claims and sentences with figures left
 * unchecked — is listed in `unchecked`, so a reviewer knows the coverage.
 *
 * @param model - a document model (from `readDocument`, `readTextDocument`, `readDocxDocument`, `readXlsxDocument` in `vn-poverty/io`, or `documentModel`).
 * @returns a deep-frozen, JSON-friendly report; `ok` is true when there is no error or warning.
 * @throws VnPovertyError `invalid-input` for a malformed model or options (a spec that is not a layout).
 * @example
 * const report = checkDocument(readTextDocument(seed004Text));
 * report.findings[0].message //=> '“82.075 triệu đồng” trong đó Vốn đầu tư 71.750 triệu đồng; vốn sự nghiệp 10.505 triệu đồng: the parts add up to 82.255 triệu đồng, more than the total by 180'
 * @see poverty-rate-reporting §2–4 (rates of one area share a base; targets in points; rounding half-up)
 */
export function checkDocument(model: DocumentModel, options: CheckDocumentOptions = {}): CheckReport {
  assertOptions(options, 'checkDocument');
  parseInput(documentModelSchema, model, { description: 'a document model', term: 'văn bản kế hoạch' });
  const o = parseInput(optionsSchema, options);
  const rounding = o.rounding ?? 'half-up';
  // a block whose words could not be read (old font encoding): the rest is checked, the block is an error finding
  const { model: read, findings: notRead } = withoutNotReadBlocks(model);
  const tables = checkTables(read, (o.layouts ?? {}) as Readonly<Record<string, DocumentTableLayout>>, (o.specs ?? {}) as Readonly<Record<string, TableSpec>>, rounding, o.consensus ?? 0.75);
  // a workbook's summary sheet against the total row of each district's or project's sheet
  const crossSheets = checkCrossSheets(tables.understood, tables.findings);
  const prose = extractClaims(read);
  const d = DEFAULT_QUALIFIER_BOUNDS;
  const b = o.bounds ?? {};
  const bounds: QualifierBounds = {
    moreThan: { amounts: b.moreThan?.amounts ?? d.moreThan.amounts, rates: b.moreThan?.rates ?? d.moreThan.rates },
    lessThan: { amounts: b.lessThan?.amounts ?? d.lessThan.amounts, rates: b.lessThan?.rates ?? d.lessThan.rates },
  };
  const claims = checkClaims(read, prose.claims, tables.understood, rounding, { bounds, ...(o.approximations === undefined ? {} : { approximations: o.approximations as Partial<ApproximationRules> }) });
  const lists = checkListCounts(read);
  const amounts = checkUnitAmounts(read);
  const against = checkProseAgainstTables(read, tables.understood);
  const planned = checkTargetsAgainstTables(read, tables.understood, claims.targetsAgainstColumns);
  const projectRates = checkNamedRowRates(read, tables.understood, { cellsFound: new Set(tables.findings.map((f) => `${f.location.block}:${f.location.row ?? ''}:${f.location.column ?? ''}`)) });
  const sameBudget = checkTablesAgainstTables(read, tables.understood);
  const repeated = checkRepeatedFigures(read);
  const onTextBase = checkRatesOnTextBase(read, tables.understood, rounding);
  // a share whose arithmetic is already a finding is not found again against its bound: one wrong figure, one finding
  const bounded = checkStatedBounds(read);
  const shareFound = new Set(claims.findings.map((f) => `${f.location.block}:${f.location.start ?? ''}`));
  const boundFindings = bounded.findings.filter((f) => !shareFound.has(`${f.location.block}:${f.location.start ?? ''}`));
  const boundClaims = bounded.claims.map((c) => (c.status === 'finding' && shareFound.has(`${c.location.block}:${c.location.start ?? ''}`) ? { ...c, status: 'unchecked' as const, note: 'the share itself does not fit its total: that finding stands for it' } : c));
  const findings: CheckFinding[] = [...notRead, ...tables.findings.filter((f) => !crossSheets.folded.has(f)), ...crossSheets.findings, ...claims.findings, ...lists.findings, ...boundFindings, ...amounts.findings, ...against.findings, ...planned.findings, ...projectRates.findings, ...sameBudget, ...repeated.findings, ...onTextBase.findings].sort(
    (a, b) => a.location.block - b.location.block || (a.location.row ?? 0) - (b.location.row ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0) || (a.location.start ?? 0) - (b.location.start ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  // a rate column checked on the households the text prints is no longer unchecked
  const onBase = (u: UncheckedItem): boolean =>
    (u.kind === 'table-column' && onTextBase.columns.has(`${u.location.block}:${u.location.columnKey ?? ''}`)) ||
    (u.kind === 'table-row' && [...onTextBase.columns].some((c) => c.startsWith(`${u.location.block}:`) && u.text.startsWith(`rate column “${c.slice(c.indexOf(':') + 1)}”`)));
  const unchecked: UncheckedItem[] = [
    ...tables.unchecked.filter((u) => !onBase(u)),
    ...claims.unchecked,
    ...lists.unchecked,
    ...prose.unchecked.filter((u) => !amounts.read.has(`${u.location.block}:${u.location.start}`) && !lists.read.has(`${u.location.block}:${u.location.start}`) && !against.read.has(`${u.location.block}:${u.location.start}`) && !planned.read.has(`${u.location.block}:${u.location.start}`) && !projectRates.read.has(`${u.location.block}:${u.location.start}`) && !repeated.read.has(`${u.location.block}:${u.location.start}`) && !onTextBase.read.has(`${u.location.block}:${u.location.start}`)).map((u): UncheckedItem => ({
      kind: 'sentence',
      location: { block: u.location.block + 1, ...(read.blocks[u.location.block]?.position ?? {}), start: u.location.start, end: u.location.end },
      text: u.sentence,
      reason: u.reason ?? `figures no claim uses: ${u.figures.join(', ')}`,
    })),
  ].sort((a, b) => a.location.block - b.location.block || (a.location.start ?? 0) - (b.location.start ?? 0));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return deepFreeze({
    ...(model.source === undefined ? {} : { source: model.source }),
    ok: errors + warnings === 0,
    findings,
    tables: tables.tables,
    claims: [...claims.claims, ...lists.claims, ...boundClaims, ...amounts.claims, ...against.claims, ...planned.claims, ...projectRates.claims, ...repeated.claims, ...onTextBase.claims],
    unchecked,
    counts: { errors, warnings, roundings: findings.length - errors - warnings, blocks: model.blocks.length },
    ...(model.notes === undefined || model.notes.length === 0 ? {} : { notes: model.notes }),
  });
}
