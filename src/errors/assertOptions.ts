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
  if (options === undefined) {
    if (!required) return;
    fail({ code: 'missing-options', path: ['options'], value: undefined, expected: `the options object of ${fn} (it has required fields)`, message: `${fn}: options: missing; ${fn} needs an options object (see its documentation for the required fields)` });
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    fail({
      code: 'invalid-options',
      path: ['options'],
      value: Array.isArray(options) ? 'an array' : options === null ? null : typeof options === 'function' ? 'a function' : options,
      expected: `an options object for ${fn}${required ? '' : ' (or leave it out)'}`,
      message: `${fn}: options: got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options === 'string' ? JSON.stringify(options) : String(typeof options === 'function' ? 'a function' : options)}, expected an options object${required ? '' : ' (or leave it out)'}`,
    });
  }
}
