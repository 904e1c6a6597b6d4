/**
 * The simulator's virtual clock: real time times a speed, plus an offset. Everything that
 * depends on time (recording states, licence processing, stamps, token expiry) reads this
 * clock, never Date.now(), so that tests and QA can move time instead of waiting for it.
 */
export interface SimClock {
  /** Simulated time in milliseconds since the epoch. */
  nowMs(): number
  /** Simulated time in whole Unix seconds. */
  now(): number
  speed(): number
  set(unixSeconds: number): void
  advance(seconds: number): void
  setSpeed(speed: number): void
}

export const createClock = (
  options: { start?: number; speed?: number } = {},
  realNowMs: () => number = () => Date.now(),
): SimClock => {
  // The virtual time is baseVirtual + (real - baseReal) * speed; every change re-bases it.
  let baseReal = realNowMs()
  let baseVirtual = options.start !== undefined ? options.start * 1000 : baseReal
  let currentSpeed = options.speed ?? 1

  const nowMs = (): number => baseVirtual + (realNowMs() - baseReal) * currentSpeed
  const rebase = (virtualMs: number): void => {
    baseReal = realNowMs()
    baseVirtual = virtualMs
  }

  return {
    nowMs,
    now: () => Math.floor(nowMs() / 1000),
    speed: () => currentSpeed,
    set: (unixSeconds) => rebase(unixSeconds * 1000),
    advance: (seconds) => rebase(nowMs() + seconds * 1000),
    setSpeed: (speed) => {
      rebase(nowMs())
      currentSpeed = speed
    },
  }
}
