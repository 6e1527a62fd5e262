import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { documentModel } from '../../src/documents/documentModel.js';
import { sectionYear, startYearOf, yearOfSentence } from '../../src/documents/_yearStart.js';

// A commune's plan for 2025 prints the start of 2024 and the review at the end of 2024, then, under
// the targets of 2025, a target “so với đầu năm”: the start of 2025 is the end-of-2024 review
// (đầu năm Y = cuối năm Y−1), never the “đầu năm 2024” printed first. Titles are plain paragraphs,
// as Word plans typed without heading styles print them.

const para = (text: string) => ({ kind: 'paragraph' as const, text });

const START_2024 = 'Theo kết quả rà soát cuối năm 2023, đầu năm 2024 toàn xã có 2.846 hộ dân cư, trong đó có 481 hộ nghèo, chiếm 16,90% và 246 hộ cận nghèo, chiếm 8,64%.';
const END_2024 = 'Kết quả rà soát cuối năm 2024, toàn xã có 2.870 hộ dân cư, còn 385 hộ nghèo, chiếm 13,41%; 238 hộ cận nghèo, chiếm 8,29%.';
const TARGET = '- Phấn đấu giảm 108 hộ nghèo, đưa số hộ nghèo xuống còn 277 hộ, tỷ lệ hộ nghèo còn 9,65%, giảm 3,76 điểm % so với đầu năm.';

const plan = (blocks: ReadonlyArray<ReturnType<typeof para>>) =>
  documentModel([para('KẾ HOẠCH'), para('Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025 trên địa bàn xã Tả Van Chư'), ...blocks]);
