// A studio on a scratch copy of the sample workspace, and one headless
// Chromium (from @sparticuz/chromium: the browser ships in the npm package)
// driven by puppeteer-core.
import chromium from '@sparticuz/chromium';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startStudio, type Studio } from '../../src/studio/server.js';

export const REPO = path.resolve(import.meta.dirname, '../..');

/** A fresh copy of lessons/ in a temporary folder (its real path). */
export function scratchWorkspace(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hiwar-studio-')));
  fs.cpSync(path.join(REPO, 'lessons'), path.join(dir, 'ws'), { recursive: true });
  return path.join(dir, 'ws');
}

export async function studioOn(root: string): Promise<Studio> {
  return startStudio({ root });
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = await chromium.executablePath();
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: [...chromium.args, '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
    defaultViewport: { width: 1440, height: 1000 },
  });
}

/** Screenshots of each screen when HIWAR_STUDIO_SHOTS names a folder (to look at them), nothing otherwise. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.HIWAR_STUDIO_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}

/** Wait until the element's text satisfies `test`. */
export async function waitText(page: Page, selector: string, test: string): Promise<string> {
  await page.waitForFunction((sel: string, re: string) => new RegExp(re).test(document.querySelector(sel)?.textContent ?? ''), {}, selector, test);
  return page.$eval(selector, (el) => el.textContent ?? '');
}

export async function pagesShown(page: Page): Promise<number> {
  return page.$eval('#page-count', (el) => Number((el as HTMLElement).dataset.pages));
}
