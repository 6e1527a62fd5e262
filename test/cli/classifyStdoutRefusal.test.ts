/**
 * `classify` without --out streams rows to standard output as it reads: a refusal at a late row
 * (a bad cell at row 29.001) leaves the rows before it there. The exit status is 2 and stderr says
 * how many rows were written and that they are incomplete; with --out nothing is written.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { formatCsv, parseCsv } from '../../src/io/csv.js';
import { captureIo } from '../_helpers/cliIo.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-classify-late-');

const FLAG_IDS = ['employment', 'dependants', 'nutrition', 'health-insurance', 'adult-education', 'school-attendance', 'housing-quality', 'housing-area', 'water-source', 'latrine', 'telecom', 'information-devices'];
const HEADER = ['Mã hộ', 'Mã đơn vị', 'Khu vực', 'Thu nhập/tháng (đồng)', 'Tuổi các thành viên', 'Ghi chú', ...FLAG_IDS.map((id) => `Deprived: ${id}`)];

/** A register of `n` households; every tenth carries a note on two lines (passed through, quoted). */
function register(n: number, income: (i: number) => string = () => '6.000.000'): string {
  const rows = [HEADER];
  for (let i = 1; i <= n; i++) rows.push([`H${String(i).padStart(5, '0')}`, '30316', 'nông thôn', income(i), '40;38;10;7', i % 10 === 0 ? 'Hộ mới tách,\nchờ xác minh' : '', ...FLAG_IDS.map((id) => (id === 'latrine' && i % 3 === 0 ? 'có' : 'không'))]);
  return formatCsv(rows);
}

const AS_OF = ['--as-of', '2024-01-01'];

describe('classify to standard output with a refusal at a late row', () => {
  it('exit 2, and stderr says standard output is incomplete with the number of household rows it holds (before: only the refusal)', async () => {
    const input = join(dir(), 'ho.csv');
    writeFileSync(input, register(30_000, (i) => (i === 29_000 ? '6.000.00x' : '6.000.000')));
    const io = captureIo();
    expect(await runCli(['classify', input, ...AS_OF], io)).toBe(EXIT_BAD_INPUT);
    expect(io.err()).toContain(`ho.csv, row 29001, column 4 (Thu nhập/tháng (đồng)): got "6.000.00x"`);
    const written = parseCsv(io.out()).filter((r) => r.some((c) => c !== ''));
    expect(io.out().length, io.err()).toBeGreaterThan(0);
    expect(written.length).toBeGreaterThan(1); // the header and the rows of the batches before the refusal
    expect(io.err()).toContain(`standard output is INCOMPLETE: it holds the header and the first ${(written.length - 1).toLocaleString('de-DE')} household row(s), written before the refusal above; do not use it. Give --out FILE for all or nothing`);
  });

  it('the twins: with --out nothing is written; a register without the bad cell says nothing of the kind', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    const output = join(d, 'ket-qua.csv');
    writeFileSync(input, register(30_000, (i) => (i === 29_000 ? '6.000.00x' : '6.000.000')));
    const io = captureIo();
    expect(await runCli(['classify', input, ...AS_OF, '--out', output], io)).toBe(EXIT_BAD_INPUT);
    expect(existsSync(output)).toBe(false);
    expect(io.out()).toBe('');
    expect(io.err()).not.toContain('INCOMPLETE');
    const good = join(d, 'tot.csv');
    writeFileSync(good, register(9_200));
    const ok = captureIo();
    expect(await runCli(['classify', good, ...AS_OF], ok)).toBe(EXIT_OK);
    expect(ok.err()).not.toContain('INCOMPLETE');
    expect(parseCsv(ok.out()).filter((r) => r.some((c) => c !== '')).length).toBe(9_201);
  });

  it('a refusal in the header writes nothing to standard output and says nothing of it', async () => {
    const input = join(dir(), 'ho.csv');
    writeFileSync(input, register(20).replace('Thu nhập/tháng (đồng)', 'Thu nhập/tháng (đồng/người/năm/tháng)'));
    const io = captureIo();
    expect(await runCli(['classify', input, ...AS_OF], io)).toBe(EXIT_BAD_INPUT);
    expect(io.out()).toBe('');
    expect(io.err()).not.toContain('INCOMPLETE');
  });
});
