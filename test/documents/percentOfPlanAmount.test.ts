import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/documents/checkDocument.js';
import { documentModel } from '../../src/documents/documentModel.js';
import { formatVnNumber } from '../../src/numbers/formatVnNumber.js';
import { roundQuotient } from '../../src/numbers/rounding.js';

// “giải ngân đạt 92,5% kế hoạch vốn giao (450 tỷ đồng)”: a percentage of a plan amount printed in
// brackets. With the amount disbursed printed too (before it, or after the brackets: “…, tương đương
// 416,25 tỷ đồng”) it is checked as amount ÷ plan × 100, the units (tỷ, triệu, nghìn đồng) converted
// exactly; with the plan only, nothing — and the plan printed earlier in the sentence is never the amount disbursed.

const paragraphs = (...texts: string[]): ReturnType<typeof documentModel> => documentModel(texts.map((text) => ({ kind: 'paragraph' as const, text })));
const found = (...texts: string[]): string[] => checkDocument(paragraphs(...texts)).findings.map((f) => `${f.code} ${f.printed}`);
const claimed = (...texts: string[]): string[] => checkDocument(paragraphs(...texts)).claims.map((c) => `${c.status} ${c.kind}`);

describe('a percentage of a plan amount printed in brackets', () => {
  it('“đã giải ngân 416,25 tỷ đồng, đạt 92,5% kế hoạch (450 tỷ đồng)”: 416,25 ÷ 450 = 92,5%; 95,2% is found at the percentage', () => {
    expect(claimed('Đến ngày 31/12/2024, đã giải ngân 416,25 tỷ đồng, đạt 92,5% kế hoạch (450 tỷ đồng).')).toEqual(['consistent percent-of-plan']);
    const r = checkDocument(paragraphs('Đến ngày 31/12/2024, đã giải ngân 416,25 tỷ đồng, đạt 95,2% kế hoạch (450 tỷ đồng).'));
    expect(r.findings.map((f) => `${f.code} ${f.printed}`)).toEqual(['plans-disagree 95,2%']);
    expect(r.findings[0]!.message).toContain('416,25 tỷ đồng ÷ 450 tỷ đồng × 100 = 92,50%');
  });

  it('the amount disbursed after the brackets (“…, tương đương 416,25 tỷ đồng”) is the one checked', () => {
    expect(claimed('Giải ngân đạt 92,5% kế hoạch vốn giao (450 tỷ đồng), tương đương 416,25 tỷ đồng.')).toEqual(['consistent percent-of-plan']);
    expect(found('Giải ngân đạt 95,2% kế hoạch vốn giao (450 tỷ đồng), tương đương 416,25 tỷ đồng.')).toEqual(['plans-disagree 95,2%']);
    // in triệu đồng against a plan in tỷ đồng: 416.250 triệu = 416,25 tỷ, exactly
    expect(found('Giải ngân đạt 92,5% kế hoạch vốn giao (450 tỷ đồng), tương ứng 416.250 triệu đồng.')).toEqual([]);
    expect(found('Giải ngân đạt 92,5% kế hoạch vốn giao (450 tỷ đồng), tương ứng 461.250 triệu đồng.')).toEqual(['plans-disagree 92,5%']);
  });

  it('the amount done out of the plan in brackets after the percentage (“đạt 92,5% (416,25/450 tỷ đồng)”), or after “với số vốn”', () => {
    expect(claimed('Tỷ lệ giải ngân đạt 92,5% (416,25/450 tỷ đồng).')).toEqual(['consistent percent-of-plan']);
    expect(found('Tỷ lệ giải ngân đạt 95,2% (416,25/450 tỷ đồng).')).toEqual(['plans-disagree 95,2%']);
    expect(found('Giải ngân vốn đạt 92,5% kế hoạch (đạt 416.250/450.000 triệu đồng).')).toEqual([]);
    expect(found('Giải ngân vốn đạt 95,2% kế hoạch (đạt 416.250/450.000 triệu đồng).')).toEqual(['plans-disagree 95,2%']);
    expect(found('Vốn sự nghiệp năm 2024 giải ngân đạt 92,5% kế hoạch vốn giao (450 tỷ đồng), với số vốn 416,25 tỷ đồng.')).toEqual([]);
    expect(found('Vốn sự nghiệp năm 2024 giải ngân đạt 95,2% kế hoạch vốn giao (450 tỷ đồng), với số vốn 416,25 tỷ đồng.')).toEqual(['plans-disagree 95,2%']);
    // a rate with its count over its base stays a rate
    expect(claimed('Tỷ lệ hộ nghèo đạt 5,26% (338/6.420 hộ).')).toEqual(['consistent rate-count']);
  });

  it('the plan named with its source (“kế hoạch vốn Trung ương giao”, “… đầu tư phát triển đã giao”) is read in its brackets', () => {
    expect(claimed('Đã giải ngân 416,25 tỷ đồng, đạt 92,5% kế hoạch vốn Trung ương giao (450 tỷ đồng).')).toEqual(['consistent percent-of-plan']);
    expect(found('Đã giải ngân 416,25 tỷ đồng, đạt 93,5% kế hoạch vốn đầu tư phát triển đã giao (450 tỷ đồng).')).toEqual(['plans-disagree 93,5%']);
  });

  it('units converted exactly: 3.250.000 nghìn đồng of 4 tỷ đồng is 81,25%', () => {
    expect(found('Vốn sự nghiệp đã giải ngân 3.250.000 nghìn đồng, đạt 81,25% kế hoạch (4 tỷ đồng).')).toEqual([]);
    expect(found('Vốn sự nghiệp đã giải ngân 3.250.000 nghìn đồng, đạt 82,15% kế hoạch (4 tỷ đồng).')).toEqual(['plans-disagree 82,15%']);
  });

  it('the percentage and the plan only: nothing to check, and the plan printed before is not the amount disbursed', () => {
    expect(claimed('Giải ngân đạt 92,5% kế hoạch vốn giao (450 tỷ đồng).')).toEqual([]);
    expect(found('Giải ngân đạt 92,5% kế hoạch vốn giao (450 tỷ đồng).')).toEqual([]);
    // before: 450 tỷ đồng was read as disbursed, “92,5% of 450 is not 450” — a false finding
    const text = 'Tổng kế hoạch vốn năm 2024 được giao là 450 tỷ đồng, đến ngày 31/01/2025 giải ngân đạt 92,5% kế hoạch vốn giao (450 tỷ đồng).';
    expect(found(text)).toEqual([]);
    expect(claimed(text)).toEqual([]);
    // the plan restated in another unit inside the brackets is no amount disbursed
    expect(found('Giải ngân đạt 92,5% kế hoạch vốn giao (450 tỷ đồng, tương đương 450.000 triệu đồng).')).toEqual([]);
    expect(found('Kế hoạch giao 245 hộ thoát nghèo, đạt 104,49% kế hoạch.')).toEqual([]);
  });

  it('a report paragraph printed right stays silent', () => {
    const text =
      'Kế hoạch vốn năm 2024 của Chương trình được giao là 450 tỷ đồng. Đến ngày 31/01/2025, toàn tỉnh đã giải ngân 416,25 tỷ đồng, đạt 92,5% kế hoạch vốn giao (450 tỷ đồng); ' +
      'trong đó vốn đầu tư phát triển giải ngân đạt 94,0% kế hoạch vốn đầu tư phát triển đã giao (300 tỷ đồng), tương đương 282 tỷ đồng; vốn sự nghiệp giải ngân 134.250 triệu đồng, đạt 89,5% kế hoạch (150 tỷ đồng).';
    expect(found(text)).toEqual([]);
    // 416,25 tỷ = 282 tỷ + 134.250 triệu, each share of its own plan
    expect(claimed(text)).toEqual(['consistent total-with-parts', 'consistent percent-of-plan', 'consistent percent-of-plan', 'consistent percent-of-plan']);
  });

  describe('properties', () => {
    it('a percentage printed half-up to two decimals from triệu đồng over a plan in tỷ đồng is silent; 0,1 point off is found', () => {
      fc.assert(
        fc.property(fc.integer({ min: 10, max: 5_000 }), fc.integer({ min: 200, max: 1_000 }), fc.integer({ min: 10, max: 300 }), fc.boolean(), (planTy, permille, off, up) => {
          const doneTrieu = Math.floor((planTy * 1000 * permille) / 1000);
          const units = Number(roundQuotient(BigInt(doneTrieu) * 10_000n, BigInt(planTy) * 1000n, 'half-up'));
          const pct = (u: number): string => formatVnNumber({ num: BigInt(u), den: 100n }, { decimals: 2 });
          const text = (u: number): string => `Đến hết năm 2025, đã giải ngân ${formatVnNumber(doneTrieu, { decimals: 0 })} triệu đồng, đạt ${pct(u)}% kế hoạch vốn giao (${formatVnNumber(planTy, { decimals: 0 })} tỷ đồng).`;
          expect(found(text(units))).toEqual([]);
          const wrong = up || units - off < 1 ? units + off : units - off;
          expect(found(text(wrong))).toEqual([`plans-disagree ${pct(wrong)}%`]);
        }),
        { numRuns: 200 },
      );
    });
  });
});
