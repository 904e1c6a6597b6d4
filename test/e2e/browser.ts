import fs from 'node:fs'
import { chromium, Browser } from 'playwright-core'

/** Flags measured to work here: no sandbox as root, no background traffic, no GPU. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const chromiumPath = (): string => {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  const found = candidates.find((p): p is string => typeof p === 'string' && p !== '' && fs.existsSync(p))
  if (!found) {
    throw new Error(
      'No Chromium found. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH)',
    )
  }
  return found
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true })
