/**
 * What the hostile-input tests share: run the bin in-process (`runBin`, the same code the
 * `vn-poverty` executable runs, strict UTF-8 reading included), and check what a careful user
 * expects after any failure: the exit code, a message naming the file (and row and column),
 * no stack trace, every input byte-identical, and a pre-existing `--out` byte-identical.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runBin } from '../../src/cli/runBin.js';
import type { CliCommand } from '../../src/cli/cliSupport.js';
import { formatCsv } from '../../src/io/csv.js';
import { writeTable, type TableColumn } from '../../src/io/tableWriter.js';

/** What a run printed and returned. */
export interface BinRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `vn-poverty argv…` in-process and captures stdout and stderr. */
export async function bin(argv: readonly string[], commands?: Readonly<Record<string, CliCommand>>): Promise<BinRun> {
  let out = '';
  let err = '';
  const code = await runBin(argv, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    ...(commands !== undefined ? { commands } : {}),
  });
  return { code, out, err };
}

/** A stack trace line as Node prints it. */
const STACK_LINE = /\n\s+at .+[(:]\d+/;

/**
 * Runs the command and checks the aftermath: the exit code; stderr mentions each of `mentions`;
 * no stack trace; the files in `unchanged` (inputs, a pre-existing --out) have the same bytes
 * as before; `absent` files do not exist afterwards.
 */
export async function expectOutcome(
  argv: readonly string[],
  expected: { readonly code: number; readonly mentions?: ReadonlyArray<string | RegExp>; readonly unchanged?: readonly string[]; readonly absent?: readonly string[] },
): Promise<BinRun> {
  const before = new Map((expected.unchanged ?? []).map((p) => [p, existsSync(p) ? readFileSync(p) : undefined]));
  const run = await bin(argv);
  expect(run.code, `exit code of vn-poverty ${argv.join(' ')}; stderr: ${run.err}`).toBe(expected.code);
  for (const m of expected.mentions ?? []) {
    if (typeof m === 'string') expect(run.err).toContain(m);
    else expect(run.err).toMatch(m);
  }
  expect(run.err).not.toMatch(STACK_LINE);
  expect(run.err).not.toMatch(/TypeError|RangeError|ReferenceError|\[object Object\]/);
  for (const [path, bytes] of before) {
    if (bytes === undefined) expect(existsSync(path), `${path} should not have been created`).toBe(false);
    else expect(readFileSync(path).equals(bytes), `${path} must be byte-identical afterwards`).toBe(true);
  }
  for (const path of expected.absent ?? []) expect(existsSync(path), `${path} should not exist`).toBe(false);
  return run;
}

/** A refusal: exit 2 with the file named, inputs and any existing output untouched. */
export function expectRefused(argv: readonly string[], mentions: ReadonlyArray<string | RegExp>, unchanged: readonly string[]): Promise<BinRun> {
  return expectOutcome(argv, { code: 2, mentions, unchanged });
}

/** The review-form flag ids of NĐ 07/2021 (12 indicators). */
export const ND07_FLAGS = [
  'employment', 'dependants', 'nutrition', 'health-insurance', 'adult-education', 'school-attendance',
  'housing-quality', 'housing-area', 'water-source', 'latrine', 'telecom', 'information-devices',
] as const;

/** Flag cells: `có` for the deprived indicators, `không` for the others. */
export function flagCells(deprived: readonly string[] = []): string[] {
  return ND07_FLAGS.map((f) => (deprived.includes(f) ? 'có' : 'không'));
}

/** The header of a one-row-per-household register with review-form flags. */
export function registerHeader(income = 'Thu nhập/tháng (đồng)'): string[] {
  return ['Mã hộ', 'Mã đơn vị', 'Khu vực', income, 'Tuổi các thành viên', ...ND07_FLAGS.map((f) => `Deprived: ${f}`)];
}

/**
 * A small valid register (NĐ 07/2021, as of 2024-01-01): rural line 1,500,000 đ, urban 2,000,000 đ
 * per person per month. H1 poor (at the line, 3 deprivations), H2 near-poor, H3 non-poor.
 */
export const GOOD_REGISTER: readonly string[][] = [
  registerHeader(),
  ['H1', '30316', 'nông thôn', '6.000.000', '40;38;10;7', ...flagCells(['health-insurance', 'latrine', 'telecom'])],
  ['H2', '30316', 'nông thôn', '6.000.000', '40;38;10;7', ...flagCells(['health-insurance'])],
  ['H3', '30319', 'thành thị', '20.000.000', '45', ...flagCells()],
];

/** Writes rows as a UTF-8 CSV (with a byte-order mark, as Excel's "CSV UTF-8" does) and returns the path. */
export function writeCsv(dir: string, name: string, rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const path = join(dir, name);
  writeFileSync(path, formatCsv(rows, { bom: true }));
  return path;
}

/** Writes rows as an XLSX sheet of text cells (the first row is the header) and returns the path. */
export async function writeXlsx(dir: string, name: string, rows: ReadonlyArray<ReadonlyArray<string>>): Promise<string> {
  const path = join(dir, name);
  const header = rows[0]!;
  const columns: Array<TableColumn<ReadonlyArray<string>>> = header.map((h, i) => ({ key: `c${i}`, vi: h, en: h, kind: 'text', value: (r) => r[i] ?? null }));
  await writeTable(path, columns, rows.slice(1), { headers: 'vi' });
  return path;
}

/** Writes `text` to `dir/name` and returns the path. */
export function writeText(dir: string, name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
