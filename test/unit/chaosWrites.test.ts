import { lostWrites, type OperatorView, type Write } from '../e2e/chaos/writes'

const view = (over: Partial<OperatorView> = {}): OperatorView => ({
  recordedProgrammes: new Set(['p1']),
  recordings: new Map([
    ['10', true],
    ['11', false],
  ]),
  purchased: new Set(['5']),
  storageHours: 110,
  ...over,
})

describe('the chaos run: which acknowledged writes the operator lacks', () => {
  it('finds none when every acknowledged write is there', () => {
    const writes: Write[] = [
      { kind: 'record', programmeId: 'p1', outcome: 'acked' },
      { kind: 'protect', recordingIds: ['10'], title: 'A', protect: true, outcome: 'acked' },
      { kind: 'delete', recordingIds: ['12'], title: 'B', outcome: 'acked' },
      { kind: 'buy', productId: '5', title: 'Kids pack', outcome: 'acked' },
      { kind: 'storage', hours: 110, outcome: 'acked' },
      // Not acknowledged: not checked.
      { kind: 'record', programmeId: 'p9', outcome: 'unknown' },
      { kind: 'buy', productId: '7', title: 'Music pack', outcome: 'refused' },
    ]
    expect(lostWrites(writes, view())).toEqual([])
  })

  it('names each acknowledged write that is missing', () => {
    const writes: Write[] = [
      { kind: 'record', programmeId: 'p2', outcome: 'acked' },
      { kind: 'protect', recordingIds: ['11'], title: 'A', protect: true, outcome: 'acked' },
      { kind: 'delete', recordingIds: ['10'], title: 'B', outcome: 'acked' },
      { kind: 'buy', productId: '7', title: 'Music pack', outcome: 'acked' },
      { kind: 'storage', hours: 120, outcome: 'acked' },
    ]
    expect(lostWrites(writes, view()).map((l) => l.write.kind)).toEqual([
      'record',
      'protect',
      'delete',
      'buy',
      'storage',
    ])
  })

  it('allows a later write the viewer was not told about to have landed, never an earlier value', () => {
    const later: Write[] = [
      { kind: 'storage', hours: 100, outcome: 'acked' },
      { kind: 'storage', hours: 110, outcome: 'unknown' },
    ]
    expect(lostWrites(later, view())).toEqual([])
    const earlier: Write[] = [
      { kind: 'storage', hours: 110, outcome: 'unknown' },
      { kind: 'storage', hours: 100, outcome: 'acked' },
    ]
    expect(lostWrites(earlier, view())).toHaveLength(1)
  })

  it('checks the last acknowledged change of a recording, and accepts an unprotected one expiring', () => {
    const toggled: Write[] = [
      { kind: 'protect', recordingIds: ['10'], title: 'A', protect: false, outcome: 'acked' },
      { kind: 'protect', recordingIds: ['10'], title: 'A', protect: true, outcome: 'acked' },
      { kind: 'protect', recordingIds: ['20'], title: 'C', protect: false, outcome: 'acked' },
    ]
    expect(lostWrites(toggled, view())).toEqual([])
    const gone: Write[] = [
      { kind: 'protect', recordingIds: ['20'], title: 'C', protect: true, outcome: 'acked' },
    ]
    expect(lostWrites(gone, view())).toHaveLength(1)
  })
})
