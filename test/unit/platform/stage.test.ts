import { fittedStage, stageFit } from '../../../src/platform/stage'

describe('the stage on a screen', () => {
  it('is 1080p on a 1080p window and scales down on smaller ones, keeping 16:9', () => {
    expect(stageFit(1920, 1080)).toEqual({ w: 1920, h: 1080, precision: 1 })
    expect(stageFit(1280, 720)).toEqual({ w: 1280, h: 720, precision: 1280 / 1920 })
    // Under a status bar: the height decides.
    expect(stageFit(1280, 700)).toEqual({ w: 1244, h: 700, precision: 700 / 1080 })
    expect(stageFit(1366, 768)).toEqual({ w: 1365, h: 768, precision: 768 / 1080 })
  })

  it('never goes beyond 1080p', () => {
    expect(stageFit(3840, 2160)).toEqual({ w: 1920, h: 1080, precision: 1 })
  })

  it('gives nothing for a window without a size', () => {
    expect(stageFit(0, 0)).toBeUndefined()
    expect(stageFit(Number.NaN, 720)).toBeUndefined()
  })

  it('keeps a size that settings.json or the platform sets', () => {
    const stage = { clearColor: '0x00000000' }
    expect(fittedStage(stage, {}, 1280, 720)).toEqual({ ...stage, w: 1280, h: 720, precision: 1280 / 1920 })
    expect(fittedStage({ ...stage, w: 1920, h: 1080 }, {}, 1280, 720)).toEqual({ ...stage, w: 1920, h: 1080 })
    expect(fittedStage(stage, { width: 1280, height: 720 }, 1920, 1080)).toEqual(stage)
    expect(fittedStage(undefined, {}, 1920, 1080)).toEqual({ w: 1920, h: 1080, precision: 1 })
  })
})
