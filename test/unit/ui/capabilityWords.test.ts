import fs from 'node:fs'
import path from 'node:path'
import { CAPABILITY_LABEL } from '../../../src/ui/components/capabilityLabel'
import { CAPABILITY_LABEL as STORE_LABEL } from '../../../src/ui/store/labels'

/**
 * One word per capability on every screen: the store's grants, the guide's badges and info
 * panel say it with the same translation key, so "nPVR" in one place and "Rec" in another
 * cannot come back.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..')
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? sources(full) : /\.ts$/.test(e.name) ? [full] : []
  })
const translations = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'static', 'translations.json'), 'utf8'),
) as Record<string, Record<string, string>>

describe('capability words', () => {
  it('come from one table, which the store uses too', () => {
    expect(STORE_LABEL).toBe(CAPABILITY_LABEL)
    expect(Object.keys(CAPABILITY_LABEL).sort()).toEqual(['catchup', 'live', 'npvr', 'startover'])
  })

  it('are asked for by no other key anywhere in the interface', () => {
    const stray = sources(path.join(ROOT, 'src', 'ui')).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/['`](store\.capability\.|guide\.badge\.)[\w.${}]*/g)].map(
        (m) => `${path.relative(ROOT, file)}: ${m[0]}`,
      ),
    )
    expect(stray).toEqual([])
  })

  it('say cloud recording in the viewer’s word, not the operator’s acronym', () => {
    const en = translations.en ?? {}
    expect(en[CAPABILITY_LABEL.npvr]).toBe('Recording')
    expect.hasAssertions()
    for (const [language, table] of Object.entries(translations)) {
      if (language === 'meta') continue
      expect([language, table[CAPABILITY_LABEL.npvr]]).not.toEqual([language, 'nPVR'])
      expect(Object.keys(table).filter((k) => /^(store\.capability|guide\.badge)\./.test(k))).toEqual([])
    }
  })
})
