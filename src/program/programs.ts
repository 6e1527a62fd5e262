import { deepFreeze } from '../_internal/_freeze.js';
import { toIsoDate, type DateInput } from '../dates/calendarDate.js';
import { fail } from '../errors/VnPovertyError.js';
import { NTP_SPRR_2021_2025, fundingLine, target, type ProgramStructure, type TargetGroup } from './programStructure.js';
import { assertOptions } from '../errors/assertOptions.js';

const NQ257 = 'NQ 257/2025/QH15 (11/12/2025), investment policy; QĐ 417/QĐ-BNNMT (31/01/2026), approval of phase I (2026–2030)';
const PRESS = 'SECONDARY: VietnamPlus, VietNamNet, VTC, Báo Gia Lai, Nhân Dân (Dec 2025 – Feb 2026)';
const FUNDING = `${NQ257}; figures as reported (${PRESS})`;
const TARGETS = `QĐ 417/QĐ-BNNMT (31/01/2026), targets to 2030 (${PRESS})`;

const poorCommunes: TargetGroup = {
  id: 'poor-communes',
  level: 'area',
  statuses: [],
  requires: [],
  nameVi: 'Xã nghèo; vùng đồng bào dân tộc thiểu số và miền núi',
  nameEn: 'Poor communes; ethnic-minority and mountain areas',
  source: `${NQ257} (the targeted geography moves from poor districts to poor communes)`,
  confidence: 'secondary',
};

/**
 * The 2026–2035 national target program that merges new rural areas, sustainable poverty
 * reduction and the socio-economic development of ethnic-minority and mountain areas
 * (*Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh
 * tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026 - 2035*), with what is
 * known: its two components and the ministries running them, its fund sources (central, local,
 * policy credit, integrated funds, other), the 2026–2030 money and the 2030 poverty targets,
 * poor communes as a target unit.
 *
 * @remarks SECONDARY (press reports of NQ 257/2025/QH15 and QĐ 417/QĐ-BNNMT). The components' names
 * are descriptive (content inferred from the ministries that run them: UNCONFIRMED). Its projects,
 * allocation criteria (successor of QĐ 02/2022) and counterpart tiers are UNCONFIRMED and not
 * modelled: they are listed in `unknowns` and are data you supply (your own `ProgramStructure`
 * with `projects`, a `CounterpartRuleSet`, `allocateByCriteria` criteria). The household target
 * group of component 1 (poor, near-poor and recently escaped households, as in 2021–2025) is
 * UNCONFIRMED.
 * @example
 * NTP_2026_2035.projects.map((c) => c.code) //=> ['HP1', 'HP2']
 * NTP_2026_2035.funding?.reduce((a, f) => a + f.amount, 0n) //=> 1_044_000_000_000_000n (1,044,000 tỷ đồng)
 * @see NQ 257/2025/QH15 (11/12/2025); QĐ 417/QĐ-BNNMT (31/01/2026); TT 13/2025/TT-BNNMT.
 */
