import { heapTotals } from '../../bench/heapTotals'

describe('summing a heap snapshot', () => {
  it('splits JS objects from compiled code and from Blink objects, roots not counted', () => {
    const snap = {
      snapshot: {
        meta: {
          node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
          node_types: [['hidden', 'object', 'code', 'native', 'synthetic', 'string'], 'string'] as [
            string[],
            string,
          ],
        },
      },
      // type, name, id, self_size, edge_count
      nodes: [
        4, 0, 1, 0, 3, 1, 0, 2, 100, 0, 2, 0, 3, 700, 0, 3, 0, 4, 5000, 0, 5, 0, 5, 24, 0, 0, 0, 6, 8, 0,
      ],
      strings: [''],
    }
    expect(heapTotals(snap)).toEqual({ objects: 132, code: 700, native: 5000 })
  })
})
