/**
 * The words the demo guide is made of: genres, channel brands, shows and the pieces of movie
 * titles and descriptions. Invented, but shaped like a real European lineup.
 */

export type Genre =
  | 'general'
  | 'news'
  | 'sport'
  | 'movies'
  | 'drama'
  | 'kids'
  | 'documentary'
  | 'music'
  | 'lifestyle'
  | 'comedy'

export interface Show {
  title: string
  /** series: numbered episodes; single: a recurring programme without episodes; movie: a new title each time. */
  kind: 'series' | 'single' | 'movie'
  minutes: readonly number[]
  categories: readonly string[]
  synopsis: string
}

const s = (title: string, minutes: number[], categories: string[], synopsis: string): Show => ({
  title,
  kind: 'series',
  minutes,
  categories,
  synopsis,
})
const one = (title: string, minutes: number[], categories: string[], synopsis: string): Show => ({
  title,
  kind: 'single',
  minutes,
  categories,
  synopsis,
})
const movie = (categories: string[]): Show => ({
  title: '',
  kind: 'movie',
  minutes: [85, 90, 95, 100, 105, 110, 120, 130, 140],
  categories,
  synopsis: '',
})

export const GENRES: readonly Genre[] = [
  'general',
  'news',
  'sport',
  'movies',
  'drama',
  'kids',
  'documentary',
  'music',
  'lifestyle',
  'comedy',
]

export const GENRE_LABELS: Record<Genre, readonly string[]> = {
  general: ['TV', 'One', 'Plus', 'Channel'],
  news: ['News', 'News 24', 'Info', 'Business'],
  sport: ['Sport', 'Sport 2', 'Arena', 'Action'],
  movies: ['Cinema', 'Movies', 'Film', 'Premiere'],
  drama: ['Drama', 'Series', 'Stories', 'Crime'],
  kids: ['Kids', 'Junior', 'Toons', 'Family'],
  documentary: ['Docs', 'Discovery', 'History', 'Nature'],
  music: ['Music', 'Hits', 'Classics', 'Live'],
  lifestyle: ['Life', 'Home', 'Food', 'Travel'],
  comedy: ['Comedy', 'Fun', 'Laughs', 'Sitcom'],
}

export const BRANDS: readonly string[] = [
  'Kanal',
  'Nordic',
  'Aurora',
  'Polar',
  'Meridian',
  'Harbour',
  'Summit',
  'Vista',
  'Atlas',
  'Crown',
  'Pulse',
  'Orbit',
  'Zenith',
  'Echo',
  'Lumen',
  'Fjord',
  'Coastal',
  'Metro',
  'Prime',
  'Star',
  'Baltic',
  'Alpine',
  'Delta',
  'Nova',
  'Solar',
]

export const CATCHUP_HOURS: Record<Genre, number> = {
  general: 168,
  news: 24,
  sport: 72,
  movies: 0,
  drama: 168,
  kids: 72,
  documentary: 168,
  music: 0,
  lifestyle: 72,
  comedy: 168,
}

