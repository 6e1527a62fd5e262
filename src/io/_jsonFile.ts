/**
 * JSON files at the edge (layout specs, indicator specifications): read as strict UTF-8 by the
 * caller, a byte-order mark dropped, an empty file or a syntax error refused naming the file and
 * the line and column, and schema errors named by the file and the field.
 */
import { VnPovertyError, fail, issue, type VnIssue, type VnIssues } from '../errors/VnPovertyError.js';

/** Where the first syntax error of a JSON text is (0-based offset), by a small recursive descent. */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fault = (): never => {
    throw i;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fault();
  };
  const string = (): void => {
    if (text[i] !== '"') fault();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fault();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fault();
          i += 4;
        } else if (text[i] === undefined || !'"\\/bfnrt'.includes(text[i]!)) fault();
      }
      i++;
    }
    if (i >= text.length) fault();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ':') fault();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fault();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fault();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      if (m === null) fault();
      i += m![0].length;
    }
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return typeof at === 'number' ? at : 0;
  }
}

/**
 * Parses the text of a JSON file: a leading byte-order mark (Windows Notepad writes one) is
 * dropped; an empty file and a syntax error are refused naming the file, and the line and column
 * of the error.
 *
 * @throws VnPovertyError `empty-file`, `invalid-json`.
 */
export function parseJsonText(text: string, label: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') fail({ code: 'empty-file', path: [label], value: '', expected: 'a JSON document', message: `${label}: the file is empty; expected a JSON document` });
  try {
    return JSON.parse(body) as unknown;
  } catch {
    const at = Math.max(0, jsonErrorOffset(body));
    const before = body.slice(0, at).split(/\r\n|\n|\r/);
    const line = before.length;
    const column = before[before.length - 1]!.length + 1;
    const near = at >= body.length ? 'at the end of the file (is something left unclosed?)' : `at ${JSON.stringify(body.slice(at, at + 12))}`;
    return fail({ code: 'invalid-json', path: [label], value: body.slice(Math.max(0, at - 20), at + 20), expected: 'a JSON document', message: `${label}: not valid JSON: line ${line}, column ${column}, ${near}` });
  }
}

/**
 * Runs `fn` (a check of what a file holds) and names the file in every issue it throws: each
 * message starts `<label>: `, and an issue whose path is the field's path within `prefix` gets
 * the whole path (`tables.3.columns.0.kind: got "number", …`).
 *
 * @throws VnPovertyError the issues of `fn`, named by the file.
 */
export function withinFile<T>(label: string, fn: () => T, prefix: ReadonlyArray<string | number> = []): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof VnPovertyError)) throw error;
    const issues: VnIssue[] = error.issues.map((i) => {
      const path = [...prefix, ...i.path];
      const composed = issue({ code: i.code, path: i.path, value: i.value, expected: i.expected, ...(i.rule === undefined ? {} : { rule: i.rule }) }).message;
      // a message the library composed from path, value and expected is composed again with the whole path
      const message = composed === i.message ? issue({ code: i.code, path, value: i.value, expected: i.expected, ...(i.rule === undefined ? {} : { rule: i.rule }) }).message : i.message;
      return { ...i, path, message: message.startsWith(`${label}: `) ? message : `${label}: ${message}` };
    });
    throw new VnPovertyError(issues as unknown as VnIssues);
  }
}
