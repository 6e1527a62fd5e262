import { HOUSEHOLD_STATUS_LABELS_VI } from '../standards/householdStatus.js';
import type { SpecRelation } from '../reconcile/tableSpec.js';
import type { VillageList } from './householdLists.js';
import type { ReportTable } from './reportTable.js';
import { capitalised, countText, groupText, reportTable, roman, type ReportColumn } from './_reportTable.js';

/**
 * The detailed lists as printed (*Danh sách hộ nghèo, hộ cận nghèo*): *STT*, *Mã hộ*, *Họ và
 * tên chủ hộ*, *Phân loại*, *Dân tộc*, *Số chỉ số thiếu hụt*; a heading row per unit and village
 * (*I*, *Đắk Mol – Bon Bu*), then its households, numbered 1, 2, 3… through the whole list. Its spec
 * checks the numbering (no household skipped or listed twice) and that no deprivation count is
 * below zero.
 *
 * @example
 * householdListsTable(householdLists([{ id: 'b', unit: 'X', village: 'Bon 1', headName: 'Y Bình', status: 'poor', deprivations: ['latrine'] }], { statuses: ['poor'] })).grid.slice(1)
 * //=> [['I', '', 'X – Bon 1', '', '', ''], ['1', 'b', 'Y Bình', 'Hộ nghèo', '', '1']]
 * @see review-procedure §9.
 */
export function householdListsTable(lists: readonly VillageList[]): ReportTable {
  const columns: ReportColumn[] = [
    { key: 'stt', kind: 'row-number', header: ['STT'] },
    { key: 'id', kind: 'text', header: ['Mã hộ'] },
    { key: 'head', kind: 'text', header: ['Họ và tên chủ hộ'], label: true },
    { key: 'status', kind: 'text', header: ['Phân loại'] },
    { key: 'ethnic_group', kind: 'text', header: ['Dân tộc'] },
    { key: 'deprivations', kind: 'count', header: ['Số chỉ số thiếu hụt'] },
  ];
  const rows: string[][] = [];
  let n = 0;
  lists.forEach((v, i) => {
    rows.push([roman(i + 1), '', `${v.unit} – ${groupText(v.village)}`, '', '', '']);
    for (const h of v.households) rows.push([String(++n), h.id, h.headName ?? '', capitalised(HOUSEHOLD_STATUS_LABELS_VI[h.status]), h.ethnicGroup ?? '', countText(h.deprivationCount)]);
  });
  const relations: SpecRelation[] = [
    { type: 'numbering', column: 'stt' },
    { type: 'bound', column: 'deprivations', min: 0 },
  ];
  return reportTable('Danh sách hộ nghèo, hộ cận nghèo', columns, rows, relations, { rounding: 'half-up' }, 'household-lists');
}
