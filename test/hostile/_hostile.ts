/**
 * What the hostile-input tests share: run the bin in-process (`runBin`, the same code the
 * `vn-poverty` executable runs, strict UTF-8 reading included), and check what a careful user
 * expects after any failure: the exit code, a message naming the file (and row and column),
 * no stack trace, every input byte-identical, and a pre-existing `--out` byte-identical.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
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

/** A zip archive of `entries` (deflated), with sizes and checksums as given or as true. */
export function zip(entries: ReadonlyArray<{ readonly name: string; readonly data: Buffer; readonly declaredSize?: number }>): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declaredSize } of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const n = Buffer.from(name);
    const size = declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, n, packed);
    directory.push(central, n);
    offset += 30 + n.length + packed.length;
  }
  const cd = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** Windows-1258 bytes of a text, as Windows writes it: the base letter (a byte of its own for â ă ê ô ơ ư đ), then its tone mark. */
export function windows1258(text: string): Buffer {
  // the base letters Windows-1258 has a byte for, and its five tone marks, written after the letter as it writes them
  const bases: Record<string, number> = { 'â': 0xe2, 'ă': 0xe3, 'ê': 0xea, 'ô': 0xf4, 'ơ': 0xf5, 'ư': 0xfd, 'đ': 0xf0, 'Â': 0xc2, 'Ă': 0xc3, 'Ê': 0xca, 'Ô': 0xd4, 'Ơ': 0xd5, 'Ư': 0xdd, 'Đ': 0xd0 };
  const tones: Record<string, number> = { '\u0300': 0xcc, '\u0309': 0xd2, '\u0303': 0xde, '\u0301': 0xec, '\u0323': 0xf2 };
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const tone = parts.find((p) => tones[p] !== undefined);
    const base = parts.filter((p) => tones[p] === undefined).join('').normalize('NFC');
    const byte = base.length === 1 && base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : bases[base];
    if (byte === undefined) out.push(0x3f);
    else out.push(byte, ...(tone !== undefined ? [tones[tone]!] : []));
  }
  return Buffer.from(out);
}

/** TCVN3 (ABC) bytes of a text: precomposed letters in the upper half. */
export function tcvn3(text: string): Buffer {
  const map: Record<string, number> = { 'ã': 0xb7, 'ộ': 0xe9, 'ậ': 0xad, 'ự': 0xf7, 'ô': 0xab, 'ị': 0xd8, 'à': 0xb5, 'á': 0xb8, 'ư': 0xad, 'đ': 0xae, 'ơ': 0xac, 'ê': 0xaa, 'â': 0xa9, 'ă': 0xa8, 'ổ': 0xe5, 'ế': 0xd5, 'ả': 0xb6, 'ố': 0xe8, 'ủ': 0xf1, 'ó': 0xe3, 'ầ': 0xc7, 'ề': 0xd2, 'ồ': 0xe4 };
  return Buffer.from([...text.normalize('NFC')].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : map[ch] ?? 0x3f)));
}

/**
 * The classic broken versions of a zip-packaged file (`.xlsx`, `.docx`), each with a phrase its
 * refusal must contain: empty, cut in half, random bytes, text with the package's name, an old
 * OLE file (Excel 97–2003, Word 97–2003, or a password-protected one), and a damaged part.
 */
export function brokenPackages(good: Buffer, ext: 'xlsx' | 'docx'): Array<readonly [name: string, bytes: Buffer | string, why: string]> {
  const damaged = Buffer.from(good);
  // flip bytes inside the first deflated part: it no longer unpacks to its checksum
  for (let i = 200; i < 260; i++) damaged[i] = damaged[i]! ^ 0x5a;
  return [
    [`rong.${ext}`, Buffer.alloc(0), 'the file is empty (0 bytes)'],
    [`cut.${ext}`, good.subarray(0, Math.floor(good.length / 2)), 'truncated or damaged'],
    [`random.${ext}`, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), ext === 'xlsx' ? 'not an .xlsx' : 'not a .docx'],
    [`text.${ext}`, 'Mã hộ,Khu vực\r\nH1,nông thôn\r\n', ext === 'xlsx' ? 'text, not an .xlsx' : 'text, not a .docx'],
    [`cu.${ext}`, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), ext === 'xlsx' ? 'Excel 97–2003 (.xls)' : 'Word 97–2003 (.doc)'],
    [`hong.${ext}`, damaged, 'damaged'],
  ];
}
