// Small real pictures for figure tests, made by MuPDF (no binary fixtures).
import * as mupdf from 'mupdf';

/** A grey PNG (or JPEG) of w × h pixels. */
export function picture(format: 'png' | 'jpeg', w = 40, h = 20): Buffer {
  const pix = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, [0, 0, w, h], false);
  pix.clear(180);
  return Buffer.from(format === 'png' ? pix.asPNG() : pix.asJPEG(80, false));
}
