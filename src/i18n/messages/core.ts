// Messages of the diagnostics machinery itself (labels around every problem).
import { defineMessages } from '../define.js';

export const CORE_MESSAGES = defineMessages({
  'core.severity-error': { en: 'error', ar: 'خطأ' },
  'core.severity-warning': { en: 'warning', ar: 'تنبيه' },
  'core.severity-note': { en: 'note', ar: 'ملاحظة' },
  'core.hint': { en: 'hint', ar: 'تلميح' },
});
