import { BehaviorSubject, Observable, SchedulerLike, Subscription, exhaustMap, from, timer } from 'rxjs'
import { isApiError } from '../../api'
import { STATUS_CODE } from '../../api/envelope'
import { isPinLockedAt, type PinState } from '../../domain/pin'
import { purchaseOutcome, type PurchaseOrder, type PurchaseResult } from '../../domain/purchases'
import type { Licence } from '../../domain/licences'
import type { UnixSeconds } from '../../domain/time'
import type { Logger } from '../../platform/log'

/** What is being bought, with the title the screens name it by. */
export type PurchaseItem =
  | { kind: 'product'; productId: string; title: string }
  | { kind: 'subscription'; subscriptionId: number; title: string }

/** Why a purchase did not end ACTIVE, in the words the screen has for each. */
export type PurchaseFailure =
  | 'orderError'
  | 'checkInvalid'
  | 'stillProcessing'
  | 'conflict'
  | 'notAllowed'
  | 'signedOut'
  | 'offline'
  | 'other'

export type PurchaseState =
  | { step: 'idle' }
  /** Asking for the PIN; `attemptsLeft` after a wrong one. */
  | { step: 'pin'; item: PurchaseItem; attemptsLeft?: number }
  /** Too many wrong PINs: purchases wait until then (the operator doubles each lock). */
  | { step: 'locked'; item: PurchaseItem; lockedUntil: UnixSeconds }
  | { step: 'sending'; item: PurchaseItem }
  /** The licence is PROCESSING; its status is asked for every few seconds. */
  | { step: 'processing'; item: PurchaseItem; licenceId: string }
  | { step: 'done'; item: PurchaseItem }
  | { step: 'failed'; item: PurchaseItem; failure: PurchaseFailure; availableFrom?: UnixSeconds }

export interface PurchasePorts {
  purchase(order: PurchaseOrder): Promise<PurchaseResult>
  getLicence(licenceId: string): Promise<Licence>
}

export interface PurchaseFlowOptions {
  /** Undefined while nobody is signed in: buying then says "sign in first". */
  ports: () => PurchasePorts | undefined
  /** The user's PIN state as last known (Pins stamp); undefined: ask for the PIN anyway. */
  pinState: () => PinState | undefined
  /** Our purchase moved the Rights (or Services) stamp: the user's stores look at once. */
  afterPurchase: () => void
  scheduler: SchedulerLike
  nowSeconds: () => UnixSeconds
  log: Logger
  /** How often a PROCESSING licence is asked about. */
  pollMs?: number
  /** After this long still PROCESSING, the viewer is told it continues without them. */
  maxWaitMs?: number
}

export interface PurchaseFlow {
  state$: Observable<PurchaseState>
  readonly current: PurchaseState
  /** Starts buying: asks for the PIN (or shows the lock), or orders at once when the PIN is off. */
  start(item: PurchaseItem): void
  /** The PIN the viewer typed; it goes into the order's body only, never to a log. */
  submitPin(pin: string): void
  /** Closes the dialog; a PROCESSING order goes on and shows in "My products". */
  close(): void
  /** The app closes: the licence polling stops and the stream ends. */
  dispose(): void
}

const DEFAULT_LOCK_SECONDS = 60

/**
 * Buying a product (document 003) or a subscription (document 001): the PIN, the order, the
 * PROCESSING licence polled until ACTIVE or ORDER_ERROR, the lock after wrong PINs. The order
 * is never retried by itself (it could buy twice); a lost answer says so.
 */