export const NTP_2026_2035: ProgramStructure = deepFreeze({
  id: 'ntp-2026-2035',
  nameVi: 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026 - 2035',
  nameEn: 'National Target Program for new rural areas, sustainable poverty reduction and the socio-economic development of ethnic-minority and mountain areas, 2026–2035',
  effectiveFrom: '2026-01-01',
  effectiveTo: '2035-12-31',
  source: NQ257,
  owner: {
    nameVi: 'Bộ Nông nghiệp và Môi trường',
    nameEn: 'Ministry of Agriculture and Environment',
    source: `${NQ257}; TT 13/2025/TT-BNNMT (in force 01/07/2025)`,
    confidence: 'secondary',
  },
  projects: [
    {
      code: 'HP1',
      number: 1,
      nameVi: 'Hợp phần 1: xây dựng nông thôn mới và giảm nghèo bền vững (Bộ Nông nghiệp và Môi trường chủ trì)',
      nameEn: 'Component 1: new rural areas and sustainable poverty reduction (run by the Ministry of Agriculture and Environment)',
      capitalTypes: ['investment', 'recurrent'],
      capitalConfidence: 'unconfirmed',
      confidence: 'unconfirmed',
      leadAgency: {
        nameVi: 'Bộ Nông nghiệp và Môi trường (Văn phòng Quốc gia về giảm nghèo)',
        nameEn: 'Ministry of Agriculture and Environment (National Office for Poverty Reduction)',
        source: `${NQ257} (${PRESS})`,
        confidence: 'secondary',
      },
      targetGroups: [
        {
          id: 'poor-near-poor-recently-escaped',
          level: 'household',
          statuses: ['poor', 'near-poor', 'recently-escaped'],
          requires: [],
          nameVi: 'Hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo',
          nameEn: 'Poor, near-poor and recently escaped households',
          source: `${NQ257}; carried over from QĐ 90/QĐ-TTg (UNCONFIRMED for 2026–2035)`,
          confidence: 'unconfirmed',
        },
        poorCommunes,
      ],
      subProjects: [],
      source: `${NQ257}, component 1`,
    },
    {
      code: 'HP2',
      number: 2,
      nameVi: 'Hợp phần 2: phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi (Bộ Dân tộc và Tôn giáo chủ trì)',
      nameEn: 'Component 2: socio-economic development of ethnic-minority and mountain areas (run by the Ministry of Ethnic and Religious Affairs)',
      capitalTypes: ['investment', 'recurrent'],
      capitalConfidence: 'unconfirmed',
      confidence: 'unconfirmed',
      leadAgency: {
        nameVi: 'Bộ Dân tộc và Tôn giáo',
        nameEn: 'Ministry of Ethnic and Religious Affairs',
        source: `${NQ257} (${PRESS})`,
        confidence: 'secondary',
      },
      targetGroups: [
        {
          id: 'ethnic-minority-mountain-areas',
          level: 'area',
          statuses: [],
          requires: [],
          nameVi: 'Vùng đồng bào dân tộc thiểu số và miền núi',
          nameEn: 'Ethnic-minority and mountain areas',
          source: `${NQ257}, component 2`,
          confidence: 'secondary',
        },
      ],
      subProjects: [],
      source: `${NQ257}, component 2`,
    },
  ],
  fundingSources: ['central', 'provincial', 'policy-credit', 'integrated', 'other'],
  funding: [
    fundingLine('central', 'investment', 70_000n, false, 2026, 2030, FUNDING),
    fundingLine('central', 'recurrent', 30_000n, false, 2026, 2030, FUNDING),
    fundingLine('provincial', null, 300_000n, true, 2026, 2030, FUNDING),
    fundingLine('policy-credit', null, 23_000n, true, 2026, 2030, FUNDING),
    fundingLine('integrated', null, 360_000n, true, 2026, 2030, FUNDING),
    fundingLine('other', null, 261_000n, true, 2026, 2030, FUNDING),
  ],
  targets: [
    target('poverty-rate', 'household', 'Tỷ lệ nghèo đa chiều của cả nước duy trì mức giảm 1% - 1,5%/năm', 'National multidimensional poverty rate down 1–1.5 points a year', '1', '1.5', 'rate-reduction-per-year', 2030, TARGETS),
    target('ethnic-minority-area-poverty-rate', 'ethnic-minority-mountain-area', 'Giảm tỷ lệ hộ nghèo đa chiều vùng đồng bào dân tộc thiểu số và miền núi xuống dưới 10%', 'Multidimensional poverty rate of ethnic-minority and mountain areas below 10 %', null, '10', 'rate-below', 2030, TARGETS),
    target('poor-commune-poverty-rate', 'poor-commune', 'Tỷ lệ hộ nghèo ở các xã nghèo giảm từ 3%/năm trở lên', 'Poverty rate in poor communes down 3 points a year or more', '3', null, 'rate-reduction-per-year', 2030, TARGETS),
    target('poor-communes-out', 'poor-commune', 'Các xã nghèo thoát khỏi tình trạng nghèo', 'All poor communes escape poverty', '100', '100', 'all-units', 2030, TARGETS),
  ],
  targetUnits: ['household', 'poor-commune', 'ethnic-minority-mountain-area'],
  unknowns: [
    { id: 'projects', description: "the components' projects and sub-projects (not published in the sources read)", supplyWith: 'your own ProgramStructure with the projects (codes of your choice), passed as options.program', confidence: 'unconfirmed' },
    { id: 'allocation-criteria', description: 'the criteria and coefficients allocating central funds (the successor of QĐ 02/2022/QĐ-TTg)', supplyWith: 'the criteria and coefficients of allocateByCriteria', confidence: 'unconfirmed' },
    { id: 'counterpart-tiers', description: 'the minimum local counterpart ratios (the successor of QĐ 02/2022/QĐ-TTg)', supplyWith: 'a CounterpartRuleSet passed as rules to counterpartTierFor / requiredCounterpart', confidence: 'unconfirmed' },
    { id: 'poor-commune-list', description: 'the list and criteria of poor communes (xã nghèo)', supplyWith: "the 'in-poor-commune' trait of each household", confidence: 'unconfirmed' },
  ],
} satisfies ProgramStructure);

