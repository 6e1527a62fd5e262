import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { checkCommand } from '../../src/cli/checkCommand.js';
import { classifyCommand } from '../../src/cli/classifyCommand.js';
import { measuresCommand } from '../../src/cli/measuresCommand.js';
import { reconcileCommand } from '../../src/cli/reconcileCommand.js';
import { runCli } from '../../src/cli/runCli.js';
import { summarizeCommand } from '../../src/cli/summarizeCommand.js';
import { templateCommand } from '../../src/cli/templateCommand.js';
import type { CliCommand } from '../../src/cli/cliSupport.js';

const MODULES: readonly CliCommand[] = [reconcileCommand, classifyCommand, summarizeCommand, measuresCommand, checkCommand, templateCommand];

function capture() {
  let out = '';
  let err = '';
  return { io: { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: (s: string) => ((err += s), true) } }, out: () => out, err: () => err };
}

describe('COMMANDS (loaded when run)', () => {
  it("each command's name and summary are those of its module", () => {
    expect(Object.keys(COMMANDS)).toEqual(MODULES.map((c) => c.name));
    for (const c of MODULES) expect({ name: COMMANDS[c.name]!.name, summary: COMMANDS[c.name]!.summary }).toEqual({ name: c.name, summary: c.summary });
  });

  it("`help NAME` and `NAME --help` print the module's full help", async () => {
    for (const c of MODULES) {
      const a = capture();
      expect(await runCli(['help', c.name], a.io as never)).toBe(0);
      expect(a.out()).toBe(c.help);
      const b = capture();
      expect(await runCli([c.name, '--help'], b.io as never)).toBe(0);
      expect(b.out()).toBe(c.help);
    }
  });
});
