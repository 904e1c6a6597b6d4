/** Uniform in [0, 1). */
export type Random = () => number

/** mulberry32: tiny, fast, and good enough to place timers; not for anything secret. */
export const mulberry32 = (seed: number): Random => {
  let a = seed | 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const mix = (h: number, v: number): number => {
  let x = Math.imul(h ^ v, 0x9e3779b1)
  x ^= x >>> 16
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  return x
}

/**
 * Each device and each of its streams (poller, user actions, operator) gets its own generator
 * derived from the run's seed and its index, so that a device behaves the same whatever the
 * fleet size or the order devices happen to run in.
 */
export const streamFor = (seed: number, device: number, stream: number): Random =>
  mulberry32(mix(mix(mix(0x2545f491, seed), device), stream))

/** Exponential waiting time of the given mean: the gaps between independent events. */
export const exponential = (random: Random, mean: number): number => -mean * Math.log(1 - random())
