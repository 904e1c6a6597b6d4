import fs from 'node:fs'
import path from 'node:path'
import { pluralKey } from '../../../src/ui/i18n'

/**
 * Counts take the language's plural form: "After 1 day", not "After 1 days". The forms are
 * `<key>.<CLDR category>` beside the key, which holds "other".
 */
type Table = Record<string, string>
const file = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'static', 'translations.json'), 'utf8'),
) as Record<string, Table>
const LANGUAGES = Object.keys(file).filter((k) => k !== 'meta')

const say = (language: string, key: string, count: number): string => {
  const table = file[language] as Table
  const form = pluralKey(key, count, language, (k) => table[k] !== undefined)
  return (table[form] ?? form).replace(/\{count\}/g, String(count))
}

/** The keys said with a {count}: each has its "one" form in every language. */
const COUNTED = Object.keys(file.en as Table)
  .filter((k) => /\.one$/.test(k))
  .map((k) => k.replace(/\.one$/, ''))

describe('plural forms', () => {
  it('says English counts in the singular and the plural', () => {
    expect(say('en', 'account.settings.days', 1)).toBe('After 1 day')
    expect(say('en', 'account.settings.days', 2)).toBe('After 2 days')
    expect(say('en', 'account.settings.hours', 1)).toBe('1 hour')
    expect(say('en', 'store.pin.wrongLeft', 1)).toBe(
      'Wrong PIN. 1 try left before purchases are locked for a while.',
    )
    expect(say('en', 'account.prefs.poll.minutes', 1)).toBe('Every minute')
    expect(say('en', 'account.prefs.poll.minutes', 0)).toBe('Every 0 minutes')
  })

  it('says counts in each interface language’s own forms', () => {
    expect(say('es', 'account.settings.hours', 1)).toBe('1 hora')
    expect(say('es', 'account.settings.hours', 5)).toBe('5 horas')
    expect(say('da', 'account.settings.days', 1)).toBe('Efter 1 dag')
    expect(say('da', 'account.settings.days', 21)).toBe('Efter 21 dage')
  })

  it('has a form for one for every counted text, in every language (it may read as the plural)', () => {
    expect(COUNTED.length).toBeGreaterThanOrEqual(6)
    expect.hasAssertions()
    for (const language of LANGUAGES)
      for (const key of COUNTED) {
        expect([language, key, (file[language] as Table)[key] !== undefined]).toEqual([language, key, true])
      }
  })

  it('picks a language’s few and many forms where it has them (Polish rules)', () => {
    const polish: Table = {
      'days.one': '{count} dzień',
      'days.few': '{count} dni',
      'days.many': '{count} dni',
      days: '{count} dnia',
    }
    const has = (k: string): boolean => polish[k] !== undefined
    expect(pluralKey('days', 1, 'pl', has)).toBe('days.one')
    expect(pluralKey('days', 3, 'pl', has)).toBe('days.few')
    expect(pluralKey('days', 22, 'pl', has)).toBe('days.few')
    expect(pluralKey('days', 5, 'pl', has)).toBe('days.many')
    expect(pluralKey('days', 1.5, 'pl', has)).toBe('days')
    // A form the table lacks falls back to the key, "other".
    expect(pluralKey('days', 3, 'pl', (k) => k === 'days.one')).toBe('days')
  })
})
