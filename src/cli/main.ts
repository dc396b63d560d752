// hiwar's command line: parses arguments (commander) and hands each command to
// its module. Usage mistakes exit 2, invalid input 1; a crash that is our bug
// still prints one clear line (and the stack only with HIWAR_DEBUG=1).
// Every message comes from the catalogue (src/i18n) in the language of
// `--lang ar|en` (any command), else HIWAR_LANG, else the locale.
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ioText, processIO, quietOnClosedStdout, type IO } from './io.js';
import { messageHint, parseLang, type MessageCode, type MessageRef } from '../i18n/catalogue.js';
import { commanderMessage } from './usage.js';
import type { Command as InputCommand } from './inputs.js';
import { FORMATS, type OutputFormat } from '../workspace/model.js';

const EXIT_USAGE = 2;

/** `--format pdf,docx`: a list of known formats, each once. */
function parseFormats(value: string): OutputFormat[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.find((n) => !(FORMATS as readonly string[]).includes(n)) ?? (names.length ? undefined : value);
  if (unknown !== undefined) throw new CommanderError(EXIT_USAGE, 'hiwar.format', unknown);
  return [...new Set(names)] as OutputFormat[];
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new CommanderError(EXIT_USAGE, 'hiwar.seed', value);
  return n;
}

/** commander's help headings, by the English it passes to `styleTitle` */
const HELP_TITLES: Record<string, MessageCode> = {
  'Usage:': 'help.title-usage',
  'Arguments:': 'help.title-arguments',
  'Options:': 'help.title-options',
  'Global Options:': 'help.title-global-options',
  'Commands:': 'help.title-commands',
};

