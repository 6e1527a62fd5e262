import { deepFreeze } from '../_internal/_freeze.js';
import { fail } from '../errors/VnPovertyError.js';
import type { BudgetSource } from '../budgets/budgetSource.js';
import type { Dong } from '../numbers/money.js';

/**
 * The kind of capital a program component is funded with:
 * - `'investment'`: development-investment capital (*vốn đầu tư phát triển*, ĐTPT);
 * - `'recurrent'`: recurrent ("career") capital (*vốn sự nghiệp*, SN).
 *
 * @see QĐ 90/QĐ-TTg (18/01/2022), Part IV (capital structure of the Program).
 */
export type CapitalType = 'investment' | 'recurrent';

/**
 * Every {@link CapitalType}.
 * @example
 * CAPITAL_TYPES.map((t) => CAPITAL_TYPE_LABELS_VI[t]) //=> ['vốn đầu tư phát triển', 'vốn sự nghiệp']
 */
export const CAPITAL_TYPES: readonly CapitalType[] = Object.freeze(['investment', 'recurrent']);

/**
 * Vietnamese names of the capital types, as plans print them.
 * @example
 * CAPITAL_TYPE_LABELS_VI.recurrent //=> 'vốn sự nghiệp'
 */
export const CAPITAL_TYPE_LABELS_VI: Readonly<Record<CapitalType, string>> = Object.freeze({
  investment: 'vốn đầu tư phát triển',
  recurrent: 'vốn sự nghiệp',
});

/**
 * How firmly a fact in the program data is established:
 * `'confirmed'` (read in the official text), `'secondary'` (consistent across official portals and
 * local plans, article text not read) or `'unconfirmed'` (best reading; verify before relying on it).
 */
export type Confidence = 'confirmed' | 'secondary' | 'unconfirmed';

/**
 * Household statuses a component can target:
 * - `'poor'`: *hộ nghèo*;
 * - `'near-poor'`: *hộ cận nghèo*;
 * - `'recently-escaped'`: *hộ mới thoát nghèo* (within a window after the recognised escape,
 *   36 months for QĐ 90; see `RECENTLY_ESCAPED_WINDOWS`).
 */
export type BeneficiaryStatus = 'poor' | 'near-poor' | 'recently-escaped';

/**
 * Every {@link BeneficiaryStatus}.
 * @example
 * BENEFICIARY_STATUSES //=> ['poor', 'near-poor', 'recently-escaped']
 */
export const BENEFICIARY_STATUSES: readonly BeneficiaryStatus[] = Object.freeze(['poor', 'near-poor', 'recently-escaped']);

/**
 * Facts about a household, other than its status, that a target group may require:
 * - `'in-poor-district'`: lives in a poor district (*huyện nghèo*, list QĐ 353/QĐ-TTg 2022);
 * - `'in-extremely-difficult-commune'`: lives in an extremely difficult coastal or island commune
 *   (*xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo*, list QĐ 353/QĐ-TTg 2022);
 * - `'child-under-16'`: has a member under 16 (*trẻ em dưới 16 tuổi*);
 * - `'pregnant-or-lactating-woman'`: has a pregnant or breastfeeding member (*phụ nữ mang thai và cho con bú*);
 * - `'member-with-disability'`: has a member with a disability (*người khuyết tật*);
 * - `'low-income-worker'`: has a low-income worker (*người lao động có thu nhập thấp*, criteria NĐ 30/2025/NĐ-CP);
 * - `'in-poor-commune'`: lives in a poor commune (*xã nghèo*), the target unit of the 2026–2035 programme.
 */
export type HouseholdCircumstance =
  | 'in-poor-commune'
  | 'in-poor-district'
  | 'in-extremely-difficult-commune'
  | 'child-under-16'
  | 'pregnant-or-lactating-woman'
  | 'member-with-disability'
  | 'low-income-worker';

/**
 * Every {@link HouseholdCircumstance}.
 * @example
 * HOUSEHOLD_CIRCUMSTANCES.length //=> 7
 * HOUSEHOLD_CIRCUMSTANCES.includes('in-poor-district') //=> true
 */
export const HOUSEHOLD_CIRCUMSTANCES: readonly HouseholdCircumstance[] = Object.freeze([
  'in-poor-commune',
  'in-poor-district',
  'in-extremely-difficult-commune',
  'child-under-16',
  'pregnant-or-lactating-woman',
  'member-with-disability',
  'low-income-worker',
]);

/**
 * Who a target group is made of:
 * - `'household'`: households (or their members) chosen by status and circumstances; only these
 *   groups make a single household eligible;
 * - `'area'`: places and everyone living there (poor districts, difficult communes), served through works;
 * - `'organisation'`: officials, agencies, training institutions, enterprises, cooperatives.
 */
export type TargetGroupLevel = 'household' | 'area' | 'organisation';

/**
 * One target group (*đối tượng*) of a program component. A household belongs to a household-level
 * group when its status is one of `statuses` (or `statuses` is empty: any status) AND every
 * circumstance in `requires` holds.
 */
