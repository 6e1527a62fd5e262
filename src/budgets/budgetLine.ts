import * as z from 'zod';
import { deepFreeze } from '../_internal/_freeze.js';
import { issue, parseInput, VnPovertyError, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';
import type { Dong, MoneyUnit } from '../numbers/money.js';
import type { RoundingMode } from '../numbers/rounding.js';
import { amountInputSchema, amountToDong, moneyUnitSchema, roundingSchema, type AmountInput } from './_amount.js';
import { BUDGET_SOURCES, type BudgetSource } from './budgetSource.js';
import { CAPITAL_TYPES, findProgramComponent, programComponents, type CapitalType, type ProgramStructure } from '../program/programStructure.js';
import { programFor } from '../program/programs.js';
import { assertOptions } from '../errors/assertOptions.js';

/** An amount as a caller gives it: whole đồng (bigint or safe integer), or a decimal string or Decimal in the line's unit. */
export type { AmountInput } from './_amount.js';

/**
 * One line of a program budget: an amount of one source and one capital type, for one
 * project or sub-project, one administrative unit and one year.
 */
export interface BudgetLine {
  /** The amount in whole đồng (never negative). */
  readonly amount: Dong;
  /** Where the money comes from. */
  readonly source: BudgetSource;
  /** Investment (*đầu tư phát triển*) or recurrent (*sự nghiệp*) capital. */
  readonly capitalType: CapitalType;
  /**
   * Project or sub-project code of the program, normalised (`'da3 tda1'` → `'DA3.TDA1'`), or null
   * for money the plan gives for the program as a whole (seed 004 gives only investment and recurrent totals).
   */
  readonly project: string | null;
  /** The administrative unit the money is for (province, district, commune), or null when the plan does not say. */
  readonly adminUnit: string | null;
  /** The budget year. */
  readonly year: number;
}

/** A budget line as a caller gives it: the amount may be printed in triệu or tỷ đồng. */
export interface BudgetLineInput {
  /** The amount in `unit` (bigint, number, decimal string or Decimal). */
  readonly amount: AmountInput;
  /** Unit of `amount`; đồng when left out. */
  readonly unit?: MoneyUnit;
  readonly source: BudgetSource;
  readonly capitalType: CapitalType;
  /** Project or sub-project code; left out for the program as a whole. */
  readonly project?: string;
  readonly adminUnit?: string;
  readonly year: number;
}

/** Options of {@link budgetLines}. */
export interface BudgetLinesOptions {
  /**
   * How to round an amount that is not a whole number of đồng once converted (e.g. `'0.0000005'`
   * triệu). Without it such an amount is an error (`fractional-dong`).
   */
  readonly rounding?: RoundingMode;
  /**
   * The program whose project and sub-project codes are allowed for every line; when left out,
   * each line's codes are those of the program in force on 1 January of its year (2021–2025:
   * QĐ 90/QĐ-TTg; 2026–2035: components `HP1`, `HP2`), and a year no program covers is an error.
   */
  readonly program?: ProgramStructure;
  /** Programs to choose from when `program` is not given (default `PROGRAMS`). */
  readonly programs?: readonly ProgramStructure[];
}

const lineSchema = z
  .object({
    amount: amountInputSchema,
    unit: moneyUnitSchema.optional(),
    source: z.enum(BUDGET_SOURCES as unknown as [BudgetSource, ...BudgetSource[]]),
    capitalType: z.enum(CAPITAL_TYPES as unknown as [CapitalType, ...CapitalType[]]),
    project: z.string().min(1).optional(),
    adminUnit: z.string().trim().min(1).optional(),
    year: z.number().int().min(2000).max(2100),
  })
  .strict();

const optionsSchema = z
  .object({
    rounding: roundingSchema.optional(),
    program: z.custom<ProgramStructure>((v) => typeof v === 'object' && v !== null && Array.isArray((v as ProgramStructure).projects), 'a ProgramStructure').optional(),
    programs: z.array(z.custom<ProgramStructure>((v) => typeof v === 'object' && v !== null && Array.isArray((v as ProgramStructure).projects), 'a ProgramStructure')).optional(),
  })
  .strict();

/**
 * Validates budget lines and converts every amount to whole đồng, exactly.
 *
 * @param inputs - the lines; amounts in đồng, or in `unit` (`'trieu'`, `'ty'`, …)
 * @param options - a rounding mode for amounts with fractions of a đồng; the program whose codes are allowed
 * @returns the lines, deep-frozen, in the order given
 * @throws VnPovertyError listing every bad field: `invalid-input`, `missing-field`,
 *   `unknown-component`, `negative-amount`, `fractional-dong`.
 * @example
 * budgetLines([{ amount: 2293, unit: 'trieu', source: 'central', capitalType: 'recurrent', project: 'DA2', year: 2024 }])[0].amount
 * //=> 2_293_000_000n
 * @see QĐ 90/QĐ-TTg, Part III (projects) and Part IV (sources and capital types).
 */
export function budgetLines(inputs: readonly BudgetLineInput[], options: BudgetLinesOptions = {}): readonly BudgetLine[] {
  assertOptions(options, 'budgetLines');
  const opts = parseInput(optionsSchema, options);
  const parsed = parseInput(z.array(lineSchema), inputs);
  const issues: VnIssue[] = [];
  const lines: BudgetLine[] = [];
  parsed.forEach((line, i) => {
    let program: ProgramStructure | undefined = opts.program;
    if (program === undefined && line.project !== undefined) {
      try {
        program = programFor(`${line.year}-01-01`, opts.programs === undefined ? {} : { programs: opts.programs });
      } catch (error) {
        if (!(error instanceof VnPovertyError)) throw error;
        issues.push(...error.issues.map((x) => ({ ...x, path: [i, 'year'], value: line.year })));
        return;
      }
    }
    const found = line.project === undefined || program === undefined ? null : findProgramComponent(program, line.project);
    if (found === undefined && program !== undefined) {
      issues.push(
        issue({
          code: 'unknown-component',
          path: [i, 'project'],
          value: line.project,
          expected: `a component code of ${program.id}: ${programComponents(program)
            .map((c) => c.code)
            .join(', ')}`,
          rule: { description: 'components of the program', source: program.source, term: 'dự án, tiểu dự án' },
        }),
      );
      return;
    }
    let amount: Dong;
    try {
      amount = amountToDong(line.amount, line.unit ?? 'dong', opts.rounding, [i]);
    } catch (error) {
      if (error instanceof VnPovertyError) {
        issues.push(...error.issues);
        return;
      }
      throw error;
    }
    if (amount < 0n) {
      issues.push(issue({ code: 'negative-amount', path: [i, 'amount'], value: String(line.amount), expected: 'an amount ≥ 0' }));
      return;
    }
    lines.push({
      amount,
      source: line.source,
      capitalType: line.capitalType,
      project: found === null || found === undefined ? null : found.code,
      adminUnit: line.adminUnit ?? null,
      year: line.year,
    });
  });
  if (issues.length > 0) throw new VnPovertyError(issues as unknown as VnIssues);
  return deepFreeze(lines);
}

/**
 * The code of the project a code belongs to: `'DA3.TDA1'` → `'DA3'`, `'DA2'` → `'DA2'`; null stays null
 * (money for the program as a whole).
 * @example
 * parentProjectCode('DA7.TDA2') //=> 'DA7'
 */
export function parentProjectCode<C extends string | null>(code: C): C {
  if (code === null) return code;
  const dot = code.indexOf('.');
  return (dot < 0 ? code : code.slice(0, dot)) as C;
}
