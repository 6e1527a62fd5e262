import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateFnsAddMonths } from '../_helpers/dateFnsUtc.js';
import { componentEligibility, eligibleHouseholds, householdEligibility } from '../../src/program/componentEligibility.js';
import type { ProgramHousehold } from '../../src/program/componentEligibility.js';
import { HOUSEHOLD_TRAITS, NTP_SPRR_2021_2025_PRIORITY_GROUPS } from '../../src/program/priorityGroups.js';
import type { HouseholdTrait } from '../../src/program/priorityGroups.js';
import { NTP_SPRR_2021_2025, implementableUnits } from '../../src/program/programStructure.js';
import type { BeneficiaryStatus, ProgramStructure } from '../../src/program/programStructure.js';
import type { HouseholdStatus } from '../../src/standards/householdStatus.js';
import type { StatusHistoryInput } from '../../src/status/statusHistory.js';
import { expectPure } from '../_helpers/purity.js';
import { issuesOf } from '../_helpers/errors.js';
import { historyInputArb, isoOfDay } from '../status/_arbitraries.js';

const escapedJan2023: ProgramHousehold = {
  householdId: 'h1',
  history: { priorStatus: 'poor', records: [{ on: '2023-01-31', status: 'average' }] },
  traits: ['child-under-16'],
};

describe('householdEligibility', () => {
  it('a recently escaped household with a child: every unit open to poor, near-poor and recently escaped households', () => {
    const e = expectPure(householdEligibility, escapedJan2023, { asOf: '2024-06-01' });
    expect(e.status).toBe('average');
    expect(e.beneficiaryStatuses).toEqual(['recently-escaped']);
    expect(e.recentlyEscaped.until).toBe('2026-01-31');
    expect(e.eligibleComponents).toEqual(['DA2', 'DA3.TDA1', 'DA3.TDA2', 'DA4.TDA1', 'DA4.TDA2', 'DA4.TDA3', 'DA6.TDA1']);
    expect(e.components).toHaveLength(13);
    const nutrition = e.components.find((c) => c.componentCode === 'DA3.TDA2');
    expect(nutrition?.reasons.map((r) => [r.targetGroupId, r.viaStatus, r.viaCircumstances])).toEqual([
      ['children-of-target-households', 'recently-escaped', ['child-under-16']],
    ]);
    expect(e.priorityGroups).toEqual(['children']);
  });

  it('a poor ethnic-minority household in a poor district: housing (DA5) and the poor-only priority', () => {
    const e = householdEligibility(
      { householdId: 'h2', history: { records: [{ on: '2022-12-01', status: 'poor', review: 'periodic' }] }, traits: ['in-poor-district', 'ethnic-minority'] },
      { asOf: '2023-03-01' },
    );
    expect(e.eligibleComponents).toContain('DA5');
    expect(e.eligibleComponents).toContain('DA6.TDA2');
    expect(e.eligibleComponents).not.toContain('DA3.TDA2');
    expect(e.priorityGroups).toEqual(['ethnic-minority']);
  });

  it('a near-poor household that escaped poverty holds both facts (QĐ 90 leaves it to the component)', () => {
    const e = householdEligibility({ householdId: 'h3', history: { priorStatus: 'poor', records: [{ on: '2023-11-30', status: 'near-poor' }] } }, { asOf: '2024-01-15' });
    expect(e.beneficiaryStatuses).toEqual(['near-poor', 'recently-escaped']);
    expect(componentEligibility({ householdId: 'h3', history: { priorStatus: 'poor', records: [{ on: '2023-11-30', status: 'near-poor' }] } }, 'DA2', { asOf: '2024-01-15' }).reasons[0]?.viaStatus).toBe('near-poor');
  });

  it('after the window the household is eligible only through its circumstances', () => {
    const late = householdEligibility({ ...escapedJan2023, history: escapedJan2023.history, traits: ['in-poor-district'] }, {
      asOf: '2026-02-01',
      program: { ...NTP_SPRR_2021_2025, effectiveTo: null },
    });
    expect(late.beneficiaryStatuses).toEqual([]);
    expect(late.eligibleComponents).toEqual(['DA2', 'DA3.TDA1', 'DA4.TDA2', 'DA6.TDA1']);
    expect(late.components.flatMap((c) => c.reasons).every((r) => r.viaStatus === null)).toBe(true);
  });

  it('a household poor again is poor, not recently escaped', () => {
    const e = householdEligibility(
      { householdId: 'h4', history: { priorStatus: 'poor', records: [{ on: '2022-12-01', status: 'non-poor' }, { on: '2023-12-01', status: 'poor' }] } },
      { asOf: '2024-06-01' },
    );
    expect(e.beneficiaryStatuses).toEqual(['poor']);
    expect(e.recentlyEscaped.reason).toBe('status-does-not-qualify');
  });

  it('refuses a date outside the program period, bad traits and bad histories', () => {
    expect(issuesOf(() => householdEligibility(escapedJan2023, { asOf: '2026-01-01', program: NTP_SPRR_2021_2025 }))[0]?.code).toBe('outside-program-period');
    expect(issuesOf(() => householdEligibility(escapedJan2023, { asOf: '2020-12-31' }))[0]?.code).toBe('no-program-in-force');
    expect(issuesOf(() => householdEligibility(escapedJan2023, { asOf: '2024-02-30' }))[0]?.code).toBe('invalid-date');
    expect(issuesOf(() => householdEligibility({ ...escapedJan2023, traits: ['rich' as HouseholdTrait] }, { asOf: '2024-06-01' }))[0]?.code).toBe('invalid-input');
    const bad = issuesOf(() =>
      householdEligibility({ householdId: 'x', history: { records: [{ on: '2023-01-01', status: 'poor' }, { on: '2023-01-01', status: 'near-poor' }] } }, { asOf: '2024-06-01' }),
    );
    expect(bad.map((i) => [i.code, i.path])).toEqual([['duplicate-status-date', ['history', 'records', 1, 'on']]]);
  });
});