export interface TargetGroup {
  /** Stable identifier, unique within its component, e.g. `'status'`, `'children'`. */
  readonly id: string;
  /** Who the group is made of. */
  readonly level: TargetGroupLevel;
  /** Qualifying statuses (any one is enough); empty: the status does not matter. */
  readonly statuses: readonly BeneficiaryStatus[];
  /** Circumstances that must all hold. */
  readonly requires: readonly HouseholdCircumstance[];
  /** The group as Vietnamese plans word it. */
  readonly nameVi: string;
  /** The group in English. */
  readonly nameEn: string;
  /** Document and part the group comes from. */
  readonly source: string;
  /** How firmly the group is established. */
  readonly confidence: Confidence;
}

/** A sub-project (*tiểu dự án*) of a project. */
export interface ProgramSubProject {
  /** Code `DAn.TDAm`, e.g. `'DA3.TDA2'`. */
  readonly code: string;
  /** Code of the project it belongs to, e.g. `'DA3'`. */
  readonly projectCode: string;
  /** Number of the sub-project within its project (`m` in `TDAm`). */
  readonly number: number;
  /** Name in Vietnamese (*Tiểu dự án m: …*). */
  readonly nameVi: string;
  /** Name in English. */
  readonly nameEn: string;
  /** Capital types known to fund it (see `capitalConfidence`). */
  readonly capitalTypes: readonly CapitalType[];
  /** How firmly `capitalTypes` is established. */
  readonly capitalConfidence: Confidence;
  /** Target groups. */
  readonly targetGroups: readonly TargetGroup[];
  /** Document and part the sub-project comes from. */
  readonly source: string;
}

/** The agency that runs a program or a component (*cơ quan chủ quản / chủ trì*). */
export interface ProgramAgency {
  readonly nameVi: string;
  readonly nameEn: string;
  readonly source: string;
  readonly confidence: Confidence;
}

/**
 * A project (*dự án thành phần*) of the 2021–2025 program, or a component (*hợp phần*) of the
 * 2026–2035 program: the top-level parts plan lines and budget rows are attached to.
 */
export interface ProgramProject {
  /** Code `DAn` for a 2021–2025 project (e.g. `'DA3'`), `HPn` for a 2026–2035 component. */
  readonly code: string;
  /** Number of the project (`n` in `DAn`). */
  readonly number: number;
  /** Name in Vietnamese (*Dự án n: …*). */
  readonly nameVi: string;
  /** Name in English. */
  readonly nameEn: string;
  /** Capital types known to fund the project as a whole (union over its sub-projects). */
  readonly capitalTypes: readonly CapitalType[];
  /** How firmly `capitalTypes` is established. */
  readonly capitalConfidence: Confidence;
  /** Target groups of the project itself; for a project with sub-projects, the groups are on them. */
  readonly targetGroups: readonly TargetGroup[];
  /** Sub-projects, in order; empty when the project is implemented as a whole (or its projects are not known). */
  readonly subProjects: readonly ProgramSubProject[];
  /** Document and part the project comes from. */
  readonly source: string;
  /** The agency that runs it, when known. */
  readonly leadAgency?: ProgramAgency;
  /** How firmly the name and content are established (left out: as `source` says). */
  readonly confidence?: Confidence;
}

/** One figure of a program's money: a source (and capital type), an amount, a period. */
export interface ProgramFunding {
  /** Where the money comes from. */
  readonly budgetSource: BudgetSource;
  /** Investment or recurrent capital; `null` when the figure is not split. */
  readonly capitalType: CapitalType | null;
  /** Amount in whole đồng. */
  readonly amount: Dong;
  /** True when the text gives it as about (*khoảng*, ≈) rather than exactly. */
  readonly approximate: boolean;
  /** Years covered, inclusive. */
  readonly fromYear: number;
  readonly toYear: number;
  readonly source: string;
  readonly confidence: Confidence;
}

/** The units a program sets targets on or directs money to. */
export type ProgramTargetUnit = 'household' | 'poor-district' | 'poor-commune' | 'extremely-difficult-commune' | 'ethnic-minority-mountain-area';

/** A target of a program, as the text words it. */
export interface ProgramTarget {
  /** Stable id, unique within the program. */
  readonly id: string;
  /** What it is set on. */
  readonly unit: ProgramTargetUnit;
  readonly textVi: string;
  readonly textEn: string;
  /** The figure, as printed (`'1–1,5 %/năm'`), and read: lower and upper bound as decimal strings, and what they count. */
  readonly low: string | null;
  readonly high: string | null;
  readonly measure: 'rate-reduction-per-year' | 'rate-below' | 'share-of-units' | 'count-reduction-share' | 'all-units';
  /** Last year of the target. */
  readonly byYear: number;
  readonly source: string;
  readonly confidence: Confidence;
}

/** A part of a program that is not known and that a caller supplies as data. */
export interface ProgramGap {
  /** What is missing: `'projects'`, `'allocation-criteria'`, `'counterpart-tiers'`, … */
  readonly id: string;
  readonly description: string;
  /** How to supply it (which type and option of the library takes it). */
  readonly supplyWith: string;
  readonly confidence: Confidence;
}

