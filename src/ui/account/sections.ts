/** The account page's sections, in the order of its tabs (also what the bench's tour visits). */
export type AccountSectionId = 'recording' | 'playback' | 'packages' | 'history' | 'preferences'
export const ACCOUNT_SECTIONS: readonly AccountSectionId[] = [
  'recording',
  'playback',
  'packages',
  'history',
  'preferences',
]
