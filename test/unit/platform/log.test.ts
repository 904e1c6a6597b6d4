import { ConsoleLike, createLogger, MASK, redact } from '../../../src/platform/log'

const capture = (): { sink: ConsoleLike; lines: unknown[][] } => {
  const lines: unknown[][] = []
  const push = (...args: unknown[]) => lines.push(args)
  return { sink: { debug: push, info: push, warn: push, error: push }, lines }
}

describe('logger', () => {
  it('never prints a token or a PIN found in a detail object, however deep', () => {
    const { sink, lines } = capture()
    const log = createLogger('test', sink)
    log.info('login', { user: 'anna', token: 'tok-123', nested: { Pin: '1234', list: [{ password: 'pw' }] } })
    const printed = JSON.stringify(lines)
    expect(printed).not.toMatch(/tok-123|1234|"pw"/)
    expect(printed).toContain('anna')
    expect(printed).toContain(MASK)
  })

  it('masks secrets written inside a message', () => {
    expect(redact('GET /api?token=abc&x=1')).toBe(`GET /api?token=${MASK}&x=1`)
    expect(redact('Authorization: Bearer abc.def-1')).not.toContain('abc.def-1')
    expect(redact('sent with Bearer abc.def-1 header')).toBe(`sent with Bearer ${MASK} header`)
    expect(redact('headers: {"authorization":"Bearer abc"}')).not.toContain('abc')
    expect(redact('{"pin":"4321"}')).toBe(`{"pin":"${MASK}"}`)
  })

  it('masks secrets in an error message', () => {
    expect(redact(new Error('bad token=s3cr3t'))).toBe(`Error: bad token=${MASK}`)
  })

  it('drops messages below its level', () => {
    const { sink, lines } = capture()
    const log = createLogger('test', sink, 'warn')
    log.info('quiet')
    log.warn('loud')
    expect(lines).toEqual([['[Kanal:test] loud']])
  })
})
