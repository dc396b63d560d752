// Draws a bar chart with Arabic labels as a PNG, with hiwar's own text engine
// (shaping, bidi) into a one-page PDF that MuPDF rasterizes and crops.
// The chart of the second sample unit was made with:
//   node scripts/make-chart.mjs lessons/figures/takedowns-by-quarter.json lessons/figures/takedowns-by-quarter.png
// The JSON gives { title, unit, note, bars: [{ label, value, shown }] }; `shown` is the value as printed.
import fs from 'node:fs';
import { register } from 'node:module';
import * as mupdf from 'mupdf';

register('../src/build/dev-loader.mjs', import.meta.url);
const { loadFamily, layoutLine } = await import('../src/text/index.ts');
const { writePdf } = await import('../src/pdf/writer.ts');

const [specFile, outFile, dpiArg = '200'] = process.argv.slice(2);
if (!specFile || !outFile) {
  console.error('usage: node scripts/make-chart.mjs SPEC.json OUT.png [DPI]');
  process.exit(2);
}
const spec = JSON.parse(fs.readFileSync(specFile, 'utf8'));
const family = loadFamily('amiri');
const text = (t, size, color = '#1a1a1a', weight = 'regular') => layoutLine(t, { size, color, weight }, family, 'rtl');

// the chart, in points, inside an A4 page (then cropped)
const W = 440;
const H = 270;
const left = 30;
const top = 30;
const ops = [];
const put = (line, cx, y) => ops.push({ op: 'text', line, x: left + cx - line.naturalWidth / 2, y: top + y });
const title = text(spec.title, 13, '#1a1a1a', 'bold');
put(title, W / 2, 0);
const plotTop = 60;
const plotBottom = H - 50;
const max = Math.max(...spec.bars.map((b) => b.value)) * 1.15;
const n = spec.bars.length;
const slot = (W - 40) / n;
ops.push({ op: 'hline', x1: left + 10, x2: left + W - 10, y: top + plotBottom, color: '#5a5a5a', width: 1 });
spec.bars.forEach((b, i) => {
  // the first bar on the right: the chart reads right to left, like the text
  const cx = W - 20 - slot * (i + 0.5);
  const h = ((plotBottom - plotTop) * b.value) / max;
  const bw = slot * 0.55;
  ops.push({ op: 'rect', x: left + cx - bw / 2, y: top + plotBottom - h, w: bw, h, fill: '#1f4e79' });
  put(text(b.shown, 12, '#1a1a1a', 'bold'), cx, plotBottom - h - 22);
  put(text(b.label, 11), cx, plotBottom + 6);
});
if (spec.note) put(text(spec.note, 9, '#5a5a5a'), W / 2, H - 22);

const pdf = await writePdf([{ ops, bookmarks: [], decorated: false }], { title: spec.title, paper: 'A4' });
const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
const scale = Number(dpiArg) / 72;
const page = doc.loadPage(0);
const m = mupdf.Matrix.scale(scale, scale);
// crop to the chart (with a small white margin)
const bbox = [Math.floor((left - 10) * scale), Math.floor((top - 10) * scale), Math.ceil((left + W + 10) * scale), Math.ceil((top + H + 10) * scale)];
const pix = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, bbox, false);
pix.clear(255);
const dev = new mupdf.DrawDevice(m, pix);
page.run(dev, mupdf.Matrix.identity);
dev.close();
fs.writeFileSync(outFile, pix.asPNG());
console.log(`wrote ${outFile} (${pix.getWidth()}×${pix.getHeight()} px)`);
