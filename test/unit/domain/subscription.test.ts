import { patchProblems } from '../../../src/domain/subscription'

describe('subscription settings patch', () => {
  test('the ranges and rules of document 002`s table', () => {
    expect(patchProblems({ nPvr: { storageHours: 25, autoExpireDays: 180 } })).toEqual([])
    expect(patchProblems({ nPvr: { storageHours: null } })).toEqual([])
    expect(patchProblems({ nPvr: { storageHours: 0, autoExpireDays: 366 } }).map((p) => p.field)).toEqual([
      'nPvr.storage',
      'nPvr.autoExpireDays',
    ])
    expect(patchProblems({ packages: [{ id: 'a', start: 10, end: 5 }] })[0]?.field).toBe('packages[].end')
    expect(patchProblems({ packages: [{ id: 'a' }, { id: 'a' }] })[0]?.field).toBe('packages[]._id')
  })
})
