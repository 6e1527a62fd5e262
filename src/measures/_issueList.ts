/** A bounded collector of validation issues, thrown together. */
import { VnPovertyError, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';

/** Most issues kept from one input (the rest are dropped: the first ones show the pattern). */
export const MAX_ISSUES = 50;

/** Collects issues, then throws them together. */
export interface IssueList {
  add(found: VnIssue): void;
  /** Whether any issue was added. */
  readonly any: boolean;
  throwIfAny(): void;
}

/** Collects up to {@link MAX_ISSUES} issues, then throws them together. */
export function issueList(): IssueList {
  const list: VnIssue[] = [];
  return {
    add(found) {
      if (list.length < MAX_ISSUES) list.push(found);
    },
    get any() {
      return list.length > 0;
    },
    throwIfAny() {
      if (list.length > 0) throw new VnPovertyError(list as unknown as VnIssues);
    },
  };
}
