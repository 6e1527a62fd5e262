import type { CliIo } from '../../src/cli/cliSupport.js';

/** CLI I/O whose stdout and stderr are captured as text. */
export type CapturedIo = CliIo & { readonly out: () => string; readonly err: () => string };

/** Options of {@link captureIo}. */
export interface CaptureIoOptions {
  /** What `readFile` returns: a map from path to text, or a function of the path. Default: no file at all. */
  readonly files?: Readonly<Record<string, string>> | ((path: string) => string);
  /** Whether stderr looks like a terminal (progress is drawn only on one). Default false. */
  readonly tty?: boolean;
}

/**
 * Fake CLI I/O for `runCli`: output captured, files served from memory. A path with no file
 * fails as Node's `readFile` would: an error with code `ENOENT`, its `path` and the message
 * `ENOENT: no such file or directory, open '<path>'`.
 */
export function captureIo(options: CaptureIoOptions = {}): CapturedIo {
  const { files = {}, tty = false } = options;
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t), isTTY: tty } as CliIo['stderr'],
    readFile: async (path: string) => {
      const text = typeof files === 'function' ? files(path) : files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT', errno: -2, syscall: 'open', path });
      return text;
    },
    out: () => out,
    err: () => err,
  };
}
