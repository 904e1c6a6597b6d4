import { get, post, type ClockState, type ClockTarget } from '../api'
import { act, button, field, h, panel } from '../dom'
import { dateTime, day, hms, toLocalInput } from '../format'
import { clock, operatorNow, selectedUser, setClock } from '../store'

const SPEEDS = [1, 10, 60, 600]

type ClockAnswer = ClockState & { target?: ClockTarget }

/** The operator's time, large and ticking at its speed; pause, speeds, jumps. */
export const clockPanel = (): HTMLElement => {
  const p = panel('clock', 'Clock')
  const time = h('div', { class: 'clock-now', qa: 'clock-now', 'aria-live': 'off' }, '--:--:--')
  const date = h('div', { class: 'clock-date', qa: 'clock-date' })
  const speedLabel = h('span', { class: 'clock-speed', qa: 'clock-speed' })
  const target = h('p', { class: 'result', qa: 'clock-target', hidden: true })

  let lastRunningSpeed = 1
  const send = async (b: HTMLButtonElement | null, body: Record<string, unknown>): Promise<void> => {
    const answer = await act(p, b, () => post<ClockAnswer>('clock', body))
    if (!answer) return
    setClock(answer)
    if (answer.target) {
      const t = answer.target
      target.textContent = `→ ${t.kind} ${t.id} “${t.title}”${t.channelId ? ` on ${t.channelId}` : ''} at ${dateTime(t.at)}`
      target.dataset.title = t.title
      target.dataset.at = String(t.at)
      target.hidden = false
    } else {
      target.hidden = true
    }
  }

  const pause = button('Pause', 'clock-pause', (b) => {
    const speed = clock.value.speed
    void send(b, { speed: speed > 0 ? 0 : lastRunningSpeed })
  })
  const speedButtons = SPEEDS.map((n) =>
    button(`${n}x`, `clock-speed-${n}`, (b) => void send(b, { speed: n }), { 'aria-pressed': 'false' }),
  )

  const jumpInput = h('input', { type: 'datetime-local', step: 1, qa: 'clock-jump-input' })
  const jump = button('Jump', 'clock-jump', (b) => {
    const at = new Date(jumpInput.value).getTime() / 1000
    if (!Number.isFinite(at)) return p.showError('Choose a date and a time to jump to')
    void send(b, { set: Math.floor(at) })
  })
  jumpInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') jump.click()
  })

  const before = h('input', {
    type: 'number',
    min: 0,
    step: 1,
    value: 10,
    class: 'narrow',
    qa: 'clock-before',
    'aria-label': 'seconds before',
  })
  const nextRecording = button('Next recording start', 'clock-next-recording', (b) => {
    const userId = selectedUser.value
    void send(b, {
      to: 'next-recording-start',
      ...(userId ? { userId } : {}),
      before: Number(before.value) || 0,
    })
  })
  const channel = h('input', {
    type: 'text',
    placeholder: 'any channel',
    class: 'narrow',
    qa: 'clock-channel',
    'aria-label': 'channel id',
  })
  const nextBoundary = button('Next programme boundary', 'clock-next-boundary', (b) => {
    const channelId = channel.value.trim()
    void send(b, { to: 'next-programme-boundary', ...(channelId ? { channelId } : {}) })
  })
  const plusDay = button('+1 day', 'clock-plus-day', (b) => void send(b, { advance: 86400 }))
  const plusHour = button('+1 h', 'clock-plus-hour', (b) => void send(b, { advance: 3600 }))

  p.body.append(
    h('div', { class: 'clock-face' }, time, h('div', {}, date, speedLabel)),
    h('div', { class: 'row' }, pause, ...speedButtons),
    h('div', { class: 'row' }, field('Jump to', jumpInput), jump),
    h(
      'div',
      { class: 'row' },
      nextRecording,
      h('span', { class: 'muted' }, 'minus'),
      before,
      h('span', { class: 'muted' }, 's'),
    ),
    h('div', { class: 'row' }, nextBoundary, channel),
    h('div', { class: 'row' }, plusHour, plusDay),
    target,
  )

  const draw = (): void => {
    const c = clock.value
    if (c.receivedAt === 0) return
    const now = Math.floor(operatorNow())
    time.textContent = hms(now)
    time.dataset.now = String(now)
    date.replaceChildren(
      h('div', {}, day(now)),
      h('div', {}, `UTC ${new Date(now * 1000).toISOString().slice(11, 19)} · ${now}`),
    )
    if (jumpInput.value === '') jumpInput.value = toLocalInput(now)
  }
  clock.subscribe((c) => {
    if (c.speed > 0) lastRunningSpeed = c.speed
    p.root.dataset.speed = String(c.speed)
    speedLabel.textContent = c.speed === 0 ? 'paused' : `${c.speed}x${c.speed === 1 ? ' (real time)' : ''}`
    pause.textContent = c.speed === 0 ? `Run (${lastRunningSpeed}x)` : 'Pause'
    for (const [i, b] of speedButtons.entries()) b.setAttribute('aria-pressed', String(SPEEDS[i] === c.speed))
    draw()
  })
  // Ticks locally between the server's readings; a reading every few seconds corrects the drift.
  setInterval(draw, 200)
  const refresh = (): void => {
    get<ClockState>('clock').then(setClock, (e: unknown) => p.showError(e))
  }
  refresh()
  setInterval(refresh, 5000)
  return p.root
}
