import { registerRow, registerRowOf, UNCLASSIFIED, type RegisterBatch, type RegisterBatchClassification } from '../standards/classifyRegisterBatch.js';
import { neutraliseCsvFormula, type CsvDelimiter } from './csv.js';
import type { RegisterFileBatch } from './readRegisterBatches.js';
import type { RegisterOutputRow } from './registerOutputColumns.js';
import { columnHeader, formatCellText, type HeaderLanguage, type OutputValue, type TableColumn } from './tableWriter.js';

/** Options of {@link registerCsvWriter}: those of the table writer. */
export interface RegisterCsvOptions {
  readonly delimiter: CsvDelimiter;
  readonly numbers: 'vi' | 'plain';
  readonly rawCsv: boolean;
  readonly headers: HeaderLanguage;
}

/** Columns whose value depends only on a household's area and deciding rule. */
const BY_AREA_AND_RULE = new Set(['area', 'line', 'lineKind', 'incomeAtOrBelowLine', 'status', 'statusVi', 'standard', 'rule', 'ruleSource', 'asOf']);
const BY_MASK = new Set(['deprivations', 'undetermined']);

/** How the writer produces one column (or a run of columns) of a household classified from its columns. */
type Segment =
  | { readonly kind: 'static'; readonly columns: ReadonlyArray<TableColumn<RegisterOutputRow>>; readonly cache: Map<number, string> }
  | { readonly kind: 'mask'; readonly column: TableColumn<RegisterOutputRow>; readonly cache: Map<number, string> }
  | { readonly kind: 'fast'; readonly key: string; readonly column: TableColumn<RegisterOutputRow> }
  | { readonly kind: 'generic'; readonly column: TableColumn<RegisterOutputRow> };

const isTextKind = (c: TableColumn<never>): boolean => c.kind === 'text' || c.kind === 'date' || c.kind === 'boolean';

/**
 * The CSV text of classified register batches, exactly what the table writer writes for the same
 * rows and columns (a property checks it), but without building an object per household: values
 * that depend only on the area and the deciding rule (line, status, standard, rule, source…) and
 * the deprivation lists (by bit mask) are formatted once and reused; numbers are grouped directly.
 * @internal
 */
