import { describe, expect, it } from 'vitest';
import { combineHeaderRows, combineHeaderRowsWithGroups, isSignatureCell, villageOfHeading, signatureRowKind, skippedRowKind } from '../../src/io/_registerRows.js';

describe('skippedRowKind', () => {
  const header = { cells: ['Mã hộ', 'Khu vực', 'Số nhân khẩu'], rows: [1], printed: [['Mã hộ', 'Khu vực', 'Số nhân khẩu']] };
  it.each([
    [['Tổng cộng', null, 7], 'totals'],
    [['Cộng', null, 7], 'totals'],
    [['Tổng cộng: 4 hộ'], 'totals'],
    [['Thôn 1'], 'section'],
    [['Ấp Tân Hòa'], 'section'],
    [['I. Hộ nghèo'], 'section'],
    [['MÃ HỘ', 'khu vuc', 'Số nhân khẩu'], 'header'],
    [['1', '2', '3'], 'column-numbers'],
    [['(1)', '(2)', '(3)'], 'column-numbers'],
  ] as const)('%j in the id column is %s', (cells, kind) => {
    expect(skippedRowKind(cells, header, 0)).toBe(kind);
  });

  it.each([[['TONG-01']], [['TO-05']], [['TONG01', 'Nông thôn', 3]], [['H1', 'Nông thôn', 3]], [['1', '3', '2']], [[null, 'Nông thôn', 3]]] as const)('%j is a household row (read, or refused, as usual)', (cells) => {
    expect(skippedRowKind(cells, header, 0)).toBeUndefined();
  });

  it('one word outside the id column is a heading; a household row with its id blank is not', () => {
    const h = { cells: ['STT', 'Mã hộ', 'Khu vực'], rows: [1], printed: [['STT', 'Mã hộ', 'Khu vực']] };
    expect(skippedRowKind(['Nguyễn Văn A'], h, 1)).toBe('section');
    expect(skippedRowKind(['3', null, 'Nông thôn'], h, 1)).toBeUndefined();
    expect(skippedRowKind(['3', 'H3', 'Nông thôn'], h, 1)).toBeUndefined();
    expect(skippedRowKind(['Tổng cộng', '4 hộ', null], h, 1)).toBe('totals');
    expect(skippedRowKind(['Nguyễn Văn A', 'H3', 'Nông thôn'], h, 1)).toBeUndefined();
    // the surname Tống and the name Công are not Tổng and Cộng
    expect(skippedRowKind(['Tống Văn Bình', 'H4', 'Nông thôn'], h, 1)).toBeUndefined();
    expect(skippedRowKind(['Công Thị Hà', null, 'Nông thôn'], h, 1)).toBeUndefined();
    expect(skippedRowKind(['TỔNG CỘNG', null, null, 9], h, 1)).toBe('totals');
    expect(skippedRowKind(['Tong cong', null, null, 9], h, 1)).toBe('totals');
  });
});

describe('combineHeaderRows', () => {
  it('reads a second row under its group: indicators under Thiếu hụt, a unit under its header, other pairs as group: column', () => {
    expect(
      combineHeaderRows(
        ['Mã hộ', 'Thu nhập bình quân', 'Thiếu hụt các chỉ số', null, 'Nguyên nhân nghèo', null],
        [null, 'đồng/người/tháng', 'Việc làm', 'BHYT', 'Thiếu vốn', 'Ốm đau, tai nạn'],
      ),
    ).toEqual(['Mã hộ', 'Thu nhập bình quân (đồng/người/tháng)', 'Thiếu hụt: Việc làm', 'Thiếu hụt: BHYT', 'Nguyên nhân nghèo: Thiếu vốn', 'Nguyên nhân nghèo: Ốm đau, tai nạn']);
  });
});

