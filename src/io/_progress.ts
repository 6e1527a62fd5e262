/**
 * A progress line on a terminal, redrawn at most four times a second:
 * `\r<label>: 120.000 households…`, and when the input's size is known
 * `\r<label>: 120.000 households, 45% of 212 MB, about 1 min 20 s left`.
 */
export interface Progress {
  /** One more item (household, row) done. */
  tick(): void;
  /** How many bytes of the input have been read so far (for the share done and the time left). */
  bytes(read: number): void;
  /** Clears the line. */
  done(): void;
}

/** Something that may be a terminal (`process.stderr` is when attached to one). */
export interface MaybeTerminal {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** The size of the input in bytes, when known (a file's size): adds the share done and the time left. */
  readonly totalBytes?: number;
  /** The clock in milliseconds (default `Date.now`); tests pass their own. */
  readonly now?: () => number;
}

const group = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * A size for people: `212 MB`, `3,4 MB`, `850 KB` (1 MB = 1,000,000 bytes, as file managers show).
 * @example
 * sizeText(212_345_678) //=> '212 MB'
 */
export function sizeText(bytes: number): string {
  const units: ReadonlyArray<readonly [number, string]> = [
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const v = bytes / size;
      return `${v >= 10 ? Math.round(v) : (Math.round(v * 10) / 10).toString().replace('.', ',')} ${unit}`;
    }
  }
  return `${bytes} B`;
}

/**
 * A duration for people, rounded: `45 s`, `1 min 20 s`, `2 h 05 min`.
 * @example
 * durationText(80_000) //=> '1 min 20 s'
 */
export function durationText(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/**
 * Shows a running count on `out` only when it is a terminal; otherwise does nothing, so logs
 * and pipes never receive carriage returns. With the input's size it adds the share read and
 * an estimate of the time left (from the rate so far, once a second and 1 % have passed).
 */
export function createProgress(out: MaybeTerminal, label: string, unit: string, options: ProgressOptions = {}): Progress {
  if (out.isTTY !== true) return { tick() {}, bytes() {}, done() {} };
  const now = options.now ?? Date.now;
  const total = options.totalBytes !== undefined && options.totalBytes > 0 ? options.totalBytes : undefined;
  const started = now();
  let count = 0;
  let read = 0;
  let last = 0;
  let shown = false;
  const draw = (): void => {
    const t = now();
    if (t - last < 250) return;
    last = t;
    shown = true;
    let text = `${label}: ${group(count)} ${unit}`;
    if (total !== undefined) {
      const share = Math.min(1, read / total);
      text += `, ${Math.floor(share * 100)}% of ${sizeText(total)}`;
      const elapsed = t - started;
      if (elapsed >= 1000 && share >= 0.01 && share < 1) text += `, about ${durationText((elapsed * (1 - share)) / share)} left`;
    } else {
      text += '…';
    }
    out.write(`\r${text}\u001b[K`);
  };
  return {
    tick() {
      count += 1;
      if ((count & 1023) === 0) draw();
    },
    bytes(n) {
      read = n;
    },
    done() {
      if (shown) out.write('\r\u001b[K');
    },
  };
}
