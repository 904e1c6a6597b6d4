import type { Api } from '../../../../../src/api'
import type { Programme } from '../../../../../src/domain/guide'
import type { Logger } from '../../../../../src/platform/log'
import type { RunningSimulator } from '../../../api/support/simulator'

/** Waits in real time for what the HTTP side of a step brings; never a fixed sleep. */
export const until = async (what: string, ok: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** A logger that keeps its lines, to show what the box said and that no secret is in it. */
export const recordingLog = (): Logger & { lines: string[] } => {
  const lines: string[] = []
  const keep =
    (level: string) =>
    (message: string, data?: unknown): void => {
      lines.push(`${level} ${message}${data === undefined ? '' : ` ${String(data)}`}`)
    }
  return { lines, debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') }
}

/**
 * Programmes of tomorrow that anna may record: the channel of the first one "another device"
 * manages to record for her (nPVR on it), and the programmes after it on that channel.
 */
export const recordableProgrammes = async (
  s: RunningSimulator,
  api: Api,
  start: number,
  count: number,
): Promise<Programme[]> => {
  const channels = await api.envelope.getChannels()
  for (const channel of channels) {
    const window = await api.envelope.getGuide({
      channelIds: [channel.id],
      start: start + 86400,
      end: start + 86400 + 12 * 3600,
    })
    const programmes = window.channels[0]?.programmes ?? []
    const probe = programmes[1]
    if (probe === undefined) continue
    const res = await fetch(`${s.url}qa/another-device`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 'anna', action: 'addRecording', programmeId: probe.id }),
    })
    if (!res.ok) continue
    const rest = programmes.slice(2, 2 + count)
    if (rest.length === count) return rest
  }
  throw new Error(`no channel with ${count} recordable programmes`)
}