/**
 * A national target program as versioned data: the 2021–2025 program is {@link NTP_SPRR_2021_2025},
 * the 2026–2035 merged program `NTP_2026_2035`; a caller can pass its own (a province's plan, the
 * 2026–2035 projects once published) wherever a program is accepted.
 */
export interface ProgramStructure {
  /** Stable identifier, e.g. `'ntp-sprr-2021-2025'`. */
  readonly id: string;
  /** Name in Vietnamese. */
  readonly nameVi: string;
  /** Name in English. */
  readonly nameEn: string;
  /** First day the program applies (ISO `YYYY-MM-DD`). */
  readonly effectiveFrom: string;
  /** Last day the program applies (ISO `YYYY-MM-DD`), or `null` if open-ended. */
  readonly effectiveTo: string | null;
  /** Approving document. */
  readonly source: string;
  /** Projects (components for 2026–2035), in order. */
  readonly projects: readonly ProgramProject[];
  /** The agency that owns the program (*cơ quan chủ quản*), when known. */
  readonly owner?: ProgramAgency;
  /** The money sources the program counts. */
  readonly fundingSources?: readonly BudgetSource[];
  /** The program's money, figure by figure. */
  readonly funding?: readonly ProgramFunding[];
  /** The program's targets. */
  readonly targets?: readonly ProgramTarget[];
  /** The units the program targets (poor districts until 2025, poor communes from 2026). */
  readonly targetUnits?: readonly ProgramTargetUnit[];
  /** What is not known and must be supplied by the caller. */
  readonly unknowns?: readonly ProgramGap[];
}

/** A project or a sub-project: anything a plan line or a budget row can be attached to. */
export type ProgramComponent = ProgramProject | ProgramSubProject;

const QD90 = 'QĐ 90/QĐ-TTg (18/01/2022), Part III';
const QD90_BENEFICIARIES = 'QĐ 90/QĐ-TTg (18/01/2022), Part II (đối tượng), as quoted in plans (seed 001 line 145; seed 003 line 34)';

const QD90_FUNDING = 'QĐ 90/QĐ-TTg (18/01/2022), Part IV (as quoted by lawnet); totals consistent with NQ 24/2021/QH15';
const QD90_TARGETS = 'QĐ 90/QĐ-TTg (18/01/2022), Part I; NQ 24/2021/QH15 (press summaries)';
const BILLION = 1_000_000_000n;

/** A funding figure given in tỷ đồng. @internal */
export function fundingLine(budgetSource: BudgetSource, capitalType: CapitalType | null, ty: bigint, approximate: boolean, fromYear: number, toYear: number, source: string, confidence: Confidence = 'secondary'): ProgramFunding {
  return { budgetSource, capitalType, amount: ty * BILLION, approximate, fromYear, toYear, source, confidence };
}

/** A program target. @internal */
export function target(
  id: string,
  unit: ProgramTargetUnit,
  textVi: string,
  textEn: string,
  low: string | null,
  high: string | null,
  measure: ProgramTarget['measure'],
  byYear: number,
  source: string,
  confidence: Confidence = 'secondary',
): ProgramTarget {
  return { id, unit, textVi, textEn, low, high, measure, byYear, source, confidence };
}

const CORE_STATUSES: readonly BeneficiaryStatus[] = ['poor', 'near-poor', 'recently-escaped'];

function group(
  id: string,
  level: TargetGroupLevel,
  statuses: readonly BeneficiaryStatus[],
  requires: readonly HouseholdCircumstance[],
  nameVi: string,
  nameEn: string,
  source: string,
  confidence: Confidence = 'secondary',
): TargetGroup {
  return { id, level, statuses, requires, nameVi, nameEn, source, confidence };
}

const coreHouseholds = (source: string): TargetGroup =>
  group(
    'poor-near-poor-recently-escaped',
    'household',
    CORE_STATUSES,
    [],
    'Hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo (trong vòng 36 tháng, kể từ thời điểm hộ được cấp có thẩm quyền công nhận thoát nghèo)',
    'Poor, near-poor and recently escaped households (within 36 months of the recognised escape)',
    source,
  );

const poorAreas = (source: string): TargetGroup =>
  group(
    'poor-areas',
    'area',
    [],
    [],
    'Huyện nghèo, xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
    'Poor districts and extremely difficult coastal and island communes',
    source,
  );

const programOfficials = (source: string): TargetGroup =>
  group(
    'officials-and-organisations',
    'organisation',
    [],
    [],
    'Cán bộ làm công tác giảm nghèo các cấp; các tổ chức và cá nhân có liên quan',
    'Poverty-reduction officials at every level; related organisations and individuals',
    source,
  );

