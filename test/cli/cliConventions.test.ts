import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runBin } from '../../src/cli/runBin.js';
import { runCli } from '../../src/cli/runCli.js';
import { formatCsv, parseCsv } from '../../src/io/csv.js';
import { readHouseholdRegister } from '../../src/io/readHouseholdRegister.js';
import { writeTable, type TableColumn } from '../../src/io/tableWriter.js';
import { fromJsonResult, JSON_RESULT_FORMAT } from '../../src/json/jsonResult.js';
import { classifyHousehold, type HouseholdClassification } from '../../src/standards/classifyHousehold.js';
import { captureIo } from '../_helpers/cliIo.js';
import { fixturePath, readFixture } from '../_helpers/fixtures.js';
import { seedText } from '../_helpers/seeds.js';
import { FLAG_HEADERS_2021, FLAG_IDS_2021, flagCells } from '../_helpers/registers.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-conventions-');
const fsIo = (options: Parameters<typeof captureIo>[0] = {}) => captureIo({ files: (p) => readFileSync(p, 'utf8'), ...options });

const FLAG_IDS = FLAG_IDS_2021;
const flags = flagCells;
// Invented households around the NĐ 07/2021/NĐ-CP Art. 3 cl. 1 lines (rural 1,500,000 đ, urban 2,000,000 đ per person per month).
const REGISTER = [
  ['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên', ...FLAG_HEADERS_2021],
  ['H01', '30316', 'nông thôn', '6.000.000', '40;38;10;7', ...flags(['health-insurance', 'latrine', 'telecom'])], // poor
  ['H02', '30316', 'nông thôn', '6.000.000', '40;38;10;7', ...flags(['health-insurance'])], // near-poor
  ['H03', '30319', 'nông thôn', '20.000.000', '45', ...flags([])], // non-poor
];
const REGISTER_CSV = formatCsv(REGISTER);

/** A JSON document printed by a command, read back exactly. */
function jsonOf<T>(text: string): T {
  const envelope = JSON.parse(text) as { format: string };
  expect(envelope.format).toBe(JSON_RESULT_FORMAT);
  return fromJsonResult<T>(envelope);
}

describe('--version', () => {
  it('prints the package version, as --version or -V', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      let out = '';
      const code = await runBin([flag], { stdout: { write: (t) => (out += String(t)) }, stderr: { write: () => undefined } });
      expect(code).toBe(0);
      expect(out).toBe(`vn-poverty ${version}\n`);
    }
  });
});

