import type { Page } from 'playwright-core'
import { heapTotals, type HeapSnapshotJson } from './heapTotals'

export interface HeapFigures {
  /** V8's used heap (Runtime.getHeapUsage), compiled code included. */
  usedBytes: number
  /** JS objects only (heapTotals.ts): what the memory keys compare. */
  objectsBytes: number
  /** Compiled code in the heap. */
  codeBytes: number
}

/** Takes a heap snapshot over CDP (the page is paused meanwhile). */
export const takeSnapshot = async (page: Page): Promise<HeapSnapshotJson> => {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.enable')
    const chunks: string[] = []
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk))
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
    return JSON.parse(chunks.join('')) as HeapSnapshotJson
  } finally {
    await cdp.detach()
  }
}

/** The heap after two forced full GCs: V8's used size and, from a snapshot, the JS objects. */
export const measureHeap = async (page: Page): Promise<HeapFigures> => {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.detach()
  const totals = heapTotals(await takeSnapshot(page))
  return { usedBytes: usedSize, objectsBytes: totals.objects, codeBytes: totals.code }
}
