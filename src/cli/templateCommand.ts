import { isoDateFromParts, type IsoDate } from '../dates/calendarDate.js';
import { checkOutputPath } from '../io/_atomicOutput.js';
import { formatOfPath } from '../io/readRows.js';
import { writeRegisterTemplate } from '../io/writeRegisterTemplate.js';
import { standardFor } from '../standards/standards.js';
import { badInput, cliDate, errorText, EXIT_OK, failedOnInput, parseCliArgs, type CliCommand, type CliIo, type ExitCode } from './cliSupport.js';

const HELP = `Usage: vn-poverty template register --out mau.xlsx|mau.csv [--as-of DATE]

Writes a blank household register to fill in: a "Sổ hộ" sheet with the headers vn-poverty
classify reads (Mã hộ, Khu vực, Thu nhập/tháng (đồng), Tuổi các thành viên and one
"Thiếu hụt: …" column per indicator of the standard), one example row, drop-down lists for
the area (nông thôn / thành thị) and the yes/no columns (có / không), and a "Hướng dẫn"
sheet saying how to fill in each column. A .csv gets the header and the example row.

Options:
  --out FILE     the template to write (.xlsx or .csv); an existing file is replaced whole
  --as-of DATE   the reference date of the review: its standard's indicators get a column
                 (default today)
  -h, --help     this help

Exit status: 0 written; 2 bad options or the file cannot be written.
`;

const KINDS = ['register'] as const;

/** Today's calendar date on this machine's clock (the CLI is the edge; the core never reads a clock). */
function today(): IsoDate {
  const now = new Date();
  return isoDateFromParts({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCliArgs(argv, { out: { type: 'string', short: 'o' }, 'as-of': { type: 'string' } });
  if (!args.ok) return badInput(io, `template: ${args.message} (see vn-poverty template --help)`);
  if (args.values['help'] === true) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  const kind = args.positionals[0];
  if (args.positionals.length !== 1 || !(KINDS as readonly string[]).includes(kind ?? '')) return badInput(io, `template: expected what to write: ${KINDS.join(', ')} (see vn-poverty template --help)`);
  const out = args.values['out'];
  if (typeof out !== 'string' || out === '-') return badInput(io, 'template: --out FILE.xlsx (or .csv) is required');
  const asOfText = args.values['as-of'];
  let asOf = today();
  if (typeof asOfText === 'string') {
    const date = cliDate(asOfText, '--as-of');
    if (!date.ok) return badInput(io, `template: ${date.message}`);
    asOf = date.date;
  }
  try {
    formatOfPath(out);
    await checkOutputPath(out);
  } catch (error) {
    return badInput(io, `template: ${errorText(error)}`);
  }
  try {
    const standard = standardFor(asOf);
    await writeRegisterTemplate(out, { standard });
    io.stdout.write(`vn-poverty template: register for ${standard.id} (${standard.indicators.length} indicators) written to ${out}\n`);
    return EXIT_OK;
  } catch (error) {
    return failedOnInput(io, 'template', error);
  }
}

/** `vn-poverty template register --out mau.xlsx`: a blank household register to fill in; exit 0 / 2. */
export const templateCommand: CliCommand = Object.freeze({
  name: 'template',
  summary: 'write a blank household register to fill in (XLSX with lists and instructions, or CSV)',
  help: HELP,
  run,
});
