import { registerRow, registerRowOf, UNCLASSIFIED, type RegisterBatch, type RegisterBatchClassification } from '../standards/classifyRegisterBatch.js';
import { neutraliseCsvFormula, type CsvDelimiter } from './csv.js';
import { registerFileIdColumn, type RegisterFileBatch } from './readRegisterBatches.js';
import type { RegisterOutputRow } from './registerOutputColumns.js';
import { columnHeader, formatCellText, type HeaderLanguage, type OutputValue, type TableColumn } from './tableWriter.js';

/** Options of {@link registerCsvWriter}: those of the table writer. */
export interface RegisterCsvOptions {
  readonly delimiter: CsvDelimiter;
  readonly numbers: 'vi' | 'plain';
  readonly rawCsv: boolean;
  readonly headers: HeaderLanguage;
  /** Written buffers kept for later lines (default 4; a writer whose output is held until its place is known keeps more). */
  readonly spareBuffers?: number;
}

/** A {@link registerCsvWriter}. @internal */
export type RegisterCsvWriter = ReturnType<typeof registerCsvWriter>;

/** Columns whose value depends only on a household's area and deciding rule. */
const BY_AREA_AND_RULE = new Set(['area', 'line', 'lineKind', 'incomeAtOrBelowLine', 'status', 'statusVi', 'standard', 'rule', 'ruleSource', 'asOf']);
const BY_MASK = new Set(['deprivations', 'deprivationsVi', 'undetermined']);

