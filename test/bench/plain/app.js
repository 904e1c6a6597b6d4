/* global lng */
// A plain Lightning app: a background, a heading and a focused button, like a first screen.
// Like any branded TV app it draws in its own web font: it loads the same Inter files that
// Kanal's first screen uses and waits for them before it builds the screen, so that the floor
// includes the font fetch and decode that Kanal cannot avoid either.
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF'
const FACES = [
  ['Inter', 400],
  ['InterSemiBold', 600],
  ['InterBold', 700],
].flatMap(([family, weight]) => [
  new FontFace(family, `url(./fonts/inter-latin-${weight}-normal.woff2)`, { unicodeRange: LATIN }),
  new FontFace(family, `url(./fonts/inter-latin-ext-${weight}-normal.woff2)`, { unicodeRange: LATIN_EXT }),
])

class PlainApp extends lng.Application {
  static _template() {
    return {
      Background: { rect: true, w: 1920, h: 1080, color: 0xff0b0f19 },
      Heading: {
        x: 96,
        y: 170,
        text: { text: 'Plain Lightning', fontFace: 'InterBold', fontSize: 56, textColor: 0xfff2f4f8 },
      },
      Button: {
        x: 96,
        y: 330,
        w: 200,
        h: 72,
        rect: true,
        color: 0xfff5b700,
        Label: {
          x: 40,
          y: 14,
          text: { text: 'Now', fontFace: 'InterSemiBold', fontSize: 30, textColor: 0xff10131c },
        },
      },
      Hint: {
        x: 96,
        y: 450,
        text: { text: 'Press OK', fontFace: 'Inter', fontSize: 30, textColor: 0xffb8bfcc },
      },
    }
  }
  _init() {
    // Ready when every text is drawn, as Kanal's first frame (window.__kanal.pageReady()).
    const texts = [this.tag('Heading'), this.tag('Button.Label'), this.tag('Hint')]
    let pending = texts.length
    for (const text of texts) {
      text.once('txLoaded', () => {
        pending -= 1
        if (pending === 0) window.__plainReady = true
      })
    }
  }
}
// The bench renders both apps the same way: ?canvas2d=1 for the 2D renderer, WebGL otherwise.
const canvas2d = /[?&]canvas2d=1/.test(location.search)
for (const face of FACES) document.fonts.add(face)
Promise.all(FACES.map((face) => face.load())).then(() => {
  const app = new PlainApp({ stage: { w: 1920, h: 1080, clearColor: 0xff000000, canvas2d }, debug: false })
  document.body.appendChild(app.stage.getCanvas())
})
