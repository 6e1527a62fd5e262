/** A progress line on a terminal: `\r<label>: 120.000 rows…`, redrawn at most four times a second. */
export interface Progress {
  tick(): void;
  done(): void;
}

/** Something that may be a terminal (`process.stderr` is when attached to one). */
export interface MaybeTerminal {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

const group = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * Shows a running count on `out` only when it is a terminal; otherwise does nothing, so logs
 * and pipes never receive carriage returns.
 */
export function createProgress(out: MaybeTerminal, label: string, unit: string): Progress {
  if (out.isTTY !== true) return { tick() {}, done() {} };
  let count = 0;
  let last = 0;
  let shown = false;
  return {
    tick() {
      count += 1;
      if ((count & 1023) !== 0) return;
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      shown = true;
      out.write(`\r${label}: ${group(count)} ${unit}…`);
    },
    done() {
      if (shown) out.write('\r\u001b[K');
    },
  };
}
