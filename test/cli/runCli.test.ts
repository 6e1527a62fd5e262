import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, parseCliArgs, type CliCommand } from '../../src/cli/cliSupport.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { runCli } from '../../src/cli/runCli.js';
import { fromJsonResult } from '../../src/json/jsonResult.js';
import { captureIo } from '../_helpers/cliIo.js';
import { readFixture } from '../_helpers/fixtures.js';

const SEED001 = readFixture('seed001-communes.csv');

describe('vn-poverty reconcile', () => {
  it('prints one line per issue and a summary for seed 001, exit 1 (five errors)', async () => {
    const io = captureIo({ files: { 'seed001.csv': SEED001 } });
    expect(await runCli(['reconcile', 'seed001.csv', '--layout', 'commune-targets'], io)).toBe(EXIT_FINDINGS);
    const lines = io.out().trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^rounding {2}Tân Lợi · poor_end_rate: printed 1,99, expected 2,00/);
    expect(lines[6]).toBe('seed001.csv: 413 checks, 5 errors, 1 rounding finding');
    expect(io.err()).toBe('');
  });

  it('--json gives the report with row, column, code, severity, printed, expected', async () => {
    const io = captureIo({ files: { 'seed001.csv': SEED001 } });
    expect(await runCli(['reconcile', '--json', 'seed001.csv', '--layout', 'commune-targets'], io)).toBe(EXIT_FINDINGS);
    const json = fromJsonResult<{ ok: boolean; issues: Record<string, unknown>[] }>(JSON.parse(io.out()));
    expect(json.ok).toBe(false);
    expect(json.issues[0]).toMatchObject({ row: 'An Phú', column: 'near_poor_end_rate', code: 'rate-mismatch', severity: 'error', printed: '2,56', expected: '2,26' });
    expect(json.issues[1]).toMatchObject({ row: 'Tân Lợi', severity: 'rounding', shortcut: 'difference-of-rounded-rates' });
  });

  it('exit 0 when only rounding findings remain', async () => {
    const fixed = SEED001.replace('"2,56"', '"2,26"').replace('8,"0,66"', '8,"0,48"').replace('1,"1,27",27', '1,"0,05",27').replace('13,An Nông', '12,An Nông').replace('14,An Hào', '13,An Hào').replace('11,An Cư', '14,An Cư');
    const io = captureIo({ files: { 'fixed.csv': fixed } });
    expect(await runCli(['reconcile', 'fixed.csv', '--layout', 'commune-targets'], io)).toBe(EXIT_OK);
    expect(io.out()).toContain('0 errors, 1 rounding finding — no errors');
  });

  it('exit 2 with a message naming the file when it cannot be read or has the wrong columns', async () => {
    let io = captureIo();
    expect(await runCli(['reconcile', 'missing.csv', '--layout', 'commune-targets'], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toBe('vn-poverty: reconcile: cannot read missing.csv: no such file or folder\n');
    io = captureIo({ files: { 'seed001.csv': SEED001 } });
    expect(await runCli(['reconcile', 'seed001.csv', '--layout', 'counts-and-rates'], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toMatch(/^vn-poverty: seed001\.csv: line 1: wrong columns for layout counts-and-rates: missing columns poor \(printed “Số hộ nghèo\*” or “Hộ nghèo” or …\), poor_rate \(printed “Tỷ lệ hộ nghèo\*” or “Hộ nghèo” › “Tỷ lệ\*”\)/);
    io = captureIo({ files: { 'bad.csv': 'stt,unit\n"open' } });
    expect(await runCli(['reconcile', 'bad.csv', '--layout', 'commune-targets'], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toContain('bad.csv');
  });

  it('with no --layout or --spec, infers the layout, prints it with its evidence and reconciles (exit 1: the same findings as the preset)', async () => {
    const io = captureIo({ files: { 'a.csv': SEED001 } });
    expect(await runCli(['reconcile', 'a.csv'], io)).toBe(EXIT_FINDINGS);
    const text = io.out();
    expect(text).toMatch(/^inferred layout \(no --layout or --spec given\): header row 1; columns: stt \(row-number\); unit \(label\)/);
    expect(text).toContain('  poor_end = poor_start − poor_exit: holds in all 17 rows');
    expect(text).toContain('  near_poor_end_rate = near_poor_end ÷ households × 100 (half-up, to the decimals printed): holds in 16 of 17 rows (breaks: An Phú)');
    expect(text).toContain('error     An Phú · near_poor_end_rate: printed 2,56, expected 2,26');
    expect(text.trimEnd().split('\n').at(-1)).toBe('a.csv: 158 checks, 5 errors, 1 rounding finding');
    const json = captureIo({ files: { 'a.csv': SEED001 } });
    expect(await runCli(['reconcile', 'a.csv', '--json'], json)).toBe(EXIT_FINDINGS);
    const report = (JSON.parse(json.out()) as { value: { layout: string; errors: number; inferred: { evidence: { text: string; holds: number; of: number }[]; spec: unknown } } }).value;
    expect([report.layout, report.errors]).toEqual(['inferred', 5]);
    expect(report.inferred.evidence.find((e) => e.text === 'poor_end = poor_start − poor_exit')).toMatchObject({ holds: 17, of: 17 });
  });

  it('with no --layout or --spec, exit 2 only when no table can be understood', async () => {
    const io = captureIo({ files: { 'ten.csv': 'Xã,Ghi chú\nAn Phú,đạt\nTân Lợi,chưa đạt\n', 'one.csv': 'Xã,Số hộ,Số hộ nghèo\nAn Phú,2348,38\nTân Lợi,2154,44\nLong Hòa,1200,20\n' } });
    expect(await runCli(['reconcile', 'ten.csv'], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toBe('vn-poverty: ten.csv: no table could be understood (no column of figures was found); nothing to check: give its layout with --layout NAME or --spec TABLE.json (read as a CSV separated by `,` with Vietnamese figures (1.234,5): if its fields are separated by `;` or tabs, give --delimiter \';\' or --delimiter tab; for figures like 1,234.5 give --number-format en)\n');
    expect(await runCli(['reconcile', 'one.csv'], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toContain('one.csv: no table could be understood (no total row, rate base or relation between its columns could be inferred)');
  });

  it('exit 2 for usage mistakes: unknown layout, unknown option, two files, option the layout does not take', async () => {
    const cases: string[][] = [
      ['reconcile', 'a.csv', '--layout', 'nope'],
      ['reconcile', 'a.csv', '--layout', 'commune-targets', '--frobnicate'],
      ['reconcile', 'a.csv', 'b.csv', '--layout', 'commune-targets'],
      ['reconcile', 'a.csv', '--layout', 'commune-targets', '--delimiter', 'pipe'],
    ];
    for (const argv of cases) {
      const io = captureIo({ files: { 'a.csv': SEED001 } });
      expect(await runCli(argv, io), argv.join(' ')).toBe(EXIT_BAD_INPUT);
      expect(io.err()).toMatch(/^vn-poverty: /);
    }
  });

  it('reads semicolon-separated files with --delimiter ;', async () => {
    const semi = 'stt;unit;role;households;poor;poor_rate;near_poor;near_poor_rate\n;Tổng;total;100;1;1,00;2;2,00\n1;A;unit;100;1;1,00;2;2,00\n';
    const io = captureIo({ files: { 's.csv': semi } });
    expect(await runCli(['reconcile', 's.csv', '--layout', 'counts-and-rates', '--delimiter', ';'], io)).toBe(EXIT_OK);
  });

  it('--help on the command and on the program', async () => {
    let io = captureIo();
    expect(await runCli(['reconcile', '--help'], io)).toBe(EXIT_OK);
    expect(io.out()).toContain('Usage: vn-poverty reconcile FILE.csv --layout NAME');
    expect(io.out()).toContain('commune-targets');
    io = captureIo();
    expect(await runCli(['--help'], io)).toBe(EXIT_OK);
    expect(io.out()).toContain('reconcile');
    io = captureIo();
    expect(await runCli(['help', 'reconcile'], io)).toBe(EXIT_OK);
    io = captureIo();
    expect(await runCli([], io)).toBe(EXIT_BAD_INPUT);
    io = captureIo();
    expect(await runCli(['frob'], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toContain('unknown command "frob"');
  });

  it('dispatches to a registered command (registering is one entry)', async () => {
    const echo: CliCommand = { name: 'echo', summary: 'echo', help: 'echo ARGS', run: async (argv, io) => (io.stdout.write(argv.join(' ')), EXIT_OK) };
    const io = captureIo();
    expect(await runCli(['echo', 'a', 'b'], io, { commands: { ...COMMANDS, echo } })).toBe(EXIT_OK);
    expect(io.out()).toBe('a b');
  });

  it('parseCliArgs never throws', () => {
    expect(parseCliArgs(['--nope'], {})).toMatchObject({ ok: false });
    expect(parseCliArgs(['x', '--json'], { json: { type: 'boolean' } })).toEqual({ ok: true, values: { json: true }, positionals: ['x'] });
  });
});

describe('the bin, end to end', () => {
  it('npx tsx src/cli/main.ts reconcile … exits 1 on seed 001 and prints the summary', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'reconcile', 'test/fixtures/seed001-communes.csv', '--layout', 'commune-targets'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('test/fixtures/seed001-communes.csv: 413 checks, 5 errors, 1 rounding finding');
    const bad = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'reconcile', 'nope.csv', '--layout', 'commune-targets'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('cannot read nope.csv');
  });
});