describe('componentEligibility and eligibleHouseholds', () => {
  const list: ProgramHousehold[] = [
    { householdId: 'a', history: { records: [{ on: '2022-12-01', status: 'poor' }] }, traits: ['in-poor-district', 'woman-member'] },
    { householdId: 'b', history: { records: [{ on: '2022-12-01', status: 'near-poor' }] } },
    { householdId: 'c', history: { records: [{ on: '2022-12-01', status: 'non-poor' }] }, traits: ['in-poor-district'] },
    { householdId: 'd', history: { records: [{ on: '2022-12-01', status: 'near-poor' }] }, traits: ['in-poor-district'] },
  ];

  it('DA5 housing: poor and near-poor households in poor districts only', () => {
    const r = expectPure(eligibleHouseholds, list, 'DA5', { asOf: '2024-06-01' });
    expect(r.map((h) => h.householdId)).toEqual(['a', 'd']);
    expect(r[0]?.priorityGroups).toEqual(['women']);
  });

  it('a project code stands for its sub-projects', () => {
    const e = componentEligibility(list[1]!, 'DA4', { asOf: '2024-06-01' });
    expect(e.eligible).toBe(true);
    expect([...new Set(e.reasons.map((r) => r.componentCode))]).toEqual(['DA4.TDA1', 'DA4.TDA2', 'DA4.TDA3']);
    expect(componentEligibility(list[1]!, 'DA7', { asOf: '2024-06-01' }).eligible).toBe(false);
    expect(componentEligibility(list[2]!, 'DA1', { asOf: '2024-06-01' }).eligible).toBe(false);
  });

  it('reports every bad household with its index, and duplicates', () => {
    const issues = issuesOf(() =>
      eligibleHouseholds([list[0]!, { householdId: 'z', history: { records: [{ on: '2023-02-29', status: 'poor' }] } }, list[0]!], 'DA2', { asOf: '2024-06-01' }),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid-date', [1, 'history', 'records', 0, 'on']],
      ['duplicate-household', [2, 'householdId']],
    ]);
    expect(issuesOf(() => eligibleHouseholds(list, 'DA9', { asOf: '2024-06-01' }))[0]?.code).toBe('unknown-component');
  });

  it('priority groups are data the caller can replace', () => {
    const onlyWomen = NTP_SPRR_2021_2025_PRIORITY_GROUPS.filter((g) => g.id === 'women');
    expect(eligibleHouseholds(list, 'DA5', { asOf: '2024-06-01', priorityGroups: [] })[0]?.priorityGroups).toEqual([]);
    expect(eligibleHouseholds(list, 'DA5', { asOf: '2024-06-01', priorityGroups: onlyWomen })[0]?.priorityGroups).toEqual(['women']);
  });
});

