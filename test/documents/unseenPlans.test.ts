import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding, CheckReport } from '../../src/documents/checkReport.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readDocxDocument } from '../../src/io/readDocxDocument.js';
import { readFixture } from '../_helpers/fixtures.js';
import { wordPlan } from '../_helpers/wordProse.js';

// Plans the checker had never seen (test/fixtures/documents/README.md): a Central Highlands district's
// plan and a Mekong province's resolution, each with planted errors and an error-free twin, and a real
// report of Nghệ An's 2021–2025 results. Each planted error is found at its figure with the amount it is off.

const check = (text: string): CheckReport => checkDocument(readTextDocument(text));
const fixture = (name: string): string => readFixture(`documents/${name}`);
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''} (${f.difference ?? ''})`;

describe('unseen plans: every planted error at its figure, the twin gives nothing', () => {
  it('a highland district’s plan: a year’s flow, a yearly average, “gấp K lần”, a rate range and its households, a budget and a subtotal', () => {
    expect(check(fixture('highland-district.clean.txt')).findings).toEqual([]);
    const r = check(fixture('highland-district.txt'));
    expect(r.findings.map(brief)).toEqual([
      // 2.946 − 821 + 95 + 143 = 2.363: the exits 812 typed 821
      'flow-mismatch “2.372 hộ” → 2.363 hộ (9)',
      // (15,42 − 9,66) ÷ 3 = 1,92, printed with two digits swapped
      'average-mismatch “1,29%” → 1,92% (-0.63)',
      'ratio-mismatch “2,8 lần” → 2,5 lần (0.28)',
      // 1,5% of 24.560 = 368,4, printed 386
      'target-count-mismatch “386 hộ” → 368 hộ (17.6)',
      'parts-short-of-total “18.734,5 triệu đồng” → 18.554,5 triệu đồng (180)',
      'parts-exceed-total “5.520 triệu đồng” → 6.520 triệu đồng (-1000)',
    ]);
    const text = fixture('highland-district.txt');
    const blocks = readTextDocument(text).blocks;
    const block = (n: number): string => { const b = blocks[n - 1]!; return b.kind === 'table' ? '' : b.text; };
    // each at its figure: the characters located are the figure printed
    for (const f of r.findings.slice(0, 4)) expect(block(f.location.block).slice(f.location.start, f.location.end)).toContain(f.printed!.replace(/^gấp /, '').split(' ')[0]!);
    expect(r.findings[0]!.message).toContain('off by 9');
    expect(r.findings[1]!.message).toContain('off by 0,63 points');
  });

  it('a Mekong province’s resolution: “số hộ thoát nghèo là …; số hộ tái nghèo: …”, “còn lại”, a share of the budget, “(tương ứng giảm A-B hộ)”', () => {
    const clean = check(fixture('delta-resolution.clean.txt'));
    expect(clean.findings).toEqual([]);
    expect(clean.claims.filter((c) => c.status === 'consistent').map((c) => c.kind)).toEqual(['rate-count', 'flow', 'yearly-average', 'ratio', 'total-with-parts', 'reduction-target']);
    expect(check(fixture('delta-resolution.txt')).findings.map(brief)).toEqual([
      'flow-mismatch “4.602 hộ” → 4.620 hộ (-18)',
      'average-mismatch “1,32%” → 1,23% (0.09)',
      'ratio-mismatch “2 lần” → 3,0 lần (-1.02)',
      'share-mismatch “15,69%” → 16,59% (-0.9)',
      'target-count-mismatch “2.850 hộ” → 2.580 hộ (269.9)',
    ]);
  });

  it('a northern mountain commune’s report: labels before the figures (“số hộ nghèo đầu kỳ: 312 hộ; số hộ thoát nghèo trong năm: 58 hộ; …”), a breakdown in brackets, “giai đoạn 2022-2024”', () => {
    expect(check(fixture('mountain-commune.clean.txt')).findings).toEqual([]);
    const r = check(fixture('mountain-commune.txt'));
    expect(r.findings.map(brief)).toEqual([
      'flow-mismatch “260 hộ” → 233 hộ (27)',
      'ratio-mismatch “6,4 lần” → 4,6 lần (1.78)',
      // 7,47 points over 2022-2024: 3 years (or 2, if the period began at the end of 2022)
      'average-mismatch “2,94%” → 3,74 or 2,49% (0.45)',
      'parts-exceed-total “2.456,8 triệu đồng” → 2.465,8 triệu đồng (-9)',
      'target-count-mismatch “73 hộ” → 37 hộ (35.7)',
    ]);
  });

  it('the three plans as Word documents (no-break spaces in the thousands, decomposed diacritics): the same findings, and none on the twins', async () => {
    for (const name of ['highland-district', 'delta-resolution', 'mountain-commune']) {
      const text = check(fixture(`${name}.txt`)).findings.map(brief);
      const word = checkDocument(readDocxDocument(await wordPlan(fixture(`${name}.txt`)), { source: name })).findings.map((f) => brief(f).replace(/(\d)\u00a0(\d{3})/g, '$1.$2').replace(/(\d) (\d{3})/g, '$1.$2'));
      expect(word, name).toEqual(text);
      expect(checkDocument(readDocxDocument(await wordPlan(fixture(`${name}.clean.txt`)))).findings, name).toEqual([]);
    }
  });

  it('Nghệ An 2021–2025 (real): “giảm 3,64%, bình quân 1,21%/năm” over the years the paragraph names; a wrong average found', () => {
    const text = fixture('real-nghe-an-2021-2025.txt');
    const r = check(text);
    expect(r.findings).toEqual([]);
    expect(r.claims.find((c) => c.kind === 'yearly-average')?.note).toBe('3,64% over 3 years = 1,21% a year, printed 1,21%');
    expect(check(text.replace('bình quân 1,21%/năm', 'bình quân 1,12%/năm')).findings.map(brief)).toEqual(['average-mismatch “1,12%” → 1,21% (-0.09)']);
  });

  it('Nghệ An: “cuối năm 2021 … 66.673 hộ nghèo (chiếm 7,8%) … thì đến cuối năm 2024, … 36.703 hộ (4,16%)”: two years, two bases; a rate typed wrong found', () => {
    const text = fixture('real-nghe-an-2021-2025.txt');
    const pairs = check(text).claims.filter((c) => c.kind === 'rate-count');
    expect(pairs.map((c) => `${c.status} ${c.summary}`)).toEqual([
      'consistent poor 7,8% = 66.673 hộ, cuối năm 2021',
      'consistent near-poor 6,59% = 56.289 hộ, cuối năm 2021',
      'consistent poor 4,16% = 36.703 hộ, cuối năm 2024',
      'consistent near-poor 5,42% = 47.838 hộ, cuối năm 2024',
    ]);
    expect(pairs.map((c) => c.note?.match(/base of ([\d.]+)/)?.[1])).toEqual(['853.511', '853.511', '881.807', '881.807']);
    const planted = check(text.replace('36.703 hộ (4,16%)', '36.703 hộ (4,61%)'));
    expect(planted.findings.map((f) => f.code)).toEqual(['rate-count-pairs-disagree']);
    expect(planted.findings[0]!.message).toContain('4,61% (36.703 hộ) needs 795.298 – 797.024');
  });
});

describe('real reports of Gia Lai (Central Highlands): consistent as printed, no false finding', () => {
  it('“19.965/371.154 hộ thuộc diện nghèo (giảm 5.842 hộ …), chiếm tỷ lệ 5,38%”, “chiếm 8,11% tổng số hộ toàn tỉnh”, “bằng 140,4% so với kế hoạch”', () => {
    expect(check(fixture('real-gia-lai-2020.txt')).findings).toEqual([]);
    expect(check(fixture('real-gia-lai-2023.txt')).findings).toEqual([]);
  });
});

describe('the 2022 and 2023 reviews by region as the press printed them (real): each region on its own base', () => {
  it('“…như sau: Trung du và miền núi phía Bắc 21,92% với 701.461 hộ; Đồng bằng sông Hồng 2,45% với 169.566 hộ; …”: the real 69.239 found, no region on another’s base', () => {
    const text = fixture('real-regions-2022-prose.txt');
    const r = check(text);
    // as published: Đồng bằng sông Hồng's 69.239 poor households (69.329 in the Ministry's table) make the regions 90 short of 1.057.374
    expect(r.findings.map((f) => `${f.code} “${f.printed ?? ''}” (${f.difference ?? ''})`)).toEqual(['parts-short-of-total “1.057.374 hộ” (90)']);
    const tayNguyen = r.claims.filter((c) => c.kind === 'rate-count' && /Tây Nguyên/.test(c.sentence) && c.summary.includes('129.160'));
    expect(tayNguyen.map((c) => c.note)).toEqual(['the 3 pairs for all households of tây nguyên share a base of 1.538.535 – 1.538.826 households']);
    // one digit pair swapped in a copy: the region's three pairs no longer share a base, the wrong rate found
    const planted = check(text.replace('Tây Nguyên 8,39%', 'Tây Nguyên 8,93%'));
    expect(planted.findings.map((f) => `${f.code} “${f.printed ?? ''}”`)).toEqual(['parts-short-of-total “1.057.374 hộ”', 'rate-count-base-mismatch “8,93% (129.160 hộ)”']);
    expect(planted.findings[1]!.expected).toBe('8,39 – 8,40%');
  });

  it('the 2023 review by region (“Vùng Tây Nguyên có tỷ lệ nghèo đa chiều là 12,46%, …; tổng số hộ … là 195.795 hộ”) gives no finding', () => {
    expect(check(fixture('real-regions-2023-prose.txt')).findings).toEqual([]);
  });
});

describe('what looks like a flow, an average or a multiple but is not one gives no finding', () => {
  it('another clause, a breakdown of the exits, exits after the end, a multiple of another year; a qualified average that holds', () => {
    const text = [
      'Tỷ lệ hộ cận nghèo giảm 2,1% so với năm 2022; tỷ lệ hộ nghèo giai đoạn 2021-2023 bình quân mỗi năm giảm 0,8%.',
      'Năm 2024, tỷ lệ hộ nghèo giảm 1,2%, hộ cận nghèo bình quân giảm 0,5%/năm trong giai đoạn 2021-2024.',
      'Đầu năm 2024 có 1.200 hộ nghèo; trong năm có 300 hộ thoát nghèo (trong đó 120 hộ dân tộc thiểu số) và 20 hộ nghèo phát sinh; cuối năm còn 920 hộ nghèo.',
      'Đầu năm 2022 có 5.000 hộ nghèo, đến cuối năm 2024 còn 3.000 hộ nghèo; ba năm qua có 2.500 hộ thoát nghèo.',
      'Thu nhập bình quân của hộ nghèo năm 2024 đạt 28 triệu đồng, tăng gấp 1,5 lần so với năm 2020.',
      'Tỷ lệ hộ nghèo của huyện là 12,5%, gấp 2 lần so với năm 2015 và cao hơn bình quân tỉnh 3,2%.',
      'Tỷ lệ hộ nghèo từ 7,19% năm 2015 dự kiến giảm xuống còn 1,36% vào cuối năm 2020, bình quân mỗi năm giảm khoảng 1,2%.',
      // a change of one year, then the average of another period
      'Năm 2024 tỷ lệ hộ nghèo giảm 0,5% so với năm 2023, bình quân giai đoạn 2021-2025 giảm 1,2%/năm.',
      'Tỷ lệ hộ nghèo giảm 1,2% so với cùng kỳ, bình quân mỗi năm giảm 1,5% trong giai đoạn 2021-2024.',
      // exits before the start; households that moved away (not an exit the flow knows); near-poor households
      'Năm 2023 toàn huyện có 30 hộ thoát nghèo; đầu năm 2024 có 120 hộ nghèo; cuối năm 2024 còn 100 hộ nghèo.',
      'Đầu năm có 500 hộ nghèo, trong năm 80 hộ thoát nghèo, 5 hộ chuyển đi, 10 hộ phát sinh mới; cuối năm còn 425 hộ nghèo.',
      'Hộ cận nghèo đầu năm 420 hộ, thoát cận nghèo 60 hộ, cuối năm còn 380 hộ cận nghèo.',
      // money, not rates
      'Thu nhập bình quân đầu người tăng từ 30 triệu đồng lên 45 triệu đồng, bình quân mỗi năm tăng 13%.',
    ];
    for (const sentence of text) expect(check(sentence).findings).toEqual([]);
    const r = check(text.join('\n\n'));
    // joined in one document, these sentences print two counts of the poor at the start of 2024 (1.200 and 120) and at the end of 2024 (3.000 and 100)
    expect(r.findings.map((f) => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`)).toEqual(['repeated-figure-mismatch “120 hộ” → 1.200 hộ', 'repeated-figure-mismatch “100 hộ” → 3.000 hộ']);
    // “bình quân mỗi năm giảm khoảng 1,2%” of 7,19 − 1,36 = 5,83 over 5 years (1,166): about 1,2, the one average read
    expect(r.claims.filter((c) => c.kind === 'flow' || c.kind === 'yearly-average' || c.kind === 'ratio').map((c) => [c.kind, c.status, c.summary])).toEqual([['yearly-average', 'consistent', '7,19% → 1,36% over 5 years: down khoảng 1,2% a year']]);
  });

  it('a multiple of a figure printed 0 is unchecked, not a failure of the whole check', () => {
    const r = check('Tỷ lệ hộ nghèo của xã Ea Tân là 24,38%, cao gấp 2,5 lần bình quân chung của huyện (0%).\n');
    expect(r.findings).toEqual([]);
    expect(r.claims.map((c) => [c.status, c.kind, c.note])).toEqual([['unchecked', 'ratio', 'the figure compared with is 0']]);
  });

  it('“giai đoạn 2021-2025” alone may be 4 or 5 years', () => {
    expect(check('Giai đoạn 2021-2025, tỷ lệ hộ nghèo giảm 4,5%, bình quân 0,9%/năm.').findings).toEqual([]);
    expect(check('Giai đoạn 2021-2025, tỷ lệ hộ nghèo giảm 4,5%, bình quân 1,13%/năm.').findings).toEqual([]);
    const r = check('Giai đoạn 2021-2025, tỷ lệ hộ nghèo giảm 4,5%, bình quân 1,5%/năm.');
    expect(r.findings.map(brief)).toEqual(['average-mismatch “1,5%” → 1,13 or 0,90% (0.38)']);
  });
});

