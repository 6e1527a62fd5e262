import { expect } from 'vitest';
import { VnPovertyError, type VnIssue, type VnIssues } from '../../src/errors/VnPovertyError.js';

/**
 * The error `fn` throws, or `undefined` when it returns. Anything thrown must be a
 * `VnPovertyError`: any other error fails the test.
 */
export function caughtError(fn: () => unknown): VnPovertyError | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(VnPovertyError);
    return e as VnPovertyError;
  }
  return undefined;
}

/** The `VnPovertyError` that `fn` throws; the test fails when `fn` returns or throws anything else. */
export function thrownError(fn: () => unknown): VnPovertyError {
  const error = caughtError(fn);
  if (error === undefined) expect.unreachable('expected a VnPovertyError, but nothing was thrown');
  return error as VnPovertyError;
}

/** The `VnPovertyError` that `promise` rejects with; the test fails when it resolves or rejects with anything else. */
export async function rejectedError(promise: Promise<unknown>): Promise<VnPovertyError> {
  const error = await promise.then(
    () => expect.unreachable('expected a VnPovertyError, but the promise resolved'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VnPovertyError);
  return error as VnPovertyError;
}

/** The issues of the `VnPovertyError` that `fn` throws; the test fails when `fn` returns or throws anything else. */
export function thrownIssues(fn: () => unknown): VnIssues {
  return thrownError(fn).issues;
}

/** The first issue of the `VnPovertyError` that `fn` throws; the test fails when `fn` returns or throws anything else. */
export function firstIssue(fn: () => unknown): VnIssue {
  return thrownError(fn).issues[0];
}

/** The issues `fn` throws, `[]` when it returns; a thrown error other than `VnPovertyError` fails the test. */
export function issuesOf(fn: () => unknown): ReadonlyArray<VnIssue> {
  return caughtError(fn)?.issues ?? [];
}

/** The code of every issue `fn` throws, `[]` when it returns; a thrown error other than `VnPovertyError` fails the test. */
export function issueCodes(fn: () => unknown): string[] {
  return issuesOf(fn).map((i) => i.code);
}

/** `code@path.to.field` for every issue `fn` throws, `[]` when it returns; a thrown error other than `VnPovertyError` fails the test. */
export function issueCodesAt(fn: () => unknown): string[] {
  return issuesOf(fn).map((i) => `${i.code}@${i.path.join('.')}`);
}

/** The code of the first issue `fn` throws, `undefined` when it returns; a thrown error other than `VnPovertyError` fails the test. */
export function firstIssueCode(fn: () => unknown): string | undefined {
  return caughtError(fn)?.issues[0].code;
}
