import type { Tv } from '../harness'
import { signIn } from '../harness'
import type { Write, WriteOutcome } from './writes'

/** A seeded die (mulberry32): the same seed walks the same way through the screens. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface FinishedRecording {
  id: string
  title: string
  protected: boolean
}

/** What the viewer may look up outside the screen: who it is and what the operator has. */
export interface ViewerPorts {
  username: string
  password: string
  pin: string
  /** The chaos user's finished recordings that are not part of a series, as the operator has them. */
  finishedRecordings(): Promise<FinishedRecording[]>
  /** Products the viewer may buy (each once). */
  products: readonly string[]
}

export type ActionName = 'guide' | 'record' | 'protect' | 'delete' | 'buy' | 'setting' | 'player'
export const ACTIONS: readonly ActionName[] = [
  'record',
  'setting',
  'protect',
  'player',
  'delete',
  'buy',
  'guide',
]

/** How long the viewer waits for a screen to answer before it gives up on the action. */
const PATIENCE_MS = 25_000

type Hooks = {
  __kanal: {
    route(): string
    screenTexts(): string[]
    focusedTexts(): string[]
    focusPath(): string[]
    toast(): string
  }
  __kanalGuide?: { focus(): { kind: string } | null }
}

/**
 * A scripted viewer that uses the app under faults: each action may fail (the screen then says
 * so, or says nothing in time), and the viewer moves on. It notes every change it tried and
 * what the screen told it about it.
 */
export class ChaosViewer {
  readonly writes: Write[] = []
  readonly actions: Record<string, { tried: number; completed: number; ms: number }> = {}
  signIns = 0
  /** Why actions gave up, first line of each: the run's figures list them. */
  readonly giveUps: string[] = []
  private readonly bought = new Set<string>()

