/**
 * A channel's genre as GetChannels names it. The demo lineup stores its own keys (seed/shows.ts);
 * a genre stored by anything else is passed on as it is.
 */
const GENRE_NAMES: Record<string, string> = {
  general: 'Entertainment',
  news: 'News',
  sport: 'Sport',
  movies: 'Movies',
  drama: 'Drama',
  kids: 'Kids',
  documentary: 'Documentary',
  music: 'Music',
  lifestyle: 'Lifestyle',
  comedy: 'Comedy',
}

export const genreName = (stored: string | null): string | undefined => {
  if (stored === null || stored.trim() === '') return undefined
  return GENRE_NAMES[stored] ?? stored
}