export const SHOWS: Record<Genre, readonly Show[]> = {
  general: [
    one('Morning Live', [120, 180], ['Magazine'], 'News, weather and guests to start the day.'),
    s('The Village', [30, 45], ['Drama', 'Soap'], 'Life, love and feuds in a small coastal village.'),
    s(
      'Quiz Night',
      [30, 60],
      ['Entertainment', 'Quiz'],
      'Four contestants, one host and a jackpot that keeps growing.',
    ),
    one('Evening News', [30], ['News'], 'The main stories of the day, at home and abroad.'),
    s(
      'Home Rescue',
      [60],
      ['Lifestyle', 'Reality'],
      'A team of builders saves houses on the brink of collapse.',
    ),
    s(
      'Hidden Talents',
      [60, 90],
      ['Entertainment', 'Talent show'],
      'Ordinary people with extraordinary skills take the stage.',
    ),
    movie(['Movie', 'Drama']),
    one('Late Talk', [45, 60], ['Talk show'], 'Guests from music, film and politics on the late sofa.'),
    s(
      'Northern Lights',
      [45, 60],
      ['Drama'],
      'A family hotel above the Arctic Circle and the secrets of its guests.',
    ),
  ],
  news: [
    one('News Hour', [60], ['News'], 'Headlines, reports and analysis on the hour.'),
    one(
      'World Report',
      [30],
      ['News', 'International'],
      'Correspondents around the globe on the stories that matter.',
    ),
    one('Market Watch', [30], ['News', 'Business'], 'Stocks, currencies and the companies moving them.'),
    one('Weather Update', [15], ['News', 'Weather'], 'The forecast for the next days, region by region.'),
    one('The Debate', [45, 60], ['News', 'Politics'], 'Politicians face questions from the audience.'),
    one('Newsroom', [30, 60], ['News'], 'Live coverage as the news breaks.'),
    s('Inside Story', [30], ['News', 'Current affairs'], 'One story of the week, told in depth.'),
    one('Sports Desk', [15, 30], ['News', 'Sport'], 'Results and highlights from the day in sport.'),
  ],
  sport: [
    one(
      'Live Football',
      [110, 120],
      ['Sport', 'Football'],
      'A league match live, with pre- and post-match analysis.',
    ),
    one('Tennis Tour', [120, 180], ['Sport', 'Tennis'], 'Live from the centre court.'),
    s('Goal Rush', [60], ['Sport', 'Football'], 'Every goal of the weekend in one programme.'),
    one('Ski World Cup', [90, 120], ['Sport', 'Winter sports'], 'Slalom and downhill from the Alps.'),
    one('Basketball Tonight', [120], ['Sport', 'Basketball'], 'The game of the night, live.'),
    s(
      'Road to Glory',
      [30, 45],
      ['Sport', 'Documentary'],
      'Young athletes chase a place on the national team.',
    ),
    one('Cycling Classics', [150, 180], ['Sport', 'Cycling'], 'A one-day race over cobbles and climbs.'),
    one('Handball League', [90], ['Sport', 'Handball'], 'Top-flight handball, live.'),
    one('Motor Weekly', [60], ['Sport', 'Motorsport'], 'Rally, touring cars and the paddock news.'),
  ],
  movies: [
    movie(['Movie', 'Thriller']),
    movie(['Movie', 'Drama']),
    movie(['Movie', 'Comedy']),
    movie(['Movie', 'Action']),
    movie(['Movie', 'Romance']),
    movie(['Movie', 'Science fiction']),
    one('Film Review', [30], ['Magazine', 'Film'], 'The week in cinema: new releases reviewed.'),
  ],
  drama: [
    s(
      'Harbour Police',
      [45, 60],
      ['Drama', 'Crime'],
      'Detectives of a busy port city take on smugglers and killers.',
    ),
    s('The Firm', [45, 60], ['Drama'], 'Ambition and betrayal at a family law firm.'),
    s('Station 9', [45], ['Drama', 'Medical'], 'Paramedics on the night shift in the capital.'),
    s('Cold Case Unit', [60], ['Drama', 'Crime'], 'Old files, new evidence, and a team that never lets go.'),
    s(
      'Kingdom of Salt',
      [60],
      ['Drama', 'Historical'],
      'Merchants and nobles fight over the salt trade in 1600s Europe.',
    ),
    s('The Lighthouse', [45], ['Drama', 'Mystery'], 'A keeper, a storm and a body on the rocks.'),
    s(
      'City of Glass',
      [45, 60],
      ['Drama', 'Thriller'],
      'A journalist uncovers a conspiracy in a city of towers.',
    ),
    s('Borderland', [60], ['Drama', 'Crime'], 'Two police forces, one border and a killer who crosses it.'),
  ],
  kids: [
    s('Pip and Pebble', [15, 25], ['Kids', 'Animation'], 'Two pebbles on a beach have big adventures.'),
    s('Robo Rangers', [25], ['Kids', 'Animation'], 'Robots who protect the planet from space junk.'),
    s('The Dino Club', [25], ['Kids', 'Animation'], 'A club of young dinosaurs learns about the world.'),
    s('Science Lab', [25, 30], ['Kids', 'Education'], 'Experiments you can try at home.'),
    s('Forest Friends', [15], ['Kids', 'Preschool'], 'Songs and stories from the forest.'),
    s('Space Cadets', [25], ['Kids', 'Animation'], 'A crew of cadets on their first mission to the stars.'),
    one('Bedtime Stories', [15], ['Kids', 'Preschool'], 'A calm story to end the day.'),
    movie(['Movie', 'Family']),
  ],
  documentary: [
    s('Planet Oceans', [60], ['Documentary', 'Nature'], 'Life in the deep, from reefs to trenches.'),
    s(
      'Great Empires',
      [60],
      ['Documentary', 'History'],
      'The rise and fall of the empires that shaped the world.',
    ),
    s('Wild North', [45, 60], ['Documentary', 'Nature'], 'Wolves, bears and eagles of the northern forests.'),
    s('How It Is Made', [30], ['Documentary', 'Science'], 'Inside the factories that make everyday things.'),
    s('Secrets of War', [60], ['Documentary', 'History'], 'Untold stories of the Second World War.'),
    s(
      'Engineering Giants',
      [60],
      ['Documentary', 'Technology'],
      'Bridges, dams and towers, and how they were built.',
    ),
    s(
      'Lost Cities',
      [45, 60],
      ['Documentary', 'Archaeology'],
      'Archaeologists search for cities the jungle swallowed.',
    ),
    s('أسرار الصحراء', [60], ['Documentary', 'Nature'], 'رحلة عبر الصحراء الكبرى وحياة سكانها.'),
  ],
  music: [
    one('Hit List', [60], ['Music', 'Pop'], 'The chart countdown of the week.'),
    one('Live at the Arena', [90, 120], ['Music', 'Concert'], 'A full concert from the arena stage.'),
    one('Non-Stop Hits', [120, 180], ['Music'], 'Music videos, back to back.'),
    s('Unplugged Sessions', [30, 45], ['Music', 'Acoustic'], 'Artists play their songs stripped back.'),
    one('Classic Rock Hour', [60], ['Music', 'Rock'], 'Rock anthems from the seventies to the nineties.'),
    one('Night Grooves', [120], ['Music', 'Electronic'], 'Electronic music for the small hours.'),
    one('ليالي الطرب', [60], ['Music', 'Arabic'], 'أمسية من أجمل أغاني الطرب العربي.'),
  ],
  lifestyle: [
    s(
      'Kitchen Stories',
      [30],
      ['Lifestyle', 'Cooking'],
      'A chef cooks one dish from a different country each day.',
    ),
    s('Dream Homes', [60], ['Lifestyle', 'Property'], 'Couples search for their dream home abroad.'),
    s(
      'Garden Makeover',
      [30, 45],
      ['Lifestyle', 'Gardening'],
      'Neglected gardens turned green in a weekend.',
    ),
    s('Road Trip', [45, 60], ['Lifestyle', 'Travel'], 'Two friends, one old van and a continent to cross.'),
    s('Bake Off Nordic', [60], ['Lifestyle', 'Cooking'], 'Amateur bakers compete for the golden whisk.'),
    one('Fit in 30', [30], ['Lifestyle', 'Fitness'], 'A workout you can do in the living room.'),
    s('Café Society', [30], ['Lifestyle', 'Food'], 'The regulars, baristas and stories of a corner café.'),
  ],
  comedy: [
    s('The Flatmates', [25, 30], ['Comedy', 'Sitcom'], 'Four flatmates, one bathroom.'),
    s('Office Hours', [25, 30], ['Comedy', 'Sitcom'], 'A small office where nothing gets done.'),
    one('Stand-up Club', [45, 60], ['Comedy', 'Stand-up'], 'New comedians try their best material.'),
    s('Family Matters Not', [25], ['Comedy', 'Sitcom'], 'A family that cannot agree on anything.'),
    s('Sketch Show', [30], ['Comedy', 'Sketch'], 'Short sketches about modern life.'),
    movie(['Movie', 'Comedy']),
  ],
}

