import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/_internal/_decimal.js';
import { longRow } from '../../src/measures/longTable.js';
import { measuresSpec } from '../../src/io/measuresSpec.js';
import { readRows } from '../../src/io/readRows.js';
import { writeLongTable } from '../../src/io/writeLongTable.js';
import { firstIssueCode } from '../_helpers/errors.js';
import { f } from '../_helpers/fractions.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-longtable-');
const rows = [
  longRow({ measure: 'H', level: 'nat', k: f(33), estimate: f(178, 531), se: new Decimal('0.00554180862575246613663682479'), ciLower: new Decimal('0.3244'), ciUpper: new Decimal('0.3462'), n: 7434, population: f(7434) }),
  longRow({ measure: 'A', level: 'area', group: '0', k: f(100, 3), estimate: null, n: 0, population: f(5, 2) }),
];

describe('writeLongTable', () => {
  it('CSV: exact fractions as text, decimals rounded half-even to the places asked, English headers, plain numbers', async () => {
    const path = join(dir(), 'lt.csv');
    expect(await writeLongTable(path, rows, { decimals: 6 })).toBe(2);
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(text[0]).toBe('measure,level,group,k,indicator,round,change,estimate,estimate_decimal,se,ci_lower,ci_upper,n,population');
    expect(text[1]).toBe('H,nat,,33,,,,178/531,0.335217,0.005542,0.324400,0.346200,7434,7434');
    expect(text[2]).toBe('A,area,0,100/3,,,,,,,,,0,5/2');
  });
  it('XLSX: numbers Excel can format', async () => {
    const path = join(dir(), 'lt.xlsx');
    await writeLongTable(path, rows);
    const cells = [];
    for await (const r of readRows(path)) cells.push(r.cells);
    expect(cells[1]?.slice(7, 10)).toEqual(['178/531', 0.335216572504708, 0.005541808625752]);
  });
});

describe('measuresSpec', () => {
  it('equal nested weights when none are given; exact weights ("1/6") when all are; cutoffs for achievement columns', () => {
    const eq = measuresSpec({ dimensions: [{ id: 'h', indicators: [{ id: 'a' }, { id: 'b' }] }, { id: 'l', indicators: [{ id: 'c', column: 'thu_nhap', deprivedBelow: '1500000' }] }] });
    expect(eq.weights.indicators.map((i) => i.weight)).toEqual([f(1, 4), f(1, 4), f(1, 2)]);
    expect(eq.indicators[2]).toEqual({ id: 'c', column: 'thu_nhap', deprivedBelow: f(1_500_000) });
    const given = measuresSpec({ dimensions: [{ id: 'h', weight: '2/3', indicators: [{ id: 'a', weight: '1/6' }, { id: 'b', weight: '0.5' }] }, { id: 'l', weight: '1/3', indicators: [{ id: 'c', weight: '1/3' }] }] });
    expect(given.weights.scoreDenominator).toBe(6n);
    expect(firstIssueCode(() => measuresSpec({ dimensions: [{ id: 'h', weight: 1, indicators: [{ id: 'a' }] }] }))).toBe('missing-weight');
    expect(firstIssueCode(() => measuresSpec({ dimensions: [{ id: 'h', indicators: [{ id: 'a' }] }], countBy: 'members' }))).toBe('missing-sizes');
    expect(firstIssueCode(() => measuresSpec({ dimensions: [] }))).toBe('invalid-input');
  });
});
