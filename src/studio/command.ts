// `hiwar studio [DIR] [--port N] [--no-open]`: start the studio for the
// workspace DIR, print its one address line, open the browser, and serve
// until Ctrl-C (exit 130) or SIGTERM (143).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { IO } from '../cli/io.js';
import { printError } from '../cli/support.js';
import { realRoot } from './paths.js';
import { startStudio } from './server.js';

/**
 * The one line the studio prints, `hiwar studio: URL` (SPEC §7): scripts and
 * editors read the address from it, so it is the same in every language.
 */
export const ADDRESS_LEAD = 'hiwar studio: ';

export interface StudioFlags {
  port?: string;
  open?: boolean;
}

/** Open `url` in the teacher's browser; says nothing if there is no way to. */
export function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no opener: the printed address is enough
  }
}

export async function studioCommand(dir: string | undefined, flags: StudioFlags, io: IO, signal?: AbortSignal): Promise<number> {
  const wanted = path.resolve(io.cwd, dir ?? '.');
  if (!fs.existsSync(wanted) || !fs.statSync(wanted).isDirectory()) {
    printError(io, 'studio.not-a-folder', { dir: dir ?? '.' });
    return 2;
  }
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    printError(io, 'studio.bad-port', { port: flags.port ?? '' });
    return 2;
  }
  let studio;
  try {
    studio = await startStudio({ root: realRoot(wanted), port });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE' || (e as NodeJS.ErrnoException).code === 'EACCES') {
      printError(io, 'studio.port-busy', { port });
      return 2;
    }
    throw e;
  }
  io.out(ADDRESS_LEAD + studio.url);
  if (flags.open !== false) openBrowser(studio.url);
  const stop = signal ?? new AbortController().signal;
  const how = await new Promise<number>((resolve) => {
    const done = (code: number) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code);
    };
    const onInt = () => done(130);
    const onTerm = () => done(143);
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    stop.addEventListener('abort', () => done(0), { once: true });
  });
  await studio.close();
  return how;
}
