// Running header and footer lines are cached per text and family: a cached line
// must be the line layoutLine gives for that text, whatever was asked before.
import { describe, expect, it } from 'vitest';
import { runningLine } from '../../src/pdf/writer.js';
import { COLORS, TYPE } from '../../src/layout/style.js';
import { layoutLine, loadFamily } from '../../src/text/index.js';

const style = { size: TYPE.running, color: COLORS.muted, weight: 'regular' as const };
const texts = ['الخلافة الافتراضية: مقدمة', 'صفحة ٣ من ١٢', 'صفحة 3 من 12', 'Course — دليل المعلم', 'الخلافة…'];

describe('runningLine', () => {
  it('gives the line layoutLine gives, for each family, in any order', () => {
    for (const name of ['amiri', 'noto-naskh'] as const) {
      const family = loadFamily(name);
      for (const text of [...texts, ...texts.slice().reverse()]) {
        expect(runningLine(text, family)).toEqual(layoutLine(text, style, family, 'rtl'));
      }
    }
  });

  it('keeps one family’s lines apart from another’s', () => {
    const a = runningLine(texts[0], loadFamily('amiri'));
    const b = runningLine(texts[0], loadFamily('noto-naskh'));
    expect(a.runs[0].face.key).not.toBe(b.runs[0].face.key);
  });

  it('stays right after it has grown past its cap and started over', () => {
    const family = loadFamily('amiri');
    for (let i = 0; i < 2100; i++) runningLine(`صفحة ${i} من 2100`, family);
    expect(runningLine(texts[0], family)).toEqual(layoutLine(texts[0], style, family, 'rtl'));
    expect(runningLine('صفحة 5 من 2100', family)).toEqual(layoutLine('صفحة 5 من 2100', style, family, 'rtl'));
  });
});
