import type { CliCommand } from './cliSupport.js';
import { reconcileCommand } from './reconcileCommand.js';
import { classifyCommand } from './classifyCommand.js';
import { summarizeCommand } from './summarizeCommand.js';
import { measuresCommand } from './measuresCommand.js';
import { checkCommand } from './checkCommand.js';
import { templateCommand } from './templateCommand.js';

/** Every `vn-poverty` subcommand by name; registering a command is one line here. */
export const COMMANDS: Readonly<Record<string, CliCommand>> = Object.freeze({
  reconcile: reconcileCommand,
  classify: classifyCommand,
  summarize: summarizeCommand,
  measures: measuresCommand,
  check: checkCommand,
  template: templateCommand,
});
