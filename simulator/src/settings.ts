import fs from 'node:fs/promises'
import path from 'node:path'

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Deep merge of plain objects; arrays and scalars in `over` replace those in `base`. */
export const deepMerge = (
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(over)) {
    const current = out[key]
    out[key] = isRecord(current) && isRecord(value) ? deepMerge(current, value) : value
  }
  return out
}

/**
 * The app's settings.json as this simulator serves it: the built file plus the override;
 * undefined when the app folder has none (the app then starts on its defaults).
 */
export const readAppSettings = async (
  appDir: string,
  override: Record<string, unknown>,
): Promise<Record<string, unknown> | undefined> => {
  let raw: string
  try {
    raw = await fs.readFile(path.join(appDir, 'settings.json'), 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
  const parsed: unknown = JSON.parse(raw)
  if (!isRecord(parsed)) throw new Error(`${appDir}/settings.json is not a JSON object`)
  return deepMerge(parsed, override)
}
