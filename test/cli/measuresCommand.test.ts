import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { readRows } from '../../src/io/readRows.js';
import { fixturePath, readFixture } from '../_helpers/fixtures.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { captureIo } from '../_helpers/cliIo.js';

const dir = tempDirs('vnp-measures-');

// The standard workload's specification (shared/data/README.md): equal nested weights, rows with a missing entry dropped.
const SPEC = JSON.stringify({
  dimensions: [
    { id: 'health', indicators: [{ id: 'd_nutr' }, { id: 'd_cm' }] },
    { id: 'education', indicators: [{ id: 'd_satt' }, { id: 'd_educ' }] },
    { id: 'living', indicators: ['d_elct', 'd_sani', 'd_wtr', 'd_hsg', 'd_ckfl', 'd_asst'].map((id) => ({ id })) },
  ],
  missing: 'drop-unit',
});

/** syn_cdta round 1 as its own file. */
function round1File(): string {
  const [header = '', ...lines] = readFixture('syn_cdta.csv').trim().split('\n');
  const t = header.split(',').indexOf('t');
  const path = join(dir(), 'syn_t1.csv');
  writeFileSync(path, [header, ...lines.filter((l) => l.split(',')[t] === '1')].join('\n') + '\n');
  return path;
}

const csvRows = (text: string): string[][] => text.trim().split(/\r?\n/).map((l) => l.split(','));

describe('vn-poverty measures', () => {
  const file = round1File();

  it('the standard workload with the design: 989 estimates; national SE(H) as R survey', async () => {
    const io = captureIo({ files: { 'spec.json': SPEC } });
    const code = await runCli(['measures', file, '--indicators', 'spec.json', '--by', 'area,region', '--design', 'stratum,psu,weight'], io);
    expect(io.err()).toContain('7434 rows (66 dropped for a missing entry), k = 33%, 989 estimates, design: 120 strata, 717 PSUs, df 597');
    expect(code).toBe(EXIT_OK);
    const [header, ...rows] = csvRows(io.out());
    expect(header).toEqual(['measure', 'level', 'group', 'k', 'indicator', 'round', 'change', 'estimate', 'estimate_decimal', 'se', 'ci_lower', 'ci_upper', 'n', 'population']);
    expect(rows).toHaveLength(989);
    expect(rows[0]).toEqual(['H', 'nat', '', '33', '', '', '', '178/531', '0.335216572504708', '0.005541808625752', '0.324421784322874', '0.346186488566999', '7434', '7434']);
    expect(rows.find((r) => r[0] === 'M0' && r[1] === 'region' && r[2] === '1')?.slice(7, 10)).toEqual(['568/3645', '0.155829903978052', '0.011255965476124']);
  });

  it('reads the data saved as UTF-16 (LE or BE, with a byte-order mark) exactly as the UTF-8 file (before: refused)', async () => {
    const utf8 = await (async () => {
      const io = captureIo({ files: { 'spec.json': SPEC } });
      expect(await runCli(['measures', file, '--indicators', 'spec.json', '--by', 'area'], io)).toBe(EXIT_OK);
      return io.out();
    })();
    const le = Buffer.from(`\uFEFF${readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`, 'utf16le');
    for (const bytes of [le, Buffer.from(le).swap16()]) {
      const path = join(dir(), 'syn_t1_unicode.csv');
      writeFileSync(path, bytes);
      const io = captureIo({ files: { 'spec.json': SPEC } });
      expect(await runCli(['measures', path, '--indicators', 'spec.json', '--by', 'area'], io)).toBe(EXIT_OK);
      expect(io.out()).toBe(utf8);
    }
  });

  it('writes XLSX, crosses columns, takes k as a fraction and reads achievement columns with a cutoff', async () => {
    const out = join(dir(), 'results.xlsx');
    const spec = JSON.stringify({ dimensions: [{ id: 'a', indicators: [{ id: 'wealth', column: 'weight', deprivedBelow: '2' }] }, { id: 'b', indicators: [{ id: 'd_cm' }] }] });
    const io = captureIo({ files: { 'spec.json': spec } });
    expect(await runCli(['measures', file, '--indicators', 'spec.json', '--by', 'area*region', '--k', '1/2', '--out', out], io)).toBe(EXIT_OK);
    const all = [];
    for await (const r of readRows(out)) all.push(r.cells);
    // a title block, a blank row, then the table
    expect(all[0]?.[0]).toBe('CHỈ SỐ NGHÈO ĐA CHIỀU (ALKIRE–FOSTER): H, A, M0 VÀ ĐÓNG GÓP CỦA TỪNG CHỈ TIÊU');
    expect(all[1]?.[0]).toMatch(/^Ngưỡng nghèo k = 1\/2\./);
    const rows = all.slice(all.findIndex((r) => r[0] === 'measure'));
    expect(rows[0]?.slice(0, 3)).toEqual(['measure', 'level', 'group']);
    expect(rows.some((r) => r[1] === 'area × region' && r[2] === '0 × 1')).toBe(true);
    // every weight is 1 < 2: everybody is deprived in "wealth" (weight 1/2), so H = 1 at k = 1/2
    expect(rows[1]?.slice(0, 8)).toEqual(['H', 'nat', null, '50', null, null, null, '1']);
  });

  it('bad input exits 2 with the reason', async () => {
    const cases: Array<[string[], string]> = [
      [['measures', file], '--indicators SPEC.json is required'],
      [['measures', file, '--indicators', 'spec.json', '--k', 'abc'], '--k must be a percent'],
      [['measures', file, '--indicators', 'spec.json', '--by', 'province'], 'province'],
      [['measures', file, '--indicators', 'spec.json', '--design', 'stratum,psu'], '--design takes three'],
      [['measures', file, '--indicators', 'missing.json'], 'cannot read missing.json'],
      [['measures', fixturePath('syn_cdta.csv'), '--indicators', 'nomissing.json'], 'expected a value'],
    ];
    for (const [argv, message] of cases) {
      const io = captureIo({ files: { 'spec.json': SPEC, 'nomissing.json': JSON.stringify({ dimensions: [{ id: 'h', indicators: [{ id: 'd_nutr' }] }] }) } });
      expect(await runCli(argv, io), argv.join(' ')).toBe(EXIT_BAD_INPUT);
      expect(io.err()).toContain(message);
    }
  });

  it('--help lists the options', async () => {
    const io = captureIo();
    expect(await runCli(['measures', '--help'], io)).toBe(EXIT_OK);
    expect(io.out()).toContain('--design S,P,W');
  });
});