describe('dates as Vietnamese write them', () => {
  it('--as-of takes 2024-10-15, 15/10/2024, 15-10-2024 and “ngày 15 tháng 10 năm 2024” alike', async () => {
    const outputs = new Set<string>();
    for (const asOf of ['2024-10-15', '15/10/2024', '15-10-2024', 'ngày 15 tháng 10 năm 2024']) {
      const io = captureIo({ stdin: REGISTER_CSV });
      expect(await runCli(['classify', '-', '--as-of', asOf], io), asOf).toBe(EXIT_OK);
      outputs.add(io.out());
    }
    expect(outputs.size).toBe(1);
    expect([...outputs][0]).toContain(',2024-10-15\r\n');
  });

  it('refuses a day that does not exist, quoting it as written', async () => {
    const io = captureIo({ stdin: REGISTER_CSV });
    expect(await runCli(['classify', '-', '--as-of', '31/02/2024'], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toBe('vn-poverty: classify: --as-of: got "31/02/2024", expected a date that exists: a day from 1 to 29 in 2024-02\n');
    const summarize = captureIo();
    expect(await runCli(['summarize', 'x.csv', '--units', 'u.csv', '--as-of', '30/4/2025x'], summarize)).toBe(EXIT_BAD_INPUT);
    expect(summarize.err()).toContain('--as-of: got "30/4/2025x", expected a date written YYYY-MM-DD, DD/MM/YYYY');
  });
});

describe('- for standard input and output', () => {
  it('classify - reads a CSV register from stdin, in chunks, and writes CSV to stdout', async () => {
    const io = captureIo({ stdin: REGISTER_CSV, stdinChunk: 5 });
    expect(await runCli(['classify', '-', '--as-of', '2024-01-01', '--out', '-'], io)).toBe(EXIT_OK);
    const lines = io.out().split('\r\n');
    expect(lines[0]).toMatch(/^Mã hộ \(Household id\),/);
    expect(lines.slice(1, 4).map((l) => l.split(',')[0])).toEqual(['H01', 'H02', 'H03']);
    expect(io.err()).toContain('3 households classified as of 2024-01-01');
  });

  it('an XLSX on stdin is recognised by its bytes and read under the XLSX limits', async () => {
    const d = dir();
    const xlsx = join(d, 'ho.xlsx');
    const columns: Array<TableColumn<string[]>> = REGISTER[0]!.map((h, i) => ({ key: `c${i}`, vi: h, en: h, kind: 'text', value: (r) => r[i] ?? null }));
    await writeTable(xlsx, columns, REGISTER.slice(1), { headers: 'vi' });
    const io = captureIo({ stdin: readFileSync(xlsx), stdinChunk: 4096 });
    expect(await runCli(['classify', '-', '--as-of', '2024-01-01'], io)).toBe(EXIT_OK);
    expect(io.out().split('\r\n').slice(1, 4).map((l) => l.split(',')[0])).toEqual(['H01', 'H02', 'H03']);
    // a damaged workbook on stdin is named as stdin
    const broken = captureIo({ stdin: readFileSync(xlsx).subarray(0, 200) });
    expect(await runCli(['classify', '-', '--as-of', '2024-01-01'], broken)).toBe(EXIT_BAD_INPUT);
    expect(broken.err()).toMatch(/stdin: the file is truncated or damaged/);
  });

  it('summarize, reconcile, measures and check read -', async () => {
    const classified = captureIo({ stdin: REGISTER_CSV });
    await runCli(['classify', '-', '--as-of', '2024-01-01'], classified);
    const summary = captureIo({ stdin: classified.out() });
    expect(await runCli(['summarize', '-'], summary)).toBe(EXIT_OK);
    expect(summary.out()).toContain('\r\ntổng,Tổng cộng,,3,9,1,"33,33",1,"33,33","66,67",0,0\r\n');

    const reconciled = captureIo({ stdin: summary.out() });
    expect(await runCli(['reconcile', '-', '--layout', 'area-summary'], reconciled)).toBe(EXIT_OK);
    expect(reconciled.out()).toMatch(/^stdin: \d+ checks, 0 errors/m);

    const measures = captureIo({ stdin: readFixture('syn_cdta.csv'), stdinChunk: 65536, files: { 'spec.json': JSON.stringify({ dimensions: [{ id: 'h', indicators: [{ id: 'd_nutr' }, { id: 'd_cm' }] }], missing: 'drop-unit' }) } });
    expect(await runCli(['measures', '-', '--indicators', 'spec.json'], measures)).toBe(EXIT_OK);
    expect(measures.out().split('\r\n')[1]).toMatch(/^H,nat,,33,/);

    const check = captureIo({ stdin: seedText(4) });
    expect(await runCli(['check', '-'], check)).toBe(EXIT_FINDINGS);
    expect(check.out().trim().split('\n').at(-1)).toBe('stdin: 1 finding (1 error, 0 warnings, 0 roundings); 0 tables, 2 claims, 1 item unchecked');
  });

  it('a workbook on stdin for reconcile is saved to a temporary file, removed afterwards', async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('vn-poverty-stdin-')).length;
    const seed = readFixture('seed001-communes.csv');
    const d = dir();
    const xlsx = join(d, 'seed.xlsx');
    const rows = parseCsv(seed).filter((r) => r.some((c) => c !== ''));
    const columns: Array<TableColumn<string[]>> = rows[0]!.map((h, i) => ({ key: `c${i}`, vi: h, en: h, kind: 'text', value: (r) => r[i] ?? null }));
    await writeTable(xlsx, columns, rows.slice(1), { headers: 'vi' });
    const out = join(d, 'checked.xlsx');
    const io = fsIo({ stdin: readFileSync(xlsx) });
    expect(await runCli(['reconcile', '-', '--layout', 'commune-targets', '--out', out], io)).toBe(EXIT_FINDINGS);
    expect(io.out()).toMatch(/^stdin: \d+ checks, 5 errors/m);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('vn-poverty-stdin-')).length).toBe(before);
  });

  it('--out - writes a marked-up copy to stdout (the report to stderr), never to a terminal', async () => {
    const io = captureIo({ files: { 'seed001.csv': readFixture('seed001-communes.csv') } });
    expect(await runCli(['reconcile', 'seed001.csv', '--layout', 'commune-targets', '--out', '-'], io)).toBe(EXIT_FINDINGS);
    expect(io.outBytes().subarray(0, 2).toString('latin1')).toBe('PK');
    expect(io.err()).toMatch(/seed001\.csv: \d+ checks, 5 errors/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(io.outBytes() as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Bảng', 'Kết quả kiểm tra']);

    const tty = captureIo({ files: { 'seed001.csv': readFixture('seed001-communes.csv') }, stdoutTty: true });
    expect(await runCli(['reconcile', 'seed001.csv', '--layout', 'commune-targets', '--out', '-'], tty)).toBe(EXIT_BAD_INPUT);
    expect(tty.err()).toContain('--out - writes checked.xlsx to standard output, which is a terminal');

    const check = captureIo({ files: { 'seed004.txt': seedText(4) } });
    expect(await runCli(['check', 'seed004.txt', '--out', '-'], check)).toBe(EXIT_FINDINGS);
    expect(check.outBytes().subarray(0, 2).toString('latin1')).toBe('PK');
    expect(check.err()).toContain('seed004.txt: 1 finding');
  });

  it('refuses - on a terminal, - for two inputs, and --json with --out -', async () => {
    const tty = captureIo({ stdin: 'terminal' });
    expect(await runCli(['classify', '-', '--as-of', '2024-01-01'], tty)).toBe(EXIT_BAD_INPUT);
    expect(tty.err()).toContain('- reads the input from standard input, but it is a terminal');
    const none = captureIo();
    expect(await runCli(['summarize', '-'], none)).toBe(EXIT_BAD_INPUT);
    expect(none.err()).toContain('but there is none');
    const twice = captureIo({ stdin: 'x' });
    expect(await runCli(['summarize', '-', '--units', '-', '--as-of', '2024-01-01'], twice)).toBe(EXIT_BAD_INPUT);
    expect(twice.err()).toContain('- (standard input) is given for two inputs');
    const both = captureIo({ files: { 'a.csv': 'x' } });
    expect(await runCli(['reconcile', 'a.csv', '--layout', 'commune-targets', '--json', '--out', '-'], both)).toBe(EXIT_BAD_INPUT);
  });
});

