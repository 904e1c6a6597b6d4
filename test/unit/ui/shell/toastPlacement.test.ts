import { Toast, toastTop, TOAST_H } from '../../../../src/ui/shell/Toast'
import { MENU_HEIGHT, SAFE } from '../../../../src/ui/theme'
import { mount } from '../../../helpers/lightning'

const BOTTOM = 1080 - SAFE.y - 24 - TOAST_H

describe('where a toast shows', () => {
  it('sits at the bottom when the focus is elsewhere', () => {
    expect(toastTop(undefined)).toBe(BOTTOM)
    expect(toastTop({ top: 240, bottom: 312 })).toBe(BOTTOM)
  })

  it('moves to the top of the page rather than cover the focused row', () => {
    const top = toastTop({ top: 850, bottom: 940 })
    expect(top).toBeLessThan(850 - TOAST_H)
    expect(top).toBeGreaterThanOrEqual(MENU_HEIGHT)
  })

  it('stays clear of a focused row anywhere on screen', () => {
    expect.hasAssertions()
    for (let y = MENU_HEIGHT; y < 1000; y += 37) {
      const row = { top: y, bottom: y + 78 }
      const at = toastTop(row)
      expect([y, at + TOAST_H <= row.top || at >= row.bottom]).toEqual([y, true])
    }
  })

  it("keeps out of the band the screen keeps clear (the player's OSD), with the focus or without", () => {
    const osd = { top: 600, bottom: 1080 }
    expect(toastTop(undefined, osd)).toBe(MENU_HEIGHT + 8)
    // The focus as large as the screen (the player page): clear of the band still.
    const at = toastTop({ top: 0, bottom: 1080 }, osd)
    expect(at + TOAST_H).toBeLessThanOrEqual(osd.top)
    // A focused row at the top (the track menu's first row): clear of both.
    expect.hasAssertions()
    for (let y = MENU_HEIGHT; y < 500; y += 29) {
      const row = { top: y, bottom: y + 78 }
      const top = toastTop(row, osd)
      expect([y, top + TOAST_H <= row.top || top >= row.bottom, top + TOAST_H <= osd.top]).toEqual([
        y,
        true,
        true,
      ])
    }
  })

  it('moves a toast on screen out of a band set while it shows, and back once the band goes', () => {
    jest.useFakeTimers()
    const m = mount(Toast)
    m.subject.show('Signed in as Anna Berg', 'success', 4)
    expect(m.subject.y).toBe(BOTTOM)
    m.subject.band = { top: 600, bottom: 1080 }
    expect(m.subject.y + TOAST_H).toBeLessThanOrEqual(600)
    m.subject.band = undefined
    expect(m.subject.y).toBe(BOTTOM)
    m.destroy()
    jest.useRealTimers()
  })

  it('is placed by the component where it is told', () => {
    jest.useFakeTimers()
    const m = mount(Toast)
    m.subject.show('Recording deleted', 'success', 4, { top: 850, bottom: 940 })
    expect(m.subject.Box.y + m.subject.y).toBe(toastTop({ top: 850, bottom: 940 }))
    m.subject.show('Recording deleted', 'success', 4)
    expect(m.subject.Box.y + m.subject.y).toBe(BOTTOM)
    m.destroy()
    jest.useRealTimers()
  })
})
