import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetLines } from '../../src/budgets/budgetLine.js';
import { componentEligibility, householdEligibility } from '../../src/program/componentEligibility.js';
import { NTP_2026_2035, PROGRAMS, programFor } from '../../src/program/programs.js';
import { NTP_SPRR_2021_2025, findProgramComponent, projectOf, type ProgramStructure } from '../../src/program/programStructure.js';
import { firstIssue, issuesOf } from '../_helpers/errors.js';
import { expectDeepFrozen } from '../_helpers/purity.js';

const BILLION = 1_000_000_000n;
const poorHousehold = { householdId: 'h1', history: { records: [{ on: '2024-12-01', status: 'poor' as const }] }, traits: ['in-poor-district' as const] };

describe('programFor: the program in force on a date', () => {
  it('31/12/2025 is the last day of QĐ 90; 01/01/2026 the first of the 2026–2035 program', () => {
    expect(programFor('2025-12-31')).toBe(NTP_SPRR_2021_2025);
    expect(programFor('2026-01-01')).toBe(NTP_2026_2035);
    expect(programFor('2035-12-31')).toBe(NTP_2026_2035);
  });

  it('a date outside every program is an error naming every program and its dates', () => {
    const issue = firstIssue(() => programFor('2036-01-01'));
    expect(issue.code).toBe('no-program-in-force');
    expect(issue.expected).toContain('ntp-sprr-2021-2025 2021-01-01..2025-12-31');
    expect(issue.expected).toContain('ntp-2026-2035 2026-01-01..2035-12-31');
    expect(firstIssue(() => programFor('2024-06-01', { programs: [NTP_SPRR_2021_2025, { ...NTP_2026_2035, effectiveFrom: '2024-01-01' }] })).code).toBe('overlapping-programs');
  });

  it('the built-in programs are frozen and their periods do not overlap', () => {
    expectDeepFrozen(PROGRAMS);
    for (let i = 1; i < PROGRAMS.length; i++) expect(PROGRAMS[i - 1]!.effectiveTo! < PROGRAMS[i]!.effectiveFrom).toBe(true);
  });
});

describe('component questions pick the program in force on their date', () => {
  it('2025-12-31 is answered from the 2021–2025 data (QĐ 90 projects)', () => {
    const e = householdEligibility(poorHousehold, { asOf: '2025-12-31' });
    expect(e.programId).toBe('ntp-sprr-2021-2025');
    expect(e.eligibleComponents).toContain('DA5');
    expect(e.priorityGroups).toEqual([]);
    expect(componentEligibility(poorHousehold, 'DA3.TDA1', { asOf: '2025-12-31' }).eligible).toBe(true);
  });

  it('2026-03-01 is answered from the 2026–2035 data: components HP1 and HP2, no DA codes', () => {
    const e = householdEligibility(poorHousehold, { asOf: '2026-03-01' });
    expect(e.programId).toBe('ntp-2026-2035');
    expect(e.components.map((c) => c.componentCode)).toEqual(['HP1', 'HP2']);
    expect(e.eligibleComponents).toEqual(['HP1']);
    expect(e.components[0]?.reasons[0]?.source).toContain('UNCONFIRMED');
    expect(e.priorityGroups).toEqual([]); // the 2026–2035 priority groups are not known: none applied silently
    expect(issuesOf(() => componentEligibility(poorHousehold, 'DA5', { asOf: '2026-03-01' }))[0]?.code).toBe('unknown-component');
    expect(projectOf(programFor('2026-03-01'), 'hp 1').leadAgency?.nameVi).toContain('Bộ Nông nghiệp và Môi trường');
    expect(projectOf(programFor('2026-03-01'), 'HP2').leadAgency?.nameVi).toBe('Bộ Dân tộc và Tôn giáo');
  });

  it("a caller supplies the unknown parts: the 2026–2035 projects as its own program data", () => {
    const withProjects: ProgramStructure = {
      ...NTP_2026_2035,
      id: 'ntp-2026-2035-local',
      projects: NTP_2026_2035.projects.map((c) =>
        c.code !== 'HP1'
          ? c
          : {
              ...c,
              subProjects: [
                {
                  code: 'HP1.ND3',
                  projectCode: 'HP1',
                  number: 3,
                  nameVi: 'Nội dung 3: hỗ trợ sinh kế',
                  nameEn: 'Content 3: livelihood support',
                  capitalTypes: ['recurrent'],
                  capitalConfidence: 'unconfirmed',
                  targetGroups: [c.targetGroups[0]!],
                  source: 'provincial plan',
                },
              ],
            },
      ),
    };
    expect(componentEligibility(poorHousehold, 'hp1.nd3', { asOf: '2026-03-01', program: withProjects }).eligible).toBe(true);
    expect(findProgramComponent(withProjects, ' HP1.ND3 ')?.code).toBe('HP1.ND3');
  });

  it("poor communes are a target unit: a caller's household group can require the 'in-poor-commune' trait", () => {
    const inPoorCommune = { ...poorHousehold, traits: ['in-poor-commune' as const] };
    const program: ProgramStructure = {
      ...NTP_2026_2035,
      projects: NTP_2026_2035.projects.map((c) =>
        c.code === 'HP1' ? { ...c, targetGroups: [{ ...c.targetGroups[0]!, id: 'poor-commune-households', statuses: [], requires: ['in-poor-commune'] }] } : c,
      ),
    };
    expect(componentEligibility(inPoorCommune, 'HP1', { asOf: '2026-03-01', program }).reasons[0]?.viaCircumstances).toEqual(['in-poor-commune']);
    expect(componentEligibility({ ...poorHousehold, traits: [] }, 'HP1', { asOf: '2026-03-01', program }).eligible).toBe(false);
  });
});

