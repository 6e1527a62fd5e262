/** The checks a table's relations declare, and how one is run: shared by `reconcileTable` and the structural checks. */
import type { CheckContext, Indexed } from './_checkContext.js';
import { checkCommonBase, commonBaseChecks, type CommonBaseCheck } from './_commonBaseChecks.js';
import { checkInequality, inequalityChecks, type InequalityCheck } from './_inequalityChecks.js';
import { checkNumbering, numberingChecks, type NumberingCheck } from './_numberingChecks.js';
import { checkProduct, productChecks, type ProductCheck } from './_productChecks.js';
import { checkRate, rateChecks, shortcutIndexes, type RateCheck, type ShortcutIndexes } from './_rateChecks.js';
import { checkSum, sumChecks, type SumCheck } from './_sumChecks.js';

/** One check of one cell (or row) against one relation. */
export type Check = SumCheck | RateCheck | NumberingCheck | InequalityCheck | CommonBaseCheck | ProductCheck;

/** Every check the relations of a validated table declare, in relation order. */
export function tableChecks(ix: Indexed): Check[] {
  return ix.table.relations.flatMap((rel): Check[] => [...numberingChecks(rel), ...sumChecks(rel, ix), ...rateChecks(rel, ix), ...inequalityChecks(rel, ix), ...commonBaseChecks(rel, ix), ...productChecks(rel, ix)]);
}

/** A runner of checks over one context; the shortcut indexes are built only when a rate does not reconcile. */
export function checkRunner(checks: readonly Check[]): (check: Check, ctx: CheckContext) => void {
  let indexes: ShortcutIndexes | null = null;
  const lazyIndexes = (): ShortcutIndexes => (indexes ??= shortcutIndexes(checks));
  return (check, ctx) => {
    switch (check.kind) {
      case 'numbering':
        checkNumbering(check, ctx);
        break;
      case 'sum':
        checkSum(check, ctx);
        break;
      case 'rate':
        checkRate(check, ctx, lazyIndexes);
        break;
      case 'inequality':
        checkInequality(check, ctx);
        break;
      case 'common-base':
        checkCommonBase(check, ctx);
        break;
      case 'product':
        checkProduct(check, ctx);
        break;
    }
  };
}