/** Shows broadcast live: their programmes carry the Live flag. */
export const LIVE_SHOWS: ReadonlySet<string> = new Set([
  'Morning Live',
  'Evening News',
  'News Hour',
  'Newsroom',
  'The Debate',
  'Live Football',
  'Tennis Tour',
  'Ski World Cup',
  'Basketball Tonight',
  'Cycling Classics',
  'Handball League',
  'Live at the Arena',
])

export const MOVIE_ADJECTIVES = [
  'Silent',
  'Last',
  'Broken',
  'Golden',
  'Hidden',
  'Forgotten',
  'Distant',
  'Crimson',
  'Endless',
  'Frozen',
  'Secret',
  'Midnight',
  'Wild',
  'Lonely',
  'Burning',
] as const
export const MOVIE_NOUNS = [
  'River',
  'Promise',
  'Garden',
  'Mountain',
  'Letter',
  'Harbour',
  'Summer',
  'Witness',
  'Road',
  'Island',
  'Kingdom',
  'Signal',
  'Stranger',
  'Bridge',
  'Winter',
] as const
export const MOVIE_PLACES = [
  'Lisbon',
  'Oslo',
  'Marrakesh',
  'Tallinn',
  'Naples',
  'Reykjavik',
  'Kraków',
  'Seville',
] as const
export const MOVIE_PEOPLE = [
  'a retired detective',
  'a young teacher',
  'two estranged sisters',
  'a small-town doctor',
  'a jazz pianist',
  'a disgraced pilot',
  'a stubborn farmer',
  'an ambitious reporter',
  'a runaway teenager',
  'an ageing boxer',
] as const
export const MOVIE_PLOTS = [
  'must confront a past they thought was buried',
  'finds an unlikely friend on a long journey',
  'is drawn into a plot far bigger than expected',
  'gets one last chance to make things right',
  'uncovers a secret that could change everything',
  'races against time to save a loved one',
  'falls in love at the worst possible moment',
  'returns home after twenty years away',
] as const
export const EPISODE_HOOKS = [
  'An old rivalry flares up again.',
  'A stranger arrives with news that changes everything.',
  'A difficult choice has to be made before dawn.',
  'Nothing goes to plan.',
  'A secret comes out at the worst moment.',
  'An unexpected guest turns the day upside down.',
  'Tempers fray as the pressure grows.',
  'A new clue points somewhere nobody expected.',
  'Old friends meet again.',
  'The team faces its toughest challenge yet.',
] as const
