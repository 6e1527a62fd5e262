import { readFixture } from '../_helpers/fixtures.js';

/** One row of test/fixtures/syn_cdta.csv (Suppa's synthetic survey from mpitb; see syn_cdta.NOTICE.md). */
export interface SynRow {
  readonly deprivations: ReadonlyArray<0 | 1 | null>;
  readonly area: number;
  readonly region: number;
  readonly weight: string;
  readonly stratum: string;
  readonly psu: string;
  readonly t: number;
}

/** The ten indicators in the order of the standard workload (data README). */
export const SYN_INDICATORS = ['d_nutr', 'd_cm', 'd_satt', 'd_educ', 'd_elct', 'd_sani', 'd_wtr', 'd_hsg', 'd_ckfl', 'd_asst'] as const;

/** The standard workload's dimensions: health, education, living standards (equal nested weights). */
export const SYN_DIMENSIONS = [
  { id: 'health', indicators: ['d_nutr', 'd_cm'] },
  { id: 'education', indicators: ['d_satt', 'd_educ'] },
  { id: 'living', indicators: ['d_elct', 'd_sani', 'd_wtr', 'd_hsg', 'd_ckfl', 'd_asst'] },
] as const;

/** Reads the fixture (all 15,000 rows). */
export function readSynCdta(): SynRow[] {
  const [header = '', ...lines] = readFixture('syn_cdta.csv').trim().split('\n');
  const cols = header.split(',');
  const at = (name: string): number => cols.indexOf(name);
  return lines.map((line) => {
    const f = line.split(',');
    return {
      deprivations: SYN_INDICATORS.map((name) => {
        const v = f[at(name)];
        return v === '' ? null : v === '1' ? 1 : 0;
      }),
      area: Number(f[at('area')]),
      region: Number(f[at('region')]),
      weight: f[at('weight')] ?? '',
      stratum: f[at('stratum')] ?? '',
      psu: f[at('psu')] ?? '',
      t: Number(f[at('t')]),
    };
  });
}
