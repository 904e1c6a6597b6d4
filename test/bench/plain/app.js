/* global lng */
// A plain Lightning app: a background, a heading and a focused button, like a first screen.
class PlainApp extends lng.Application {
  static _template() {
    return {
      Background: { rect: true, w: 1920, h: 1080, color: 0xff0b0f19 },
      Heading: { x: 96, y: 170, text: { text: 'Plain Lightning', fontSize: 56, textColor: 0xfff2f4f8 } },
      Button: {
        x: 96,
        y: 330,
        w: 200,
        h: 72,
        rect: true,
        color: 0xfff5b700,
        Label: { x: 40, y: 14, text: { text: 'Now', fontSize: 30, textColor: 0xff10131c } },
      },
    }
  }
  _init() {
    this.tag('Heading').on('txLoaded', () => {
      window.__plainReady = true
    })
  }
}
// The bench renders both apps the same way: ?canvas2d=1 for the 2D renderer, WebGL otherwise.
const canvas2d = /[?&]canvas2d=1/.test(location.search)
const app = new PlainApp({ stage: { w: 1920, h: 1080, clearColor: 0xff000000, canvas2d }, debug: false })
document.body.appendChild(app.stage.getCanvas())
