import { say, type Phrase } from '../i18n'

/**
 * What a component says to voice guidance: a phrase to translate, a text that is data (a
 * title, a channel name) or a list of them, said in order; undefined and empty parts are
 * skipped.
 */
export type Words = Phrase | string | undefined
export type Speech = Words | readonly Speech[]

/**
 * What an element of the focus path announces, after Lightning UI components' Announcer: the
 * App walks the focus path on every focus change and says, for each element that has just
 * come into it, its `announce` (a page's title, a dialog's question, a row), then the nearest
 * `announceContext` (a list's "3 of 40"). Info adds the nearest `announceDetail`.
 */
export interface Announcing {
  announce?(): Speech
  announceContext?(): Speech
  announceDetail?(): Speech
}

const partsOf = (speech: Speech): Words[] =>
  Array.isArray(speech) ? (speech as readonly Speech[]).flatMap(partsOf) : [speech as Words]

/** Everything said in one go: the parts in the interface language, joined with commas. */
export const spoken = (...speeches: Speech[]): string =>
  speeches
    .flatMap(partsOf)
    .map((w) => say(w).trim())
    .filter((w) => w !== '')
    .join(', ')

export interface FocusSpeech {
  text: string
  detail: string
}

/**
 * The words for a focus path of which the elements from `from` on are new: their announces in
 * path order, then the context of the nearest element that has one; the detail (for Info) of
 * the nearest element that has one.
 */
export const focusSpeech = (path: readonly Announcing[], from: number): FocusSpeech => {
  const said = path.slice(Math.max(0, from)).map((el) => el.announce?.())
  const nearest = (pick: (el: Announcing) => Speech | undefined): Speech => {
    for (let i = path.length - 1; i >= 0; i--) {
      const el = path[i]
      const found = el ? pick(el) : undefined
      if (found !== undefined) return found
    }
    return undefined
  }
  const text = spoken(...said)
  return {
    text:
      text === ''
        ? ''
        : spoken(
            text,
            nearest((el) => el.announceContext?.()),
          ),
    detail: spoken(nearest((el) => el.announceDetail?.())),
  }
}

/**
 * Where the new part of a focus path starts: the first element that differs from the path
 * before, and at least the focused element (the focus went back up to a tab: the tab is said).
 */
export const newFrom = (before: readonly unknown[], after: readonly unknown[]): number => {
  const n = Math.min(before.length, after.length)
  let i = 0
  while (i < n && before[i] === after[i]) i++
  return Math.min(i, Math.max(0, after.length - 1))
}
