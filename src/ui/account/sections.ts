/** The account page's sections, in the order of its tabs (also what the bench's tour visits). */
export type AccountSectionId = 'recording' | 'playback' | 'packages' | 'history' | 'reminders' | 'preferences'
export const ACCOUNT_SECTIONS: readonly AccountSectionId[] = [
  'recording',
  'playback',
  'packages',
  'history',
  'preferences',
  // Last, so that the user's sections keep their places: reminders belong to the box.
  'reminders',
]
