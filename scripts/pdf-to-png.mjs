// Renders every page of a PDF to PNG with MuPDF (npm), so we can look at what we make:
//   node scripts/pdf-to-png.mjs out/virtual-caliphate-intro-student.pdf [outdir] [dpi]
import fs from 'node:fs';
import path from 'node:path';
import * as mupdf from 'mupdf';

const [file, outDir = 'out/png', dpi = '80'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/pdf-to-png.mjs FILE.pdf [OUTDIR] [DPI]');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const doc = mupdf.Document.openDocument(fs.readFileSync(file), 'application/pdf');
const scale = Number(dpi) / 72;
const base = path.basename(file, '.pdf');
for (let i = 0; i < doc.countPages(); i++) {
  const pixmap = doc.loadPage(i).toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
  const out = path.join(outDir, `${base}-${i + 1}.png`);
  fs.writeFileSync(out, pixmap.asPNG());
  console.log(out);
}