/** The value of `--lang` in `argv` (`--lang ar`, `--lang=ar`), read before commander so its own errors are in that language. */
function langArg(argv: string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang') value = argv[i + 1] ?? '';
    else if (argv[i].startsWith('--lang=')) value = argv[i].slice('--lang='.length);
  }
  return value;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export async function main(argv: string[], givenIO: IO = processIO): Promise<number> {
  let io = givenIO;
  const wanted = langArg(argv);
  if (wanted !== undefined) {
    const lang = parseLang(wanted);
    if (!lang || !['ar', 'en'].includes(wanted.toLowerCase())) {
      io.err(`${ioText(io, 'core.severity-error')}: ${ioText(io, 'cli.bad-lang', { got: wanted })}`);
      return EXIT_USAGE;
    }
    io = { ...io, lang };
  }
  let exitCode = 0;
  // descriptions in --help come from the catalogue too (commander's headings stay English)
  const h = (code: MessageCode) => ioText(io, code);
  /** A mistake in the command itself: `error: …` (and its hint), exit 2. */
  const usageError = (problem: MessageRef) => {
    io.err(`${ioText(io, 'core.severity-error')}: ${ioText(io, problem.code, problem.params)}`);
    const hint = messageHint(problem.code, io.lang ?? 'en', problem.params);
    if (hint) io.err(`  ${ioText(io, 'core.hint')}: ${hint}`);
    exitCode = EXIT_USAGE;
  };
  /**
   * Folders, patterns the shell did not expand and misspelt names (src/cli/inputs.ts):
   * the problems are printed, the files found are run (as paths from cwd), and
   * a problem makes an otherwise good run exit 1.
   */
  const withInputs = async (args: string[], kind: InputCommand, run: (given: string[]) => Promise<number>): Promise<number> => {
    const { expandInputs } = await import('./inputs.js');
    const { printDiagnostics } = await import('./support.js');
    const inputs = await expandInputs(args, io.cwd, kind);
    printDiagnostics(inputs.problems, io);
    if (inputs.files.length === 0) return 1;
    const code = await run(inputs.files.map((f) => path.relative(io.cwd, f) || f));
    return code === 0 && inputs.problems.length ? 1 : code;
  };
  const program = new Command();
  program
    .name('hiwar')
    .description(h('help.hiwar'))
    .version('0.1.0', '-V, --version', h('help.version'))
    .helpOption('-h, --help', h('help.help'))
    .helpCommand('help [command]', h('help.help'))
    .exitOverride()
    .showHelpAfterError(ioText(io, 'cli.run-help'))
    // commander's own messages (unknown option, missing argument, …) in the catalogue's words
    .configureHelp({ styleTitle: (title) => (HELP_TITLES[title] ? h(HELP_TITLES[title]) : title) })
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: (s, write) => write(commanderMessage(s, io)) });
  program.option('--lang <lang>', h('help.lang'));

  program
    .command('build')
    .option('--lang <lang>', h('help.lang'))
    .description(h('help.build'))
    .argument('<files...>', h('help.lesson-inputs'))
    .option('--out <dir>', h('help.out'), 'out')
    .addOption(new Option('--edition <edition>', h('help.edition')).choices(['student', 'teacher', 'both', 'key', 'all']))
    .addOption(new Option('--paper <paper>', h('help.paper')).choices(['A4', 'letter']))
    .addOption(new Option('--digits <digits>', h('help.digits')).choices(['arabic', 'western']))
    .addOption(new Option('--font <font>', h('help.font')).choices(['amiri', 'noto-naskh']))
    .option('--format <formats>', h('formats.help-format'), parseFormats)
    .option('--seed <n>', h('help.seed-build'), parseSeed)
    .option('--templates <dir>', h('help.templates'))
    .option('--split', h('help.split'))
    .option('--json', h('help.json'))
    .option('--quiet', h('help.quiet'))
    .option('--watch', h('help.watch'))
    .option('--root <dir>', h('help.root-build'))
    .option('--allow-outside', h('help.allow-outside'))
    .action(async (files: string[], opts) => {
      const { buildCommand } = await import('./build.js');
      const { checkOutDir, checkRoot } = await import('../safety/paths.js');
      const { guardBuild } = await import('../safety/interrupt.js');
      const outProblem = checkOutDir(opts.out, io.cwd) ?? checkRoot(opts.root, io.cwd);
      if (outProblem) {
        usageError(outProblem);
        return;
      }
      exitCode = await withInputs(files, 'build', async (given) => {
        // Ctrl-C: report what was built and what was not, leave no partial PDF, exit 130;
        // the guard listens until every PDF is in place
        const guard = opts.watch ? undefined : guardBuild(given, opts, io);
        try {
          return await buildCommand(given, opts, io, undefined, () => guard?.finish());
        } finally {
          guard?.dispose();
        }
      });
    });

  program
    .command('check')
    .option('--lang <lang>', h('help.lang'))
    .description(h('help.check'))
    .argument('<files...>', h('help.check-inputs'))
    .addOption(new Option('--paper <paper>').choices(['A4', 'letter']))
    .addOption(new Option('--digits <digits>').choices(['arabic', 'western']))
    .option('--seed <n>', h('help.seed-check'), parseSeed)
    .option('--root <dir>', h('help.root-check'))
    .option('--allow-outside', h('help.allow-outside'))
    .action(async (files: string[], opts) => {
      const { checkRoot } = await import('../safety/paths.js');
      const rootProblem = checkRoot(opts.root, io.cwd);
      if (rootProblem) {
        usageError(rootProblem);
        return;
      }
      const { checkCommand } = await import('./commands/check.js');
      exitCode = await withInputs(files, 'check', (given) => checkCommand(given, opts, io));
    });

  program
    .command('passages')
    .option('--lang <lang>', h('help.lang'))
    .description(h('help.passages'))
    .argument('<article>', h('help.article-file'))
    .option('--ref <ref>', h('help.ref'))
    .action(async (article: string, opts) => {
      const { passagesCommand } = await import('./commands/passages.js');
      exitCode = await passagesCommand(article, opts, io);
    });

  program
    .command('questions')
    .option('--lang <lang>', h('help.lang'))
    .description(h('help.questions'))
    .argument('<banks...>', h('help.bank-inputs'))
    .option('--tag <tag>', h('help.tag'), collect)
    .option('--level <level>', h('help.level'))
    .action(async (banks: string[], opts) => {
      const { questionsCommand } = await import('./commands/questions.js');
      exitCode = await withInputs(banks, 'banks', (given) => questionsCommand(given, opts, io));
    });

  program
    .command('import')
    .option('--lang <lang>', h('help.lang'))
    .description(h('help.import'))
    .argument('<raw>', h('help.raw'))
    .requiredOption('--id <id>', h('help.article-id'))
    .option('--out <dir>', h('help.import-out'))
    .option('--force', h('help.force'))
    .option('--title <title>', h('help.import-title'))
    .option('--keep-all', h('help.keep-all'))
    .action(async (raw: string, opts) => {
      const { importCommand } = await import('./commands/import.js');
      exitCode = await importCommand(raw, opts, io);
    });

  program
    .command('new')
    .option('--lang <lang>', h('help.lang'))
    .description(h('help.new'))
    .argument('<id>', h('help.lesson-id'))
    .requiredOption('--article <path>', h('help.new-article'))
    .option('--dir <dir>', h('help.dir'), '.')
    .action(async (id: string, opts) => {
      const { newCommand } = await import('./commands/new.js');
      exitCode = await newCommand(id, opts, io);
    });

  program
    .command('studio')
    .option('--lang <lang>', h('help.lang'))
    .description(h('help.studio'))
    .argument('[dir]', h('help.studio-dir'))
    .option('--port <n>', h('help.port'))
    .option('--no-open', h('help.no-open'))
    .action(async (dir: string | undefined, opts) => {
      const { studioCommand } = await import('../studio/command.js');
      exitCode = await studioCommand(dir, opts, io);
    });

  // `hiwar … | head`: once the reader is gone there is nobody left to tell
  if (givenIO === processIO) quietOnClosedStdout();

  // nothing but `--lang X`: no command
  if (argv.every((a, i) => a === '--lang' || a.startsWith('--lang=') || argv[i - 1] === '--lang')) {
    io.err(`${ioText(io, 'core.severity-error')}: ${ioText(io, 'errors.no-command')}\n`);
    io.err(program.helpInformation());
    return EXIT_USAGE;
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      if (err.code === 'hiwar.seed') io.err(`${ioText(io, 'core.severity-error')}: ${ioText(io, 'cli.seed-got', { got: err.message })}`);
      if (err.code === 'hiwar.format') {
        io.err(`${ioText(io, 'core.severity-error')}: ${ioText(io, 'formats.unknown', { got: err.message, formats: FORMATS.join(', ') })}`);
        io.err(`  ${ioText(io, 'core.hint')}: ${messageHint('formats.unknown', io.lang ?? 'en', {})}`);
      }
      return EXIT_USAGE;
    }
    const code = (err as NodeJS.ErrnoException)?.code;
    if (code === 'EMFILE' || code === 'ENFILE') {
      // the system's limit, not a bug in hiwar
      io.err(`hiwar: ${ioText(io, 'core.severity-error')}: ${ioText(io, 'build.too-many-files', { code })}`);
      io.err(`  ${ioText(io, 'core.hint')}: ${messageHint('build.too-many-files', io.lang ?? 'en', { code })}`);
      return 1;
    }
    io.err(ioText(io, 'cli.internal-error', { detail: (err as Error)?.message ?? String(err) }));
    io.err(ioText(io, 'cli.internal-error-hint'));
    if (process.env.HIWAR_DEBUG) io.err(String((err as Error)?.stack));
    return 3;
  }
}
