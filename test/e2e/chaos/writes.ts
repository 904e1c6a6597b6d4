/**
 * The changes the chaos viewer made, and how each ended as far as the viewer was told: "acked"
 * when the screen said it was done, "refused" when it said it was not, "unknown" when it said
 * nothing in time (a call that timed out may still have reached the operator).
 */
export type WriteOutcome = 'acked' | 'refused' | 'unknown'

export type Change =
  | { kind: 'record'; programmeId: string }
  | { kind: 'protect'; recordingIds: string[]; title: string; protect: boolean }
  | { kind: 'delete'; recordingIds: string[]; title: string }
  | { kind: 'buy'; productId: string; title: string }
  | { kind: 'storage'; hours: number }

export type Write = Change & { outcome: WriteOutcome }

/** What the operator holds for the chaos user, read from its database after the run. */
export interface OperatorView {
  /** Programme ids the user has a recording of. */
  recordedProgrammes: Set<string>
  /** Recording id -> protected. */
  recordings: Map<string, boolean>
  /** Product ids with a purchased licence. */
  purchased: Set<string>
  storageHours: number | null
}

export interface Lost {
  write: Write
  why: string
}

/**
 * The acknowledged writes the operator does not hold. A later write to the same thing that the
 * viewer was not told about may have landed after it (a timed-out call the server still did), so
 * for a value that can change again the operator may show the acknowledged value or any value
 * tried after it; never one from before.
 */
export const lostWrites = (writes: readonly Write[], op: OperatorView): Lost[] => {
  const lost: Lost[] = []
  writes.forEach((w, i) => {
    if (w.outcome !== 'acked') return
    const later = writes.slice(i + 1)
    switch (w.kind) {
      case 'record':
        if (!op.recordedProgrammes.has(w.programmeId)) lost.push({ write: w, why: 'no recording of it' })
        return
      case 'delete':
        if (w.recordingIds.every((id) => op.recordings.has(id)))
          lost.push({ write: w, why: `still there (${w.recordingIds.join(', ')})` })
        return
      case 'buy':
        if (!op.purchased.has(w.productId)) lost.push({ write: w, why: 'no purchased licence' })
        return
      case 'protect': {
        const sameRecording = (x: Write): boolean =>
          x.kind === 'protect' && x.recordingIds.some((id) => w.recordingIds.includes(id))
        // Superseded by a later acknowledged change of the same recording: that one is checked.
        if (later.some((x) => sameRecording(x) && x.outcome === 'acked')) return
        const allowed = new Set([
          w.protect,
          ...later.filter(sameRecording).map((x) => (x as { protect: boolean }).protect),
        ])
        const present = w.recordingIds.filter((id) => op.recordings.has(id))
        // An unprotected recording may be deleted by the operator's automatic expiry.
        if (present.length === 0) {
          if (w.protect) lost.push({ write: w, why: 'the protected recording is gone' })
          return
        }
        if (!present.some((id) => allowed.has(op.recordings.get(id) === true)))
          lost.push({ write: w, why: `protected is ${String(op.recordings.get(present[0] ?? ''))}` })
        return
      }
      case 'storage': {
        if (later.some((x) => x.kind === 'storage' && x.outcome === 'acked')) return
        const allowed = new Set([w.hours, ...later.flatMap((x) => (x.kind === 'storage' ? [x.hours] : []))])
        if (op.storageHours === null || !allowed.has(op.storageHours))
          lost.push({ write: w, why: `the operator has ${String(op.storageHours)} hours` })
        return
      }
    }
  })
  return lost
}
