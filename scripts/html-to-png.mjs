#!/usr/bin/env node
// Screenshot a web edition in the bundled headless Chromium, to look at it:
//   node scripts/html-to-png.mjs out/LESSON-student.html [out.png] [--full] [--print]
// --full takes the whole page, --print the print stylesheet (answer lines).
import chromium from '@sparticuz/chromium';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const args = process.argv.slice(2);
const [file, out = file.replace(/\.html$/, '.png')] = args.filter((a) => !a.startsWith('--'));
const browser = await puppeteer.launch({ executablePath: await chromium.executablePath(), headless: true, args: [...chromium.args, '--no-sandbox', '--disable-gpu'], defaultViewport: { width: 900, height: 1200 } });
try {
  const page = await browser.newPage();
  if (args.includes('--print')) await page.emulateMediaType('print');
  await page.goto(`file://${path.resolve(file)}`, { waitUntil: 'load' });
  await page.screenshot({ path: out, fullPage: args.includes('--full') });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