/**
 * The National Target Program for Sustainable Poverty Reduction 2021–2025
 * (*Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021–2025*): 7 projects, 11
 * sub-projects, 13 implementable units (sub-projects plus DA2 and DA5).
 *
 * Codes: `DA1` … `DA7` for projects, `DAn.TDAm` for sub-projects. Local plans renumber their sections
 * and skip projects that do not apply locally: match on the code, not on the local section number.
 *
 * @remarks UNCONFIRMED: the capital-type matrix (which project is funded by investment and which by
 * recurrent capital) is not read from QĐ 90; entries follow the evidence in plans (investment capital
 * for DA1 and DA4 TDA1/TDA3 in Nghệ An; recurrent for DA2, DA3, DA6, DA7 in seed 001 lines 187–455),
 * each flagged by `capitalConfidence`. Names and target groups are SECONDARY (consistent across
 * the five seed plans and government portals).
 * @see QĐ 90/QĐ-TTg (18/01/2022), Part III (components) and Part IV (capital); NQ 24/2021/QH15.
 * @example
 * NTP_SPRR_2021_2025.projects.length //=> 7
 * NTP_SPRR_2021_2025.projects[2]?.subProjects[1]?.code //=> 'DA3.TDA2'
 */
export const NTP_SPRR_2021_2025: ProgramStructure = deepFreeze({
  id: 'ntp-sprr-2021-2025',
  nameVi: 'Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025',
  nameEn: 'National Target Program for Sustainable Poverty Reduction 2021–2025',
  effectiveFrom: '2021-01-01',
  effectiveTo: '2025-12-31',
  source: 'QĐ 90/QĐ-TTg (18/01/2022), Art. 1; investment policy NQ 24/2021/QH15 (28/07/2021)',
  owner: {
    nameVi: 'Bộ Lao động - Thương binh và Xã hội (từ 2025: Bộ Nông nghiệp và Môi trường)',
    nameEn: 'Ministry of Labour, Invalids and Social Affairs (from 2025: Ministry of Agriculture and Environment)',
    source: 'NQ 24/2021/QH15; TT 13/2025/TT-BNNMT preamble',
    confidence: 'secondary',
  },
  fundingSources: ['central', 'provincial', 'other'],
  funding: [
    fundingLine('central', 'investment', 20_000n, false, 2021, 2025, QD90_FUNDING),
    fundingLine('central', 'recurrent', 28_000n, false, 2021, 2025, QD90_FUNDING),
    fundingLine('provincial', 'investment', 1_700n, false, 2021, 2025, QD90_FUNDING),
    fundingLine('provincial', 'recurrent', 10_990n, false, 2021, 2025, QD90_FUNDING),
    fundingLine('other', null, 14_310n, false, 2021, 2025, QD90_FUNDING),
  ],
  targets: [
    target('poverty-rate', 'household', 'Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều duy trì mức giảm 1,0 - 1,5%/năm', 'Multidimensional poverty rate down 1.0–1.5 points a year', '1', '1.5', 'rate-reduction-per-year', 2025, QD90_TARGETS),
    target('ethnic-minority-poverty-rate', 'household', 'Tỷ lệ hộ nghèo dân tộc thiểu số giảm trên 3%/năm', 'Poverty rate of ethnic-minority households down more than 3 points a year', '3', null, 'rate-reduction-per-year', 2025, QD90_TARGETS),
    target('poor-districts-out', 'poor-district', '30% huyện nghèo, 30% xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo thoát khỏi tình trạng nghèo, đặc biệt khó khăn', '30 % of poor districts and of extremely difficult coastal and island communes escape poverty', '30', '30', 'share-of-units', 2025, QD90_TARGETS),
    target('poor-district-poverty-rate', 'poor-district', 'Tỷ lệ hộ nghèo ở các huyện nghèo giảm từ 4 - 5%/năm', 'Poverty rate in poor districts down 4–5 points a year', '4', '5', 'rate-reduction-per-year', 2025, QD90_TARGETS),
    target('halve-poor-and-near-poor', 'household', 'Giảm 1/2 số hộ nghèo và hộ cận nghèo so với đầu kỳ', 'Halve the number of poor and near-poor households against the start of the period', '50', '50', 'count-reduction-share', 2025, QD90_TARGETS),
  ],
  targetUnits: ['household', 'poor-district', 'extremely-difficult-commune'],
  unknowns: [
    { id: 'capital-type-matrix', description: 'which project is funded by investment and which by recurrent capital (not read from QĐ 90)', supplyWith: 'capitalTypes on your own ProgramProject data', confidence: 'unconfirmed' },
    { id: 'allocation-criteria', description: 'the allocation criteria and coefficients of QĐ 02/2022/QĐ-TTg', supplyWith: 'the criteria and coefficients of allocateByCriteria', confidence: 'unconfirmed' },
  ],
  projects: [
    {
      code: 'DA1',
      number: 1,
      nameVi:
        'Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
      nameEn:
        'Investment in socio-economic infrastructure of poor districts and extremely difficult coastal and island communes',
      capitalTypes: ['investment', 'recurrent'],
      capitalConfidence: 'unconfirmed',
      targetGroups: [],
      source: `${QD90}, Project 1`,
      subProjects: [
        {
          code: 'DA1.TDA1',
          projectCode: 'DA1',
          number: 1,
          nameVi:
            'Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
          nameEn: 'Infrastructure investment in poor districts and extremely difficult coastal and island communes',
          capitalTypes: ['investment', 'recurrent'],
          capitalConfidence: 'unconfirmed',
          targetGroups: [poorAreas(`${QD90}, Project 1 (seed 004 lines 49–70)`)],
          source: `${QD90}, Project 1, Sub-project 1`,
        },
        {
          code: 'DA1.TDA2',
          projectCode: 'DA1',
          number: 2,
          nameVi: 'Triển khai Đề án hỗ trợ một số huyện nghèo thoát khỏi tình trạng nghèo, đặc biệt khó khăn giai đoạn 2022 - 2025',
          nameEn: 'Scheme supporting some poor districts to escape poverty and extreme difficulty, 2022–2025',
          capitalTypes: ['investment'],
          capitalConfidence: 'unconfirmed',
          targetGroups: [
            group(
              'supported-poor-districts',
              'area',
              [],
              [],
              'Các huyện nghèo được hỗ trợ thoát khỏi tình trạng nghèo (QĐ 880/QĐ-TTg)',
              'Poor districts supported to escape poverty (22 districts, QĐ 880/QĐ-TTg)',
              'QĐ 880/QĐ-TTg (22/07/2022)',
            ),
          ],
          source: `${QD90}, Project 1, Sub-project 2; QĐ 880/QĐ-TTg (22/07/2022)`,
        },
      ],
    },
    {
      code: 'DA2',
      number: 2,
      nameVi: 'Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo',
      nameEn: 'Livelihood diversification and poverty-reduction models',
      capitalTypes: ['recurrent'],
      capitalConfidence: 'secondary',
      targetGroups: [
        group(
          'workers-of-target-households',
          'household',
          CORE_STATUSES,
          [],
          'Người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo',
          'Workers of poor, near-poor and recently escaped households',
          `${QD90}, Project 2 (seed 001 line 165; seed 000 line 115)`,
        ),
        group(
          'persons-with-disability',
          'household',
          [],
          ['member-with-disability'],
          'Người khuyết tật (không có sinh kế ổn định)',
          'Persons with disabilities (without a stable livelihood)',
          `${QD90}, Project 2 (seed 001 line 165; seed 000 line 115)`,
        ),
        group(
          'residents-of-poor-districts',
          'household',
          [],
          ['in-poor-district'],
          'Người dân sinh sống trên địa bàn huyện nghèo',
          'People living in poor districts',
          `${QD90}, Project 2 (seed 001 line 219)`,
        ),
        group(
          'residents-of-difficult-communes',
          'household',
          [],
          ['in-extremely-difficult-commune'],
          'Người dân sinh sống trên địa bàn xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
          'People living in extremely difficult coastal and island communes',
          `${QD90}, Project 2 (seed 001 line 165)`,
        ),
        group(
          'producers',
          'organisation',
          [],
          [],
          'Hộ gia đình, tổ, nhóm hợp tác, hợp tác xã, doanh nghiệp, cơ sở giáo dục nghề nghiệp… xây dựng, nhân rộng mô hình giảm nghèo',
          'Households, cooperative groups, cooperatives, enterprises and training institutions building poverty-reduction models',
          `${QD90}, Project 2 (seed 001 line 167)`,
        ),
      ],
      subProjects: [],
      source: `${QD90}, Project 2`,
    },
    {
      code: 'DA3',
      number: 3,
      nameVi: 'Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng',
      nameEn: 'Production support and nutrition improvement',
      capitalTypes: ['recurrent'],
      capitalConfidence: 'secondary',
      targetGroups: [],
      source: `${QD90}, Project 3`,
      subProjects: [
        {
          code: 'DA3.TDA1',
          projectCode: 'DA3',
          number: 1,
          nameVi: 'Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp',
          nameEn: 'Production support in agriculture',
          capitalTypes: ['recurrent'],
          capitalConfidence: 'secondary',
          targetGroups: [
            group(
              'workers-of-target-households',
              'household',
              CORE_STATUSES,
              [],
              'Người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo',
              'Workers of poor, near-poor and recently escaped households',
              `${QD90}, Project 3, Sub-project 1 (seed 001 line 219; seed 000 line 131)`,
            ),
            group(
              'persons-with-disability',
              'household',
              [],
              ['member-with-disability'],
              'Người khuyết tật (không có sinh kế ổn định)',
              'Persons with disabilities (without a stable livelihood)',
              `${QD90}, Project 3, Sub-project 1 (seed 001 line 219; seed 000 line 131)`,
            ),
            group(
              'residents-of-poor-districts',
              'household',
              [],
              ['in-poor-district'],
              'Người dân sinh sống trên địa bàn huyện nghèo',
              'People living in poor districts',
              `${QD90}, Project 3, Sub-project 1 (seed 001 line 219)`,
            ),
          ],
          source: `${QD90}, Project 3, Sub-project 1`,
        },
        {
          code: 'DA3.TDA2',
          projectCode: 'DA3',
          number: 2,
          nameVi: 'Cải thiện dinh dưỡng',
          nameEn: 'Nutrition improvement',
          capitalTypes: ['recurrent'],
          capitalConfidence: 'secondary',
          targetGroups: [
            group(
              'children-of-target-households',
              'household',
              CORE_STATUSES,
              ['child-under-16'],
              'Trẻ em dưới 16 tuổi thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo',
              'Children under 16 of poor, near-poor and recently escaped households',
              `${QD90}, Project 3, Sub-project 2 (seed 001 line 259)`,
            ),
            group(
              'children-in-poor-districts',
              'household',
              [],
              ['child-under-16', 'in-poor-district'],
              'Trẻ em dưới 16 tuổi trên địa bàn huyện nghèo',
              'Children under 16 in poor districts',
              `${QD90}, Project 3, Sub-project 2 (domain note program-structure.md §4)`,
            ),
            group(
              'children-in-difficult-communes',
              'household',
              [],
              ['child-under-16', 'in-extremely-difficult-commune'],
              'Trẻ em dưới 16 tuổi trên địa bàn xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
              'Children under 16 in extremely difficult coastal and island communes',
              `${QD90}, Project 3, Sub-project 2 (domain note program-structure.md §4)`,
            ),
            group(
              'pregnant-or-lactating-women',
              'household',
              [],
              ['pregnant-or-lactating-woman'],
              'Phụ nữ mang thai và cho con bú',
              'Pregnant and breastfeeding women',
              `${QD90}, Project 3, Sub-project 2 (seed 001 line 261)`,
              'unconfirmed',
            ),
          ],
          source: `${QD90}, Project 3, Sub-project 2`,
        },
      ],
    },
    {
      code: 'DA4',
      number: 4,
      nameVi: 'Phát triển giáo dục nghề nghiệp, việc làm bền vững',
      nameEn: 'Vocational education and sustainable employment',
      capitalTypes: ['investment', 'recurrent'],
      capitalConfidence: 'secondary',
      targetGroups: [],
      source: `${QD90}, Project 4`,
      subProjects: [
        {
          code: 'DA4.TDA1',
          projectCode: 'DA4',
          number: 1,
          nameVi: 'Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn',
          nameEn: 'Vocational education in poor and difficult areas',
          capitalTypes: ['investment', 'recurrent'],
          capitalConfidence: 'secondary',
          targetGroups: [
            group(
              'learners-of-target-households',
              'household',
              CORE_STATUSES,
              [],
              'Người học nghề, lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo',
              'Vocational learners and workers of poor, near-poor and recently escaped households',
              `${QD90}, Project 4, Sub-project 1 (seed 001 line 281; seed 000 line 149)`,
            ),
            group(
              'low-income-workers',
              'household',
              [],
              ['low-income-worker'],
              'Người lao động có thu nhập thấp',
              'Low-income workers',
              `${QD90}, Project 4, Sub-project 1 (seed 001 line 281); criteria NĐ 30/2025/NĐ-CP`,
            ),
            group(
              'vocational-institutions',
              'organisation',
              [],
              [],
              'Cơ sở giáo dục nghề nghiệp',
              'Vocational education institutions',
              `${QD90}, Project 4, Sub-project 1 (seed 001 line 283)`,
            ),
          ],
          source: `${QD90}, Project 4, Sub-project 1`,
        },
        {
          code: 'DA4.TDA2',
          projectCode: 'DA4',
          number: 2,
          nameVi: 'Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng',
          nameEn: 'Support for workers going abroad to work under contract',
          capitalTypes: ['recurrent'],
          capitalConfidence: 'unconfirmed',
          targetGroups: [
            group(
              'workers-of-target-households',
              'household',
              CORE_STATUSES,
              [],
              'Người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo',
              'Workers of poor, near-poor and recently escaped households',
              `${QD90}, Project 4, Sub-project 2 (seed 004 lines 124–134)`,
              'unconfirmed',
            ),
            group(
              'workers-in-poor-districts',
              'household',
              [],
              ['in-poor-district'],
              'Người lao động sinh sống trên địa bàn huyện nghèo',
              'Workers living in poor districts',
              `${QD90}, Project 4, Sub-project 2 (seed 004 line 36)`,
            ),
          ],
          source: `${QD90}, Project 4, Sub-project 2`,
        },
        {
          code: 'DA4.TDA3',
          projectCode: 'DA4',
          number: 3,
          nameVi: 'Hỗ trợ việc làm bền vững',
          nameEn: 'Sustainable employment support',
          capitalTypes: ['investment', 'recurrent'],
          capitalConfidence: 'secondary',
          targetGroups: [
            group(
              'workers-of-target-households',
              'household',
              CORE_STATUSES,
              [],
              'Người lao động, ưu tiên lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo',
              'Workers, first of all those of poor, near-poor and recently escaped households',
              `${QD90}, Project 4, Sub-project 3 (seed 000 line 165)`,
            ),
          ],
          source: `${QD90}, Project 4, Sub-project 3`,
        },
      ],
    },
    {
      code: 'DA5',
      number: 5,
      nameVi: 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo',
      nameEn: 'Housing support for poor and near-poor households in poor districts',
      capitalTypes: ['recurrent'],
      capitalConfidence: 'unconfirmed',
      targetGroups: [
        group(
          'poor-and-near-poor-in-poor-districts',
          'household',
          ['poor', 'near-poor'],
          ['in-poor-district'],
          'Hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo',
          'Poor and near-poor households in poor districts',
          `${QD90}, Project 5 (seed 004 line 40); norms TT 01/2022/TT-BXD`,
        ),
      ],
      subProjects: [],
      source: `${QD90}, Project 5; TT 01/2022/TT-BXD (30/06/2022)`,
    },
    {
      code: 'DA6',
      number: 6,
      nameVi: 'Truyền thông và giảm nghèo về thông tin',
      nameEn: 'Communication and information poverty reduction',
      capitalTypes: ['recurrent'],
      capitalConfidence: 'secondary',
      targetGroups: [],
      source: `${QD90}, Project 6`,
      subProjects: [
        {
          code: 'DA6.TDA1',
          projectCode: 'DA6',
          number: 1,
          nameVi: 'Giảm nghèo về thông tin',
          nameEn: 'Information poverty reduction',
          capitalTypes: ['recurrent'],
          capitalConfidence: 'secondary',
          targetGroups: [
            coreHouseholds(`${QD90}, Project 6, Sub-project 1 (seed 001 line 329; seed 000 line 189)`),
            group(
              'residents-of-poor-districts',
              'household',
              [],
              ['in-poor-district'],
              'Người dân sinh sống trên địa bàn huyện nghèo',
              'People living in poor districts',
              `${QD90}, Project 6, Sub-project 1 (seed 004 line 38)`,
            ),
            group(
              'residents-of-difficult-communes',
              'household',
              [],
              ['in-extremely-difficult-commune'],
              'Người dân sinh sống trên địa bàn xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo',
              'People living in extremely difficult coastal and island communes',
              `${QD90}, Project 6, Sub-project 1 (seed 001 line 331)`,
            ),
          ],
          source: `${QD90}, Project 6, Sub-project 1`,
        },
        {
          code: 'DA6.TDA2',
          projectCode: 'DA6',
          number: 2,
          nameVi: 'Truyền thông về giảm nghèo đa chiều',
          nameEn: 'Communication on multidimensional poverty reduction',
          capitalTypes: ['recurrent'],
          capitalConfidence: 'secondary',
          targetGroups: [
            group(
              'poor-people',
              'household',
              ['poor'],
              [],
              'Người nghèo',
              'Poor people',
              `${QD90}, Project 6, Sub-project 2 (seed 001 line 355)`,
            ),
            group(
              'residents-of-program-areas',
              'area',
              [],
              [],
              'Người dân tại các địa bàn thực hiện Chương trình; các tổ chức và cá nhân có liên quan',
              'People in the areas where the Program is implemented; related organisations and individuals',
              `${QD90}, Project 6, Sub-project 2 (seed 001 lines 355–357)`,
            ),
          ],
          source: `${QD90}, Project 6, Sub-project 2`,
        },
      ],
    },
    {
      code: 'DA7',
      number: 7,
      nameVi: 'Nâng cao năng lực và giám sát, đánh giá Chương trình',
      nameEn: 'Capacity building, monitoring and evaluation of the Program',
      capitalTypes: ['recurrent'],
      capitalConfidence: 'secondary',
      targetGroups: [],
      source: `${QD90}, Project 7`,
      subProjects: [
        {
          code: 'DA7.TDA1',
          projectCode: 'DA7',
          number: 1,
          nameVi: 'Nâng cao năng lực thực hiện Chương trình',
          nameEn: 'Capacity building for Program implementation',
          capitalTypes: ['recurrent'],
          capitalConfidence: 'secondary',
          targetGroups: [programOfficials(`${QD90}, Project 7, Sub-project 1 (seed 001 lines 391–395)`)],
          source: `${QD90}, Project 7, Sub-project 1`,
        },
        {
          code: 'DA7.TDA2',
          projectCode: 'DA7',
          number: 2,
          nameVi: 'Giám sát, đánh giá',
          nameEn: 'Monitoring and evaluation',
          capitalTypes: ['recurrent'],
          capitalConfidence: 'secondary',
          targetGroups: [
            group(
              'program-agencies',
              'organisation',
              [],
              [],
              'Cơ quan chủ trì Chương trình, các dự án thành phần các cấp và cán bộ giám sát, đánh giá',
              'Agencies in charge of the Program and its components at every level, and monitoring staff',
              `${QD90}, Project 7, Sub-project 2 (seed 001 lines 421–425)`,
            ),
          ],
          source: `${QD90}, Project 7, Sub-project 2`,
        },
      ],
    },
  ],
} satisfies ProgramStructure);

