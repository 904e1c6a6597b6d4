/**
 * The interface languages a translations file (static/translations.json) holds: every top-level
 * key but `meta`. A platform's language is only taken when it is one of these, so that a device
 * set to a language Kanal lacks falls back to the operator's default (settings.json), not to
 * the translations file's own default.
 */
export const languagesOf = (translations: unknown): string[] =>
  typeof translations === 'object' && translations !== null && !Array.isArray(translations)
    ? Object.keys(translations).filter((key) => key !== 'meta')
    : []

/** The platform's language if Kanal has it, else undefined. */
export const supportedLanguage = (
  platform: string | undefined,
  available: readonly string[],
): string | undefined => (platform !== undefined && available.includes(platform) ? platform : undefined)
