// hiwar's command line: parses arguments (commander) and hands each command to
// its module. Usage mistakes exit 2, invalid input 1; a crash that is our bug
// still prints one clear line (and the stack only with HIWAR_DEBUG=1).
import { Command, CommanderError, Option } from 'commander';
import { processIO, type IO } from './io.js';

const EXIT_USAGE = 2;

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new CommanderError(EXIT_USAGE, 'hiwar.seed', `--seed must be a whole number, got "${value}"`);
  return n;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export async function main(argv: string[], io: IO = processIO): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('hiwar')
    .description('حوار — Arabic discussion handouts from news articles (student and teacher editions, course packs)')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(run "hiwar --help" for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  program
    .command('build')
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
        io.err(`error: ${outProblem}`);
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
    .description('list the paragraph and sentence refs of an article with their text')
    .argument('<article>', 'article file (.md)')
    .option('--ref <ref>', 'show what one ref resolves to, e.g. p5.s1-s2')
    .action(async (article: string, opts) => {
      const { passagesCommand } = await import('./commands/passages.js');
      exitCode = await passagesCommand(article, opts, io);
    });

  program
    .command('questions')
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
      if (err.code === 'hiwar.seed') io.err(`error: ${err.message}`);
      return EXIT_USAGE;
    }
    io.err(`hiwar: internal error: ${(err as Error)?.message ?? String(err)}`);
    io.err('  this is a bug in hiwar, not in your files; please report it with the command you ran');
    if (process.env.HIWAR_DEBUG) io.err(String((err as Error)?.stack));
    return 3;
  }
}