/**
 * The program beneficiaries clause (*đối tượng của Chương trình*), shared by the components.
 * @example
 * NTP_SPRR_2021_2025_BENEFICIARIES.statuses //=> ['poor', 'near-poor', 'recently-escaped']
 */
export const NTP_SPRR_2021_2025_BENEFICIARIES: TargetGroup = deepFreeze(coreHouseholds(QD90_BENEFICIARIES));

/**
 * Every component of a program, projects and sub-projects, in document order
 * (each project followed by its sub-projects).
 *
 * @param program - the program structure.
 * @returns a frozen list; 18 components (7 projects, 11 sub-projects) for the 2021–2025 program.
 * @example
 * programComponents(NTP_SPRR_2021_2025).map((c) => c.code).slice(0, 4) //=> ['DA1', 'DA1.TDA1', 'DA1.TDA2', 'DA2']
 * @see QĐ 90/QĐ-TTg (18/01/2022), Part III.
 */
export function programComponents(program: ProgramStructure): readonly ProgramComponent[] {
  return Object.freeze(program.projects.flatMap((p): ProgramComponent[] => [p, ...p.subProjects]));
}

/**
 * The units a program is implemented and funded through: every sub-project, and every project that
 * has none (DA2, DA5): 13 for the 2021–2025 program ("7 dự án với 13 tiểu dự án" in local reports).
 *
 * @param program - the program structure.
 * @example
 * implementableUnits(NTP_SPRR_2021_2025).length //=> 13
 * @see QĐ 90/QĐ-TTg (18/01/2022), Part III.
 */