describe('the 2026–2035 program data', () => {
  const sum = (fs: NonNullable<ProgramStructure['funding']>): bigint => fs.reduce((a, f) => a + f.amount, 0n);
  const funding = NTP_2026_2035.funding ?? [];

  it('2026–2030: central 100,000 = 70,000 + 30,000; state budget 423,000 = 100,000 + 300,000 + 23,000; 1,044,000 mobilised', () => {
    const central = funding.filter((f) => f.budgetSource === 'central');
    expect(central.map((f) => [f.capitalType, f.amount / BILLION])).toEqual([
      ['investment', 70_000n],
      ['recurrent', 30_000n],
    ]);
    const state = funding.filter((f) => ['central', 'provincial', 'policy-credit'].includes(f.budgetSource));
    expect(sum(state) / BILLION).toBe(423_000n);
    expect(sum(funding) / BILLION).toBe(1_044_000n);
    expect(NTP_2026_2035.fundingSources).toEqual(['central', 'provincial', 'policy-credit', 'integrated', 'other']);
  });

  it('names its targets on poor communes, its unknowns, and every value has a source and status', () => {
    expect(NTP_2026_2035.targetUnits).toContain('poor-commune');
    expect(NTP_2026_2035.targets?.find((t) => t.id === 'poor-commune-poverty-rate')?.low).toBe('3');
    expect(NTP_2026_2035.targets?.find((t) => t.id === 'ethnic-minority-area-poverty-rate')?.high).toBe('10');
    expect(NTP_2026_2035.unknowns?.map((u) => u.id)).toEqual(['projects', 'allocation-criteria', 'counterpart-tiers', 'poor-commune-list']);
    for (const p of PROGRAMS) {
      for (const v of [...(p.funding ?? []), ...(p.targets ?? [])]) {
        expect(v.source.length).toBeGreaterThan(0);
        expect(['confirmed', 'secondary', 'unconfirmed']).toContain(v.confidence);
      }
    }
    // 2021–2025 (QĐ 90 Part IV): 48,000 + 12,690 + 14,310 = 75,000
    expect(sum(NTP_SPRR_2021_2025.funding ?? []) / BILLION).toBe(75_000n);
  });
});

describe('budget lines pick the program in force in their year', () => {
  it('a 2025 line takes DA codes, a 2026 line HP codes; a DA code in 2026 is refused', () => {
    const lines = budgetLines([
      { amount: 1, unit: 'ty', source: 'central', capitalType: 'recurrent', project: 'DA2', year: 2025 },
      { amount: 1, unit: 'ty', source: 'policy-credit', capitalType: 'recurrent', project: 'hp1', year: 2026 },
      { amount: 1, unit: 'ty', source: 'integrated', capitalType: 'investment', year: 2027 },
    ]);
    expect(lines.map((l) => [l.project, l.source])).toEqual([
      ['DA2', 'central'],
      ['HP1', 'policy-credit'],
      [null, 'integrated'],
    ]);
    const refused = issuesOf(() => budgetLines([{ amount: 1, source: 'central', capitalType: 'recurrent', project: 'DA2', year: 2026 }]));
    expect(refused.map((i) => [i.code, i.path])).toEqual([['unknown-component', [0, 'project']]]);
    expect(refused[0]?.expected).toContain('ntp-2026-2035');
    const outside = issuesOf(() => budgetLines([{ amount: 1, source: 'central', capitalType: 'recurrent', project: 'DA2', year: 2020 }]));
    expect(outside.map((i) => [i.code, i.path])).toEqual([['no-program-in-force', [0, 'year']]]);
    // passing a program answers every line from it
    expect(budgetLines([{ amount: 1, source: 'central', capitalType: 'recurrent', project: 'DA2', year: 2020 }], { program: NTP_SPRR_2021_2025 })[0]?.project).toBe('DA2');
  });

  describe('properties', () => {
    it('every date from 2021 to 2035 has exactly one program, and its period contains the date', () => {
      fc.assert(
        fc.property(fc.date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
          const iso = d.toISOString().slice(0, 10);
          const p = programFor(iso);
          expect(p.effectiveFrom <= iso && iso <= (p.effectiveTo ?? '9999-12-31')).toBe(true);
        }),
      );
    });
  });
});
