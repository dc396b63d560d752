// The message catalogue: every message has an Arabic twin that says the same
// thing with the same placeholders, and a diagnostic prints in either language.
import { describe, expect, test } from 'vitest';
import { CATALOGUE, chooseLang } from '../../src/i18n/catalogue.js';
import { diagnostic, formatDiagnostic } from '../../src/workspace/diagnostics.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const ARABIC = /[\u0600-\u06ff]/;

describe('the catalogue', () => {
  for (const [code, entry] of Object.entries(CATALOGUE)) {
    test(`${code}: Arabic and English twins with the same placeholders`, () => {
      expect(code).toMatch(/^[a-z0-9]+\.[a-z0-9-]+$/);
      expect(entry.en.trim()).not.toBe('');
      expect(entry.ar).toMatch(ARABIC);
      expect(placeholders(entry.ar)).toEqual(placeholders(entry.en));
      if (entry.hint) {
        expect(entry.hint.ar).toMatch(ARABIC);
        expect(placeholders(entry.hint.ar)).toEqual(placeholders(entry.hint.en));
      }
    });
  }
});

test('a diagnostic prints in English and in Arabic, the place first in both', () => {
  const d = diagnostic('error', '/w/l.yaml', 3, 5, 'core.severity-warning');
  expect(formatDiagnostic(d, '/w', 'en')).toBe('l.yaml:3:5: error: warning');
  expect(formatDiagnostic(d, '/w', 'ar')).toBe('l.yaml:3:5: خطأ: تنبيه');
});

test('the language comes from --lang, then HIWAR_LANG, then the locale, else English', () => {
  expect(chooseLang('ar', {})).toBe('ar');
  expect(chooseLang(undefined, { LANG: 'ar_EG.UTF-8' })).toBe('ar');
  expect(chooseLang(undefined, { LANG: 'ar_EG.UTF-8', LC_ALL: 'C' })).toBe('en');
  expect(chooseLang('en', { LANG: 'ar_SA.UTF-8' })).toBe('en');
  expect(chooseLang(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('en');
  expect(chooseLang(undefined, {})).toBe('en');
});
