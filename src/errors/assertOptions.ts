import { fail } from './VnPovertyError.js';

/**
 * Checks the options argument of a public function before anything reads it: an object (or,
 * when the options may be left out, `undefined`). `null`, a number, a string, an array or a
 * function is refused with a {@link VnPovertyError} naming the function and the argument, never
 * a `TypeError` from reading a property of it.
 *
 * @param options - what the caller passed.
 * @param fn - the function's name, for the message.
 * @param required - whether the options must be given (they hold a required field).
 * @throws VnPovertyError `missing-options` (required and absent), `invalid-options`.
 * @example
 * assertOptions({ decimals: 2 }, 'rate', true) //=> undefined
 * assertOptions(null, 'rate', true) // throws: code 'invalid-options', path ['options']
 */
export function assertOptions(options: unknown, fn: string, required = false): void {
  if (typeof options === 'object' ? options !== null && !Array.isArray(options) : options === undefined && !required) return;
  const what = Array.isArray(options) ? 'an array' : typeof options === 'function' ? 'a function' : undefined;
  const or = required ? '' : ' (or leave it out)';
  fail({
    code: options === undefined ? 'missing-options' : 'invalid-options',
    path: ['options'],
    value: what ?? options,
    expected: `an options object for ${fn}${required ? ' (it has required fields)' : or}`,
    message: `${fn}: options: ${options === undefined ? 'missing' : `got ${what ?? (typeof options === 'string' ? JSON.stringify(options) : String(options))}`}, expected an options object${or}`,
  });
}
