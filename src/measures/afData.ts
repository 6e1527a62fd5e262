/**
 * The inputs of the Alkire–Foster functions: a deprivation matrix, an achievement matrix with
 * cutoffs, or typed-array columns for the bulk path, and the options they share.
 */
import type { ExactInput } from '../numbers/fraction.js';
import type { NestedWeights, NestedWeightsInput } from './nestedWeights.js';

/** Integer typed arrays accepted for weights, sizes and group codes in the columnar path. */
export type IntegerColumn = Float64Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

/** One entry of a deprivation matrix: deprived (`true`/`1`), not deprived (`false`/`0`) or missing (`null`). */
export type DeprivationEntry = boolean | 0 | 1 | null;

/** Per-unit columns shared by the row inputs. */
export interface AfUnitColumns {
  /** Sampling (expansion) weight of each unit, ≥ 0; all 1 when absent. */
  readonly sampleWeights?: ReadonlyArray<ExactInput>;
  /** Household size of each unit (whole number ≥ 1); required when counting members. */
  readonly sizes?: ReadonlyArray<number>;
  /** Subgroup label of each unit (area, region…); when given, results carry a subgroup decomposition. */
  readonly groups?: ReadonlyArray<string | number>;
  /** Named grouping columns (one label per unit each) for decompositions by several columns and their crossings in one pass. */
  readonly by?: ReadonlyArray<AfByValues>;
}

/** A grouping column of the row input: its name and one label per unit. */
export interface AfByValues {
  readonly name: string;
  readonly values: ReadonlyArray<string | number>;
}

/** A grouping column of the columnar input: its name, one whole-number code per unit, and optionally the label of each code. */
export interface AfByCodes {
  readonly name: string;
  /** Code of each unit, a whole number in [0, number of codes). */
  readonly codes: IntegerColumn;
  /** Label of each code; codes are labelled by their decimal text when absent. */
  readonly labels?: ReadonlyArray<string>;
}

/** A deprivation matrix: units × indicators, columns in the order of the weights' indicators. */
export interface AfDeprivationData extends AfUnitColumns {
  readonly kind: 'deprivations';
  readonly rows: ReadonlyArray<ReadonlyArray<DeprivationEntry>>;
}

/** An achievement matrix with deprivation cutoffs: deprived in j when achievement < cutoffs[j] (strict). */
export interface AfAchievementData extends AfUnitColumns {
  readonly kind: 'achievements';
  readonly rows: ReadonlyArray<ReadonlyArray<ExactInput | null>>;
  /** Deprivation cutoffs z_j (> 0), one per indicator. */
  readonly cutoffs: ReadonlyArray<ExactInput>;
}

/**
 * Columnar input for the bulk path: one `Uint8Array` of 0/1 per indicator (all the same
 * length), optional integer sampling weights and sizes (safe integers ≥ 0 / ≥ 1; a common
 * scale of the weights cancels out of every measure), and optional integer group codes.
 * Missing values are not representable here: drop or recode them first.
 */
export interface AfColumnarData {
  readonly kind: 'columns';
  readonly deprivations: ReadonlyArray<Uint8Array>;
  readonly sampleWeights?: IntegerColumn;
  /**
   * The common denominator of the sampling weights: unit i weighs `sampleWeights[i] / sampleWeightScale`
   * (default 1). Fractional weights are kept exact this way (e.g. weights with 4 decimals: scale 10000).
   */
  readonly sampleWeightScale?: bigint | number;
  readonly sizes?: IntegerColumn;
  /** Group code of each unit, a whole number in [0, number of groups). */
  readonly groups?: IntegerColumn;
  /** Label of each group code; codes are labelled by their decimal text when absent. */
  readonly groupLabels?: ReadonlyArray<string>;
  /** Named grouping columns for decompositions by several columns and their crossings, all in one pass. */
  readonly by?: ReadonlyArray<AfByCodes>;
}

/** Any Alkire–Foster input. */
export type AfData = AfDeprivationData | AfAchievementData | AfColumnarData;

/** Who is counted: the units identified (households), or their members (people, via sizes). */
export type AnalysisUnit = 'units' | 'members';

/** What to do with a missing entry: drop the whole unit, or count it as not deprived. */
export type MissingPolicy = 'drop-unit' | 'not-deprived';

/** Shared options of the Alkire–Foster functions. */
export interface AfInputOptions {
  /** Nested weights (dimensions → indicators) summing to exactly 1; indicator order = column order. */
  readonly weights: NestedWeightsInput | NestedWeights;
  /** Count units or members (members need `sizes`). No default: household- and person-weighted results differ. */
  readonly countBy: AnalysisUnit;
  /** Policy for missing entries; required only when the data has any. */
  readonly missing?: MissingPolicy;
  /**
   * The decompositions wanted from the data's `by` columns: a column name (`'area'`), or a list
   * of names to cross (`['area', 'region']`). Default: each `by` column on its own. All are
   * computed in the same single pass over the data.
   */
  readonly groupings?: ReadonlyArray<string | ReadonlyArray<string>>;
}

/** How missing entries were handled. */
export interface AfMissingReport {
  /** The policy applied, or null when the data had no missing entry. */
  readonly policy: MissingPolicy | null;
  /** Units dropped because of a missing entry. */
  readonly droppedUnits: number;
  /** Missing entries per indicator (column order). */
  readonly missingEntries: ReadonlyArray<number>;
}

