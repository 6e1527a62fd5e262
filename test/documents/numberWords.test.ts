import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumberWords } from '../../src/documents/_numberWords.js';
import { proseFigures } from '../../src/documents/_proseFigures.js';
import { checkDocument } from '../../src/documents/checkDocument.js';
import type { CheckFinding } from '../../src/documents/checkReport.js';
import { figureInterval } from '../../src/documents/_figureInterval.js';
import { formatInterval, intervalContains } from '../../src/numbers/interval.js';
import { readTextDocument } from '../../src/io/readTextDocument.js';
import { readFixture } from '../_helpers/fixtures.js';

const read = (phrase: string): string => {
  const r = readNumberWords(phrase.split(' '));
  return 'value' in r ? r.value.toString() : r.unread;
};
const brief = (f: CheckFinding): string => `${f.code} “${f.printed ?? ''}” → ${f.expected ?? ''}`;

/** A number 1–999.999.999 in words as a careful official writes it (folded): “không trăm”, “linh”, “mốt”, “tư”, “lăm”. */
function inWords(n: number): string {
  const d = ['khong', 'mot', 'hai', 'ba', 'bon', 'nam', 'sau', 'bay', 'tam', 'chin'];
  const group = (g: number, full: boolean): string[] => {
    const h = Math.floor(g / 100);
    const t = Math.floor((g % 100) / 10);
    const u = g % 10;
    const out: string[] = full || h > 0 ? [d[h]!, 'tram'] : [];
    if (t === 0 && u > 0) out.push(...(out.length > 0 ? ['linh', d[u]!] : [d[u]!]));
    if (t === 1) out.push('muoi', ...(u === 0 ? [] : [u === 5 ? 'lam' : d[u]!]));
    if (t > 1) out.push(d[t]!, 'muoi', ...(u === 0 ? [] : [u === 1 ? 'mot' : u === 4 ? 'tu' : u === 5 ? 'lam' : d[u]!]));
    return out;
  };
  const parts: string[] = [];
  const scales: Array<[number, string]> = [[1e6, 'trieu'], [1e3, 'nghin'], [1, '']];
  let rest = n;
  for (const [size, word] of scales) {
    const g = Math.floor(rest / size);
    rest %= size;
    if (g === 0) continue;
    parts.push(...group(g, parts.length > 0), ...(word === '' ? [] : [word]));
  }
  return parts.join(' ');
}

