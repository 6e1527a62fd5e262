import { deepFreeze } from '../_internal/_freeze.js';
import { fraction } from '../numbers/fraction.js';
import { prepareAf } from './_afPrepare.js';
import type { AfData, AfInputOptions } from './afData.js';
import { resultAt, type AfResult } from './alkireFoster.js';
import { povertyCutoff, type PovertyCutoff } from './povertyCutoff.js';
import { assertOptions } from '../errors/assertOptions.js';

/** Options of {@link alkireFosterRobustness}: as {@link AlkireFosterOptions} but with a list of cutoffs or `'all'`. */
export interface AlkireFosterRobustnessOptions extends AfInputOptions {
  /**
   * `'all'`: every k at which identification changes, i.e. every positive score present in the
   * data (the entry at score s applies to every k in (previous score, s]); or a list of cutoffs.
   */
  readonly cutoffs: 'all' | ReadonlyArray<PovertyCutoff>;
}

/**
 * Alkire–Foster results for many cutoffs at once, from one pass over the data (robustness
 * analysis). H and M0 never increase as k rises. Gap measures are not computed here (null).
 *
 * @returns frozen results in ascending order of k (in the order given for a list).
 * @throws VnPovertyError as {@link alkireFoster}.
 * @see Alkire et al. (2015), Multidimensional Poverty Measurement and Analysis, ch. 8 (robustness to k).
 * @example
 * const weights = equalNestedWeights([{ id: 'a', indicators: ['a'] }, { id: 'b', indicators: ['b'] }]);
 * alkireFosterRobustness({ kind: 'deprivations', rows: [[true, true], [true, false], [false, false]] },
 *   { weights, cutoffs: 'all', countBy: 'units' }).map((r) => r.headcountRatio)
 * //=> [{ num: 2n, den: 3n }, { num: 1n, den: 3n }]   (k = 1/2, k = 1)
 */
export function alkireFosterRobustness(data: AfData, options: AlkireFosterRobustnessOptions): ReadonlyArray<AfResult> {
  assertOptions(options, 'alkireFosterRobustness', true);
  const list = options.cutoffs === 'all' ? null : options.cutoffs.map((c) => povertyCutoff(c));
  const prepared = prepareAf(data, options);
  const D = prepared.weights.scoreDenominator;
  const cutoffs =
    list ??
    prepared.total.scores
      .filter((s) => s > 0n)
      .map((s) => {
        const k = fraction(s, D);
        return povertyCutoff({ share: k });
      });
  return deepFreeze(cutoffs.map((c) => resultAt(prepared, c, false)));
}