/**
 * The built-in programs, oldest first; their periods do not overlap: 2021–2025 ends on
 * 31/12/2025, 2026–2035 starts on 01/01/2026.
 * @example
 * PROGRAMS.map((p) => `${p.effectiveFrom}..${p.effectiveTo}`) //=> ['2021-01-01..2025-12-31', '2026-01-01..2035-12-31']
 */
export const PROGRAMS: readonly ProgramStructure[] = Object.freeze([NTP_SPRR_2021_2025, NTP_2026_2035]);

/** Options of {@link programFor}. */
export interface ProgramForOptions {
  /** Programs to choose from (default {@link PROGRAMS}). */
  readonly programs?: readonly ProgramStructure[];
}

/**
 * The program in force on a date. A question about a date no program covers is an error naming
 * every program's dates, never an answer from the nearest program.
 *
 * @param date - the date of the question (an eligibility date, a budget year's 1 January)
 * @throws VnPovertyError `invalid-date`; `no-program-in-force` naming the programs' dates;
 *   `overlapping-programs` when more than one covers the date.
 * @example
 * programFor('2025-12-31').id //=> 'ntp-sprr-2021-2025'
 * programFor('2026-03-01').id //=> 'ntp-2026-2035'
 * programFor('2020-06-01') //=> throws no-program-in-force (2021-01-01..2025-12-31, 2026-01-01..2035-12-31)
 * @see QĐ 90/QĐ-TTg (2021–2025); NQ 257/2025/QH15 and QĐ 417/QĐ-BNNMT (2026–2035).
 */
export function programFor(date: DateInput, options: ProgramForOptions = {}): ProgramStructure {
  assertOptions(options, 'programFor');
  const at = toIsoDate(date, ['asOf']);
  const programs = options.programs ?? PROGRAMS;
  const found = programs.filter((p) => p.effectiveFrom <= at && (p.effectiveTo === null || at <= p.effectiveTo));
  if (found.length === 0) {
    const covered = programs.map((p) => `${p.id} ${p.effectiveFrom}..${p.effectiveTo ?? 'open'}`).join(', ');
    return fail({
      code: 'no-program-in-force',
      path: ['asOf'],
      value: at,
      expected: `a date within a program's period (${covered || 'none given'}), or pass options.program`,
      rule: { description: 'a question about a program is answered under the program in force on its date', term: 'chương trình mục tiêu quốc gia', source: 'QĐ 90/QĐ-TTg (2021–2025); NQ 257/2025/QH15 (2026–2035)' },
    });
  }
  if (found.length > 1) {
    return fail({ code: 'overlapping-programs', path: ['programs'], value: found.map((p) => p.id), expected: 'exactly one program in force on the date' });
  }
  return found[0] as ProgramStructure;
}
