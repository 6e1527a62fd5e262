import type { CliCommand, CliIo, ExitCode } from './cliSupport.js';

/**
 * A command whose module is loaded only when it runs (or prints its help): `vn-poverty classify`
 * does not load the Word, workbook and reconciliation code of the other commands. Its summary is
 * here, for the command list (a test checks it is the module's own).
 */
function lazy(name: string, summary: string, load: () => Promise<CliCommand>): CliCommand {
  let loaded: Promise<CliCommand> | undefined;
  return Object.freeze({
    name,
    summary,
    help: `Run vn-poverty ${name} --help for its options.\n`,
    run: async (argv: readonly string[], io: CliIo): Promise<ExitCode> => (await (loaded ??= load())).run(argv, io),
  });
}

/** Every `vn-poverty` subcommand by name; registering a command is one line here. */
export const COMMANDS: Readonly<Record<string, CliCommand>> = Object.freeze({
  reconcile: lazy('reconcile', 'check a printed table (CSV or XLSX) against its layout: totals, differences, rates, bounds', async () => (await import('./reconcileCommand.js')).reconcileCommand),
  classify: lazy('classify', 'classify every household of a register (CSV or XLSX) under the standard in force on a date', async () => (await import('./classifyCommand.js')).classifyCommand),
  summarize: lazy('summarize', 'count classified households per unit or area, with rates and roll-ups (CSV or XLSX)', async () => (await import('./summarizeCommand.js')).summarizeCommand),
  measures: lazy('measures', 'Alkire–Foster measures of a survey file with standard errors, as a long table (CSV or XLSX)', async () => (await import('./measuresCommand.js')).measuresCommand),
  check: lazy('check', 'check a whole plan (.docx, .xlsx, .txt): its tables and the figures of its text', async () => (await import('./checkCommand.js')).checkCommand),
  template: lazy('template', 'write a blank household register to fill in (XLSX with lists and instructions, or CSV)', async () => (await import('./templateCommand.js')).templateCommand),
});
