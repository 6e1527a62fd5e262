import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../src/io/csv.js';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import { firstIssue } from '../_helpers/errors.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'xã,hộ nghèo,ghi chú\r\n"Phường 1, Rạch Giá",1.171,"dòng một\r\ndòng ""hai"""\r\nVĩnh Quang,285,\r\n';
    expect(parseCsv(text)).toEqual([
      ['xã', 'hộ nghèo', 'ghi chú'],
      ['Phường 1, Rạch Giá', '1.171', 'dòng một\r\ndòng "hai"'],
      ['Vĩnh Quang', '285', ''],
    ]);
  });

  it('drops a UTF-8 byte-order mark and accepts LF, CRLF and CR line endings', () => {
    expect(parseCsv('\uFEFFa,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']]);
    // a mark that is not at the very start is data
    expect(parseCsv('a,\uFEFFb')).toEqual([['a', '\uFEFFb']]);
  });

  it('treats every line break as the end of a record', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\r\n')).toEqual([['']]);
    expect(parseCsv('a\r\n\r\nb')).toEqual([['a'], [''], ['b']]);
    expect(parseCsv('a,')).toEqual([['a', '']]);
    expect(parseCsv('""')).toEqual([['']]);
    expect(parseCsv('"",""\n')).toEqual([['', '']]);
  });

  it('keeps spaces and leading zeros exactly as written', () => {
    expect(parseCsv(' 01 , 0,70 ')).toEqual([[' 01 ', ' 0', '70 ']]);
  });

  it('reads a semicolon-separated file (Excel set to Vietnamese)', () => {
    expect(parseCsv('xã;tỷ lệ\nPhường 1;0,70\n', { delimiter: ';' })).toEqual([['xã', 'tỷ lệ'], ['Phường 1', '0,70']]);
  });

  it('names the row and column of an unterminated quote', () => {
    const found = firstIssue(() => parseCsv('a,b\r\nc,"never closed\r\nmore', { source: 'ho.csv' }));
    expect(found.code).toBe('unterminated-quote');
    expect(found.path).toEqual(['ho.csv', 2, 2]);
    expect(found.message).toBe('ho.csv, row 2, column 2: a quoted field is never closed');
    expect(firstIssue(() => parseCsv('"')).path).toEqual([1, 1]);
  });

  it('refuses a stray quote and text after a closing quote', () => {
    const stray = firstIssue(() => parseCsv('x,y\nab"c,d'));
    expect(stray.code).toBe('unexpected-quote');
    expect(stray.path).toEqual([2, 1]);
    const after = firstIssue(() => parseCsv('x,"a"b'));
    expect(after.code).toBe('unexpected-character');
    expect(after.path).toEqual([1, 2]);
  });
});

describe('formatCsv', () => {
  it('quotes only what needs quoting', () => {
    expect(formatCsv([['xã', 'ghi chú'], ['Phường 1', 'có "dấu", phẩy']])).toBe('xã,ghi chú\r\nPhường 1,"có ""dấu"", phẩy"\r\n');
    expect(formatCsv([['a\nb', 'c\rd', '0,70']], { delimiter: ';', newline: '\n' })).toBe('"a\nb";"c\rd";0,70\n');
    expect(formatCsv([['a']], { bom: true })).toBe('\uFEFFa\r\n');
    expect(formatCsv([])).toBe('');
  });

  it('refuses a row with no fields', () => {
    const found = firstIssue(() => formatCsv([['a'], []]));
    expect(found.code).toBe('empty-row');
    expect(found.path).toEqual([1]);
  });

  describe('properties', () => {
    const field = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'ệ', ',', ';', '"', '\r', '\n', ' ', '\t', '\uFEFF', '1', '.') }),
      fc.string({ unit: 'grapheme' }),
    );
    const rows = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 8 });
    const options = fc.record(
      {
        delimiter: fc.constantFrom(',' as const, ';' as const, '\t' as const),
        newline: fc.constantFrom('\r\n' as const, '\n' as const),
        bom: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    it('format then parse gives the rows back', () => {
      fc.assert(
        fc.property(rows, options, (rs, opts) => {
          const dialect = opts.delimiter !== undefined ? { delimiter: opts.delimiter } : {};
          expect(parseCsv(formatCsv(rs, opts), dialect)).toEqual(rs);
        }),
      );
    });
    it('parse then format then parse is stable for any text the reader accepts', () => {
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', 'ư') }), (text) => {
          let parsed: string[][];
          try {
            parsed = parseCsv(text);
          } catch (e) {
            expect(e).toBeInstanceOf(VnPovertyError);
            return;
          }
          expect(parseCsv(formatCsv(parsed))).toEqual(parsed);
        }),
      );
    });
  });
});