describe('properties', () => {
  const vn = (n: number, d = 0): string => formatVnNumber(String(n / 10 ** d), { decimals: d });

  it('a flow whose end is start − exits + entries is consistent; any other end is off by its difference', () => {
    fc.assert(
      fc.property(fc.integer({ min: 500, max: 90_000 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: -50, max: 50 }), (start, out, entered, wrong) => {
        const exits = Math.floor((start * out) / 1000);
        const end = start - exits + entered + wrong;
        const r = check(`Đầu năm 2024, toàn xã có ${vn(start)} hộ nghèo. Trong năm có ${vn(exits)} hộ thoát nghèo và ${vn(entered)} hộ nghèo phát sinh mới; cuối năm còn ${vn(end)} hộ nghèo.`);
        expect(r.findings.map((f) => `${f.code} ${f.difference}`)).toEqual(wrong === 0 ? [] : [`flow-mismatch ${wrong}`]);
      }),
    );
  });

  it('an average printed as the change over the years, rounded half-up to 2 decimals, is consistent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 4000 }), fc.integer({ min: 1, max: 1500 }), fc.integer({ min: 2, max: 8 }), (from, drop, years) => {
        const to = Math.max(0, from - drop);
        const avg = Math.floor(((from - to) * 2) / years + 1) >> 1; // half-up of (from − to) ÷ years, in hundredths
        const r = check(`Tỷ lệ hộ nghèo giảm từ ${vn(from, 2)}% cuối năm 2015 xuống còn ${vn(to, 2)}% cuối năm ${2015 + years}, bình quân mỗi năm giảm ${vn(avg, 2)}%.`);
        expect(r.findings).toEqual([]);
        expect(r.claims.map((c) => c.status)).toContain('consistent');
      }),
    );
  });
});
