/**
 * A V8 heap snapshot summed by what its bytes are: pure, so that it is tested on a fixed
 * snapshot. The bench's memory keys compare `objects`: the JS objects of the page (everything
 * in V8's heap but compiled code), because the code V8 compiles as functions get hot grows
 * for hundreds of page flips and then stops (a warm-up, bounded by the app's functions), while
 * a leak is objects that keep growing. `native` (Blink's objects, DevTools' own records of the
 * network) is not in V8's heap at all.
 */
export interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
  strings: string[]
}

export interface HeapTotals {
  objects: number
  code: number
  native: number
}

export const heapTotals = (snap: HeapSnapshotJson): HeapTotals => {
  const fields = snap.snapshot.meta.node_fields
  const width = fields.length
  const typeAt = fields.indexOf('type')
  const sizeAt = fields.indexOf('self_size')
  const types = snap.snapshot.meta.node_types[0]
  const totals: HeapTotals = { objects: 0, code: 0, native: 0 }
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt] as number]
    const size = snap.nodes[i + sizeAt] as number
    if (type === 'code') totals.code += size
    else if (type === 'native') totals.native += size
    // The synthetic roots have no size of their own; everything else is a JS object.
    else if (type !== 'synthetic') totals.objects += size
  }
  return totals
}
