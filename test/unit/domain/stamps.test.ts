import { changedStamps } from '../../../src/domain/stamps'

describe('stamps', () => {
  const stamps = { pins: 1, recordings: 2, rights: 3, services: 4, tags: 5 }
  test('each stamp is compared on its own', () => {
    expect(changedStamps(undefined, stamps)).toEqual(['pins', 'recordings', 'rights', 'services', 'tags'])
    expect(changedStamps(stamps, { ...stamps, recordings: 9 })).toEqual(['recordings'])
    expect(changedStamps(stamps, stamps)).toEqual([])
  })
})
