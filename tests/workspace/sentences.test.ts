import { describe, expect, test } from 'vitest';
import { splitSentences } from '../../src/workspace/sentences.js';

const split = (t: string) => splitSentences(t).map((s) => s.text);

describe('Arabic sentence splitting', () => {
  test.each([
    ['full stop, question mark, exclamation', 'ذهب الطلاب. هل عادوا؟ نعم!', ['ذهب الطلاب.', 'هل عادوا؟', 'نعم!']],
    ['Latin question mark', 'ما رأيك? لا أعرف.', ['ما رأيك?', 'لا أعرف.']],
    ['ellipsis character', 'انتقلوا إلى Telegram… وهناك يصعب الرصد.', ['انتقلوا إلى Telegram…', 'وهناك يصعب الرصد.']],
    ['three dots and two dots', 'انتظر... ثم تكلم.. وانتهى.', ['انتظر...', 'ثم تكلم..', 'وانتهى.']],
    ['runs of terminators', 'حقًا؟! لا أصدق.', ['حقًا؟!', 'لا أصدق.']],
    ['decimal number', 'ارتفعت النسبة إلى 3.5 في المئة. ثم انخفضت.', ['ارتفعت النسبة إلى 3.5 في المئة.', 'ثم انخفضت.']],
    ['a year ends a sentence', 'حدث ذلك عام 2014. وبعده تغير كل شيء.', ['حدث ذلك عام 2014.', 'وبعده تغير كل شيء.']],
    ['URL', 'زر الموقع example.com للمزيد. شكرًا.', ['زر الموقع example.com للمزيد.', 'شكرًا.']],
    ['Arabic abbreviation د.', 'قال د. أحمد إن الأمر خطير. ووافقه آخرون.', ['قال د. أحمد إن الأمر خطير.', 'ووافقه آخرون.']],
    ['year abbreviation م.', 'ولد عام 1950 م. في القاهرة.', ['ولد عام 1950 م. في القاهرة.']],
    ['Latin abbreviations', 'قابل Dr. Smith ممثلي U.S. وفدًا. ثم غادر.', ['قابل Dr. Smith ممثلي U.S. وفدًا.', 'ثم غادر.']],
    ['inside «»', 'قال: «انتهى الأمر. لن نعود.» ثم غادر.', ['قال: «انتهى الأمر. لن نعود.» ثم غادر.']],
    ['after a closing quote', 'قال: «انتهى الأمر». ثم غادر.', ['قال: «انتهى الأمر».', 'ثم غادر.']],
    ['inside “”', 'كتب “هذه بداية. وهذه نهاية.” وصمت.', ['كتب “هذه بداية. وهذه نهاية.” وصمت.']],
    ['inside ""', 'كتب "هذه بداية. وهذه نهاية." وصمت.', ['كتب "هذه بداية. وهذه نهاية." وصمت.']],
    ['mis-typed ” as an opening quote (as in the seed)', 'وقال فوتل:” حتى بعد هزيمته. سيجد ملجأ”، موضحا ذلك. ثم انتهى.', ['وقال فوتل:” حتى بعد هزيمته. سيجد ملجأ”، موضحا ذلك.', 'ثم انتهى.']],
    ['a quote ending the sentence', 'قال: «هل انتهى؟» ثم سكت. وبعد ذلك غادر.', ['قال: «هل انتهى؟» ثم سكت.', 'وبعد ذلك غادر.']],
    ['an unbalanced quote does not swallow the paragraph', 'قال « شيئًا. ثم غادر. وانتهى.', ['قال « شيئًا.', 'ثم غادر.', 'وانتهى.']],
    ['inside parentheses', 'ذكر التقرير (انظر ص. 5. والملحق) أرقامًا. ثم انتهى.', ['ذكر التقرير (انظر ص. 5. والملحق) أرقامًا.', 'ثم انتهى.']],
    ['space before the full stop (as in the seed)', 'في أنحاء العالم . وبعد ذلك', ['في أنحاء العالم .', 'وبعد ذلك']],
    ['no terminator at the end', 'جملة أولى. جملة بلا نقطة', ['جملة أولى.', 'جملة بلا نقطة']],
    ['single sentence', 'جملة واحدة فقط.', ['جملة واحدة فقط.']],
  ])('%s', (_name, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  test('offsets point into the paragraph and are numbered from 1', () => {
    const t = 'أولى. ثانية؟ ثالثة!';
    const s = splitSentences(t);
    expect(s.map((x) => x.number)).toEqual([1, 2, 3]);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
  });
});
