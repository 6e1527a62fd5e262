import { VnPovertyError } from '../errors/VnPovertyError.js';
import { readRegisterBatches, type ReadRegisterBatchesOptions, type RegisterTotalsCheck, type SkippedRegisterRow } from '../io/readRegisterBatches.js';
import type { RowSource } from '../io/readRows.js';
import { POVERTY_STANDARDS } from '../standards/standards.js';

/**
 * A totals row's figure that is neither the sum since the previous totals row nor the sum of all
 * the households above it, in words (`classify` and `check` print it).
 */
export function totalsFindingText(file: string, r: SkippedRegisterRow, c: RegisterTotalsCheck): string {
  const at = `${file}, row ${r.row} (${r.text}), column ${c.column} (${c.header}): printed ${c.printed}`;
  if (c.fromRow === 0 || c.sinceLast === c.sinceStart) {
    return `totals: ${at}, but the households above add up to ${c.sinceStart} ${c.counts}${c.fromRow > 0 ? ` (rows ${c.fromRow}–${r.row - 1})` : ''}; difference ${c.printed - c.sinceStart}`;
  }
  const nearer = abs(c.printed - c.sinceLast) <= abs(c.printed - c.sinceStart) ? c.sinceLast : c.sinceStart;
  return `totals: ${at}, but the households since the previous totals row add up to ${c.sinceLast} ${c.counts} (rows ${c.fromRow}–${r.row - 1}), all the households above it to ${c.sinceStart}; difference ${c.printed - nearer}`;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** What {@link checkRegisterTotals} found in a file that is a household register. */
export interface RegisterTotalsReport {
  /** The file rows of the register's header. */
  readonly headerRows: readonly number[];
  readonly households: number;
  /** Its totals rows (`Tổng cộng`, `Cộng thôn 1`) and the figures each prints, compared with the households above it. */
  readonly totalsRows: readonly SkippedRegisterRow[];
  /** The figures that add up to neither sum, in words. */
  readonly findings: readonly string[];
  /** Figures compared. */
  readonly checks: number;
  /** The error that stopped the reading after the header (a household row that cannot be read), if any. */
  readonly error?: VnPovertyError;
}

/**
 * Reads `source` as `classify` reads a household register and checks its totals rows against the
 * households above them (the reader's own checks, those `classify` reports): undefined when the
 * file is not a register (no header naming a household id, an area and an income). The
 * standard only decides which indicator columns are read; each is tried, the newest first, and
 * the first that reads the header is used (the sums do not depend on it).
 */
export async function checkRegisterTotals(source: RowSource | (() => RowSource), label: string, options: Pick<ReadRegisterBatchesOptions, 'format' | 'delimiter' | 'sheet'>): Promise<RegisterTotalsReport | undefined> {
  for (const standard of [...POVERTY_STANDARDS].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))) {
    let header = false;
    let headerRows: readonly number[] = [];
    let households = 0;
    const totalsRows: SkippedRegisterRow[] = [];
    const onSkippedRow = (r: SkippedRegisterRow): void => {
      if (r.kind === 'totals') totalsRows.push(r);
    };
    try {
      const batches = readRegisterBatches(typeof source === 'function' ? source() : source, {
        ...options,
        asOf: standard.effectiveFrom,
        standard,
        source: label,
        onHeader: () => (header = true),
        onLayout: (l) => (headerRows = l.headerRows),
        onDuplicate: () => undefined,
        onSkippedRow,
      });
      for await (const b of batches) households += b.size;
    } catch (error) {
      if (!(error instanceof VnPovertyError)) throw error;
      if (!header) continue; // not a register's header under this standard
      return report(headerRows, households, totalsRows, label, error);
    }
    if (header) return report(headerRows, households, totalsRows, label);
  }
  return undefined;
}

function report(headerRows: readonly number[], households: number, totalsRows: readonly SkippedRegisterRow[], label: string, error?: VnPovertyError): RegisterTotalsReport {
  const findings = totalsRows.flatMap((r) => (r.totals ?? []).filter((c) => !c.ok).map((c) => totalsFindingText(label, r, c)));
  const checks = totalsRows.reduce((n, r) => n + (r.totals?.length ?? 0), 0);
  return Object.freeze({ headerRows, households, totalsRows, findings: Object.freeze(findings), checks, ...(error !== undefined ? { error } : {}) });
}
