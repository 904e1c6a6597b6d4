import fs from 'node:fs'
import path from 'node:path'

/**
 * static/translations.json is complete: every language has every English key, no empty text and
 * the same {placeholders}. A missing key shows on screen as the key itself (src/ui/i18n.ts) and
 * a lost placeholder as a hole in the sentence; the e2e i18n walk only reads the screens it
 * visits, in one language, while this reads every key of every language.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..')
type Table = Record<string, string>
const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'static', 'translations.json'), 'utf8')) as {
  meta: { default: string; names: Record<string, string> }
} & Record<string, Table>
const en = file.en as Table
const LANGUAGES = Object.keys(file).filter((k) => k !== 'meta' && k !== 'en')

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort()

/** Every t('literal.key') in src/: the keys the code asks for by name. */
const keysUsedInSource = (): Map<string, string> => {
  const out = new Map<string, string>()
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        const source = fs.readFileSync(full, 'utf8')
        for (const m of source.matchAll(/\bt\(\s*'([^']+)'/g)) out.set(m[1] ?? '', path.relative(ROOT, full))
      }
    }
  }
  walk(path.join(ROOT, 'src'))
  return out
}

describe('static/translations.json', () => {
  it('names every language it has, English first as the default', () => {
    expect(file.meta.default).toBe('en')
    expect(Object.keys(file.meta.names).sort()).toEqual(['en', ...LANGUAGES].sort())
    expect(LANGUAGES.length).toBeGreaterThanOrEqual(3)
    expect(Object.values(en).filter((text) => text.trim() === '')).toEqual([])
  })

  it('has every key the source asks for by name, in English', () => {
    const used = keysUsedInSource()
    expect(used.size).toBeGreaterThan(100)
    const missing = [...used]
      .filter(([key]) => en[key] === undefined)
      .map(([key, where]) => `${key} (${where})`)
    expect(missing).toEqual([])
  })

  describe.each(LANGUAGES)('%s', (language) => {
    const table = file[language] as Table

    it('has every English key, and no key English does not have', () => {
      expect(Object.keys(en).filter((key) => table[key] === undefined)).toEqual([])
      expect(Object.keys(table).filter((key) => en[key] === undefined)).toEqual([])
    })

    it('has no empty text', () => {
      expect(
        Object.entries(table).filter(([, text]) => typeof text !== 'string' || text.trim() === ''),
      ).toEqual([])
    })

    it('keeps every {placeholder} of the English text, and adds none', () => {
      const changed = Object.entries(en)
        .filter(
          ([key, text]) =>
            table[key] !== undefined && placeholders(text).join() !== placeholders(table[key] ?? '').join(),
        )
        .map(([key, text]) => `${key}: "${text}" -> "${table[key] ?? ''}"`)
      expect(changed).toEqual([])
    })
  })
})
