import fc from 'fast-check';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARALLEL_TUNING } from '../../src/io/_parallelRegister.js';
import { classifyRegisterFile } from '../../src/io/classifyRegisterFile.js';
import type { ConflictResolution } from '../../src/standards/classifyHousehold.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const dir = tempDirs('vnp-parallel-register-');
const AS_OF = '2024-01-01';
const FLAGS = ['Thiếu hụt: bảo hiểm y tế', 'Thiếu hụt: nguồn nước sinh hoạt', 'Thiếu hụt: việc làm', 'Thiếu hụt: dinh dưỡng'];
const INCOME_HEADERS = ['Thu nhập/tháng (đồng)', 'Thu nhập (nghìn đồng/tháng)', 'Thu nhập (đồng/năm)', 'Thu nhập (triệu đồng/năm)'];

const household = fc.record({
  id: fc.oneof(fc.nat({ max: 999_999 }).map((n) => `H${n}`), fc.nat().map((n) => String(100_000_000_000 + n)), fc.constantFrom('hộ 1, thôn 2', 'Hộ "A"', 'mã hộ dài hơn mười ký tự')),
  area: fc.constantFrom('nông thôn', 'thành thị', 'Nông thôn', 'rural', 'urban'),
  members: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 7 }) }, { weight: 1, arbitrary: fc.constant(60) }),
  // now and then an income out of the plausible bounds (a unit slip), which every process notes alike
  perHead: fc.oneof(fc.constantFrom(1_500_000, 1_500_001, 2_000_000, 2_250_000, 1_000_000), fc.integer({ min: 300_000, max: 5_000_000 }), fc.constantFrom(4_000, 250_000_000)),
  flags: fc.array(fc.constantFrom('1', '0', '', 'x', 'có', 'không'), { minLength: FLAGS.length, maxLength: FLAGS.length }),
  latrine: fc.constantFrom('', '', '', '', 'có', 'không'),
  note: fc.constantFrom('', '', 'ghi chú', 'a, b', 'x"y', 'dòng 1\ndòng 2', 'dòng 1\r\ndòng 2', '"\n"'),
});

const register = fc.record({
  households: fc.array(household, { minLength: 1, maxLength: 50 }),
  income: fc.constantFrom(...INCOME_HEADERS),
  facts: fc.boolean(),
  title: fc.boolean(),
  crlf: fc.boolean(),
  marks: fc.boolean(),
  onConflict: fc.constantFrom<ConflictResolution>('error', 'use-flag'),
  /** Rows that make the run need the one-thread order: repeated ids, bad cells, a totals row. */
  repeats: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
  bad: fc.array(fc.nat(), { maxLength: 2 }),
  totals: fc.option(fc.nat(), { nil: undefined }),
  pieceBytes: fc.integer({ min: 100, max: 1500 }),
  bounds: fc.option(fc.record({ maxMembers: fc.constantFrom<number>(5, 50), maxDongFigure: fc.constantFrom<number>(3_000_000, 100_000_000) }), { nil: undefined }),
});
type Generated = typeof register extends fc.Arbitrary<infer T> ? T : never;

function csvOf(g: Generated): string {
  const cell = (t: string): string => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  const nl = g.crlf ? '\r\n' : '\n';
  // with a facts column, the members' ages too (a household with facts is classified from a full record)
  const header = ['Mã hộ', 'Khu vực', g.income, 'Số nhân khẩu', ...(g.facts ? ['Tuổi các thành viên'] : []), ...FLAGS, ...(g.facts ? ['Nhà tiêu hợp vệ sinh'] : []), 'Ghi chú'];
  const rows = g.households.map((h) => {
    const monthly = h.perHead * h.members;
    const income = g.income.includes('nghìn') ? String(Math.round(monthly / 1000)) : g.income.includes('triệu') ? String(Math.round((monthly * 12) / 1e6)) : g.income.includes('năm') ? String(monthly * 12 + 5) : monthly.toLocaleString('de-DE');
    const ages = Array.from({ length: h.members }, (_, k) => String(k === 0 ? 45 : 8 + 9 * k));
    return [h.id, h.area, income, String(h.members), ...(g.facts ? [ages.join(';')] : []), ...h.flags, ...(g.facts ? [h.latrine] : []), h.note];
  });
  for (const [a, b] of g.repeats) if (rows.length > 1) rows[b % rows.length]![0] = rows[a % rows.length]![0]!;
  for (const b of g.bad) rows[b % rows.length]![2] = 'mười triệu';
  if (g.totals !== undefined) rows.splice(g.totals % (rows.length + 1), 0, ['Tổng cộng', '', '', '99', ...(g.facts ? [''] : []), ...FLAGS.map(() => ''), ...(g.facts ? [''] : []), '']);
  const lines = [...(g.title ? ['DANH SÁCH HỘ GIA ĐÌNH', ''] : []), header.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))];
  return lines.join(nl) + nl;
}

