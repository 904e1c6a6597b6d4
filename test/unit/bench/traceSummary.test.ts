import { categoryOf, summarise, type CpuProfile } from '../../bench/traceSummary'

const frame = (
  functionName: string,
  url = 'http://box/lib/lightning.js',
): { functionName: string; url: string } => ({
  functionName,
  url,
})

// (root) -> (idle); (root) -> (program); (root) -> (garbage collector);
// (root) -> tick -> _calculateRenderInfo; (root) -> tick -> uploadTextureSource; (root) -> tick.
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 3, 4, 5] },
    { id: 2, callFrame: frame('(idle)', '') },
    { id: 3, callFrame: frame('(program)', '') },
    { id: 4, callFrame: frame('(garbage collector)', '') },
    { id: 5, callFrame: frame('tick', 'http://box/appBundle.js'), children: [6, 7] },
    { id: 6, callFrame: frame('_calculateRenderInfo') },
    { id: 7, callFrame: frame('uploadTextureSource') },
  ],
  startTime: 1_000_000,
  endTime: 1_008_000,
  // One sample a millisecond: idle, idle, program, gc, text, upload, script, idle.
  samples: [2, 2, 3, 4, 6, 7, 5, 2],
  timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
}

describe('the cold-start trace summary', () => {
  it('puts each sample in its category, an idle thread with a request open as a network wait', () => {
    const s = summarise(PROFILE, [{ start: 1_000_500, end: 1_001_500 }], { from: 1_000_000, to: 1_008_000 })
    expect(s.ms).toEqual({
      networkWaits: 1,
      idle: 2,
      browserOther: 1,
      garbageCollection: 1,
      textLayout: 1,
      textureUploads: 1,
      scriptEvaluation: 1,
    })
    expect(s.windowMs).toBe(8)
  })

  it('counts only the time inside the window', () => {
    const s = summarise(PROFILE, [], { from: 1_002_500, to: 1_005_000 })
    expect(s.ms.browserOther).toBe(0.5)
    expect(s.ms.garbageCollection).toBe(1)
    expect(s.ms.textLayout).toBe(1)
    expect(s.ms.idle).toBe(0)
    expect(s.ms.scriptEvaluation).toBe(0)
  })

  it('names the JS functions with the most self time, without the VM states', () => {
    const s = summarise(PROFILE, [], { from: 1_000_000, to: 1_008_000 })
    expect(s.topFunctions.map((f) => `${f.name}@${f.file}`).sort()).toEqual([
      '_calculateRenderInfo@lightning.js',
      'tick@appBundle.js',
      'uploadTextureSource@lightning.js',
    ])
  })

  it('finds text layout anywhere down the stack, above a texture upload', () => {
    expect(categoryOf([frame('anon'), frame('_drawLines'), frame('uploadTextureSource')], false)).toBe(
      'textLayout',
    )
    expect(categoryOf([frame('texImage2D', ''), frame('x')], true)).toBe('textureUploads')
    expect(categoryOf([frame('drawImage', ''), frame('_tintTexture')], false)).toBe('textureUploads')
    expect(categoryOf([], false)).toBe('idle')
  })
})
