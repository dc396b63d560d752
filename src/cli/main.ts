// hiwar's command line: parses arguments (commander) and hands each command to
// its module. Usage mistakes exit 2, invalid input 1; a crash that is our bug
// still prints one clear line (and the stack only with HIWAR_DEBUG=1).
// Every message comes from the catalogue (src/i18n) in the language of
// `--lang ar|en` (any command), else HIWAR_LANG, else the locale.
import { Command, CommanderError, Option } from 'commander';
import { ioText, processIO, type IO } from './io.js';
import { parseLang } from '../i18n/catalogue.js';
import { commanderMessage } from './usage.js';

const EXIT_USAGE = 2;

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new CommanderError(EXIT_USAGE, 'hiwar.seed', value);
  return n;
}

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
  const program = new Command();
  program
    .name('hiwar')
    .description('حوار — Arabic discussion handouts from news articles (student and teacher editions, course packs)')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError(ioText(io, 'cli.run-help'))
    // commander's own messages (unknown option, missing argument, …) in the catalogue's words
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: (s, write) => write(commanderMessage(s, io)) });
  const LANG_HELP = 'language of messages: ar | en (default: from HIWAR_LANG or the locale)';
  program.option('--lang <lang>', LANG_HELP);

  program
    .command('build')
    .option('--lang <lang>', LANG_HELP)
    .description('build lessons and courses into PDFs (student and teacher editions)')
    .argument('<files...>', 'lesson or course YAML files')
    .option('--out <dir>', 'output folder', 'out')
    .addOption(new Option('--edition <edition>', 'which edition(s) to build').choices(['student', 'teacher', 'both']).default('both'))
    .addOption(new Option('--paper <paper>', 'paper size').choices(['A4', 'letter']))
    .addOption(new Option('--digits <digits>', 'digits for numbering and page numbers').choices(['arabic', 'western']))
    .addOption(new Option('--font <font>', 'typeface').choices(['amiri', 'noto-naskh']))
    .option('--seed <n>', 'seed for `pick` and shuffles', parseSeed)
    .option('--templates <dir>', 'use your own Handlebars templates from this folder')
    .option('--split', 'a course also writes each lesson alone')
    .option('--json', 'print a machine-readable summary on stdout')
    .option('--quiet', 'print nothing but errors')
    .option('--watch', 'rebuild when a lesson, bank, article or template changes')
    .action(async (files: string[], opts) => {
      const { buildCommand } = await import('./build.js');
      const { checkOutDir } = await import('../safety/paths.js');
      const { guardBuild } = await import('../safety/interrupt.js');
      const outProblem = checkOutDir(opts.out, io.cwd);
      if (outProblem) {
        io.err(`${ioText(io, 'core.severity-error')}: ${ioText(io, outProblem.code, outProblem.params)}`);
        exitCode = EXIT_USAGE;
        return;
      }
      // Ctrl-C: report what was built and what was not, leave no partial PDF, exit 130
      const guard = opts.watch ? undefined : guardBuild(files, opts, io);
      try {
        exitCode = await buildCommand(files, opts, io);
      } finally {
        guard?.dispose();
      }
    });

  program
    .command('check')
    .option('--lang <lang>', LANG_HELP)
    .description('validate everything a build would read; writes nothing')
    .argument('<files...>', 'lesson or course YAML files')
    .addOption(new Option('--paper <paper>').choices(['A4', 'letter']))
    .addOption(new Option('--digits <digits>').choices(['arabic', 'western']))
    .option('--seed <n>', 'seed for `pick`', parseSeed)
    .action(async (files: string[], opts) => {
      const { checkCommand } = await import('./commands/check.js');
      exitCode = await checkCommand(files, opts, io);
    });

  program
    .command('passages')
    .option('--lang <lang>', LANG_HELP)
    .description('list the paragraph and sentence refs of an article with their text')
    .argument('<article>', 'article file (.md)')
    .option('--ref <ref>', 'show what one ref resolves to, e.g. p5.s1-s2')
    .action(async (article: string, opts) => {
      const { passagesCommand } = await import('./commands/passages.js');
      exitCode = await passagesCommand(article, opts, io);
    });

  program
    .command('questions')
    .option('--lang <lang>', LANG_HELP)
    .description('list the questions of one or more question banks')
    .argument('<banks...>', 'question bank files')
    .option('--tag <tag>', 'only questions with this tag (repeatable)', collect)
    .option('--level <level>', 'only questions of this Bloom level')
    .action(async (banks: string[], opts) => {
      const { questionsCommand } = await import('./commands/questions.js');
      exitCode = await questionsCommand(banks, opts, io);
    });

  program
    .command('import')
    .option('--lang <lang>', LANG_HELP)
    .description('make an article file from a raw text copied from a web page')
    .argument('<raw>', 'the raw text file')
    .requiredOption('--id <id>', 'the article id ([a-z0-9-]+)')
    .option('--out <dir>', 'folder to write <id>.md into')
    .option('--force', 'overwrite an existing article file')
    .action(async (raw: string, opts) => {
      const { importCommand } = await import('./commands/import.js');
      exitCode = await importCommand(raw, opts, io);
    });

  program
    .command('new')
    .option('--lang <lang>', LANG_HELP)
    .description('scaffold a lesson that lists the article\'s passages')
    .argument('<id>', 'lesson id ([a-z0-9-]+)')
    .requiredOption('--article <path>', 'the article the lesson quotes')
    .option('--dir <dir>', 'folder to write <id>.yaml into', '.')
    .action(async (id: string, opts) => {
      const { newCommand } = await import('./commands/new.js');
      exitCode = await newCommand(id, opts, io);
    });

  program
    .command('studio')
    .description('a local web app in Arabic for the workspace DIR: import, lessons, banks, overlays, courses, live preview')
    .argument('[dir]', 'the workspace folder (default: this folder)')
    .option('--port <n>', 'port to serve on (default: a free one)')
    .option('--no-open', 'do not open the browser')
    .action(async (dir: string | undefined, opts) => {
      const { studioCommand } = await import('../studio/command.js');
      exitCode = await studioCommand(dir, opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      if (err.code === 'hiwar.seed') io.err(`${ioText(io, 'core.severity-error')}: ${ioText(io, 'cli.seed-got', { got: err.message })}`);
      return EXIT_USAGE;
    }
    io.err(ioText(io, 'cli.internal-error', { detail: (err as Error)?.message ?? String(err) }));
    io.err(ioText(io, 'cli.internal-error-hint'));
    if (process.env.HIWAR_DEBUG) io.err(String((err as Error)?.stack));
    return 3;
  }
}