export const createPurchaseFlow = (options: PurchaseFlowOptions): PurchaseFlow => {
  const { log } = options
  const pollMs = options.pollMs ?? 2000
  const maxWaitMs = options.maxWaitMs ?? 120_000
  const state = new BehaviorSubject<PurchaseState>({ step: 'idle' })
  let polling: Subscription | undefined
  /** The operator's last lock, kept here too: the Pins stamp may not have moved yet. */
  let lockedUntil: UnixSeconds | null = null
  let generation = 0

  const set = (next: PurchaseState): void => state.next(next)
  const stopPolling = (): void => {
    polling?.unsubscribe()
    polling = undefined
  }

  const lockOf = (): UnixSeconds | null => {
    const now = options.nowSeconds()
    if (lockedUntil !== null && now < lockedUntil) return lockedUntil
    const pins = options.pinState()
    return pins && isPinLockedAt(pins, now) ? pins.lockedUntil : null
  }

  /** Whether the order is over; the dialog is told only if it is still the one open. */
  const settle = (item: PurchaseItem, licence: Licence, run: number): boolean => {
    const outcome = purchaseOutcome(licence.status)
    if (outcome === 'processing') return false
    stopPolling()
    options.afterPurchase()
    if (run !== generation) return true
    if (outcome === 'active') set({ step: 'done', item })
    else set({ step: 'failed', item, failure: outcome === 'checkInvalid' ? 'checkInvalid' : 'orderError' })
    return true
  }

  /** Asks for the licence until it is no longer PROCESSING; closing the dialog does not stop it. */
  const poll = (item: PurchaseItem, licenceId: string, ports: PurchasePorts, run: number): void => {
    stopPolling()
    const started = options.scheduler.now()
    const read = (): Promise<{ licence?: Licence; error?: unknown }> =>
      ports.getLicence(licenceId).then(
        (licence) => ({ licence }),
        (error: unknown) => ({ error }),
      )
    polling = timer(pollMs, pollMs, options.scheduler)
      .pipe(exhaustMap(() => from(read())))
      .subscribe((answer) => {
        if (answer.licence) {
          if (settle(item, answer.licence, run)) return
        } else log.warn('purchase: the licence could not be read; asking again', answer.error)
        if (options.scheduler.now() - started >= maxWaitMs) {
          stopPolling()
          options.afterPurchase()
          if (run === generation) set({ step: 'failed', item, failure: 'stillProcessing' })
        }
      })
  }

  const failureOf = (error: unknown): Extract<PurchaseState, { step: 'failed' }>['failure'] => {
    if (!isApiError(error)) return 'other'
    switch (error.kind) {
      case 'network':
      case 'timeout':
        return 'offline'
      case 'auth':
        return 'signedOut'
      case 'conflict':
        return 'conflict'
      case 'denied':
      case 'notFound':
        return 'notAllowed'
      default:
        return 'other'
    }
  }

  const order = (item: PurchaseItem, pin: string | undefined): void => {
    const ports = options.ports()
    if (!ports) {
      set({ step: 'failed', item, failure: 'signedOut' })
      return
    }
    const run = ++generation
    set({ step: 'sending', item })
    const withPin = pin !== undefined ? { pin } : {}
    const request: PurchaseOrder =
      item.kind === 'product'
        ? { productId: item.productId, ...withPin }
        : { subscriptionId: item.subscriptionId, ...withPin }
    ports.purchase(request).then(
      (result) => {
        lockedUntil = null
        // The order moved the Rights (or Services) stamp, whether or not the dialog is still open.
        options.afterPurchase()
        const mine = run === generation
        if (result.kind === 'subscription' || result.status !== 'PROCESSING') {
          if (!mine) return
          const outcome = purchaseOutcome(result.status)
          if (outcome === 'active' || result.kind === 'subscription') set({ step: 'done', item })
          else
            set({ step: 'failed', item, failure: outcome === 'checkInvalid' ? 'checkInvalid' : 'orderError' })
          return
        }
        if (mine) set({ step: 'processing', item, licenceId: result.licenceId })
        poll(item, result.licenceId, ports, run)
      },
      (error: unknown) => {
        if (run !== generation) return
        if (isApiError(error) && error.kind === 'denied' && error.code === STATUS_CODE.PinLocked) {
          const until = error.lockedUntil ?? options.nowSeconds() + DEFAULT_LOCK_SECONDS
          lockedUntil = until
          set({ step: 'locked', item, lockedUntil: until })
          return
        }
        if (isApiError(error) && error.kind === 'denied' && error.code === STATUS_CODE.PinRequired) {
          set({
            step: 'pin',
            item,
            ...(error.attemptsLeft !== undefined ? { attemptsLeft: error.attemptsLeft } : {}),
          })
          return
        }
        // The reason is the operator's words; it never holds the PIN (api/pin.ts).
        log.warn(`purchase refused: ${isApiError(error) ? error.kind : 'unknown error'}`)
        set({
          step: 'failed',
          item,
          failure: failureOf(error),
          ...(isApiError(error) && 'availableFrom' in error && error.availableFrom !== undefined
            ? { availableFrom: error.availableFrom }
            : {}),
        })
      },
    )
  }

  return {
    state$: state.asObservable(),
    get current() {
      return state.value
    },
    start(item) {
      generation += 1
      if (options.ports() === undefined) {
        set({ step: 'failed', item, failure: 'signedOut' })
        return
      }
      const lock = lockOf()
      if (lock !== null) {
        set({ step: 'locked', item, lockedUntil: lock })
        return
      }
      if (options.pinState()?.enabled === false) order(item, undefined)
      else set({ step: 'pin', item })
    },
    submitPin(pin) {
      const current = state.value
      if (current.step !== 'pin') return
      const lock = lockOf()
      if (lock !== null) {
        set({ step: 'locked', item: current.item, lockedUntil: lock })
        return
      }
      order(current.item, pin)
    },
    close() {
      generation += 1
      set({ step: 'idle' })
    },
    dispose() {
      generation += 1
      stopPolling()
      state.complete()
    },
  }
}
