import { randomBytes } from 'node:crypto';
import { constants, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { access, open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fail } from '../errors/VnPovertyError.js';

/**
 * How a temporary file of {@link openAtomicOutput} is opened for writing: `'r+'`, never `'w'`.
 * The file was just created empty (`wx`), so there is nothing to truncate; and on ext4 a
 * truncation (`O_TRUNC`, even of an empty file) marks the file to have its delayed allocation
 * flushed when it is closed (`auto_da_alloc`): closing a freshly written 235 MB result then took
 * 0.1–0.13 s. Without it the close returns at once; renaming over an existing file still flushes
 * (the same heuristic, which the rename's guarantee needs). @internal
 */
export const TEMP_FILE_FLAGS = 'r+';

/**
 * An output file written atomically: everything goes to a temporary file in the target's own
 * folder, which replaces the target (one `rename`) only on {@link AtomicOutput.commit}. Until
 * then an existing file at the target is untouched; {@link AtomicOutput.abort} removes the
 * temporary file and leaves the target as it was.
 */
export interface AtomicOutput {
  /** The file the output will replace. */
  readonly path: string;
  /** Where it is written meanwhile (same folder, hidden name ending `.tmp`). */
  readonly tempPath: string;
  /** Renames the temporary file over the target. */
  commit(): Promise<void>;
  /** Removes the temporary file (never the target). Safe to call twice or after commit. */
  abort(): Promise<void>;
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/**
 * Checks that `path` can be written ({@link checkOutputPath}) and creates the temporary file beside it.
 *
 * @throws VnPovertyError `missing-folder`, `not-a-folder`, `unwritable-folder`, `output-is-folder`, `read-only-output`, naming the path.
 */
export async function openAtomicOutput(path: string): Promise<AtomicOutput> {
  await checkOutputPath(path);
  const target = resolve(path);
  const folder = dirname(target);
  const where = [path];
  const tempPath = join(folder, `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await (await open(tempPath, 'wx')).close();
  } catch (error) {
    fail({ code: 'unwritable-folder', path: where, value: folder, expected: 'a folder this user may write to', message: `cannot write ${path}: ${error instanceof Error ? error.message : String(error)}` });
  }
  let done = false;
  return {
    path,
    tempPath,
    async commit() {
      if (done) return;
      await rename(tempPath, target);
      done = true;
    },
    async abort() {
      if (done) return;
      done = true;
      await rm(tempPath, { force: true });
    },
  };
}

/**
 * Writes a whole file atomically ({@link openAtomicOutput}): the bytes go to a temporary file
 * beside `path`, renamed over it once complete; on any failure the temporary file is removed and
 * an existing file at `path` is left as it was.
 *
 * @throws VnPovertyError as {@link openAtomicOutput}; the write's own error (a full disk).
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const output = await openAtomicOutput(path);
  try {
    await writeFile(output.tempPath, data, { flag: TEMP_FILE_FLAGS });
    await output.commit();
  } catch (error) {
    await output.abort();
    throw error;
  }
}

/**
 * Checks, before any work, that an output file could be written: its folder exists, is a
 * folder and is writable, and the path is not a folder nor a file marked read-only.
 *
 * @throws VnPovertyError `missing-folder`, `not-a-folder`, `unwritable-folder`, `output-is-folder`, `read-only-output`, naming the path.
 */
export async function checkOutputPath(path: string): Promise<void> {
  const target = resolve(path);
  const folder = dirname(target);
  const where = [path];
  try {
    const s = await stat(folder);
    if (!s.isDirectory()) fail({ code: 'not-a-folder', path: where, value: folder, expected: 'an existing folder for the output file', message: `cannot write ${path}: ${folder} is not a folder` });
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') {
      fail({ code: 'missing-folder', path: where, value: folder, expected: 'an existing folder for the output file', message: `cannot write ${path}: the folder ${folder} does not exist` });
    }
    throw error;
  }
  try {
    const existing = await stat(target);
    if (existing.isDirectory()) {
      fail({ code: 'output-is-folder', path: where, value: path, expected: 'a file name, not a folder', message: `cannot write ${path}: it is a folder; give a file name (e.g. ${join(path, 'ket-qua.csv')})` });
    }
    // a file marked read-only (no write permission for anyone, Windows' read-only attribute) is kept: the rename would replace it anyway, even for its owner
    if (existing.isFile() && (existing.mode & 0o222) === 0) {
      fail({ code: 'read-only-output', path: where, value: path, expected: 'an output file that may be replaced', message: `cannot write ${path}: the file is read-only; choose another output file, or make it writable first` });
    }
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
  try {
    await access(folder, constants.W_OK);
  } catch {
    fail({ code: 'unwritable-folder', path: where, value: folder, expected: 'a folder this user may write to', message: `cannot write ${path}: no permission to write in ${folder}` });
  }
}

/** The real path of a file that may not exist yet: its folder's real path plus its name. */
async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * Refuses an output that is one of the inputs: the same real path (symbolic links followed)
 * or the same file under another name (a hard link). Call it before anything is opened.
 *
 * @throws VnPovertyError `output-is-input`, naming both paths.
 */
export async function assertOutputIsNotInput(output: string, inputs: ReadonlyArray<string>): Promise<void> {
  const out = await realTarget(output);
  const outStat = await stat(out).catch(() => undefined);
  for (const input of inputs) {
    const real = await realTarget(input);
    const inStat = await stat(real).catch(() => undefined);
    const sameFile = real === out || (outStat !== undefined && inStat !== undefined && outStat.dev === inStat.dev && outStat.ino === inStat.ino);
    if (sameFile) {
      fail({
        code: 'output-is-input',
        path: [output],
        value: output,
        expected: 'an output file other than the input',
        message: `--out ${output} is the input file ${input}: writing it would destroy the input; choose another output file`,
      });
    }
  }
}

/** A write stream to a temporary file that replaces its target on `finish`. @internal */
export interface AtomicStream {
  readonly stream: WriteStream;
  /** Ends the stream and renames the file over the target. */
  finish(): Promise<void>;
  /** Destroys the stream and removes the temporary file; the target is untouched. */
  abort(): Promise<void>;
}

/** Opens an {@link AtomicStream} for `path` (checked as {@link openAtomicOutput} checks it). @internal */
export async function openAtomicStream(path: string, options: { readonly highWaterMark?: number } = {}): Promise<AtomicStream> {
  const output = await openAtomicOutput(path);
  const stream = createWriteStream(output.tempPath, { flags: TEMP_FILE_FLAGS, ...(options.highWaterMark !== undefined ? { highWaterMark: options.highWaterMark } : {}) });
  await once(stream, 'open');
  return {
    stream,
    async finish() {
      stream.end();
      await once(stream, 'finish');
      await output.commit();
    },
    async abort() {
      if (!stream.destroyed) {
        stream.destroy();
        await once(stream, 'close').catch(() => undefined);
      }
      await output.abort();
    },
  };
}
