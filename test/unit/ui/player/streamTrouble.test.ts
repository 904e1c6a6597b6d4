import {
  hlsTrouble,
  mediaElementTrouble,
  type HlsErrorFacts,
} from '../../../../src/ui/player/hls/streamTrouble'

const net = (details: string, fatal: boolean, httpStatus?: number): HlsErrorFacts => ({
  type: 'networkError',
  details,
  fatal,
  ...(httpStatus !== undefined ? { httpStatus } : {}),
})

describe('what a streaming error means for the viewer', () => {
  it('a playlist that is not there, or cannot be read, ends in its own message', () => {
    expect(hlsTrouble(net('manifestLoadError', true, 404))).toEqual({
      kind: 'failed',
      failure: 'streamMissing',
    })
    expect(hlsTrouble(net('levelLoadError', true, 404))).toEqual({ kind: 'failed', failure: 'streamMissing' })
    expect(hlsTrouble(net('manifestLoadError', true, 500))).toEqual({ kind: 'failed', failure: 'stream' })
    expect(hlsTrouble(net('manifestParsingError', true))).toEqual({ kind: 'failed', failure: 'streamBroken' })
    expect(hlsTrouble(net('levelParsingError', true))).toEqual({ kind: 'failed', failure: 'streamBroken' })
  })

  it('a missing segment: reconnecting while hls.js retries, its message once it gives up', () => {
    expect(hlsTrouble(net('fragLoadError', false, 503))).toEqual({
      kind: 'recovering',
      ifLost: 'segmentMissing',
    })
    expect(hlsTrouble(net('fragLoadError', true, 404))).toEqual({ kind: 'failed', failure: 'segmentMissing' })
    expect(hlsTrouble(net('fragLoadTimeOut', true))).toEqual({ kind: 'failed', failure: 'segmentMissing' })
  })

  it('a 403 (or 401) anywhere is the operator withdrawing the right: no retrying', () => {
    expect(hlsTrouble(net('fragLoadError', false, 403))).toEqual({
      kind: 'failed',
      failure: 'rightsWithdrawn',
    })
    expect(hlsTrouble(net('levelLoadError', true, 401))).toEqual({
      kind: 'failed',
      failure: 'rightsWithdrawn',
    })
  })

  it('a live playlist that stops advancing, or a stall, is reconnecting that may end as "stopped"', () => {
    expect(hlsTrouble(net('playlistUnchangedError', false))).toEqual({
      kind: 'recovering',
      ifLost: 'stalled',
    })
    expect(hlsTrouble({ type: 'mediaError', details: 'bufferStalledError', fatal: false })).toEqual({
      kind: 'recovering',
      ifLost: 'stalled',
    })
  })

  it('a codec the box cannot play is its own message at once', () => {
    expect.hasAssertions()
    for (const details of [
      'manifestIncompatibleCodecsError',
      'bufferAddCodecError',
      'bufferIncompatibleCodecsError',
    ])
      expect(hlsTrouble({ type: 'mediaError', details, fatal: true })).toEqual({
        kind: 'failed',
        failure: 'unplayable',
      })
  })

  it('a fatal media error gets one recovery (hls.js README), then the message', () => {
    const e = { type: 'mediaError', details: 'bufferAppendError', fatal: true }
    expect(hlsTrouble(e)).toEqual({ kind: 'recovering', ifLost: 'unplayable', recover: 'media' })
    expect(hlsTrouble({ ...e, mediaRecoveryTried: true })).toEqual({ kind: 'failed', failure: 'unplayable' })
  })

  it('nudges over small holes are nothing to show; any other fatal error is a message', () => {
    expect(hlsTrouble({ type: 'mediaError', details: 'bufferNudgeOnStall', fatal: false })).toEqual({
      kind: 'ignore',
    })
    expect(hlsTrouble({ type: 'mediaError', details: 'bufferSeekOverHole', fatal: false })).toEqual({
      kind: 'ignore',
    })
    expect(hlsTrouble({ type: 'otherError', details: 'internalException', fatal: true })).toEqual({
      kind: 'failed',
      failure: 'stream',
    })
  })

  it("a natively played stream: the video element's error code", () => {
    expect(mediaElementTrouble(4)).toEqual({ kind: 'failed', failure: 'unplayable' })
    expect(mediaElementTrouble(3)).toEqual({ kind: 'failed', failure: 'unplayable' })
    expect(mediaElementTrouble(2)).toEqual({ kind: 'failed', failure: 'stream' })
  })
})
