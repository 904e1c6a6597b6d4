import fs from 'node:fs'
import path from 'node:path'
import { durationPhrase } from '../../../src/ui/format'
import type { Phrase } from '../../../src/ui/i18n'

const file = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'static', 'translations.json'), 'utf8'),
) as Record<string, Record<string, string>>

/** The phrase as a language's table says it (the Language plugin's {name} substitution). */
const inLanguage = (language: string, p: Phrase): string => {
  const text = file[language]?.[p.key]
  if (text === undefined) throw new Error(`${language}: no ${p.key}`)
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(p.values?.[name] ?? `{${name}}`))
}

describe('durations', () => {
  it('read in hours and minutes, never as a heap of minutes', () => {
    expect(inLanguage('en', durationPhrase(157 * 60))).toBe('2 h 37 min')
    expect(inLanguage('en', durationPhrase(45 * 60))).toBe('45 min')
    expect(inLanguage('en', durationPhrase(3600))).toBe('1 h')
    expect(inLanguage('en', durationPhrase(65 * 60))).toBe('1 h 5 min')
  })

  it('round to the nearest minute and never go below zero', () => {
    expect(durationPhrase(89)).toEqual({ key: 'format.duration.minutes', values: { minutes: 1 } })
    expect(durationPhrase(29)).toEqual({ key: 'format.duration.minutes', values: { minutes: 0 } })
    expect(durationPhrase(-300)).toEqual({ key: 'format.duration.minutes', values: { minutes: 0 } })
    expect(durationPhrase(2 * 3600 + 59 * 60 + 40)).toEqual({
      key: 'format.duration.hours',
      values: { hours: 3 },
    })
  })

  it('say their units in every interface language', () => {
    expect.hasAssertions()
    const expected: Record<string, string> = {
      en: '2 h 37 min',
      es: '2 h 37 min',
      da: '2 t. 37 min.',
      fi: '2 t 37 min',
    }
    for (const language of Object.keys(file).filter((k) => k !== 'meta')) {
      expect(inLanguage(language, durationPhrase(157 * 60))).toBe(expected[language])
      expect(inLanguage(language, durationPhrase(2 * 3600))).toMatch(/^2 \S+$/)
    }
  })
})