describe('properties', () => {
  const program: ProgramStructure = { ...NTP_SPRR_2021_2025, effectiveFrom: '2015-01-01', effectiveTo: null };
  const units = implementableUnits(program);
  const dayArb = fc.integer({ min: Date.UTC(2015, 0, 1) / 86_400_000, max: Date.UTC(2035, 11, 31) / 86_400_000 });
  const householdArb = fc.record({
    history: historyInputArb,
    traits: fc.subarray([...HOUSEHOLD_TRAITS]),
  });

  /** Beneficiary statuses computed independently: linear scan, and date-fns for the 36 months. */
  function independentStatuses(h: { history: StatusHistoryInput }, asOf: string): BeneficiaryStatus[] {
    const recs = [...h.history.records].map((r) => ({ on: r.on as string, status: r.status })).sort((x, y) => (x.on < y.on ? -1 : 1));
    let status: HouseholdStatus | null = h.history.priorStatus ?? null;
    let anchor: string | null = null;
    for (const r of recs) {
      if (r.on > asOf) break;
      if (status === 'poor' && r.status !== 'poor') anchor = r.on;
      status = r.status;
    }
    const out: BeneficiaryStatus[] = [];
    if (status === 'poor') out.push('poor');
    if (status === 'near-poor') out.push('near-poor');
    if (anchor !== null && status !== 'poor') {
      const last = dateFnsAddMonths(anchor, 36);
      if (asOf <= last) out.push('recently-escaped');
    }
    return out;
  }

  it('eligibility never includes a household whose status at that date excludes it', () => {
    fc.assert(
      fc.property(householdArb, dayArb, fc.constantFrom(...units), (h, day, unit) => {
        const asOf = isoOfDay(day);
        const statuses = independentStatuses(h, asOf);
        const r = componentEligibility({ householdId: 'x', ...h }, unit.code, { asOf, program });
        const expected = unit.targetGroups.some(
          (g) => g.level === 'household' && g.requires.every((c) => h.traits.includes(c)) && (g.statuses.length === 0 || g.statuses.some((s) => statuses.includes(s))),
        );
        return (
          r.eligible === expected &&
          r.reasons.every((reason) => (reason.viaStatus === null ? true : statuses.includes(reason.viaStatus)) && reason.viaCircumstances.every((c) => h.traits.includes(c)))
        );
      }),
    );
  });

  it('a list gives the same households as one-by-one, whatever the order of each history', () => {
    fc.assert(
      fc.property(fc.array(householdArb, { maxLength: 8 }), dayArb, fc.constantFrom('DA2', 'DA3.TDA2', 'DA5', 'DA6.TDA2'), (hs, day, code) => {
        const asOf = isoOfDay(day);
        const list = hs.map((h, i) => ({ householdId: `h${i}`, ...h }));
        const reversed = list.map((h) => ({ ...h, history: { ...h.history, records: [...h.history.records].reverse() } }));
        const bulk = eligibleHouseholds(list, code, { asOf, program }).map((e) => e.householdId);
        const single = list.filter((h) => componentEligibility(h, code, { asOf, program }).eligible).map((h) => h.householdId);
        expect(eligibleHouseholds(reversed, code, { asOf, program })).toEqual(eligibleHouseholds(list, code, { asOf, program }));
        expect(bulk).toEqual(single);
      }),
    );
  });

  it('priority groups only ever name beneficiaries (poor, near-poor or recently escaped)', () => {
    fc.assert(
      fc.property(householdArb, dayArb, (h, day) => {
        const asOf = isoOfDay(day);
        const e = householdEligibility({ householdId: 'x', ...h }, { asOf, program });
        return e.priorityGroups.length === 0 || independentStatuses(h, asOf).length > 0;
      }),
    );
  });
});
