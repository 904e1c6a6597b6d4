/** A few lines instead of a framework: the console is a handful of forms and two live views. */

type Child = Node | string | number | null | undefined | false
type AttrValue = string | number | boolean | undefined | null | ((event: Event) => void)
export type Attrs = Record<string, AttrValue>

const apply = (el: Element, attrs: Attrs): void => {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue
    if (typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value)
    } else if (key === 'qa') {
      el.setAttribute('data-qa', String(value))
    } else if (value === true) {
      el.setAttribute(key, '')
    } else if (key === 'value' && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
      el.value = String(value)
    } else {
      el.setAttribute(key, String(value))
    }
  }
}

const append = (el: Element, children: Child[]): void => {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue
    el.append(typeof c === 'number' ? String(c) : c)
  }
}

/** An HTML element; `on*` attributes are listeners, `qa` is the test's `data-qa` handle. */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag)
  apply(el, attrs)
  append(el, children)
  return el
}

const SVG_NS = 'http://www.w3.org/2000/svg'

/** An SVG element, for the polls chart. */
export const s = <K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): SVGElementTagNameMap[K] => {
  const el = document.createElementNS(SVG_NS, tag)
  apply(el, attrs)
  append(el, children)
  return el
}

/** A panel: a titled section with its own error line, so that an API error shows where it was caused. */
export interface Panel {
  root: HTMLElement
  body: HTMLElement
  showError(error: unknown): void
  clearError(): void
}

export const panel = (id: string, title: string, ...headerExtras: Child[]): Panel => {
  const error = h('p', { class: 'error', qa: `${id}-error`, role: 'alert', hidden: true })
  const body = h('div', { class: 'panel-body' })
  const root = h(
    'section',
    { class: `panel panel-${id}`, qa: `panel-${id}`, 'aria-labelledby': `h-${id}` },
    h('header', {}, h('h2', { id: `h-${id}` }, title), ...headerExtras),
    body,
    error,
  )
  return {
    root,
    body,
    showError(e) {
      error.textContent = e instanceof Error ? e.message : String(e)
      error.hidden = false
    },
    clearError() {
      error.textContent = ''
      error.hidden = true
    },
  }
}

/**
 * Runs an action from a button: disabled while it runs (no double submit), the panel's error
 * cleared first and set if it fails.
 */
export const act = async <T>(
  p: Panel,
  button: HTMLButtonElement | null,
  run: () => Promise<T>,
): Promise<T | undefined> => {
  p.clearError()
  if (button) button.disabled = true
  try {
    return await run()
  } catch (e) {
    p.showError(e)
    return undefined
  } finally {
    if (button) button.disabled = false
  }
}

export const field = (label: string, control: HTMLElement, attrs: Attrs = {}): HTMLLabelElement =>
  h('label', { class: 'field', ...attrs }, h('span', {}, label), control)

export const button = (
  label: string,
  qa: string,
  onClick: (b: HTMLButtonElement) => void,
  attrs: Attrs = {},
): HTMLButtonElement => {
  const b = h('button', { type: 'button', qa, ...attrs }, label)
  b.addEventListener('click', () => onClick(b))
  return b
}

export const option = (value: string, label: string, selected = false): HTMLOptionElement =>
  h('option', { value, selected }, label)