  constructor(
    private readonly tv: Tv,
    private readonly ports: ViewerPorts,
    private readonly random: () => number,
  ) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T
  }

  /**
   * Waits until `what` holds in the page (its value when a string); gives up at once when a
   * fault has ended the session (the "signed out" page), as a viewer would stop and sign in.
   */
  private async waitFor(what: (w: Hooks, arg: string) => boolean | string, arg = ''): Promise<string | true> {
    const handle = await this.tv.page.waitForFunction(
      ([source, a]) => {
        const f = new Function('w', 'a', `return (${source})(w, a)`) as (w: unknown, a: string) => unknown
        const said = f(window, a)
        if (said) return said
        const route = (window as unknown as Hooks).__kanal.route()
        return route.startsWith('signedout/') ? { signedOut: route } : false
      },
      [what.toString(), arg] as const,
      { timeout: PATIENCE_MS },
    )
    const value = (await handle.jsonValue()) as string | true | { signedOut: string }
    if (typeof value === 'object') throw new Error(`signed out (${value.signedOut})`)
    return value
  }

  private waitForText(text: string): Promise<string | true> {
    return this.waitFor((w, t) => w.__kanal.screenTexts().includes(t), text)
  }

  private async go(hash: string): Promise<void> {
    await this.tv.page.evaluate((h) => (location.hash = `#${h}`), hash)
    await this.waitFor((w, h) => w.__kanal.route() === h, hash)
  }

  /** The saved session is a user's (not anonymous): read from the box's storage. */
  async signedIn(): Promise<boolean> {
    return this.tv.page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('kanal')
          open.onerror = () => resolve(false)
          open.onsuccess = () => {
            const db = open.result
            try {
              const get = db.transaction('cache', 'readonly').objectStore('cache').get('session')
              get.onerror = () => resolve(false)
              get.onsuccess = () => {
                const s = get.result as { kind?: string } | undefined
                db.close()
                resolve(s?.kind === 'user')
              }
            } catch {
              resolve(false)
            }
          }
        }),
    )
  }

  async signIn(): Promise<void> {
    this.signIns += 1
    await signIn(this.tv, this.ports.username, this.ports.password)
  }

  /** One action; resolves whether it ran to its end (a failure the screen showed counts as an end). */
  async run(action: ActionName): Promise<boolean> {
    const stats = (this.actions[action] ??= { tried: 0, completed: 0, ms: 0 })
    stats.tried += 1
    const started = Date.now()
    try {
      if (!(await this.signedIn())) await this.signIn()
      await this[action]()
      stats.completed += 1
      return true
    } catch (error: unknown) {
      // The screen did not answer in time or showed something unexpected: the viewer moves on.
      const message = error instanceof Error ? error.message : String(error)
      const route = await this.tv.route().catch(() => '?')
      const shown = (await this.tv.screenTexts().catch(() => [])).join(' | ').slice(0, 400)
      this.giveUps.push(`${action} (${route}): ${message.split('\n')[0] ?? ''}; screen: ${shown}`)
      await this.tv.page.keyboard.press('Escape').catch(() => undefined)
      return false
    } finally {
      stats.ms += Date.now() - started
    }
  }

  private async guide(): Promise<void> {
    await this.go('guide')
    await this.waitFor((w) => w.__kanal.focusPath().includes('Grid'))
    const keys = ['down', 'down', 'right', 'right', 'up', 'left'] as const
    for (let i = 0; i < 6; i++) await this.tv.press(this.pick(keys))
    await this.waitFor((w) => w.__kanalGuide?.focus()?.kind === 'programme')
  }

  private async record(): Promise<void> {
    await this.go('guide')
    await this.waitFor((w) => w.__kanal.focusPath().includes('Grid'))
    const downs = Math.floor(this.random() * 4)
    for (let i = 0; i < downs; i++) await this.tv.press('down')
    await this.tv.press('right', 'right')
    for (let i = Math.floor(this.random() * 3); i > 0; i--) await this.tv.press('right')
    await this.waitFor((w) => w.__kanalGuide?.focus()?.kind === 'programme')
    await this.tv.press('ok')
    const route = (await this.waitFor((w) =>
      w.__kanal.route().startsWith('programme/') ? w.__kanal.route() : false,
    )) as string
    const programmeId = route.slice('programme/'.length)
    // The page offers Record, or Cancel, or (the package could not be read) Check again.
    const offered = (): Promise<string | true> =>
      this.waitFor((w) => {
        const f = w.__kanal.focusedTexts()
        if (f.includes('Record')) return 'Record'
        if (f.includes('Cancel the recording')) return 'Cancel'
        return w.__kanal.screenTexts().includes('Check again') ? 'Check' : false
      })
    let first = await offered()
    if (first === 'Check') {
      for (let i = 0; i < 8 && !(await this.tv.focusedTexts()).includes('Check again'); i++)
        await this.tv.press('right')
      await this.tv.press('ok')
      first = await offered()
    }
    if (first !== 'Record') {
      await this.tv.press('back')
      return
    }
    await this.toastClear()
    await this.tv.press('ok')
    const outcome = await this.outcome(
      /^Recording scheduled$/,
      /^(No connection|The operator did not allow|This programme is no longer|Something went wrong)/,
    )
    this.writes.push({ kind: 'record', programmeId, outcome })
    await this.tv.press('back')
  }

  /**
   * Waits until no message is shown, so that the verdict read after a change is that change's
   * (a toast stays 4 s: the same "saved" of the change before would otherwise count).
   */
  private async toastClear(): Promise<void> {
    await this.tv.page.waitForFunction(() => (window as unknown as Hooks).__kanal.toast() === '', undefined, {
      timeout: 8000,
    })
  }

  /** Waits for the screen's verdict on a change: a success or failure toast, else "unknown". */
  private async outcome(ok: RegExp, failed: RegExp, failedOnRow?: RegExp): Promise<WriteOutcome> {
    try {
      const said = (await this.waitFor(
        (w, sources) => {
          const [a, b, c] = JSON.parse(sources) as [string, string, string | null]
          const toast = w.__kanal.toast()
          if (new RegExp(a).test(toast)) return 'acked'
          if (new RegExp(b).test(toast)) return 'refused'
          if (c !== null && w.__kanal.focusedTexts().some((x) => new RegExp(c).test(x))) return 'refused'
          return false
        },
        JSON.stringify([ok.source, failed.source, failedOnRow?.source ?? null]),
      )) as WriteOutcome
      return said
    } catch {
      return 'unknown'
    }
  }

  /** Recordings, filter "Recorded", and the focus on a row that is one of `candidates`. */
  private async focusFinished(candidates: FinishedRecording[]): Promise<FinishedRecording | undefined> {
    await this.go('recordings')
    await this.waitFor((w) => w.__kanal.screenTexts().some((s) => /^Recorded \(\d+\)$/.test(s)))
    for (let i = 0; i < 40 && !(await this.tv.focusPath()).includes('Filters'); i++) await this.tv.press('up')
    const focused = (await this.tv.focusedTexts())[0] ?? ''
    const chips = ['All', 'Scheduled', 'Recording now', 'Recorded', 'Sort']
    const from = chips.findIndex((c) => focused.startsWith(c))
    if (from < 0) throw new Error(`filter bar not focused (${focused})`)
    for (let i = from; i < 3; i++) await this.tv.press('right')
    for (let i = from; i > 3; i--) await this.tv.press('left')
    await this.tv.press('ok')
    await this.tv.press('down')
    const steps = Math.floor(this.random() * 5)
    for (let i = 0; i <= steps + 6; i++) {
      const texts = await this.tv.focusedTexts()
      const hit = candidates.find((c) => texts.includes(c.title))
      if (hit && i >= steps) return hit
      await this.tv.press('down')
    }
    return undefined
  }

  private async chooseAction(label: string): Promise<void> {
    await this.tv.press('ok')
    for (let i = 0; i < 8; i++) {
      if ((await this.tv.focusedTexts()).includes(label)) {
        await this.tv.press('ok')
        return
      }
      await this.tv.press('down')
    }
    throw new Error(`no action ${label}`)
  }

  private async protect(): Promise<void> {
    const finished = await this.ports.finishedRecordings()
    const target = await this.focusFinished(finished)
    if (!target) return
    const wasProtected = (await this.tv.focusedTexts()).includes('● Protected')
    const ids = finished.filter((r) => r.title === target.title).map((r) => r.id)
    await this.toastClear()
    await this.chooseAction(wasProtected ? 'Unprotect' : 'Protect')
    const title = target.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const outcome = await this.outcome(
      new RegExp(`^“${title}” (is protected|is no longer protected)`),
      new RegExp(`^Could not (un)?protect “${title}”`),
    )
    this.writes.push({
      kind: 'protect',
      recordingIds: ids,
      title: target.title,
      protect: !wasProtected,
      outcome,
    })
  }

  private async delete(): Promise<void> {
    const finished = (await this.ports.finishedRecordings()).filter((r) => !r.protected)
    const target = await this.focusFinished(finished)
    if (!target) return
    if ((await this.tv.focusedTexts()).includes('● Protected')) return
    const ids = finished.filter((r) => r.title === target.title).map((r) => r.id)
    await this.chooseAction('Delete')
    await this.waitForText(`Delete “${target.title}”?`)
    await this.toastClear()
    await this.tv.press('right', 'ok')
    const title = target.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const outcome = await this.outcome(
      new RegExp(`^“${title}” deleted$`),
      new RegExp(`^Could not delete “${title}”`),
    )
    this.writes.push({ kind: 'delete', recordingIds: ids, title: target.title, outcome })
  }

  private async buy(): Promise<void> {
    const left = this.ports.products.filter((p) => !this.bought.has(p))
    if (left.length === 0) return
    const productId = this.pick(left)
    await this.go(`store/product/${productId}`)
    const state = await this.waitFor((w) => {
      const t = w.__kanal.screenTexts()
      return t.includes('Buy') ? 'buy' : t.some((s) => s.startsWith('You have this')) ? 'owned' : false
    })
    if (state === 'owned') {
      this.bought.add(productId)
      return
    }
    const title = (await this.tv.screenTexts()).find((s) => / pack$/.test(s)) ?? productId
    await this.waitFor((w) => w.__kanal.focusedTexts().includes('Buy'))
    await this.tv.press('ok')
    await this.waitForText('Enter your purchase PIN')
    for (const d of this.ports.pin) {
      await this.tv.page.keyboard.press(d)
      await this.tv.page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      )
    }
    let outcome: WriteOutcome = 'unknown'
    try {
      const said = await this.waitFor((w) => {
        const t = w.__kanal.screenTexts()
        if (t.includes('It is yours')) return 'acked'
        const refused = [
          'The order failed',
          'The order could not be verified',
          'Not possible with what you have',
          'Not available to you',
          'Sign in first',
          'The order did not go through',
          'No answer from the operator',
          'Still being confirmed',
        ]
        if (t.some((s) => refused.includes(s))) return 'refused'
        return false
      })
      outcome = said as WriteOutcome
    } catch {
      outcome = 'unknown'
    }
    // "No answer" and "still being confirmed" do not say that it failed: not acknowledged either way.
    this.writes.push({ kind: 'buy', productId, title, outcome })
    if (outcome === 'acked') this.bought.add(productId)
    await this.tv.press('ok')
  }

  private async setting(): Promise<void> {
    await this.go('account')
    await this.waitForText('Cloud recording')
    await this.waitFor((w) => w.__kanal.screenTexts().some((s) => /^\d+ hours$/.test(s)))
    // The page keeps the row the viewer left it on: up to the tabs first, then down to Storage.
    for (let i = 0; i < 6 && !(await this.tv.focusPath()).includes('Tabs'); i++) await this.tv.press('up')
    await this.tv.press('down')
    for (let i = 0; i < 6 && !(await this.tv.focusedTexts()).includes('Storage'); i++)
      await this.tv.press('down')
    if (!(await this.tv.focusedTexts()).includes('Storage')) throw new Error('no Storage row')
    const before = (await this.tv.focusedTexts()).find((s) => /^\d+ hours$/.test(s))
    await this.tv.press(this.random() < 0.5 ? 'left' : 'right')
    const shown = await this.waitFor(
      (w, b) => w.__kanal.focusedTexts().find((s) => /^\d+ hours$/.test(s) && s !== b) ?? false,
      before ?? '',
    )
    const hours = Number(String(shown).split(' ')[0])
    await this.toastClear()
    await this.tv.press('ok')
    // A refusal is said next to the setting (document 002's problems), not in a toast.
    const outcome = await this.outcome(
      /^Storage saved$/,
      /^Storage saved$(?!)/,
      /^(Storage must be|Your provider|No connection to your provider|Cloud recording is not available)/,
    )
    this.writes.push({ kind: 'storage', hours, outcome })
  }

  private async player(): Promise<void> {
    const channel = this.pick(['ch1', 'ch2', 'ch3', 'ch5'])
    await this.go(`play/live/${channel}`)
    // Playing (the video runs) or a message on screen: either way the player answered.
    await this.tv.page
      .waitForFunction(
        () => {
          const v = document.querySelector('video')
          return v !== null && !v.paused && v.currentTime > 0
        },
        undefined,
        { timeout: 8000 },
      )
      .catch(() => undefined)
    // A session ended by a fault shows "signed out" over the player, and Back from there returns
    // to the player's "sign in to watch": a viewer presses Back until the player is left.
    for (let i = 0; i < 3; i++) {
      await this.tv.press('back')
      const left = await this.tv.page
        .waitForFunction(
          () => !/^(play|signedout)\//.test((window as unknown as Hooks).__kanal.route()),
          undefined,
          { timeout: 5000 },
        )
        .then(
          () => true,
          () => false,
        )
      if (left) return
    }
    throw new Error(`Back did not leave the player (${await this.tv.route()})`)
  }
}