describe('--json on every command, read back by fromJsonResult', () => {
  it('classify: counts, and each household’s classification exactly (bigint đồng)', async () => {
    const io = captureIo({ stdin: REGISTER_CSV });
    expect(await runCli(['classify', '-', '--as-of', '2024-01-01', '--json'], io)).toBe(EXIT_OK);
    const r = jsonOf<{ command: string; households: number; byStatus: Record<string, number>; standard: string; results: Array<{ row: number; unit: string; classification: HouseholdClassification }> }>(io.out());
    expect([r.command, r.households, r.standard]).toEqual(['classify', 3, 'nd-07-2021']);
    expect(r.byStatus).toEqual({ poor: 1, 'near-poor': 1, average: 0, 'non-poor': 1 });
    expect(r.results.map((h) => [h.row, h.unit, h.classification.status])).toEqual([
      [2, '30316', 'poor'],
      [3, '30316', 'near-poor'],
      [4, '30319', 'non-poor'],
    ]);
    expect(r.results[0]!.classification.monthlyIncome).toBe(6_000_000n);
    // the same object classifyHousehold returns
    expect(r.results[2]!.classification).toEqual(classifyHousehold({ id: 'H03', area: 'rural', monthlyIncome: 20_000_000n, members: [{ age: 45 }], deprivations: Object.fromEntries(FLAG_IDS.map((id) => [id, false])) } as never, { asOf: '2024-01-01' }));
    expect(io.err()).toContain('3 households classified');
  });

  it('classify --json with --out: the summary on stdout, the rows in the file', async () => {
    const out = join(dir(), 'kq.csv');
    const io = captureIo({ stdin: REGISTER_CSV });
    expect(await runCli(['classify', '-', '--as-of', '2024-01-01', '--json', '--out', out], io)).toBe(EXIT_OK);
    const r = jsonOf<Record<string, unknown>>(io.out());
    expect(r['out']).toBe(out);
    expect(r).not.toHaveProperty('results');
    expect(readFileSync(out, 'utf8')).toContain('H02,30316');
  });

  it('summarize: rows with exact rates (fractions) and counts', async () => {
    const classified = captureIo({ stdin: REGISTER_CSV });
    await runCli(['classify', '-', '--as-of', '2024-01-01'], classified);
    const io = captureIo({ stdin: classified.out() });
    expect(await runCli(['summarize', '-', '--json'], io)).toBe(EXIT_OK);
    const r = jsonOf<{ rows: Array<{ level: string; figures: { unit: string; households: number }; persons: number; average: number; rates: { poor: { exact: { num: bigint; den: bigint }; rounded: { toString(): string } } } }> }>(io.out());
    expect(r.rows.map((row) => [row.level, row.figures.unit, row.figures.households, row.persons])).toEqual([
      ['unit', '30316', 2, 8],
      ['unit', '30319', 1, 1],
      ['total', 'Tổng cộng', 3, 9],
    ]);
    expect(r.rows[2]!.rates.poor.exact).toEqual({ num: 100n, den: 3n });
    expect(r.rows[2]!.rates.poor.rounded.toString()).toBe('33.33');
  });

  it('measures: the long table’s exact estimates as fractions', async () => {
    const spec = JSON.stringify({ dimensions: [{ id: 'h', indicators: [{ id: 'd_nutr' }, { id: 'd_cm' }] }], missing: 'drop-unit' });
    const io = captureIo({ files: { 'spec.json': spec } });
    expect(await runCli(['measures', fixturePath('syn_cdta.csv'), '--indicators', 'spec.json', '--json'], io)).toBe(EXIT_OK);
    const r = jsonOf<{ command: string; estimates: Array<{ measure: string; level: string; estimate: { num: bigint; den: bigint } | null }> }>(io.out());
    expect(r.command).toBe('measures');
    const h = r.estimates.find((e) => e.measure === 'H' && e.level === 'nat')!;
    expect(typeof h.estimate!.num).toBe('bigint');
  });

  it('check and reconcile: the report as the value', async () => {
    const check = captureIo({ files: { 'seed004.txt': seedText(4) } });
    expect(await runCli(['check', 'seed004.txt', '--json'], check)).toBe(EXIT_FINDINGS);
    expect(jsonOf<{ findings: unknown[] }>(check.out()).findings).toHaveLength(1);
    const reconcile = captureIo({ files: { 'seed001.csv': readFixture('seed001-communes.csv') } });
    expect(await runCli(['reconcile', 'seed001.csv', '--layout', 'commune-targets', '--json'], reconcile)).toBe(EXIT_FINDINGS);
    expect(jsonOf<{ ok: boolean; file: string }>(reconcile.out())).toMatchObject({ ok: false, file: 'seed001.csv' });
  });
});