export function implementableUnits(program: ProgramStructure): readonly ProgramComponent[] {
  return Object.freeze(program.projects.flatMap((p): ProgramComponent[] => (p.subProjects.length > 0 ? [...p.subProjects] : [p])));
}

/**
 * True when `component` is a sub-project (it has a `projectCode`).
 *
 * @example
 * isSubProject(programComponent(NTP_SPRR_2021_2025, 'DA3.TDA2')) //=> true
 */
export function isSubProject(component: ProgramComponent): component is ProgramSubProject {
  return 'projectCode' in component;
}

/**
 * Normalises a component code as plans write it: `'DA3.TDA2'`, `'da3.tda2'`, `'DA3 TDA2'`,
 * `'DA 3.TDA 2'` → `'DA3.TDA2'`; a 2026–2035 component `'hp 1'` → `'HP1'`. Returns `undefined`
 * for text that is not a component code.
 *
 * @example
 * normaliseComponentCode(' da 3 - tda 2 ') //=> 'DA3.TDA2'
 * normaliseComponentCode('Hp 2') //=> 'HP2'
 */
export function normaliseComponentCode(code: string): string | undefined {
  const hp = /^\s*HP\s*(\d+)\s*$/i.exec(code);
  if (hp) return `HP${Number(hp[1])}`;
  const m = /^\s*DA\s*(\d+)\s*(?:[.\s\-_/]\s*TDA\s*(\d+))?\s*$/i.exec(code);
  if (!m) return undefined;
  return m[2] === undefined ? `DA${Number(m[1])}` : `DA${Number(m[1])}.TDA${Number(m[2])}`;
}

