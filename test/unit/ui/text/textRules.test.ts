import { cutAtWord, isRtlParagraph, startSide, withoutEmoji } from '../../../../src/ui/text/textRules'

describe('withoutEmoji: emoji dropped cleanly before drawing (the fonts have none)', () => {
  it.each([
    ['⚽ Match of the Day 🏆🔥', 'Match of the Day'],
    ['Highlights 👨‍👩‍👧 for the whole family ❤️.', 'Highlights for the whole family.'],
    ['Top 10 🇫🇷 songs', 'Top 10 songs'],
    ['Quiz 1️⃣ #2', 'Quiz #2'],
    ['👍🏽 Good', 'Good'],
    ['🎬🍿', ''],
  ])('%s', (input, expected) => {
    expect(withoutEmoji(input)).toBe(expected)
  })

  it('keeps what is text: digits, symbols drawn as text, joiners inside words of other scripts', () => {
    expect(withoutEmoji('Disney© Channel™ 24/7 #1 *new*')).toBe('Disney© Channel™ 24/7 #1 *new*')
    // Persian uses the zero-width non-joiner and joiner between letters.
    expect(withoutEmoji('می‌خواهم')).toBe('می‌خواهم')
    expect(withoutEmoji('  spaces   kept  when no emoji ')).toBe('  spaces   kept  when no emoji ')
    expect(withoutEmoji('שידור חי: Champions League גמר.')).toBe('שידור חי: Champions League גמר.')
  })
})

describe('isRtlParagraph: the base direction from the first strong character', () => {
  it.each([
    ['שידור חי: Champions League גמר.', true],
    ['123 الأخبار', true],
    ['“نشرة” الأخبار', true],
    ['BBC عربي', false],
    ['⚽ Match', false],
    ['', false],
  ])('%s -> %s', (text, rtl) => {
    expect(isRtlParagraph(text)).toBe(rtl)
  })
})

describe('startSide: where a titled row starts its text', () => {
  it('is the right edge for a right-to-left title, the left for any other', () => {
    expect(startSide('نشرة الأخبار')).toBe('right')
    expect(startSide('123 الأخبار')).toBe('right')
    expect(startSide('BBC عربي')).toBe('left')
    expect(startSide('Café Society')).toBe('left')
  })
})

describe('cutAtWord: a line cut to fit ends on a whole word', () => {
  const title = 'نشرة الأخبار الاقتصادية والمالية من العاصمة'
  it('moves a cut made inside a word back to the end of the word before it', () => {
    expect(cutAtWord('نشرة الأخ..', '..', title)).toBe('نشرة..')
    expect(cutAtWord('The Late Film: Once Up...', '...', 'The Late Film: Once Upon a Time')).toBe(
      'The Late Film: Once...',
    )
  })

  it('leaves a cut already on a word boundary, a line without the suffix, a single word', () => {
    expect(cutAtWord('The Late Film...', '...', 'The Late Film: Once')).toBe('The Late Film...')
    expect(cutAtWord('The Late...', '...', 'The Late Film')).toBe('The Late...')
    expect(cutAtWord('The Late Film', '...', 'The Late Film')).toBe('The Late Film')
    expect(cutAtWord('Supercalifr...', '...', 'Supercalifragilistic')).toBe('Supercalifr...')
    expect(cutAtWord('', '', 'anything')).toBe('')
  })

  it('a later line of a wrapped paragraph is found in it', () => {
    expect(cutAtWord('Upon a Ti...', '...', 'Once Upon a Time in the West')).toBe('Upon a...')
  })
})