/** How the writer produces one column (or a run of columns) of a household classified from its columns. */
type Segment =
  | { readonly kind: 'static'; readonly columns: ReadonlyArray<TableColumn<RegisterOutputRow>> }
  | { readonly kind: 'mask'; readonly column: TableColumn<RegisterOutputRow> }
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
  const segments: Segment[] = [];
  for (const column of columns) {
    const last = segments[segments.length - 1];
    if (BY_AREA_AND_RULE.has(column.key)) {
      if (last?.kind === 'static') (last.columns as Array<TableColumn<RegisterOutputRow>>).push(column);
      else segments.push({ kind: 'static', columns: [column] });
    } else if (BY_MASK.has(column.key)) segments.push({ kind: 'mask', column });
    else if (['id', 'unit', 'members', 'monthlyIncome', 'deprivationCount'].includes(column.key) || column.key.startsWith('pass:')) segments.push({ kind: 'fast', key: column.key, column });
    else segments.push({ kind: 'generic', column });
  }
  const genericLine = (row: RegisterOutputRow, n: number): string => columns.map((c) => cell(c, c.value(row), n)).join(d);
  const dCode = d.charCodeAt(0);
  const group = numbers === 'vi';
  const kinds = Int32Array.from(
    segments.map((seg) =>
      seg.kind === 'static' ? STATIC : seg.kind === 'mask' ? (seg.column.key === 'undetermined' ? UNDETERMINED : DEPRIVATIONS) : seg.kind === 'fast' ? (seg.key.startsWith('pass:') ? PASS : FAST_KINDS[seg.key]!) : GENERIC,
    ),
  );
  // the default columns, in the order of CLASSIFIED_HOUSEHOLD_COLUMNS, with nothing before or after them
  const CANONICAL = [ID, UNIT, STATIC, MEMBERS, INCOME, STATIC, COUNT, DEPRIVATIONS, DEPRIVATIONS, UNDETERMINED, STATIC];
  const canonical = kinds.length === CANONICAL.length && CANONICAL.every((k, s) => kinds[s] === k) && (segments[2] as unknown as { columns: unknown[] }).columns.length === 1;
  const passIndex = Int32Array.from(segments.map((seg) => (seg.kind === 'fast' && seg.key.startsWith('pass:') ? Number(seg.key.slice(5)) : -1)));
  // per segment: the bytes of a static run by (area << 3 | rule), or of a deprivation list by mask
  const staticCaches: Array<Array<Buffer | undefined>> = segments.map(() => []);
  let rowCount = 0;
  // by (area << 3 | rule), then by the masks: the bytes after the income in the default columns
  const tails: Array<Map<number, Buffer> | undefined> = [];
  const determinedTails: Array<Buffer | undefined> = new Array<Buffer | undefined>(16 << 12);
  let tailCount = 0;
  /** Bytes of an output line, as the last batch wrote them (the first chunk of a batch is sized by it). */
  let bytesPerLine = 256;

  /** Buffers whose chunks were written (see `release`), for the next ones. */
  const spare: Buffer[] = [];
  const spares = options.spareBuffers ?? 4;
  const buffer = (n: number): Buffer => {
    const b = spare.pop();
    return b !== undefined && b.length >= n ? b : Buffer.allocUnsafe(n);
  };

  return {
    /**
     * Gives back a chunk of `lines` once it is written (its bytes are no longer needed): its
     * buffer is reused for later lines, so a long register does not allocate a buffer per batch.
     */
    release(chunk: Buffer): void {
      if (spare.length < spares && chunk.byteOffset === 0 && chunk.buffer.byteLength >= 1 << 16) spare.push(Buffer.from(chunk.buffer, 0, chunk.buffer.byteLength));
    },
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
    /**
     * The lines of the classified households of a batch (the unclassified ones are left out), as
     * UTF-8 bytes in one or more chunks, in order (a full chunk is handed over as it is and a new
     * one started: nothing written is copied again).
     */
    lines(file: RegisterFileBatch, batch: RegisterBatch, result: RegisterBatchClassification, explain: boolean): Buffer[] {
      const chunks: Buffer[] = [];
      let out = buffer(Math.max(1 << 16, file.size * bytesPerLine));
      let w = 0;
      let written = 0;
      const grow = (n: number): void => {
        if (w > 0) chunks.push(out.subarray(0, w));
        written += w;
        out = buffer(Math.max(1 << 16, n + 1024, out.length >>> 2));
        w = 0;
      };
      const putString = (t: string): void => {
        if (w + t.length * 3 > out.length) grow(t.length * 3);
        w += out.write(t, w, 'utf8');
      };
      const putBytes = (b: Buffer): void => {
        const n = b.length;
        if (w + n > out.length) grow(n);
        out.set(b, w); // a native copy: faster than a loop over bytes held in the closure
        w += n;
      };
      /** A text cell: plain ASCII that needs neither quotes nor neutralising is copied as it is. */
      const putText = (t: string): void => {
        const n = t.length;
        if (w + n > out.length) grow(n);
        const c0 = t.charCodeAt(0);
        if (!(c0 === 61 || c0 === 43 || c0 === 45 || c0 === 64 || c0 === 9 || c0 === 13 || c0 === 39)) {
          let q = 0;
          for (; q < n; q++) {
            const c = t.charCodeAt(q);
            if (c >= 0x80 || c === dCode || c === 34 || c === 10 || c === 13) break;
            out[w + q] = c;
          }
          if (q === n) {
            w += n;
            return;
          }
        }
        putString(text(t));
      };
      const idColumn = registerFileIdColumn(file);
      // the columns without ids for the cells made by the generic formatting (none of them is the id): their strings are not made
      const plain = idColumn?.columns ?? batch;
      let idTexts: ReadonlyArray<string> | undefined;
      /** The id of household i: copied from the file's bytes when it was read from them and needs neither quotes nor neutralising. */
      const putId = (i: number): void => {
        if (idColumn === undefined) return putText((idTexts ??= file.ids)[i]!);
        const t = idColumn.texts?.[i];
        if (t !== undefined) return putText(t);
        const bytes = idColumn.bytes;
        const a = idColumn.ends[i]!;
        const n = idColumn.ends[i + 1]! - a;
        if (w + n > out.length) grow(n);
        const c0 = bytes[a]!;
        if (!(c0 === 61 || c0 === 43 || c0 === 45 || c0 === 64 || c0 === 9 || c0 === 13 || c0 === 39)) {
          // printable ASCII: only the delimiter and a quote need quoting
          let q = 0;
          for (; q < n; q++) {
            const c = bytes[a + q]!;
            if (c === dCode || c === 34) break;
            out[w + q] = c;
          }
          if (q === n) {
            w += n;
            return;
          }
        }
        putText(bytes.toString('latin1', a, a + n));
      };
      const rowsBefore = rowCount;
      /** The chunks, the last one included; the next batch's first chunk is sized by this one's lines. */
      const done = (): Buffer[] => {
        if (w > 0) chunks.push(out.subarray(0, w));
        written += w;
        const classified = rowCount - rowsBefore;
        if (classified > 0) bytesPerLine = Math.max(64, Math.ceil(written / classified) + 16);
        return chunks;
      };
      const scratch = new Uint8Array(24);
      const putDigits = (value: number): void => {
        if (value < 10) {
          out[w++] = 48 + value;
          return;
        }
        let n = 0;
        let v = value;
        while (v > 0) {
          const q = Math.floor(v / 10);
          scratch[n++] = 48 + (v - q * 10);
          v = q;
        }
        const dots = group;
        for (let k = n - 1; k >= 0; k--) {
          out[w++] = scratch[k]!;
          if (dots && k > 0 && k % 3 === 0) out[w++] = 46;
        }
      };
      const { statuses, rules, deprivationMasks, undeterminedMasks, deprivationCounts, classifications } = result;
      const { area, members, monthlyIncome } = batch;
      const units = file.units;
      const pass = file.passThrough;
      const caches = staticCaches;
      const nSeg = kinds.length;
      /** The bytes of static segment s for household i (made by the generic formatting the first time). */
      /** The output row of household i, made once for the segments a new line end needs (`row` of the last call). */
      let rowFor = -1;
      let row: RegisterOutputRow | undefined;
      const rowOf = (i: number): RegisterOutputRow => {
        if (rowFor !== i || row === undefined) {
          row = outputRow(file, registerRow(plain, result, i), i, undefined);
          rowFor = i;
        }
        return row;
      };
      const staticBytes = (s: number, i: number): Buffer => {
        const key = (area[i]! << 3) | rules[i]!;
        const cache = caches[s]!;
        let v = cache[key];
        if (v === undefined) {
          const r = rowOf(i);
          v = cache[key] = Buffer.from((segments[s] as { columns: ReadonlyArray<TableColumn<RegisterOutputRow>> }).columns.map((c) => cell(c, c.value(r), rowCount)).join(d), 'utf8');
        }
        return v;
      };
      const maskBytes = (s: number, i: number, mask: number): Buffer => {
        const cache = caches[s]!;
        let v = cache[mask];
        if (v === undefined) {
          const c = (segments[s] as { column: TableColumn<RegisterOutputRow> }).column;
          v = cache[mask] = Buffer.from(cell(c, c.value(rowOf(i)), rowCount), 'utf8');
        }
        return v;
      };
      /**
       * Everything after the income of household i in the default columns (line … as-of, with the
       * separator before and the line end), which depends only on its area, rule and masks: made
       * once per combination from the segments' bytes (at most TAIL_CACHE kept).
       */
      const tailBytes = (i: number): Buffer => {
        const known = deprivationMasks[i]!;
        const unknown = undeterminedMasks[i]!;
        const rk = (area[i]! << 3) | rules[i]!;
        // every indicator determined (nearly every household): an array by rule and mask
        if (unknown === 0 && known < 1 << 12) {
          const v = determinedTails[(rk << 12) | known];
          if (v !== undefined) return v;
        }
        const byMasks = (tails[rk] ??= new Map<number, Buffer>());
        const key = known * 65536 + unknown;
        let v = byMasks.get(key);
        if (v === undefined) {
          const sep = Buffer.of(dCode);
          v = Buffer.concat([sep, staticBytes(5, i), sep, Buffer.from(unknown === 0 ? String(deprivationCounts[i]!) : '', 'latin1'), sep, maskBytes(7, i, known), sep, maskBytes(8, i, known), sep, maskBytes(9, i, unknown), sep, staticBytes(10, i), CRLF]);
          if (unknown === 0 && known < 1 << 12) determinedTails[(rk << 12) | known] = v;
          else if (tailCount < TAIL_CACHE) {
            byMasks.set(key, v);
            tailCount++;
          }
        }
        return v;
      };
      /** A household with an explained result (the record path, or `explain`): written by the generic formatting. */
      const putExplained = (i: number): boolean => {
        const explained = classifications[i];
        if (explained === undefined) return false;
        putString(`${genericLine(outputRow(file, registerRowOf(explained), i, explain ? explained.explanation : undefined), rowCount)}\r\n`);
        return true;
      };
      if (canonical) {
        // the default columns in their order: every piece straight from the typed results
        for (let i = 0; i < file.size; i++) {
          if (statuses[i] === UNCLASSIFIED) continue;
          rowCount++;
          if (putExplained(i)) continue;
          if (w + 1024 > out.length) grow(1024);
          putId(i);
          out[w++] = dCode;
          const u = units[i];
          if (u !== null && u !== undefined && u !== '') putText(u);
          out[w++] = dCode;
          putBytes(staticBytes(2, i));
          out[w++] = dCode;
          putDigits(members[i]!);
          out[w++] = dCode;
          putDigits(Number(monthlyIncome[i]!));
          putBytes(tailBytes(i));
        }
        return done();
      }
      for (let i = 0; i < file.size; i++) {
        if (statuses[i] === UNCLASSIFIED) continue;
        rowCount++;
        if (putExplained(i)) continue;
        if (w + 512 > out.length) grow(512);
        let full: RegisterOutputRow | undefined;
        for (let s = 0; s < nSeg; s++) {
          if (s > 0) out[w++] = dCode;
          switch (kinds[s]) {
            case STATIC:
              putBytes(staticBytes(s, i));
              break;
            case DEPRIVATIONS:
              putBytes(maskBytes(s, i, deprivationMasks[i]!));
              break;
            case UNDETERMINED:
              putBytes(maskBytes(s, i, undeterminedMasks[i]!));
              break;
            case ID:
              putId(i);
              break;
            case UNIT: {
              const u = units[i];
              if (u !== null && u !== undefined && u !== '') putText(u);
              break;
            }
            case MEMBERS:
              putDigits(members[i]!);
              break;
            case INCOME:
              putDigits(Number(monthlyIncome[i]!));
              break;
            case COUNT:
              // blank while an indicator is undetermined (the count is not known)
              if (undeterminedMasks[i] === 0) putDigits(deprivationCounts[i]!);
              break;
            case PASS: {
              const t = pass![i]![passIndex[s]!]!;
              if (t !== '') putText(t);
              break;
            }
            default: {
              const c = (segments[s] as { column: TableColumn<RegisterOutputRow> }).column;
              const light: RegisterOutputRow = REPORT_KEYS.has(c.key) || c.key.startsWith('children') ? { unit: null, ...(file.extras?.[i] !== undefined ? { extras: file.extras[i]! } : {}) } : (full ??= outputRow(file, registerRow(plain, result, i), i, undefined));
              putString(cell(c, c.value(light), rowCount));
            }
          }
          if (w + 256 > out.length) grow(256);
        }
        out[w++] = 13;
        out[w++] = 10;
      }
      return done();
    },
  };
}