const errors = (model: ReturnType<typeof documentModel>): string[] =>
  checkDocument(model).findings.filter((f) => f.severity === 'error').map((f) => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`);
const changes = (model: ReturnType<typeof documentModel>): string[] =>
  checkDocument(model).claims.filter((c) => c.kind === 'change' || c.kind === 'rate-count').map((c) => `${c.summary}: ${c.status}`);

describe('a target “so với đầu năm” starts at the start of the year its section is about', () => {
  const sections = (target: string, heading = 'II. MỤC TIÊU, CHỈ TIÊU NĂM 2025') => [para('I. KẾT QUẢ THỰC HIỆN NĂM 2024'), para(START_2024), para(END_2024), para(heading), para(target)];

  it('a plan for 2025: from the review at the end of 2024 (385 hộ, 13,41% of 2.870), not from “đầu năm 2024”', () => {
    const model = plan(sections(TARGET));
    expect(errors(model)).toEqual([]);
    expect(changes(model).slice(-3)).toEqual(['385 hộ → 277 hộ: down 108 hộ: consistent', 'poor 9,65% = 277 hộ: consistent', '13,41% → 9,65%: down 3,76 điểm %: consistent']);
  });

  it('its twin with a wrong fall of the rate is still found, against the end of 2024', () => {
    expect(errors(plan(sections(TARGET.replace('3,76', '3,86'))))).toEqual(['change-mismatch “3,86 điểm %” → 3,76%']);
  });

  it('a report: under “II. PHƯƠNG HƯỚNG NĂM 2026” the start is the end of 2025, not “Đầu năm 2025”', () => {
    const model = documentModel([
      para('BÁO CÁO'),
      para('Kết quả thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025, phương hướng nhiệm vụ năm 2026 của xã Long Hiệp'),
      para('I. KẾT QUẢ THỰC HIỆN'),
      para('Đầu năm 2025, xã có 2.332 hộ dân cư, trong đó có 291 hộ nghèo, chiếm 12,48%; 260 hộ cận nghèo, chiếm 11,15%.'),
      para('Đến cuối năm 2025, toàn xã có 2.369 hộ dân cư, còn 219 hộ nghèo, chiếm 9,24%.'),
      para('II. PHƯƠNG HƯỚNG NĂM 2026'),
      para('Phấn đấu giảm 48 hộ nghèo, đưa số hộ nghèo xuống còn 171 hộ, tỷ lệ hộ nghèo còn 7,22%, giảm 2,02 điểm % so với đầu năm.'),
    ]);
    expect(errors(model)).toEqual([]);
    expect(changes(model).slice(-3)).toEqual(['219 hộ → 171 hộ: down 48 hộ: consistent', 'poor 7,22% = 171 hộ: consistent', '9,24% → 7,22%: down 2,02 điểm %: consistent']);
  });

  it('“so với đầu năm 2025” written out names the year itself, under a title that names none', () => {
    const model = plan(sections(TARGET.replace('so với đầu năm.', 'so với đầu năm 2025.'), 'II. MỤC TIÊU, CHỈ TIÊU'));
    expect(errors(model)).toEqual([]);
    expect(changes(model).slice(-1)).toEqual(['13,41% → 9,65%: down 3,76 điểm %: consistent']);
  });

  it('silent when the start of that year is not printed (a target for 2026 after figures of 2024 only)', () => {
    const model = plan(sections(TARGET, 'II. MỤC TIÊU NĂM 2026'));
    expect(errors(model)).toEqual([]);
    expect(changes(model).filter((c) => c.includes('277'))).toEqual([]);
  });

  it('silent when two different figures claim the start of 2025', () => {
    const other = 'Đầu năm 2025, toàn xã có 2.870 hộ dân cư, trong đó có 390 hộ nghèo, chiếm 13,59%.';
    const model = plan([para('I. KẾT QUẢ THỰC HIỆN NĂM 2024'), para(START_2024), para(END_2024), para(other), para('II. MỤC TIÊU, CHỈ TIÊU NĂM 2025'), para(TARGET)]);
    expect(errors(model)).toEqual([]);
    expect(changes(model).filter((c) => c.includes('277'))).toEqual([]);
  });
});

describe('the year of a section and of a sentence', () => {
  it('a title names it; a sub-title under it inherits it; a period names none', () => {
    const model = documentModel([para('I. KẾT QUẢ THỰC HIỆN NĂM 2024'), para('II. MỤC TIÊU NĂM 2025'), para('1. Chỉ tiêu chủ yếu'), para('- Phấn đấu …'), para('V. ĐỊNH HƯỚNG GIAI ĐOẠN 2026 - 2030'), para('- Phấn đấu …')]);
    expect([3, 5].map((at) => sectionYear(model.blocks, at))).toEqual([2025, null]);
    expect(sectionYear(documentModel([para('Căn cứ Kế hoạch số 112/KH-UBND ngày 20/02/2025'), para('- Phấn đấu …')]).blocks, 1)).toBeUndefined();
  });

  it('“so với cuối năm 2024” is the start of 2025; two different years name none', () => {
    expect(yearOfSentence('giam 3,76 diem % so voi cuoi nam 2024')).toBe(2025);
    expect(yearOfSentence('giam 3,76 diem % so voi dau nam 2025')).toBe(2025);
    expect(yearOfSentence('nam 2025 giam 108 ho ngheo, so voi dau nam 2024')).toBeNull();
    expect(yearOfSentence('phan dau giam 108 ho ngheo')).toBeUndefined();
  });

  it('property: the start of year Y is “đầu năm Y” and “cuối năm Y−1” alike', () => {
    fc.assert(fc.property(fc.integer({ min: 1990, max: 2099 }), (y) => startYearOf('start', y) === y && startYearOf('end', y - 1) === y));
  });

  it('property: the claims of a target do not depend on whether the start is printed as “đầu năm Y” or “cuối năm Y−1”', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2021, max: 2030 }), fc.integer({ min: 800, max: 3000 }), fc.integer({ min: 60, max: 400 }), fc.integer({ min: 1, max: 50 }), (y, households, poor, cut) => {
        const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, '.');
        // the rate as printed, half-up to 2 decimals, in integers (n ÷ households × 100)
        const rate = (n: number): string => {
          const hundredths = Math.floor((n * 20000 + households) / (2 * households));
          return `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
        };
        const words = (start: string) =>
          changes(
            documentModel([
              para(`II. MỤC TIÊU NĂM ${y}`),
              para(`${start}, toàn xã có ${grouped(households)} hộ dân cư, trong đó có ${poor} hộ nghèo, chiếm ${rate(poor)}%.`),
              para(`Phấn đấu giảm ${cut} hộ nghèo, đưa số hộ nghèo xuống còn ${poor - cut} hộ, tỷ lệ hộ nghèo còn ${rate(poor - cut)}%, giảm 0,01 điểm % so với đầu năm.`),
            ]),
          );
        const start = words(`Đầu năm ${y}`);
        expect(start.filter((c) => c.startsWith(`${poor} hộ → ${poor - cut} hộ`))).toHaveLength(1);
        // the pair's own summary names its date as printed; the target's three claims are the same
        expect(words(`Cuối năm ${y - 1}`).slice(1)).toEqual(start.slice(1));
      }),
      { numRuns: 20 },
    );
  });
});
