import { Lightning } from '@lightningjs/sdk'
import { installTextRules } from '../../../../src/ui/text/bidiCanvas'

/** A canvas context that measures 10 px per character and records how each line is drawn. */
const recordingContext = () => {
  const drawn: { text: string; x: number; direction: string; align: string }[] = []
  const ctx = {
    font: '',
    direction: 'inherit',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    fillStyle: '',
    measureText: (text: string) => ({ width: text.length * 10 }),
    fillText(text: string, x: number) {
      drawn.push({ text, x, direction: ctx.direction, align: ctx.textAlign })
    },
  }
  return { ctx, drawn }
}

type Renderer = {
  _settings: Record<string, unknown>
  wrapText(text: string, width: number): { l: { text: string; width: number }[] }
  _drawLines(lines: { text: string; x: number; y: number; info: unknown }[], letterSpacing: number): void
}

describe('installTextRules: the text renderer of Lightning lays out titles as a viewer reads them', () => {
  const TextTexture = Lightning.textures.TextTexture as unknown as {
    renderer: (stage: unknown, canvas: unknown, settings: Record<string, unknown>) => Renderer
  }
  const original = TextTexture.renderer
  afterEach(() => {
    TextTexture.renderer = original
  })

  const make = (settings: Record<string, unknown>) => {
    const { ctx, drawn } = recordingContext()
    const canvas = { getContext: () => ctx, width: 0, height: 0 }
    const stage = { getRenderPrecision: () => 1, getOption: () => 'sans-serif' }
    const renderer = TextTexture.renderer(stage, canvas, {
      fontFace: 'sans-serif',
      fontStyle: 'normal',
      fontSize: 20,
      textAlign: 'left',
      wordWrap: true,
      maxLines: 1,
      maxLinesSuffix: '..',
      textOverflow: 'ellipsis',
      wordBreak: false,
      letterSpacing: 0,
      textIndent: 0,
      ...settings,
    })
    return { renderer, drawn }
  }

  it('a right-to-left paragraph is drawn right-to-left and right-aligned, its cut on a whole word', () => {
    installTextRules(TextTexture as unknown as Parameters<typeof installTextRules>[0])
    const text = 'نشرة الأخبار الاقتصادية والمالية'
    const settings = { text }
    const { renderer, drawn } = make(settings)
    expect(renderer._settings.rtl).toBe(true)
    const lines = renderer.wrapText(String(renderer._settings.text), 160)
    // Lightning alone cut it to 'نشرة الأخبار ا..'. The ellipsis follows the last whole word that fits: ".." lands on the left once drawn RTL.
    expect(lines.l[0]?.text).toBe('نشرة الأخبار..')
    expect(lines.l[0]?.width).toBe('نشرة الأخبار..'.length * 10)
    renderer._drawLines([{ text: lines.l[0]?.text ?? '', x: 4, y: 0, info: lines.l[0] }], 0)
    expect(drawn).toEqual([{ text: 'نشرة الأخبار..', x: 4, direction: 'rtl', align: 'left' }])
  })

  it('a left-to-right paragraph with right-to-left words keeps the left-to-right base', () => {
    installTextRules(TextTexture as unknown as Parameters<typeof installTextRules>[0])
    const { renderer, drawn } = make({ text: 'BBC عربي live' })
    expect(renderer._settings.rtl).toBe(false)
    renderer._drawLines([{ text: 'BBC عربي live', x: 0, y: 0, info: {} }], 0)
    expect(drawn[0]?.direction).toBe('ltr')
  })

  it('each paragraph takes its own direction: a left-to-right line, then a right-to-left description', () => {
    installTextRules(TextTexture as unknown as Parameters<typeof installTextRules>[0])
    const text = '1234  Mixed Direction TV  ·  11:30\nהמשחק המלא עם Real Madrid.'
    const { renderer, drawn } = make({ text, maxLines: 5 })
    const lines = renderer.wrapText(text, 1000)
    expect(lines.l.map((l) => l.text)).toEqual([
      '1234  Mixed Direction TV  ·  11:30',
      'המשחק המלא עם Real Madrid.',
    ])
    renderer._drawLines(
      lines.l.map((l, i) => ({ text: l.text, x: 0, y: i * 40, info: l })),
      0,
    )
    expect(drawn.map((d) => d.direction)).toEqual(['ltr', 'rtl'])
  })

  it('more paragraphs than lines: the last line shown ends with the ellipsis', () => {
    installTextRules(TextTexture as unknown as Parameters<typeof installTextRules>[0])
    const { renderer } = make({ text: 'One\nTwo\nThree', maxLines: 2 })
    expect(renderer.wrapText('One\nTwo\nThree', 1000).l.map((l) => l.text)).toEqual(['One', 'Two..'])
  })

  it('emoji are dropped before layout, the spaces around them collapsed', () => {
    installTextRules(TextTexture as unknown as Parameters<typeof installTextRules>[0])
    const { renderer } = make({ text: '⚽ Match of the Day 🏆🔥' })
    expect(renderer._settings.text).toBe('Match of the Day')
  })
})
