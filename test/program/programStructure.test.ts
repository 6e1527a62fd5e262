import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VnPovertyError } from '../../src/errors/VnPovertyError.js';
import {
  NTP_SPRR_2021_2025,
  findProgramComponent,
  implementableUnits,
  normaliseComponentCode,
  programComponent,
  programComponents,
  projectOf,
} from '../../src/program/programStructure.js';
import { expectDeepFrozen, expectPure } from '../_helpers/purity.js';

describe('NTP_SPRR_2021_2025', () => {
  it('has 7 projects and 11 sub-projects (QĐ 90 Part III; domain note program-structure.md §4)', () => {
    expect(programComponents(NTP_SPRR_2021_2025)).toHaveLength(18);
    expect(NTP_SPRR_2021_2025.projects.map((p) => p.code)).toEqual(['DA1', 'DA2', 'DA3', 'DA4', 'DA5', 'DA6', 'DA7']);
    expect(NTP_SPRR_2021_2025.projects.map((p) => p.subProjects.length)).toEqual([2, 0, 2, 3, 0, 2, 2]);
    expect(NTP_SPRR_2021_2025.projects.reduce((n, p) => n + p.subProjects.length, 0)).toBe(11);
  });

  it('has 13 implementable units, as "7 dự án với 13 tiểu dự án" (Pác Nặm report)', () => {
    expect(implementableUnits(NTP_SPRR_2021_2025).map((c) => c.code)).toEqual([
      'DA1.TDA1', 'DA1.TDA2', 'DA2', 'DA3.TDA1', 'DA3.TDA2', 'DA4.TDA1', 'DA4.TDA2', 'DA4.TDA3', 'DA5', 'DA6.TDA1', 'DA6.TDA2', 'DA7.TDA1', 'DA7.TDA2',
    ]);
  });

  it('names projects as the seed plans do (seed 004 lines 76, 92, 110; seed 001 line 275)', () => {
    expect(programComponent(NTP_SPRR_2021_2025, 'DA2').nameVi).toBe('Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo');
    expect(programComponent(NTP_SPRR_2021_2025, 'DA3').nameVi).toBe('Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng');
    expect(programComponent(NTP_SPRR_2021_2025, 'DA4').nameVi).toBe('Phát triển giáo dục nghề nghiệp, việc làm bền vững');
    expect(programComponent(NTP_SPRR_2021_2025, 'DA4.TDA2').nameVi).toBe('Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng');
  });

  it('codes are unique, sub-project codes carry their project code and number', () => {
    const codes = programComponents(NTP_SPRR_2021_2025).map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of NTP_SPRR_2021_2025.projects) {
      expect(p.code).toBe(`DA${p.number}`);
      p.subProjects.forEach((s, i) => {
        expect(s.projectCode).toBe(p.code);
        expect(s.number).toBe(i + 1);
        expect(s.code).toBe(`${p.code}.TDA${s.number}`);
      });
    }
  });

  it('every component has a source, at least one capital type, and project capital covers its sub-projects', () => {
    for (const c of programComponents(NTP_SPRR_2021_2025)) {
      expect(c.source).toMatch(/QĐ 90\/QĐ-TTg/);
      expect(c.capitalTypes.length).toBeGreaterThan(0);
      for (const g of c.targetGroups) expect(g.source.length).toBeGreaterThan(0);
    }
    for (const p of NTP_SPRR_2021_2025.projects) {
      for (const s of p.subProjects) for (const t of s.capitalTypes) expect(p.capitalTypes).toContain(t);
    }
  });

  it('is deeply frozen', () => {
    expectDeepFrozen(NTP_SPRR_2021_2025);
  });
});

describe('programComponent', () => {
  it('normalises codes as plans write them', () => {
    expect(normaliseComponentCode(' da 3 - tda 2 ')).toBe('DA3.TDA2');
    expect(normaliseComponentCode('DA03.TDA01')).toBe('DA3.TDA1');
    expect(normaliseComponentCode('Dự án 3')).toBeUndefined();
    expect(programComponent(NTP_SPRR_2021_2025, 'da3.tda2').nameEn).toBe('Nutrition improvement');
  });

  it('throws unknown-component for a code the program lacks', () => {
    expect(() => programComponent(NTP_SPRR_2021_2025, 'DA2.TDA1')).toThrow(VnPovertyError);
    expect(() => programComponent(NTP_SPRR_2021_2025, 'DA8')).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ code: 'unknown-component', value: 'DA8' })] }));
    expect(findProgramComponent(NTP_SPRR_2021_2025, 'DA8')).toBeUndefined();
    expect(findProgramComponent(NTP_SPRR_2021_2025, 'nonsense')).toBeUndefined();
  });

  it('projectOf finds the project of a sub-project', () => {
    expect(projectOf(NTP_SPRR_2021_2025, 'DA4.TDA3').code).toBe('DA4');
    expect(projectOf(NTP_SPRR_2021_2025, 'DA5').code).toBe('DA5');
  });

  it('is pure', () => {
    expectPure(programComponents, NTP_SPRR_2021_2025);
    expectPure(implementableUnits, NTP_SPRR_2021_2025);
    expectPure(programComponent, NTP_SPRR_2021_2025, 'DA6.TDA1');
  });
});

describe('properties', () => {
  const components = programComponents(NTP_SPRR_2021_2025);
  it('looking a component up by its own code gives it back', () => {
    fc.assert(fc.property(fc.constantFrom(...components), (c) => programComponent(NTP_SPRR_2021_2025, c.code) === c));
  });
  it('normalising a normalised code gives it back, whatever the case and spacing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...components), fc.boolean(), fc.constantFrom('.', ' ', '-', ' . '), (c, lower, sep) => {
        const written = c.code.replace('.', sep);
        return normaliseComponentCode(lower ? written.toLowerCase() : written) === c.code;
      }),
    );
  });
});
