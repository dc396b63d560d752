// The PDF reader the tests use (pdf.js, tests/helpers/pdf.ts) runs in a thread
// of its own: its Node build replaces and adds JavaScript builtins when it
// loads, and hiwar's code under test must run on the builtins Node gives it.
// A fresh V8 context (node:vm) has exactly those, so it is the reference.
import vm from 'node:vm';
import PDFDocument from 'pdfkit';
import { expect, test } from 'vitest';
import { readPages, readPdf } from '../helpers/pdf.js';

function tinyPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', info: { Title: 'reader' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('first page');
  doc.addPage().text('second page');
  doc.end();
  return done;
}

const BUILTINS = ['Array.prototype', 'Promise', 'Set.prototype', 'ArrayBuffer.prototype', 'JSON', 'Function.prototype'] as const;

/** own property names of the builtins above, and which of their functions are V8's own */
const shape = (realm: typeof globalThis) =>
  Object.fromEntries(
    BUILTINS.map((name) => {
      const target = name.split('.').reduce<any>((o, k) => o[k], realm);
      const props = Object.getOwnPropertyNames(target).sort();
      const scripted = props.filter((p) => {
        const d = Object.getOwnPropertyDescriptor(target, p)!;
        return typeof d.value === 'function' && !realm.Function.prototype.toString.call(d.value).includes('[native code]');
      });
      return [name, { props, scripted }];
    }),
  );

test('reads text, page sizes and metadata', async () => {
  const bytes = await tinyPdf();
  const pages = await readPages(bytes);
  expect(pages.map((p) => p.items.map((i) => i.str).join(''))).toEqual(['first page', 'second page']);
  const doc = await readPdf(bytes, { text: false, metadata: true });
  expect(doc.numPages).toBe(2);
  expect(doc.pages[0].view.map(Math.round)).toEqual([0, 0, 420, 595]);
  expect(doc.info!.Title).toBe('reader');
});

test("after reading PDFs, the test process's builtins are still Node's own (pdf.js keeps its polyfills in its thread)", async () => {
  await readPages(await tinyPdf());
  const fresh = vm.runInNewContext('globalThis') as typeof globalThis;
  expect(shape(globalThis)).toEqual(shape(fresh));
  expect('Iterator' in globalThis).toBe('Iterator' in fresh);
  expect(Function.prototype.toString.call(Array.prototype.push)).toContain('[native code]');
});

test('a file that is not a PDF is an error, and the reader goes on', async () => {
  await expect(readPdf(Buffer.from('not a pdf'))).rejects.toThrow(/pdf\.js: /);
  expect((await readPdf(await tinyPdf())).numPages).toBe(2);
});

test('a PDF read again gives the same reading, a copy of its own each time', async () => {
  const bytes = await tinyPdf();
  const first = await readPdf(bytes);
  first.pages[0].items!.length = 0;
  const again = await readPdf(bytes);
  expect(again.pages[0].items!.map((i) => i.str).join('')).toBe('first page');
  expect(await readPdf(bytes, { text: false })).not.toHaveProperty('pages.0.items');
});
