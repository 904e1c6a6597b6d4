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