describe('numbers in words', () => {
  it('reads the numbers officials write in words, exactly', () => {
    expect(read('mot nghin hai tram')).toBe('1200');
    expect(read('hai tram nam muoi')).toBe('250');
    expect(read('ba muoi lam')).toBe('35');
    expect(read('hai muoi mot')).toBe('21');
    expect(read('ba muoi tu')).toBe('34');
    expect(read('muoi lam')).toBe('15');
    expect(read('mot tram linh nam')).toBe('105');
    expect(read('mot nghin khong tram nam muoi')).toBe('1050');
    expect(read('hai trieu nam tram nghin')).toBe('2500000');
    expect(read('mot nghin ty')).toBe('1000000000000');
    expect(read('hai van')).toBe('20000');
  });

  it('a phrase spoken shorthand reads two ways is ambiguous, one that makes no number unreadable: never guessed', () => {
    expect(read('hai tram nam')).toBe('ambiguous');
    expect(read('mot nghin hai')).toBe('ambiguous');
    expect(read('hai ba tram')).toBe('unreadable');
    expect(read('nghin hai tram')).toBe('unreadable');
    expect(read('mot trieu hai trieu')).toBe('unreadable');
  });

  it('words that fold like numbers are not numbers: “sau hỗ trợ”, “trong năm hộ”, “một hộ”, “đầu tư”; “từ” before a number is not part of it', () => {
    const figures = (t: string): string[] => proseFigures(t).map((f) => `${f.text}=${f.digits}`);
    expect(figures('Sau hỗ trợ, trong năm hộ nghèo được vay vốn; mỗi một hộ được đầu tư 20 triệu đồng.')).toEqual(['20 triệu đồng=20']);
    // a capital inside a sentence is a name: “huyện Năm Căn”, “xã Hai Mươi Căn” (invented)
    expect(figures('Tại xã Hai Mươi Căn và huyện Năm Căn.')).toEqual([]);
    expect(figures('Một trăm hộ được hỗ trợ.')).toEqual(['Một trăm hộ=100']);
    expect(figures('Hỗ trợ từ hai trăm hộ, Hơn hai trăm hộ; ba mươi lăm phần trăm; năm trăm triệu đồng.')).toEqual(['hai trăm hộ=200', 'Hơn hai trăm hộ=200', 'ba mươi lăm phần trăm=35', 'năm trăm triệu đồng=500']);
  });

  it('a figure with a scale word is its value exactly, and stands for the values that round to it unless a qualifier says more', () => {
    const seen = (t: string): string[] => proseFigures(t).map((f) => `${f.text}=${f.digits} ${formatInterval(figureInterval(f), { decimals: 0 })}`);
    expect(seen('Còn 11,7 nghìn hộ nghèo; trên 1,2 nghìn hộ; 2,5 vạn hộ; 1,2 triệu người; hơn 830 tỷ đồng; khoảng 1,2 nghìn hộ.')).toEqual([
      '11,7 nghìn hộ=11.700 11.650–11.750',
      'trên 1,2 nghìn hộ=1.200 1.200–1.300',
      '2,5 vạn hộ=25.000 24.500–25.500',
      '1,2 triệu người=1.200.000 1.150.000–1.250.000',
      'hơn 830 tỷ đồng=830 830.000.000.000–840.000.000.000',
      'khoảng 1,2 nghìn hộ=1.200 1.150–1.250',
    ]);
    // “văn”, “vẫn” fold like “vạn” but are not a scale
    expect(proseFigures('Có 25 vẫn hộ chưa được hỗ trợ.')).toEqual([]);
  });

  it('a report in scale words and words: every planted error found at its figure, the twin gives nothing', () => {
    const check = (name: string) => checkDocument(readTextDocument(readFixture(`documents/${name}`)));
    const clean = check('scale-words.clean.txt');
    expect(clean.findings).toEqual([]);
    expect(clean.claims.map((c) => `${c.kind}:${c.status}`)).toEqual(['change:consistent', 'total-with-parts:consistent', 'total-with-parts:consistent', 'total-with-parts:consistent']);
    expect(clean.unchecked.some((u) => u.reason.startsWith('“hai trăm năm hộ” is a number in words that reads two ways'))).toBe(true);
    expect(check('scale-words.txt').findings.map(brief)).toEqual([
      'change-mismatch “1.200 hộ” → 700 hộ',
      'parts-exceed-total “1,2 triệu lượt người” → 1.269.000 – 1.271.000 lượt người',
      'parts-short-of-total “hơn 830 tỷ đồng” → 818,0 tỷ đồng',
      'parts-exceed-total “một trăm năm mươi hộ” → 155 hộ',
    ]);
  });

  describe('properties', () => {
    it('a figure with a scale word is the number times the scale, exactly, and its interval holds it', () => {
      const scales: Array<[string, bigint]> = [['nghìn', 1_000n], ['vạn', 10_000n], ['triệu', 1_000_000n]];
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), (whole, frac, decimals, k) => {
          const [word, factor] = scales[k]!;
          const fracText = decimals === 0 ? '' : String(frac % 10 ** decimals).padStart(decimals, '0');
          const printed = fracText === '' ? String(whole) : `${whole},${fracText}`;
          const [f] = proseFigures(`Toàn tỉnh còn ${printed} ${word} hộ nghèo.`);
          const exact = (BigInt(`${whole}${fracText}`) * factor) / 10n ** BigInt(decimals);
          return f !== undefined && f.value.num === exact * f.value.den && f.scale?.factor === factor && intervalContains(figureInterval(f), exact);
        }),
      );
    });

    it('a number written in words reads back as itself', () => {
      fc.assert(fc.property(fc.integer({ min: 1, max: 999_999_999 }), (n) => read(inWords(n)) === String(n)));
    });
  });
});