describe('combineHeaderRowsWithGroups', () => {
  it('under a dimension header a sub-header that names an indicator is that indicator, the dimension kept; any other stays group: column', () => {
    const namesIndicator = (t: string): boolean => ['Bảo hiểm y tế', 'Dinh dưỡng'].includes(t);
    expect(combineHeaderRowsWithGroups(['Mã hộ', 'Y tế', null, 'Nhà ở'], [null, 'Dinh dưỡng', 'Bảo hiểm y tế', 'Diện tích (m2)'], namesIndicator)).toEqual({
      cells: ['Mã hộ', 'Thiếu hụt: Dinh dưỡng', 'Thiếu hụt: Bảo hiểm y tế', 'Nhà ở: Diện tích (m2)'],
      dimensions: [undefined, 'Y tế', 'Y tế', undefined],
    });
    // a group that is not a dimension is read as before
    expect(combineHeaderRowsWithGroups(['Mã hộ', 'Hỗ trợ', null], [null, 'Dinh dưỡng', 'Bảo hiểm y tế'], namesIndicator).cells).toEqual(['Mã hộ', 'Hỗ trợ: Dinh dưỡng', 'Hỗ trợ: Bảo hiểm y tế']);
  });
});

describe('villageOfHeading', () => {
  it.each([
    ['Thôn 1', 'Thôn 1'],
    ['II. Thôn Đồng Tâm', 'Thôn Đồng Tâm'],
    ['2. Ấp Tân Hòa', 'Ấp Tân Hòa'],
    ['Tổ dân phố 3', 'Tổ dân phố 3'],
    ['BẢN NÀ LỪA', 'BẢN NÀ LỪA'],
  ])('%s names the village %s', (heading, village) => {
    expect(villageOfHeading(heading)).toBe(village);
  });

  it.each(['I. Hộ nghèo', 'Xã Tân Lập', 'Tổng cộng', 'Hộ cận nghèo'])('%s names none', (heading) => {
    expect(villageOfHeading(heading)).toBeUndefined();
  });
});

describe('signatureRowKind', () => {
  it.each([
    [[null, null, 'Người lập biểu', null, 'TM. UBND XÃ'], 'signature'],
    [[null, 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trưởng thôn', 'Xác nhận của UBND xã'], 'signature'],
    [[null, '(Ký, ghi rõ họ tên)', null, '(Ký tên, đóng dấu)'], 'signature'],
    [[null, 'Tân Lập, ngày 15 tháng 10 năm 2024'], 'signature'],
    [[null, 'Kế toán', 'Thủ trưởng đơn vị'], 'signature'],
    [[null, 'Người lập biểu', null, 'x'], 'mixed'],
    [[null, 'Người lập biểu', null, 1500000], 'mixed'],
    [['TL-005', 'Người lập biểu', 'Nông thôn'], 'mixed'],
  ] as const)('%j is %s', (cells, kind) => {
    expect(signatureRowKind(cells, 0, false)).toBe(kind);
  });

  it('names are a signature block’s only under its titles, never in the id column', () => {
    expect(signatureRowKind([null, 'Nguyễn Thị Hoa', null, 'Phạm Văn Minh'], 0, true)).toBe('names');
    expect(signatureRowKind([null, 'Nguyễn Thị Hoa', null, 'Phạm Văn Minh'], 0, false)).toBeUndefined();
    expect(signatureRowKind(['Nguyễn Thị Hoa'], 0, true)).toBeUndefined();
    // unless a signature's words above it are in the id column too
    expect(signatureRowKind(['Nguyễn Thị Hoa'], 0, true, new Set([0]))).toBe('names');
    expect(signatureRowKind(['Nguyễn Thị Hoa', 'Nông thôn', 4], 0, true, new Set([0]))).toBeUndefined();
    expect(signatureRowKind([null, 'Nguyễn Thị Hoa', 'Nông thôn', 4], 0, true)).toBeUndefined();
  });

  it.each(['Người lập biểu', 'TM. UBND XÃ', 'KT. CHỦ TỊCH', 'Chủ tịch UBND xã', 'Trưởng ấp', '(Đã ký)', 'ngày ... tháng ... năm 2024'])('%s is a signature’s words', (t) => {
    expect(isSignatureCell(t)).toBe(true);
  });

  it.each(['TL-001', 'Thôn 1', 'Nông thôn', 'Nguyễn Văn An', 'x', 'Chủ hộ là người cao tuổi', 'Người phụ thuộc', 'Kế hoạch 2025', 'Ngày rà soát'])('%s is not', (t) => {
    expect(isSignatureCell(t)).toBe(false);
  });
});
