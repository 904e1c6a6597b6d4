import { BehaviorSubject, Observable, Subscription, distinctUntilChanged, type SchedulerLike } from 'rxjs'

/** What the box says for one focus: the words, and the more detailed words Info asks for. */
export interface Announcement {
  text: string
  /** Said after `text` when the viewer presses Info; empty or absent: nothing more to say. */
  detail?: string
  /** BCP 47 language of the words (the interface language). */
  lang: string
}

/** The text-to-speech the announcer drives (platform/speech.ts's engine, in the composition root). */
export interface SpeechPort {
  speak(text: string, lang: string): void
  cancel(): void
}

export interface AnnouncerOptions {
  speech: SpeechPort
  /** Voice guidance on or off, as it changes (the viewer's, the platform's, the operator's). */
  enabled$: Observable<boolean>
  /** Quiet after a focus change before it is spoken: scrolling through a list says only where it stops. */
  delayMs: number
  scheduler: SchedulerLike
}

/**
 * Voice guidance's timing: each focus change cancels what is being said and what was waiting,
 * and is spoken after a short quiet (`delayMs`), so a held key or fast presses say only where
 * the focus stops. The last announcement is kept for Info, which says it again at once with
 * its detail. While voice guidance is off nothing reaches the speech engine.
 */
export interface Announcer {
  readonly enabled$: Observable<boolean>
  readonly enabled: boolean
  /** Something waits for its pause to be said. */
  readonly pending: boolean
  /** The focus moved: say this after the pause, instead of whatever was being said. */
  announce(announcement: Announcement): void
  /**
   * What is focused changed its words in place (a programme under the guide's highlight, a
   * digit typed): like `announce`, unless the words are those last announced (a redraw).
   */
  update(announcement: Announcement): void
  /** Info: the last announcement again, at once, with its detail. */
  repeat(): void
  dispose(): void
}

export const createAnnouncer = (options: AnnouncerOptions): Announcer => {
  const { speech, scheduler } = options
  const enabled = new BehaviorSubject(false)
  let last: Announcement | undefined
  let pending: Subscription | undefined
  /** Something was handed to the engine since the last cancel: it may still be speaking. */
  let maySpeak = false

  const silence = (): void => {
    pending?.unsubscribe()
    pending = undefined
    if (maySpeak) speech.cancel()
    maySpeak = false
  }

  const say = (text: string, lang: string): void => {
    if (text.trim() === '') return
    maySpeak = true
    speech.speak(text, lang)
  }

  const announce = (announcement: Announcement): void => {
    last = announcement
    if (!enabled.value) return
    silence()
    pending = scheduler.schedule(
      () => {
        pending = undefined
        say(announcement.text, announcement.lang)
      },
      Math.max(0, options.delayMs),
    )
  }

  const following = options.enabled$.pipe(distinctUntilChanged()).subscribe((on) => {
    if (!on) {
      silence()
      // Back on, the first words are said even if they were the last ones before.
      last = undefined
    }
    enabled.next(on)
  })

  return {
    enabled$: enabled.asObservable(),
    get enabled() {
      return enabled.value
    },
    get pending() {
      return pending !== undefined
    },
    announce,
    update(announcement) {
      // Words already in the last announcement are a redraw (a page that opened said its
      // title and then its focused row): saying them again would cut the title off.
      if (last !== undefined && last.lang === announcement.lang && last.text.includes(announcement.text))
        return
      announce(announcement)
    },
    repeat() {
      if (!enabled.value || last === undefined) return
      silence()
      const detail = last.detail?.trim() ?? ''
      say(detail === '' ? last.text : `${last.text}. ${detail}`, last.lang)
    },
    dispose() {
      following.unsubscribe()
      silence()
      enabled.complete()
    },
  }
}
