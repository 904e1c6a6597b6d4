import type { OsdModel } from './osdModel'
import { phrase } from '../i18n'
import type { Speech } from '../components/voice'

/** The on-screen display as said: channel, programme, LIVE / paused / behind, and where the viewer is. */
export const osdSpeech = (m: OsdModel): Speech => [
  m.channel.replace(/\s+/g, ' '),
  m.title,
  m.badge,
  phrase('voice.player.position', { time: m.positionLabel }),
]

/** A mini guide line: the channel and what is on now ("3 DR2, Now: The News"). */
export const miniGuideRowSpeech = (row: {
  channel: { number: number; name: string }
  nowNext: { now?: { title: string } } | undefined
}): Speech => [
  `${row.channel.number} ${row.channel.name}`,
  row.nowNext?.now ? phrase('voice.player.now', { title: row.nowNext.now.title }) : undefined,
]

/** What Info adds on the player: the programme's times, how far in, and what comes next. */
export const osdDetail = (m: OsdModel): Speech => [
  m.times,
  m.progress || undefined,
  m.next ? `${m.next} ${m.nextTime}`.trim() : undefined,
]