export function registerCsvWriter(columns: ReadonlyArray<TableColumn<RegisterOutputRow>>, options: RegisterCsvOptions) {
  const d = options.delimiter;
  const numbers = options.numbers;
  const quoteNeeded = (s: string): boolean => s.includes(d) || s.includes('"') || s.includes('\n') || s.includes('\r');
  const quote = (s: string): string => (quoteNeeded(s) ? `"${s.replace(/"/g, '""')}"` : s);
  /** A text cell as the table writer writes it. */
  const text = (s: string): string => {
    const c = s.charCodeAt(0);
    const t = !options.rawCsv && (c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c === 39) ? neutraliseCsvFormula(s) : s;
    return quote(t);
  };
  /** Any cell as the table writer writes it. */
  const cell = (column: TableColumn<RegisterOutputRow>, value: OutputValue, row: number): string => {
    const t = formatCellText(column as TableColumn<never>, value, numbers, [row, column.key]);
    return quote(options.rawCsv || !isTextKind(column as TableColumn<never>) ? t : neutraliseCsvFormula(t));
  };
  const digits = (n: number): string => {
    const s = String(n);
    if (numbers === 'plain' || s.length <= 3) return s;
    let out = s.slice(0, ((s.length - 1) % 3) + 1);
    for (let p = out.length; p < s.length; p += 3) out += `.${s.slice(p, p + 3)}`;
    return out;
  };
  const segments: Segment[] = [];
  for (const column of columns) {
    const last = segments[segments.length - 1];
    if (BY_AREA_AND_RULE.has(column.key)) {
      if (last?.kind === 'static') (last.columns as Array<TableColumn<RegisterOutputRow>>).push(column);
      else segments.push({ kind: 'static', columns: [column], cache: new Map() });
    } else if (BY_MASK.has(column.key)) segments.push({ kind: 'mask', column, cache: new Map() });
    else if (['id', 'unit', 'members', 'monthlyIncome', 'deprivationCount'].includes(column.key) || column.key.startsWith('pass:')) segments.push({ kind: 'fast', key: column.key, column });
    else segments.push({ kind: 'generic', column });
  }
  const genericLine = (row: RegisterOutputRow, n: number): string => columns.map((c) => cell(c, c.value(row), n)).join(d);
  let rowCount = 0;

  return {
    /** The header line (with its line end). */
    header(): string {
      const headers = columns.map((c) => columnHeader(c, options.headers));
      return `${headers.map((h, i) => (i === 0 && h.charCodeAt(0) === 0xfeff ? `"${h}"` : quote(h))).join(d)}\r\n`;
    },
    /** The line of any output row (with its line end). */
    generic(row: RegisterOutputRow): string {
      rowCount++;
      return `${genericLine(row, rowCount)}\r\n`;
    },
    /** The lines of the classified households of a batch (the unclassified ones are left out). */
    lines(file: RegisterFileBatch, batch: RegisterBatch, result: RegisterBatchClassification, explain: boolean): string {
      let out = '';
      const { statuses, rules, deprivationMasks, undeterminedMasks, deprivationCounts, classifications } = result;
      const { area, members, monthlyIncome } = batch;
      const ids = file.ids;
      for (let i = 0; i < file.size; i++) {
        const status = statuses[i]!;
        if (status === UNCLASSIFIED) continue;
        rowCount++;
        const explained = classifications[i];
        if (explained !== undefined) {
          out += `${genericLine({ result: registerRowOf(explained), unit: file.units[i] ?? null, ...(file.passThrough !== undefined ? { passThrough: file.passThrough[i]! } : {}), ...(file.extras?.[i] !== undefined ? { extras: file.extras[i]! } : {}), ...(explain ? { explanation: explained.explanation } : {}) }, rowCount)}\r\n`;
          continue;
        }
        let light: RegisterOutputRow | undefined;
        let full: RegisterOutputRow | undefined;
        const fullRow = (): RegisterOutputRow =>
          (full ??= { result: registerRow(batch, result, i), unit: file.units[i] ?? null, ...(file.passThrough !== undefined ? { passThrough: file.passThrough[i]! } : {}), ...(file.extras?.[i] !== undefined ? { extras: file.extras[i]! } : {}) });
        let line = '';
        for (let s = 0; s < segments.length; s++) {
          const seg = segments[s]!;
          let piece: string;
          switch (seg.kind) {
            case 'static': {
              const key = (area[i]! << 3) | rules[i]!;
              let v = seg.cache.get(key);
              if (v === undefined) {
                const r = fullRow();
                v = seg.columns.map((c) => cell(c, c.value(r), rowCount)).join(d);
                seg.cache.set(key, v);
              }
              piece = v;
              break;
            }
            case 'mask': {
              const mask = seg.column.key === 'deprivations' ? deprivationMasks[i]! : undeterminedMasks[i]!;
              let v = seg.cache.get(mask);
              if (v === undefined) {
                v = cell(seg.column, seg.column.value(fullRow()), rowCount);
                seg.cache.set(mask, v);
              }
              piece = v;
              break;
            }
            case 'fast':
              switch (seg.key) {
                case 'id':
                  piece = text(ids[i]!);
                  break;
                case 'unit': {
                  const u = file.units[i];
                  piece = u === null || u === undefined ? '' : text(u);
                  break;
                }
                case 'members':
                  piece = digits(members[i]!);
                  break;
                case 'monthlyIncome':
                  piece = digits(Number(monthlyIncome[i]!));
                  break;
                case 'deprivationCount':
                  piece = digits(deprivationCounts[i]!);
                  break;
                default:
                  piece = text(file.passThrough![i]![Number(seg.key.slice(5))]!);
              }
              break;
            default: {
              const c = seg.column;
              light ??= { unit: file.units[i] ?? null, ...(file.extras?.[i] !== undefined ? { extras: file.extras[i]! } : {}) };
              piece = c.key.startsWith('children') || REPORT_KEYS.has(c.key) ? cell(c, c.value(light), rowCount) : cell(c, c.value(fullRow()), rowCount);
            }
          }
          line = s === 0 ? piece : `${line}${d}${piece}`;
        }
        out += `${line}\r\n`;
      }
      return out;
    },
  };
}

const REPORT_KEYS = new Set(['headName', 'village', 'ethnicGroup', 'ethnicMinority', 'causes', 'support', 'policyGroups']);
