// `hiwar studio [DIR] [--port N] [--no-open]`: one line with the address, 127.0.0.1 only, until stopped.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { IO } from '../../src/cli/io.js';
import { studioCommand } from '../../src/studio/command.js';
import { scratchWorkspace } from './helpers.js';

function capture(cwd: string): IO & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t), isTTY: false, cwd };
}

const get = (url: string) =>
  new Promise<number>((resolve, reject) => http.get(url, (res) => (res.resume(), resolve(res.statusCode ?? 0))).on('error', reject));

describe('hiwar studio (the command)', () => {
  it('prints exactly one line with the address and token, serves it on 127.0.0.1, and stops cleanly', async () => {
    const root = scratchWorkspace();
    const io = capture(path.dirname(root));
    const stop = new AbortController();
    const running = studioCommand('ws', { open: false }, io, stop.signal);
    await expect.poll(() => io.lines.length).toBe(1);
    const m = /^hiwar studio: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{20,})$/.exec(io.lines[0]);
    expect(m, io.lines[0]).not.toBeNull();
    expect(await get(io.lines[0].slice('hiwar studio: '.length))).toBe(200);
    expect(await get(`http://127.0.0.1:${m![1]}/`)).toBe(403);
    stop.abort();
    expect(await running).toBe(0);
    expect(io.lines).toHaveLength(1);
    expect(io.errors).toEqual([]);
    await expect(get(`http://127.0.0.1:${m![1]}/`)).rejects.toThrow();
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });

  it('a folder that does not exist, or a bad port, is a usage error (exit 2)', async () => {
    const io = capture(process.cwd());
    expect(await main(['studio', 'no-such-folder-here', '--no-open'], io)).toBe(2);
    expect(io.errors.join('\n')).toMatch(/not a folder: no-such-folder-here/);
    expect(await main(['studio', '.', '--no-open', '--port', 'eighty'], io)).toBe(2);
    expect(io.lines).toEqual([]);
  });
});
