import { badInput, EXIT_OK, type CliCommand, type CliIo, type ExitCode } from './cliSupport.js';
import { COMMANDS } from './commands.js';

function usage(commands: Readonly<Record<string, CliCommand>>): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  return `Usage: vn-poverty <command> [options]

Commands:
${Object.values(commands)
  .map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)
  .join('\n')}

Run vn-poverty <command> --help for a command's options, vn-poverty --version for the version.
Every input file may be - (standard input) and every --out may be - (standard output);
--json prints the result as JSON (see docs/files-and-cli.md).
`;
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** The command registry; `COMMANDS` unless told (tests register fakes). */
  readonly commands?: Readonly<Record<string, CliCommand>>;
  /** What `--version` prints (the bin passes the package's version). */
  readonly version?: string;
}

/**
 * Runs `vn-poverty` on its arguments (without `node` and the script) with the given I/O,
 * and resolves to the exit code: 0 ok, 1 findings, 2 bad input. Never calls `process.exit`.
 * `--version` (or `-V`) prints `vn-poverty <version>`.
 *
 * @example
 * await runCli(['reconcile', 'seed001.csv', '--layout', 'commune-targets'], { stdout, stderr, readFile }) //=> 1
 */
export async function runCli(argv: readonly string[], io: CliIo, options: RunCliOptions = {}): Promise<ExitCode> {
  const commands = options.commands ?? COMMANDS;
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(usage(commands));
    return badInput(io, 'no command given');
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`vn-poverty ${options.version ?? 'unknown'}\n`);
    return EXIT_OK;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const target = rest[0];
    if (name === 'help' && target !== undefined) {
      const command = Object.prototype.hasOwnProperty.call(commands, target) ? commands[target] : undefined;
      if (command === undefined) return badInput(io, `unknown command ${JSON.stringify(target)}; commands: ${Object.keys(commands).join(', ')}`);
      return command.run(['--help'], io); // the command's own --help (its module is loaded only then)
    }
    io.stdout.write(usage(commands));
    return EXIT_OK;
  }
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (command === undefined) return badInput(io, `unknown command ${JSON.stringify(name)}; commands: ${Object.keys(commands).join(', ')}`);
  return command.run(rest, io);
}
