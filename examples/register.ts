/**
 * A village register of twelve invented households, classified as of 15 October 2024 under the
 * standard in force (NĐ 07/2021/NĐ-CP, Art. 3): status, income per head against the line,
 * deprivations, and the rule that decided. Some households sit exactly on a boundary.
 */
import { classifyHouseholds } from '../src/standards/classifyHouseholds.js';
import type { HouseholdInput } from '../src/standards/household.js';
import { HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABELS_VI } from '../src/standards/householdStatus.js';
import { formatVnNumber } from '../src/numbers/formatVnNumber.js';
import { ND07_2021_INDICATORS } from '../src/standards/indicators.js';

const AS_OF = '2024-10-15';

/** Review-form flags for NĐ 07/2021's 12 indicators: the listed ones deprived, the others not. */
function flags(...deprived: string[]): Record<string, boolean> {
  const ids = ND07_2021_INDICATORS.map((i) => i.id);
  return Object.fromEntries(ids.map((id) => [id, deprived.includes(id)]));
}

const adults = (...ages: number[]): { age: number }[] => ages.map((age) => ({ age }));

const REGISTER: readonly HouseholdInput[] = [
  // exactly on the rural line (4 × 1,500,000), 3 deprivations: poor
  { id: 'R01 Lò Văn An', area: 'rural', monthlyIncome: 6_000_000, members: adults(44, 41, 14, 9), deprivations: flags('health-insurance', 'latrine', 'information-devices') },
  // same income, 2 deprivations: near-poor
  { id: 'R02 Hà Thị Bình', area: 'rural', monthlyIncome: 6_000_000, members: adults(52, 50, 23, 19), deprivations: flags('latrine', 'water-source') },
  // one đồng above the rural line: average, however deprived
  { id: 'R03 Vàng A Chớ', area: 'rural', monthlyIncome: 6_000_001, members: adults(35, 33, 8, 5), deprivations: flags('latrine', 'water-source', 'telecom', 'housing-quality') },
  // exactly on the rural average ceiling (3 × 2,250,000): average
  { id: 'R04 Nguyễn Văn Dũng', area: 'rural', monthlyIncome: 6_750_000, members: adults(60, 58, 30), deprivations: flags() },
  // one đồng above the ceiling: not poor
  { id: 'R05 Trần Thị Em', area: 'rural', monthlyIncome: 6_750_001, members: adults(61, 59, 31), deprivations: flags('telecom') },
  // very low income, no deprivation: near-poor (no income-only path since 2022)
  { id: 'R06 Đinh Văn Giang', area: 'rural', monthlyIncome: 900_000, members: adults(71), deprivations: flags() },
  // facts instead of flags: a rural family of five, per head 1,300,000
  {
    id: 'R07 Sùng Thị Hoa',
    area: 'rural',
    monthlyIncome: 6_500_000,
    members: [
      { age: 38, work: 'wage-without-contract', healthInsurance: true, education: 'primary', monthlySocialAllowance: false },
      { age: 36, work: 'self-employed', healthInsurance: true, education: 'primary', monthlySocialAllowance: false },
      { age: 12, healthInsurance: true, attendingSchool: true, malnourished: false },
      { age: 7, healthInsurance: true, attendingSchool: true, malnourished: true },
      { age: 4, healthInsurance: true, attendingSchool: false, malnourished: false },
    ],
    dwelling: { walls: 'non-durable', columns: 'durable', roof: 'durable', floorArea: '45' },
    safeWater: true,
    hygienicLatrine: true,
    telecom: true,
    informationDevices: ['smartphone'],
  },
  // urban, exactly on the line (2 × 2,000,000), 3 deprivations: poor
  { id: 'U01 Phạm Văn Khoa', area: 'urban', monthlyIncome: 4_000_000, members: adults(67, 65), deprivations: flags('dependants', 'health-insurance', 'housing-area') },
  // urban, three members, one đồng above line × 3 (per head 2,000,000.33…): average
  { id: 'U02 Lê Thị Lan', area: 'urban', monthlyIncome: 6_000_001, members: adults(45, 20, 17), deprivations: flags('housing-area', 'latrine', 'telecom') },
  // urban, 1,800,000 per head, 1 deprivation: near-poor (the same income would be average in a rural commune)
  { id: 'U03 Võ Minh Mẫn', area: 'urban', monthlyIncome: 5_400_000, members: adults(40, 39, 12), deprivations: flags('housing-area') },
  // urban, exactly on the ceiling (4 × 3,000,000): average
  { id: 'U04 Đặng Thị Ngọc', area: 'urban', monthlyIncome: 12_000_000, members: adults(48, 47, 22, 18), deprivations: flags() },
  // urban, comfortably above: not poor
  { id: 'U05 Bùi Quang Phúc', area: 'urban', monthlyIncome: 25_000_000, members: adults(39, 37, 10), deprivations: flags() },
];

const dong = (v: bigint): string => formatVnNumber(v, { decimals: 0 });

/** Classifies the embedded register and returns the report as text. */
export function report(): string {
  const { results, counts } = classifyHouseholds(REGISTER, { asOf: AS_OF });
  const lines: string[] = [];
  lines.push(`Register of ${results.length} households, classified as of ${AS_OF} under ${counts.standardId}`);
  lines.push('');
  for (const r of results) {
    const perHead =
      r.incomePerHeadExact.den === 1n ? dong(r.incomePerHeadExact.num) : `≈${formatVnNumber(r.incomePerHead, { decimals: 2, rounding: 'half-up' })}`;
    lines.push(`${r.id ?? '?'} [${r.area}, ${r.members} member${r.members === 1 ? '' : 's'}]: ${r.status.toUpperCase()} (${r.statusVi})`);
    lines.push(`  income per head ${perHead} đồng ${r.incomeAtOrBelowLine ? '≤' : '>'} ${dong(r.line)} (${r.lineKind}); exact: ${dong(r.monthlyIncome)} ${r.incomeAtOrBelowLine ? '≤' : '>'} ${dong(r.line)} × ${r.members}`);
    lines.push(`  deprivations ${r.deprivationCount}/${r.indicators.length}${r.deprivations.length > 0 ? `: ${r.deprivations.join(', ')}` : ''}`);
    lines.push(`  rule: ${r.rule.source} — ${r.rule.term ?? r.rule.description}${r.rule.confirmation === 'SECONDARY' ? ' [SECONDARY]' : ''}`);
  }
  lines.push('');
  lines.push(`Households by status: ${HOUSEHOLD_STATUSES.map((s) => `${HOUSEHOLD_STATUS_LABELS_VI[s]} ${counts.byStatus[s]}`).join(', ')}`);
  const ind = Object.entries(counts.byIndicator)
    .filter(([, c]) => (c ?? 0) > 0)
    .map(([id, c]) => `${id} ${c}`)
    .join(', ');
  lines.push(`Deprived households by indicator: ${ind}`);
  lines.push('');
  lines.push('Explanation of the first household:');
  lines.push(results[0]?.explanation ?? '');
  return lines.join('\n');
}
