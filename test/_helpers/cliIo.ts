import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { CliStdin } from '../../src/cli/cliInput.js';
import type { CliIo } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';

/** CLI I/O whose stdout and stderr are captured as text (and the bytes written to stdout, for `--out -`). */
export type CapturedIo = CliIo & { readonly out: () => string; readonly err: () => string; readonly outBytes: () => Buffer };

/** Options of {@link captureIo}. */
export interface CaptureIoOptions {
  /** What `readFile` returns: a map from path to text, or a function of the path. Default: no file at all. */
  readonly files?: Readonly<Record<string, string>> | ((path: string) => string);
  /** Whether stderr looks like a terminal (progress is drawn only on one). Default false. */
  readonly tty?: boolean;
  /** Standard input: its text or bytes (sent in chunks of `stdinChunk` bytes), or `'terminal'` for a terminal. Default: none. */
  readonly stdin?: string | Uint8Array | 'terminal';
  /** Bytes per chunk of standard input (default 7, so that a reader must join chunks). */
  readonly stdinChunk?: number;
  /** Whether stdout looks like a terminal. Default false. */
  readonly stdoutTty?: boolean;
}

function stdinOf(input: string | Uint8Array | 'terminal', chunk: number): CliStdin {
  if (input === 'terminal') return Object.assign(Readable.from([]), { isTTY: true });
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  return Readable.from(chunks);
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
  const bytes: Buffer[] = [];
  return {
    stdout: {
      write: (t: string | Uint8Array) => {
        if (typeof t === 'string') out += t;
        else bytes.push(Buffer.from(t));
      },
      isTTY: options.stdoutTty === true,
    },
    stderr: { write: (t: string | Uint8Array) => (err += String(t)), isTTY: tty },
    ...(options.stdin !== undefined ? { stdin: stdinOf(options.stdin, options.stdinChunk ?? 7) } : {}),
    readFile: async (path: string) => {
      const text = typeof files === 'function' ? files(path) : files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT', errno: -2, syscall: 'open', path });
      return text;
    },
    out: () => out,
    err: () => err,
    outBytes: () => Buffer.concat(bytes),
  };
}

/** Writes `bytes` as `name` in `dir` and runs `vn-poverty reconcile` on it: its exit code and stdout. */
export async function reconcileFileIn(dir: string, name: string, bytes: Uint8Array | string): Promise<{ code: number; out: string }> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const io = captureIo(typeof bytes === 'string' ? { files: { [path]: bytes } } : {});
  const code = await runCli(['reconcile', path], io);
  return { code, out: io.out() };
}