interface Seen {
  readonly out: string | null;
  readonly events: readonly string[];
  /** The notes on how the file was read, in their order. */
  readonly notes: readonly string[];
  readonly summary: string | undefined;
  readonly thrown: string | undefined;
  readonly fellBack: string | undefined;
}

const json = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));

/** The child processes of the parallel path still running (none once a run is over). */
const childrenLeft = (): string[] =>
  spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((l) => l.includes('_registerChild'));

async function run(input: string, out: string, g: Generated, threads: number, tuning: Record<string, unknown> = {}): Promise<Seen> {
  const events: string[] = [];
  const notes: string[] = [];
  let fellBack: string | undefined;
  let summary: string | undefined;
  let thrown: string | undefined;
  try {
    const s = await classifyRegisterFile(input, {
      asOf: AS_OF,
      out,
      marks: g.marks,
      onConflict: g.onConflict,
      threads,
      onLayout: (l) => events.push(`layout ${json(l)}`),
      onFailure: (f) => events.push(`failure ${f.row}–${f.lastRow} ${f.id} ${f.error.message} ${json(f.error.issues)}`),
      onFinding: (f) => events.push(`finding ${f.row} ${f.message}`),
      onSkippedRow: (r) => events.push(`skipped ${json(r)}`),
      onNote: (n) => notes.push(n),
      ...(g.bounds !== undefined ? { plausibleBounds: g.bounds } : {}),
      ...{ [PARALLEL_TUNING]: { minBytes: 0, pieceBytes: g.pieceBytes, onFallback: (why: string) => (fellBack = why), ...tuning } },
    });
    summary = json(s);
  } catch (e) {
    thrown = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  return { out: existsSync(out) ? readFileSync(out, 'latin1') : null, events, notes, summary, thrown, fellBack };
}

async function compare(g: Generated): Promise<{ one: Seen; two: Seen }> {
  const d = dir();
  const input = join(d, 'ho.csv');
  writeFileSync(input, csvOf(g));
  const one = await run(input, join(d, 'one.csv'), g, 1);
  const two = await run(input, join(d, 'two.csv'), g, 2);
  expect({ out: two.out, events: two.events, notes: two.notes, summary: two.summary, thrown: two.thrown }).toEqual({ out: one.out, events: one.events, notes: one.notes, summary: one.summary, thrown: one.thrown });
  // nothing left behind: no temporary output, no child process
  expect(readdirSync(d).sort()).toEqual(['ho.csv', ...(one.out !== null ? ['one.csv'] : []), ...(two.out !== null ? ['two.csv'] : [])].sort());
  expect(childrenLeft()).toEqual([]);
  return { one, two };
}

const base: Generated = {
  households: [],
  income: 'Thu nhập/tháng (đồng)',
  facts: false,
  title: false,
  crlf: false,
  marks: false,
  onConflict: 'error',
  repeats: [],
  bad: [],
  totals: undefined,
  pieceBytes: 64,
  bounds: undefined,
};
type Household = Generated['households'][number];
const many = (n: number, note = (i: number): Household['note'] => (i % 7 === 0 ? 'dòng 1\ndòng 2' : '')): Household[] =>
  Array.from({ length: n }, (_, i) => ({ id: `H${1000 + i}`, area: i % 3 === 0 ? 'thành thị' : 'nông thôn', members: 1 + (i % 5), perHead: 900_000 + ((i * 104_729) % 3_000_000), flags: FLAGS.map((_, j) => ((i + j) % 4 === 0 ? '1' : (i + j) % 9 === 0 ? '' : '0')), latrine: i % 11 === 0 ? 'không' : '', note: note(i) }) satisfies Household);

describe('classifyRegisterFile on several threads', () => {
  it('writes the same bytes and reports the same failures as one thread, with pieces of a few rows (quoted newlines across piece ends)', async () => {
    const { two } = await compare({ ...base, households: many(300), pieceBytes: 97 });
    expect(two.fellBack).toBeUndefined(); // the parallel path did it
    expect(two.events.filter((e) => e.startsWith('failure')).length).toBeGreaterThan(0);
  });

  it('CRLF, a title above the header, facts columns, --blank-as no, a yearly header in nghìn/triệu: the parallel path, the same result', async () => {
    for (const income of INCOME_HEADERS) {
      const { two } = await compare({ ...base, households: many(120), crlf: true, title: true, facts: true, marks: true, income, pieceBytes: 50 });
      expect(two.fellBack).toBeUndefined();
    }
  });

  it('an id repeated in a later piece, a bad cell in a later piece and one in an earlier piece, a totals row: the one-thread order of messages', async () => {
    const rows = many(200);
    const repeat = await compare({ ...base, households: rows, repeats: [[3, 180]], pieceBytes: 80 });
    expect(repeat.two.fellBack).toBe('a repeated household id');
    expect(repeat.two.events.some((e) => e.includes('appears again (first on row 5)'))).toBe(true);
    // the same id typed in another case in a later piece (H1003, h1003) is the same household, as on one thread
    const folded = await compare({ ...base, households: rows.map((h, i) => (i === 180 ? { ...h, id: 'h1003' } : h)), pieceBytes: 80 });
    expect(folded.two.fellBack).toBe('a repeated household id');
    expect(folded.two.events.some((e) => e.includes('appears again (first on row 5)'))).toBe(true);
    const bad = await compare({ ...base, households: rows, bad: [150, 20], pieceBytes: 80 });
    expect(bad.two.thrown).toMatch(/row 22\b/); // the earlier bad cell wins
    const totals = await compare({ ...base, households: rows, totals: 100, pieceBytes: 80 });
    expect(totals.two.fellBack).toBe('a row that is not a household');
  });

  it('the notes (the header\'s, and the figures out of bounds of every piece, counted and listed in the file\'s order): the same text as one thread, said once', async () => {
    // members over the bound and incomes in nghìn đồng under a đồng header, or in đồng by the million, in many pieces
    const rows = many(300).map((h, i) => (i % 9 === 4 ? { ...h, perHead: 1_800 } : i % 13 === 6 ? { ...h, perHead: 180_000_000 } : i % 37 === 20 ? { ...h, members: 60 } : h));
    const { one, two } = await compare({ ...base, households: rows, pieceBytes: 90 });
    expect(two.fellBack).toBeUndefined();
    expect(one.notes.filter((n) => /read as written/.test(n))).toHaveLength(3);
    expect(one.notes.some((n) => /33 households with an income under 10\.000 đồng a person a month \(row 6: .*, and 23 more\)/.test(n))).toBe(true);
    expect(one.notes.some((n) => /20 households with an income over 100\.000\.000 đồng a person a month \(row 8: /.test(n))).toBe(true);
    expect(one.notes.some((n) => /no column for/.test(n))).toBe(true); // the header's note, once
    expect(two.notes).toEqual(one.notes);
    // bounds given as an option reach the child processes
    const tight = await compare({ ...base, households: rows, pieceBytes: 90, bounds: { maxMembers: 3, maxDongFigure: 2_000_000 } });
    expect(tight.two.fellBack).toBeUndefined();
    expect(tight.one.notes.some((n) => /households of more than 3 members/.test(n))).toBe(true);
    expect(tight.one.notes.some((n) => /households with an income over 2\.000\.000 đồng a person a month/.test(n))).toBe(true);
  });

  it('records ended by a lone CR (old Mac files), and a last record with no line break: the parallel path, the same result', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    const text = csvOf({ ...base, households: many(150, () => '') }).replace(/\n/g, '\r');
    writeFileSync(input, text.slice(0, -1)); // no line break after the last record
    const g = { ...base, pieceBytes: 70 };
    const one = await run(input, join(d, 'one.csv'), g, 1);
    const two = await run(input, join(d, 'two.csv'), g, 2);
    expect(two.fellBack).toBeUndefined();
    expect({ ...two, fellBack: undefined }).toEqual({ ...one, fellBack: undefined });
  });

  it('a UTF-16 register (Excel\'s "Unicode Text") is classified on one thread, as its UTF-8 save is (its pieces are not cut at UTF-8 byte offsets)', async () => {
    const d = dir();
    const text = csvOf({ ...base, households: many(150) });
    const input = join(d, 'ho.csv');
    const g = { ...base, pieceBytes: 70 };
    writeFileSync(input, text);
    const one = await run(input, join(d, 'one.csv'), g, 1);
    writeFileSync(input, Buffer.from(`\uFEFF${text}`, 'utf16le'));
    const two = await run(input, join(d, 'two.csv'), g, 2);
    expect(two.fellBack).toBe('UTF-16 text');
    expect(two.thrown).toBeUndefined();
    expect({ ...two, fellBack: undefined }).toEqual({ ...one, fellBack: undefined });
  });

  it('a quote left open runs to the end: the same error as one thread', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    writeFileSync(input, `Mã hộ,Khu vực,Thu nhập/tháng (đồng),Số nhân khẩu\nH1,nông thôn,1000000,2\nH2,"nông thôn,1000000,2\nH3,nông thôn,1000000,2\n`);
    const one = await run(input, join(d, 'one.csv'), base, 1);
    const two = await run(input, join(d, 'two.csv'), { ...base, pieceBytes: 8 }, 2);
    expect(two.thrown).toBe(one.thrown);
    expect(two.thrown).toMatch(/quoted field is never closed/);
  });

  it('three processes (two children and the main one): the same result', async () => {
    const { two } = await (async () => {
      const d = dir();
      const input = join(d, 'ho.csv');
      const g = { ...base, households: many(400), pieceBytes: 300 };
      writeFileSync(input, csvOf(g));
      const one = await run(input, join(d, 'one.csv'), g, 1);
      let pids: readonly number[] = [];
      const three = await run(input, join(d, 'three.csv'), g, 3, { onChildren: (p: readonly number[]) => (pids = p) });
      expect(pids).toHaveLength(2);
      expect({ ...three, fellBack: undefined }).toEqual({ ...one, fellBack: undefined });
      expect(childrenLeft()).toEqual([]);
      return { two: three };
    })();
    expect(two.fellBack).toBeUndefined();
  });

  it('a child process killed in the middle: the one-thread path does the file from the start, the same result, nothing left behind', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    const g = { ...base, households: many(400), pieceBytes: 200 };
    writeFileSync(input, csvOf(g));
    const one = await run(input, join(d, 'one.csv'), g, 1);
    const two = await run(input, join(d, 'two.csv'), g, 2, { onChildren: (pids: readonly number[]) => process.kill(pids[0]!, 'SIGKILL') });
    expect(two.fellBack).toMatch(/child process exited \(SIGKILL\)|cannot reach the child process/);
    expect({ ...two, fellBack: undefined }).toEqual({ ...one, fellBack: undefined });
    expect(readdirSync(d).sort()).toEqual(['ho.csv', 'one.csv', 'two.csv']);
    expect(childrenLeft()).toEqual([]);
  });

  it('SIGINT in the middle of a run: the process ends by the signal, its children with it, no temporary file left, an existing output untouched', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    writeFileSync(input, csvOf({ ...base, households: many(3000, () => '') }));
    const out = join(d, 'kq.csv');
    writeFileSync(out, 'the old output\n');
    // a separate process (the signal ends it), with pieces of a few rows so the run lasts
    const script = join(d, 'run.mjs');
    const src = (f: string): string => pathToFileURL(resolve('src/io', f)).href;
    writeFileSync(
      script,
      `import { classifyRegisterFile } from ${JSON.stringify(src('classifyRegisterFile.ts'))};
import { PARALLEL_TUNING } from ${JSON.stringify(src('_parallelRegister.ts'))};
await classifyRegisterFile(${JSON.stringify(input)}, { asOf: '2024-01-01', out: ${JSON.stringify(out)}, threads: 2, onFailure: () => {},
  [PARALLEL_TUNING]: { minBytes: 0, pieceBytes: 64, onChildren: (pids) => console.log('children ' + pids.join(' ')) } });
console.log('done');`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pids = await new Promise<number[]>((done) => {
      let text = '';
      child.stdout.on('data', (b: Buffer) => {
        text += b.toString();
        const m = /children ([\d ]+)\n/.exec(text);
        if (m) done(m[1]!.trim().split(' ').map(Number));
      });
    });
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.on('exit', (c, s) => r([c, s])));
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGINT' });
    expect(pids).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 200));
    // gone, or dead and not yet reaped by its new parent (a zombie)
    const state = (pid: number): string => (existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0]! : 'gone');
    for (const pid of pids) expect(['gone', 'Z']).toContain(state(pid));
    expect(readdirSync(d).sort()).toEqual(['ho.csv', 'kq.csv', 'run.mjs']);
    expect(readFileSync(out, 'utf8')).toBe('the old output\n');
  }, 60_000);

  describe('properties', () => {
    // each run starts a child process (about a fifth of a second): fewer runs than the other properties
    it('several threads equal one thread: output bytes, messages and their order, counts, errors', async () => {
      await fc.assert(
        fc.asyncProperty(register, async (g) => {
          const { two } = await compare(g);
          const unique = new Set(g.households.map((h) => h.id)).size === g.households.length;
          if (unique && g.repeats.length === 0 && g.bad.length === 0 && g.totals === undefined && two.fellBack !== undefined) throw new Error(`fell back: ${two.fellBack}`);
        }),
        { numRuns: 30 },
      );
    }, 120_000);
  });
});
