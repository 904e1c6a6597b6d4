import { post, type AnotherDeviceAnswer } from '../api'
import { act, button, field, h, option, panel } from '../dom'
import { selectedUser, sessions, stampsMoved, users } from '../store'

/** Example settings (document 002), to be edited: what QA change most is the nPVR storage. */
const SETTINGS_EXAMPLE = '{"nPvr": {"override": true, "enabled": true, "storage": 50}}'

const summary = (result: unknown): string => {
  if (result === null || result === undefined) return ''
  const text = JSON.stringify(result)
  return text.length > 160 ? `${text.slice(0, 157)}…` : text
}

/** Acts as the picked user's second device, so that their stamps move; shows which did. */
export const anotherDevicePanel = (): HTMLElement => {
  const who = h('span', { class: 'muted', qa: 'ad-user' })
  const p = panel('another-device', 'Another device', who)
  const result = h('div', { class: 'result', qa: 'ad-result', hidden: true })

  const run = (b: HTMLButtonElement, action: string, params: Record<string, unknown> = {}): void => {
    const userId = selectedUser.value
    if (!userId) return p.showError('Pick a user first (top of the page)')
    void act(p, b, async () => {
      const answer = await post<AnotherDeviceAnswer>('another-device', { userId, action, ...params })
      const moved = answer.moved ?? []
      result.replaceChildren(
        h(
          'div',
          {},
          h('strong', {}, action),
          ' done. ',
          moved.length ? 'Moved: ' : 'No stamp moved.',
          ...moved.map((m) => h('span', { class: 'chip', qa: 'ad-moved' }, m)),
        ),
        h('div', { class: 'muted mono' }, summary(answer.result)),
      )
      result.dataset.action = action
      result.dataset.moved = moved.join(',')
      // Tells one answer from the next, when they look the same.
      result.dataset.seq = String(Number(result.dataset.seq ?? '0') + 1)
      result.hidden = false
      stampsMoved.set(stampsMoved.value + 1)
    })
  }
  /** The value of a required id input, or an error in the panel. */
  const need = (input: HTMLInputElement, what: string): string | undefined => {
    const v = input.value.trim()
    if (v === '') {
      p.showError(`Give ${what}`)
      input.focus()
      return undefined
    }
    return v
  }
  const idInput = (qa: string, placeholder: string): HTMLInputElement =>
    h('input', { type: 'text', qa, placeholder, class: 'id', autocomplete: 'off' })

  const programme = idInput('ad-programme', 'programme id')
  const series = h('input', { type: 'checkbox', qa: 'ad-series' })
  const recording = idInput('ad-recording', 'recording id')
  const product = idInput('ad-product', 'product id')
  const licence = idInput('ad-licence', 'licence id')
  const channel = idInput('ad-channel', 'channel id')
  const settings = h('textarea', { qa: 'ad-settings', rows: 2, spellcheck: 'false', value: SETTINGS_EXAMPLE })
  const device = h('select', { qa: 'ad-device' })

  const withId =
    (
      input: HTMLInputElement,
      what: string,
      action: string,
      key: string,
      extra: Record<string, unknown> = {},
    ) =>
    (b: HTMLButtonElement): void => {
      const v = need(input, what)
      if (v !== undefined) run(b, action, { [key]: v, ...extra })
    }

  p.body.append(
    h(
      'div',
      { class: 'row' },
      field('Record', programme),
      h('label', { class: 'check' }, series, 'series'),
      button('Add recording', 'ad-add-recording', (b) => {
        const v = need(programme, 'a programme id')
        if (v !== undefined)
          run(b, 'addRecording', { programmeId: v, ...(series.checked ? { series: true } : {}) })
      }),
    ),
    h(
      'div',
      { class: 'row' },
      field('Recording', recording),
      button('Cancel', 'ad-cancel', withId(recording, 'a recording id', 'cancelRecording', 'recordingId')),
      button(
        'Protect',
        'ad-protect',
        withId(recording, 'a recording id', 'protectRecording', 'recordingId', { protected: true }),
      ),
      button(
        'Unprotect',
        'ad-unprotect',
        withId(recording, 'a recording id', 'protectRecording', 'recordingId', { protected: false }),
      ),
      button('Delete', 'ad-delete', withId(recording, 'a recording id', 'deleteRecording', 'recordingId')),
    ),
    h(
      'div',
      { class: 'row' },
      field('Product', product),
      button('Buy', 'ad-buy', withId(product, 'a product id', 'buyProduct', 'productId')),
      field('Licence', licence),
      button('Expire', 'ad-expire', withId(licence, 'a licence id', 'expireLicence', 'licenseId')),
    ),
    h(
      'div',
      { class: 'row' },
      field('Favourite', channel),
      button(
        'Add favourite',
        'ad-add-favourite',
        withId(channel, 'a channel id', 'addFavourite', 'channelId'),
      ),
      button(
        'Remove favourite',
        'ad-remove-favourite',
        withId(channel, 'a channel id', 'removeFavourite', 'channelId'),
      ),
      button('Clear watch history', 'ad-clear-history', (b) => run(b, 'removeWatchHistory')),
    ),
    h(
      'div',
      { class: 'row' },
      field('Subscription settings (002)', settings, { class: 'field grow' }),
      button('Apply', 'ad-apply-settings', (b) => {
        let parsed: unknown
        try {
          parsed = JSON.parse(settings.value)
        } catch (e) {
          return p.showError(`The settings are not JSON: ${e instanceof Error ? e.message : String(e)}`)
        }
        run(b, 'changeSettings', { settings: parsed })
      }),
    ),
    h(
      'div',
      { class: 'row' },
      h('span', { class: 'label' }, 'PIN'),
      button('Enable', 'ad-pin-enable', (b) => run(b, 'enablePin')),
      button('Disable', 'ad-pin-disable', (b) => run(b, 'disablePin')),
      field('Device', device),
      button('Remove from account', 'ad-remove-device', (b) => {
        if (!device.value) return p.showError('The user has no signed-in device to remove')
        run(b, 'removeDevice', { deviceId: device.value })
      }),
    ),
    result,
  )

  const drawDevices = (): void => {
    const user = users.value.find((u) => u.id === selectedUser.value)
    const mine = sessions.value.filter((x) => x.userId === selectedUser.value)
    const seen = new Set<string>()
    const chosen = device.value
    device.replaceChildren(
      ...mine
        .filter((x) => !seen.has(x.deviceId) && seen.add(x.deviceId))
        .map((x) =>
          option(x.deviceId, `${x.deviceName ?? 'unnamed'} (${x.deviceId})`, x.deviceId === chosen),
        ),
    )
    if (device.options.length === 0) device.append(option('', 'no device signed in'))
    who.textContent = user ? `as ${user.name}’s second device` : ''
  }
  sessions.subscribe(drawDevices)
  selectedUser.subscribe(() => {
    result.hidden = true
    drawDevices()
  })
  users.subscribe(drawDevices)
  return p.root
}