describe('vn-poverty template register', () => {
  it('writes a register that reads back as one household, with lists and instructions', async () => {
    const d = dir();
    const out = join(d, 'mau.xlsx');
    const io = captureIo();
    expect(await runCli(['template', 'register', '--out', out, '--as-of', '15/10/2024'], io)).toBe(EXIT_OK);
    expect(io.out()).toBe(`vn-poverty template: register for nd-07-2021 (12 indicators) written to ${out}\n`);
    const households = [];
    for await (const h of readHouseholdRegister(out)) households.push(h);
    expect(households).toHaveLength(1);
    expect(households[0]!.household).toMatchObject({ id: 'H001', area: 'rural', monthlyIncome: 6_000_000n });
    expect(classifyHousehold(households[0]!.household, { asOf: '2024-10-15' }).status).toBe('poor');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sổ hộ', 'Hướng dẫn']);
    const sheet = wb.getWorksheet('Sổ hộ')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual(['STT', 'Mã hộ', 'Họ tên chủ hộ', 'Thôn', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên']);
    expect(header).toHaveLength(8 + 12);
    const area = sheet.getCell('F500').dataValidation;
    expect(area).toMatchObject({ type: 'list', formulae: ['"nông thôn,thành thị"'] });
    expect(sheet.getCell('T2').dataValidation).toMatchObject({ type: 'list', formulae: ['"có,không"'] });
    expect(wb.getWorksheet('Hướng dẫn')!.getCell('A1').value).toBe('HƯỚNG DẪN GHI SỔ HỘ');

    const csv = join(d, 'mau.csv');
    expect(await runCli(['template', 'register', '--out', csv, '--as-of', '2027-01-01'], captureIo())).toBe(EXIT_OK);
    const csvHouseholds = [];
    for await (const h of readHouseholdRegister(csv)) csvHouseholds.push(h);
    expect(csvHouseholds.map((h) => h.household.id)).toEqual(['H001']);
  });

  it('refuses a missing --out or an unknown template', async () => {
    expect(await runCli(['template', 'register'], captureIo())).toBe(EXIT_BAD_INPUT);
    const io = captureIo();
    expect(await runCli(['template', 'budget', '--out', join(dir(), 'x.xlsx')], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toContain('expected what to write: register');
  });
});
