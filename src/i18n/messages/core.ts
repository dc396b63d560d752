// Messages of the diagnostics machinery itself (labels around every problem).
import { defineMessages } from '../define.js';

export const CORE_MESSAGES = defineMessages({
  'core.severity-error': { en: 'error', ar: 'خطأ' },
  'core.severity-warning': { en: 'warning', ar: 'تنبيه' },
  'core.hint': { en: 'hint', ar: 'تلميح' },
  'core.did-you-mean': { en: 'did you mean {what}?', ar: 'هل تقصد {what}؟' },
  'core.debug-stack': { en: '{stack}', ar: 'تفاصيل للمطوّرين: {stack}' },
  'core.or': { en: '{first} or {rest}', ar: '{first} أو {rest}' },
  'core.more-items': { en: '… ({n} more)', ar: '… (و{n} غيرها)' },
  /** a suggestion leading a hint that goes on (`{dym}` of another hint) */
  'core.did-you-mean-lead': { en: 'did you mean {what}? ', ar: 'هل تقصد {what}؟ ' },
});