/**
 * Looks a component up by code, or returns `undefined` when the program has no such component.
 *
 * @param program - the program structure.
 * @param code - `DAn` or `DAn.TDAm` (case and spacing are normalised).
 * @example
 * findProgramComponent(NTP_SPRR_2021_2025, 'DA5')?.nameEn //=> 'Housing support for poor and near-poor households in poor districts'
 * findProgramComponent(NTP_SPRR_2021_2025, 'DA2.TDA1') //=> undefined
 */
export function findProgramComponent(program: ProgramStructure, code: string): ProgramComponent | undefined {
  if (typeof code !== 'string') return undefined;
  const components = programComponents(program);
  // a caller's own codes match as written (trimmed, any case); built-in ones also as plans spell them
  const exact = code.trim().toUpperCase();
  const wanted = normaliseComponentCode(code);
  return components.find((c) => c.code.toUpperCase() === exact) ?? (wanted === undefined ? undefined : components.find((c) => c.code === wanted));
}

/**
 * Looks a component up by code.
 *
 * @param program - the program structure.
 * @param code - `DAn` or `DAn.TDAm` (case and spacing are normalised).
 * @throws VnPovertyError `unknown-component` when the program has no such component.
 * @example
 * programComponent(NTP_SPRR_2021_2025, 'da3.tda2').nameVi //=> 'Cải thiện dinh dưỡng'
 * @see QĐ 90/QĐ-TTg (18/01/2022), Part III.
 */
export function programComponent(program: ProgramStructure, code: string): ProgramComponent {
  const found = findProgramComponent(program, code);
  if (found === undefined) {
    return fail({
      code: 'unknown-component',
      path: ['code'],
      value: code,
      expected: `a component code of ${program.id}: ${programComponents(program)
        .map((c) => c.code)
        .join(', ')}`,
      rule: { description: 'components of the program', source: program.source, term: 'dự án, tiểu dự án' },
    });
  }
  return found;
}

/**
 * The project a component belongs to (itself for a project).
 *
 * @throws VnPovertyError `unknown-component` when the code is not in the program.
 * @example
 * projectOf(NTP_SPRR_2021_2025, 'DA4.TDA3').code //=> 'DA4'
 */
export function projectOf(program: ProgramStructure, code: string): ProgramProject {
  const component = programComponent(program, code);
  const projectCode = isSubProject(component) ? component.projectCode : component.code;
  const project = program.projects.find((p) => p.code === projectCode);
  if (project === undefined) {
    return fail({ code: 'unknown-component', path: ['code'], value: code, expected: `a project ${projectCode} in ${program.id}` });
  }
  return project;
}
