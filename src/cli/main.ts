#!/usr/bin/env node
/**
 * The `vn-poverty` bin. All the work is in {@link runCli}; this file only wires it to the process.
 */
import { readFile } from 'node:fs/promises';
import { runCli } from './runCli.js';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, readFile: (path) => readFile(path, 'utf8') }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`vn-poverty: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
