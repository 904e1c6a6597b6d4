/**
 * The stage's size on this screen. Kanal is drawn in 1920x1080 coordinates; Lightning scales
 * them by `precision`. The SDK scales by itself only for a window exactly 720 pixels high; a
 * TV browser may report another size (1366x768, 1280x719 under a status bar), where a 1080p
 * canvas would be cut. The stage is fitted into the window keeping 16:9, never beyond 1080p
 * (a 4K window would quadruple the pixels to draw for no gain at TV distance).
 */
export const DESIGN_WIDTH = 1920
export const DESIGN_HEIGHT = 1080

export interface StageFit {
  w: number
  h: number
  precision: number
}

export const stageFit = (windowWidth: number, windowHeight: number): StageFit | undefined => {
  if (!(windowWidth > 0 && windowHeight > 0)) return undefined
  const precision = Math.min(1, windowWidth / DESIGN_WIDTH, windowHeight / DESIGN_HEIGHT)
  return {
    w: Math.round(DESIGN_WIDTH * precision),
    h: Math.round(DESIGN_HEIGHT * precision),
    precision,
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * settings.json's `stage`, fitted to the window unless it sets a size itself, or the platform
 * gives one (platformSettings width and height, which the SDK applies).
 */
export const fittedStage = (
  stage: unknown,
  platformSettings: object,
  windowWidth: number,
  windowHeight: number,
): Record<string, unknown> => {
  const given = isRecord(stage) ? stage : {}
  const platform = platformSettings as { width?: unknown; height?: unknown }
  if (given.w !== undefined || given.h !== undefined || platform.width || platform.height) return given
  const fit = stageFit(windowWidth, windowHeight)
  return fit ? { ...given, ...fit } : given
}
