import type { LoggedRequest } from '../requestLog'
import type { Fault } from '../faults'

/** What the QA console hears about as it happens (GET /qa/events). */
export type QaEvent =
  | { type: 'request'; data: LoggedRequest }
  | { type: 'clock'; data: { now: number; speed: number } }
  | { type: 'faults'; data: { faults: Fault[] } }

export type QaListener = (event: QaEvent) => void

/**
 * A tiny bus between the simulator's moving parts and the event streams of /qa/events. A
 * listener that throws (a stream whose socket is gone) must not stop the others.
 */
export class QaEvents {
  private listeners = new Set<QaListener>()

  /** Returns the unsubscribe function; calling it twice is harmless. */
  subscribe(listener: QaListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  emit(event: QaEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event)
      } catch {
        this.listeners.delete(listener)
      }
    }
  }

  /** How many listen now: what a test reads to see that a closed stream let go. */
  listenerCount(): number {
    return this.listeners.size
  }
}