/** The output row of household i of a batch, for the generic formatting. */
function outputRow(file: RegisterFileBatch, result: RegisterOutputRow['result'], i: number, explanation: string | undefined): RegisterOutputRow {
  return {
    ...(result !== undefined ? { result } : {}),
    unit: file.units[i] ?? null,
    ...(file.passThrough !== undefined ? { passThrough: file.passThrough[i]! } : {}),
    ...(file.extras?.[i] !== undefined ? { extras: file.extras[i]! } : {}),
    ...(explanation !== undefined ? { explanation } : {}),
  };
}

/** At most this many (area, rule, masks) combinations keep their line ends' bytes (a few hundred occur in practice). */
const TAIL_CACHE = 1 << 16;
const CRLF = Buffer.from('\r\n', 'latin1');

const STATIC = 0;
const DEPRIVATIONS = 1;
const UNDETERMINED = 2;
const ID = 3;
const UNIT = 4;
const MEMBERS = 5;
const INCOME = 6;
const COUNT = 7;
const PASS = 8;
const GENERIC = 9;
const FAST_KINDS: Readonly<Record<string, number>> = { id: ID, unit: UNIT, members: MEMBERS, monthlyIncome: INCOME, deprivationCount: COUNT };

const REPORT_KEYS = new Set(['headName', 'village', 'ethnicGroup', 'ethnicMinority', 'causes', 'support', 'policyGroups']);
