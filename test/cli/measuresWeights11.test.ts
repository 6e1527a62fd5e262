/**
 * `vn-poverty measures --weight COL`: a bad weight cell is named by file, row and column (before:
 * `weights.2`, its place among the rows kept); weights written with the Vietnamese decimal comma
 * are read when the column shows it one way (before: every cell refused); a column whose every
 * comma is before three digits, or that mixes a comma and a point, is refused once, at its cell.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { weightTexts } from '../../src/io/_weightCells.js';
import { captureIo } from '../_helpers/cliIo.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-weights-');
const SPEC = JSON.stringify({ dimensions: [{ id: 'y_te', indicators: [{ id: 'd_nutr' }, { id: 'd_bhyt' }] }, { id: 'nha_o', indicators: [{ id: 'd_nha' }] }] });

async function measures(rows: readonly string[], extra: readonly string[] = []): Promise<{ code: number; out: string; err: string }> {
  const d = dir();
  const data = join(d, 'khao-sat.csv');
  const spec = join(d, 'chi-so.json');
  writeFileSync(data, ['d_nutr,d_bhyt,d_nha,tinh,quyen_so', ...rows].join('\n') + '\n');
  writeFileSync(spec, SPEC);
  const io = captureIo({ files: (p) => readFileSync(p, 'utf8') });
  const code = await runCli(['measures', data, '--indicators', spec, '--weight', 'quyen_so', ...extra], io);
  return { code, out: io.out(), err: io.err() };
}

const ROWS = (w: readonly string[]): string[] => [`1,1,0,A,${w[0]}`, `0,1,1,A,${w[1]}`, `0,0,0,B,${w[2]}`, `1,1,1,B,${w[3]}`];

describe('measures --weight: the cells of the weight column', () => {
  it('a bad cell is named by file, row and column, counting the header (before: weights.2)', async () => {
    const r = await measures(ROWS(['1.5', '2', 'x', '1']));
    expect(r.code).toBe(EXIT_BAD_INPUT);
    expect(r.err).toContain('khao-sat.csv, row 4, column quyen_so: got "x"');
    expect(r.err).not.toContain('weights.');
  });

  it('decimal commas (1,5; 2,25; 0,5) give the estimates of the same weights with points, exactly', async () => {
    const comma = await measures(ROWS(['"1,5"', '"2,25"', '"0,5"', '1']), ['--by', 'tinh']);
    const point = await measures(ROWS(['1.5', '2.25', '0.5', '1']), ['--by', 'tinh']);
    expect(comma.code, comma.err).toBe(EXIT_OK);
    expect(point.code).toBe(EXIT_OK);
    expect(comma.out).toBe(point.out);
    expect(comma.out).toContain('M0,nat');
  });

  it('a column whose every comma is before three digits (1,500) is refused once, naming the first such cell and both readings; a comma beside a point is refused too', async () => {
    const two = await measures(ROWS(['"1,500"', '"2,250"', '1', '1']));
    expect(two.code).toBe(EXIT_BAD_INPUT);
    expect(two.err).toContain('khao-sat.csv, row 2, column quyen_so: got "1,500"');
    expect(two.err).toContain('1.5 with a decimal comma or 1500 with a thousands comma');
    expect(two.err.match(/ambiguous|reads one way/g)?.length).toBe(1);
    const settled = await measures(ROWS(['"1,500"', '"2,25"', '1', '1']));
    expect(settled.code, settled.err).toBe(EXIT_OK);
    const mixed = await measures(ROWS(['"1,5"', '2.25', '1', '1']));
    expect(mixed.code).toBe(EXIT_BAD_INPUT);
    expect(mixed.err).toContain('row 2, column quyen_so: got "1,5", expected one decimal mark in the whole column');
  });

  it('weightTexts: whole numbers, points and fractions as written; commas turned to points when the column settles them', () => {
    const problems: string[] = [];
    const bad = (row: number, column: string, value: unknown): void => void problems.push(`${row}:${column}:${String(value)}`);
    expect(weightTexts([{ row: 2, raw: '12' }, { row: 3, raw: '1.25' }, { row: 4, raw: '1/3' }], 'w', bad)).toEqual(['12', '1.25', '1/3']);
    expect(weightTexts([{ row: 2, raw: '1.234,5' }, { row: 3, raw: '0,5' }, { row: 4, raw: '3' }], 'w', bad)).toEqual(['1234.5', '0.5', '3']);
    expect(problems).toEqual([]);
    weightTexts([{ row: 2, raw: '' }, { row: 3, raw: '-1' }], 'w', bad);
    expect(problems).toEqual(['2:w:', '3:w:-1']);
  });
});
