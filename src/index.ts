/**
 * vn-poverty: Vietnam's multidimensional-poverty arithmetic, exact and explained.
 *
 * This is the pure core: no I/O, no clock, frozen outputs. File formats and the CLI
 * live in the separate `vn-poverty/io` entry and the `vn-poverty` bin.
 *
 * @packageDocumentation
 */

// --- errors ---------------------------------------------------------------
export { VnPovertyError, issue, fail, parseInput } from './errors/VnPovertyError.js';
export type { VnIssue, VnIssues, RuleRef, IssueInit } from './errors/VnPovertyError.js';

// --- numbers and units ----------------------------------------------------
export { Decimal } from './_internal/_decimal.js';
export { ROUNDING_MODES, roundQuotient } from './numbers/rounding.js';
export type { RoundingMode, RoundingOptions, DecimalsOptions } from './numbers/rounding.js';
export {
  fraction,
  toFraction,
  addFractions,
  subtractFractions,
  multiplyFractions,
  divideFractions,
  sumFractions,
  compareFractions,
  roundFraction,
  fractionToDecimal,
  isIntegerFraction,
} from './numbers/fraction.js';
export type { Fraction, ExactInput } from './numbers/fraction.js';
export { rate, exactRate } from './numbers/rate.js';
export type { RateOptions, Count } from './numbers/rate.js';
export { toDong, fromDong, dongIn, dong, sumDong, DONG_PER_UNIT, MONEY_UNIT_LABELS, MONEY_UNITS } from './numbers/money.js';
export type { Dong, MoneyUnit, ToDongOptions } from './numbers/money.js';
export { parseVnNumber, parseExactVnNumber } from './numbers/parseVnNumber.js';
export type { ParsedVnNumber, ParseVnNumberOptions, QuantityKind, NumberQualifier, QualifierMeaning, PrintedUnit } from './numbers/parseVnNumber.js';
export { formatVnNumber } from './numbers/formatVnNumber.js';
export type { FormatVnNumberOptions } from './numbers/formatVnNumber.js';
export { apportion, roundEachPart } from './numbers/apportion.js';
export type { Apportionment, ApportionOptions, RoundedParts } from './numbers/apportion.js';

// --- calendar dates -------------------------------------------------------
export { toIsoDate, isoDateFromParts, dateParts, compareIsoDates, isLeapYear, daysInMonth } from './dates/calendarDate.js';
export type { IsoDate, DateInput, DateParts, ReferenceDateOptions } from './dates/calendarDate.js';

// --- standards and household classification (issue: classification) -------
export { HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABELS_VI, statusRank } from './standards/householdStatus.js';
export type { HouseholdStatus } from './standards/householdStatus.js';
// (exports added by the standards module)

// --- status over time and eligibility --------------------------------------
// (exports added by the status and program modules)

// --- areas, targets and reconciliation -------------------------------------
// (exports added by the areas, targets and reconcile modules)

// --- budgets ----------------------------------------------------------------
// (exports added by the budgets module)

// --- measures (Alkire–Foster, FGT) -----------------------------------------
// (exports added by the measures module)
