import { Subject } from 'rxjs'
import { networkBack$, visibility$ } from '../../../src/platform/lifecycle'

const setHidden = (hidden: boolean) => {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  })
  document.dispatchEvent(new Event('visibilitychange'))
}

describe('app lifecycle signals', () => {
  afterEach(() => setHidden(false))

  it('follows the page visibility', () => {
    const seen: boolean[] = []
    const sub = visibility$(document).subscribe((v) => seen.push(v))
    setHidden(true)
    setHidden(true)
    setHidden(false)
    sub.unsubscribe()
    expect(seen).toEqual([true, false, true])
  })

  it('is visible only when both the page and the platform lifecycle say so', () => {
    const platform = new Subject<boolean>()
    const seen: boolean[] = []
    const sub = visibility$(document, platform).subscribe((v) => seen.push(v))
    platform.next(false)
    setHidden(true)
    platform.next(true)
    setHidden(false)
    sub.unsubscribe()
    expect(seen).toEqual([true, false, true])
  })

  it('reports the network coming back', () => {
    let count = 0
    const sub = networkBack$(window).subscribe(() => (count += 1))
    window.dispatchEvent(new Event('online'))
    window.dispatchEvent(new Event('offline'))
    sub.unsubscribe()
    expect(count).toBe(1)
  })
})
