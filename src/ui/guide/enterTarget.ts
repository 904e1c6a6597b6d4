/** Where OK on the guide's focused cell leads. */
export type EnterTarget =
  | { kind: 'details'; programmeId: string }
  | { kind: 'store'; channelId: string }
  | { kind: 'none' }

/**
 * OK on a programme opens its details, locked channel or not, signed in or out (the hint says
 * "OK: details"; the details page offers the channel's product). A gap on a locked channel has
 * no details: OK there leads to the store's product for the channel.
 */
export const enterTargetOf = (focus: {
  locked: boolean
  channelId: string
  programmeId: string | undefined
}): EnterTarget => {
  if (focus.programmeId !== undefined) return { kind: 'details', programmeId: focus.programmeId }
  return focus.locked ? { kind: 'store', channelId: focus.channelId } : { kind: 'none' }
}
