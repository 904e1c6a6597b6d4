/**
 * Typed wrapper around the SDK's untyped Language plugin. Translations live in
 * static/translations.json; a key with no translation is shown as the key itself, which the
 * e2e tests look for.
 */
import { Language } from '@lightningjs/sdk'

interface LanguagePlugin {
  translate(key: string, values?: Record<string, string | number>): string
  set(language: string): Promise<void>
  get(): string | null
  available(): { code: string; name: string }[]
}

const plugin = Language as LanguagePlugin

/**
 * The key of a count's plural form: `<key>.<category>` ("account.settings.days.one") when the
 * language's table has that form, else `key` itself, which holds the "other" form. The category
 * is the language's own CLDR rule (Intl.PluralRules): one/other in English, one/few/many/other
 * in Polish, so a language with more forms only adds keys.
 */
export const pluralKey = (
  key: string,
  count: number,
  language: string,
  has: (key: string) => boolean,
): string => {
  let category = 'other'
  try {
    category = new Intl.PluralRules(language).select(count)
  } catch {
    // An unknown language tag: the "other" form.
  }
  const form = `${key}.${category}`
  return category !== 'other' && has(form) ? form : key
}

/** A key the table does not have translates to itself. */
const translates = (key: string): boolean => plugin.translate(key) !== key

/** The text of `key`; a numeric `count` value picks the language's plural form of it. */
export const t = (key: string, values?: Record<string, string | number>): string => {
  if (values === undefined) return plugin.translate(key)
  const count = values.count
  const form = typeof count === 'number' ? pluralKey(key, count, plugin.get() ?? 'en', translates) : key
  return plugin.translate(form, values)
}

export const setLanguage = (language: string): Promise<void> => plugin.set(language)
export const currentLanguage = (): string | null => plugin.get()
export const availableLanguages = (): { code: string; name: string }[] => plugin.available()

/**
 * A text still to translate: what the pure presentation rules return, so that a unit test reads
 * the key and its values (a test has no translations) and the page says it in one call.
 */
export interface Phrase {
  key: string
  values?: Record<string, string | number>
}

export const phrase = (key: string, values?: Record<string, string | number>): Phrase =>
  values === undefined ? { key } : { key, values }

/** The phrase in the interface language; a string is data (a title) and shows as it is. */
export const say = (p: Phrase | string | undefined): string =>
  p === undefined ? '' : typeof p === 'string' ? p : t(p.key, p.values)
