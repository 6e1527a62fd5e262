/**
 * What the benchmarks share: sizes from environment variables, a deterministic generator,
 * timing and memory figures. Not a benchmark itself (`bench/run-all.ts` runs only files
 * named `*.bench.ts`).
 */
import { performance } from 'node:perf_hooks';

/**
 * A positive whole number from the environment variable `name`, or `fallback` when it is unset
 * or empty. Digit-group separators matching `separators` are ignored (`2_000_000`, `2,000,000`).
 *
 * @throws Error when the value is not a positive safe integer.
 */
export function readSize(name: string, fallback: number, separators: RegExp = /[_,]/g): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(separators, ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got ${raw}`);
  return n;
}

/** A deterministic xorshift32 generator of numbers in [0, 1), so every run sees the same data. */
export function xorshift32(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

/** Runs `fn` once and returns its value with the wall-clock milliseconds it took. */
export function timed<T>(fn: () => T): { readonly ms: number; readonly value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** `count` items in `ms` milliseconds as a whole number per second, with digit grouping (`1,234,567`). */
export function perSecond(count: number, ms: number): string {
  return Math.round(count / (ms / 1000)).toLocaleString('en-US');
}

/** This process's peak resident memory so far, in MiB (`process.resourceUsage().maxRSS` is in KiB). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
