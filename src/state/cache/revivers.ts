/**
 * Checks on what comes back from storage. It was written by us, but maybe by an older build,
 * maybe cut short: enough is checked that a screen never meets a value of the wrong shape.
 */
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** An object whose listed members are of the listed types ('array' for arrays). */
export const hasShape = (value: unknown, shape: Readonly<Record<string, string>>): boolean =>
  isRecord(value) &&
  Object.entries(shape).every(([key, type]) =>
    type === 'array' ? Array.isArray(value[key]) : typeof value[key] === type,
  )

/** A reviver for an object whose array members hold objects of the given shapes. */
export const reviveObject =
  <T>(
    shape: Readonly<Record<string, string>>,
    items: Readonly<Record<string, Record<string, string>>> = {},
  ) =>
  (value: unknown): T | undefined => {
    if (!hasShape(value, shape)) return undefined
    const record = value as Record<string, unknown>
    for (const [key, itemShape] of Object.entries(items)) {
      const list = record[key]
      if (!Array.isArray(list) || !list.every((item) => hasShape(item, itemShape))) return undefined
    }
    return value as T
  }

/** A reviver for a list of objects of one shape. */
export const reviveList =
  <T>(itemShape: Readonly<Record<string, string>>) =>
  (value: unknown): readonly T[] | undefined =>
    Array.isArray(value) && value.every((item) => hasShape(item, itemShape)) ? (value as T[]) : undefined
