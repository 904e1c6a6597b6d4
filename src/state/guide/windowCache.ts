/**
 * A bounded map of guide windows, least recently used out first. The guide of 1,000 channels
 * x 14 days would not fit a set-top box's memory; what a viewer scrolls through does.
 */
export class WindowCache<V> {
  private readonly entries = new Map<string, V>()

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size
  }

  has(key: string): boolean {
    return this.entries.has(key)
  }

  /** Reading an entry makes it the most recently used. */
  get(key: string): V | undefined {
    const value = this.entries.get(key)
    if (value === undefined) return undefined
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  /** Adds an entry; the least recently used ones go, except those `keep` says are on screen. */
  set(key: string, value: V, keep: (key: string) => boolean = () => false): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    for (const old of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break
      if (old !== key && !keep(old)) this.entries.delete(old)
    }
  }

  clear(): void {
    this.entries.clear()
  }
}
