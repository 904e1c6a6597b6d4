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

export const t = (key: string, values?: Record<string, string | number>): string =>
  values === undefined ? plugin.translate(key) : plugin.translate(key, values)

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
