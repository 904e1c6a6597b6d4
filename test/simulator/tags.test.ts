import { T0, startClient, type Client, type Json } from './harness'

interface Tag {
  ItemType: string
  ItemID: string
  Tag: string
  AddedAt: number
}

describe('TagItem and GetUserTags: favourite channels kept on the operator', () => {
  let client: Client
  let dora: string
  let doraTablet: string

  const tag = (body: Json, token = dora) =>
    client.call('TagItem', { ItemType: 'Channel', Tag: 'favourite', ...body }, token)
  const tags = async (token = dora): Promise<Tag[]> =>
    (await client.content<{ Tags: Tag[] }>('GetUserTags', {}, token)).Tags

  beforeAll(async () => {
    client = await startClient()
  })
  afterAll(async () => client.sim.close())
  beforeEach(async () => {
    await client.qa('POST', '/reset', { scenario: 'demo' })
    await client.qa('POST', '/clock', { set: T0 })
    dora = await client.login('dora')
    doraTablet = await client.login('dora', 'dora-tablet')
  })

  it('tags a channel once, keeps the first AddedAt, and lists the newest first on every device', async () => {
    expect(await tags()).toEqual([])
    const first = await tag({ ItemID: 'ch3' })
    expect(first).toMatchObject({
      StatusCode: 0,
      Content: { ItemType: 'Channel', ItemID: 'ch3', Tag: 'favourite', Tagged: true, AddedAt: T0 },
    })
    await client.advance(60)
    expect((await tag({ ItemID: 'ch3' })).Content).toMatchObject({ Tagged: true, AddedAt: T0 })
    await tag({ ItemID: 'ch7' }, doraTablet)
    expect(await tags()).toEqual([
      { ItemType: 'Channel', ItemID: 'ch7', Tag: 'favourite', AddedAt: T0 + 60 },
      { ItemType: 'Channel', ItemID: 'ch3', Tag: 'favourite', AddedAt: T0 },
    ])
  })

  it('removes a tag, and removing an absent one is fine', async () => {
    await tag({ ItemID: 'ch3' })
    expect((await tag({ ItemID: 'ch3', Remove: true })).Content).toEqual({
      ItemType: 'Channel',
      ItemID: 'ch3',
      Tag: 'favourite',
      Tagged: false,
      AddedAt: null,
    })
    expect((await tag({ ItemID: 'ch3', Remove: true })).Content).toMatchObject({ Tagged: false })
    expect(await tags()).toEqual([])
  })

  it('moves the Tags (user-wide) stamp on a change only, never the Recordings stamp', async () => {
    const s0 = await client.stamps(dora)
    await tag({ ItemID: 'ch3' })
    const s1 = await client.stamps(dora)
    expect(s1.Tags).toBeGreaterThan(s0.Tags)
    expect(s1.Pins).toBe(s1.Tags)
    expect(s1.Recordings).toBe(s0.Recordings)
    await tag({ ItemID: 'ch3' })
    expect(await client.stamps(dora)).toEqual(s1)
    await tag({ ItemID: 'ch4', Remove: true })
    expect(await client.stamps(dora)).toEqual(s1)
    await tag({ ItemID: 'ch3', Remove: true })
    expect((await client.stamps(dora)).Tags).toBeGreaterThan(s1.Tags)
  })

  it('refuses an unknown channel (40), other item types and tags (41), and keeps what was saved', async () => {
    await tag({ ItemID: 'ch3' })
    const unknown = await tag({ ItemID: 'ch99999' })
    expect(unknown.StatusCode).toBe(40)
    expect(unknown.StatusMessage).toMatch(/No channel ch99999/)
    expect((await tag({ ItemID: 'nope', Remove: true })).StatusCode).toBe(40)
    const type = await tag({ ItemType: 'Programme', ItemID: '1' })
    expect(type.StatusCode).toBe(41)
    expect(type.StatusMessage).toMatch(/ItemType must be one of: Channel/)
    const name = await tag({ Tag: 'like', ItemID: 'ch3' })
    expect(name.StatusCode).toBe(41)
    expect(name.StatusMessage).toMatch(/Tag must be one of: favourite/)
    for (const bad of [
      {},
      { ItemID: '' },
      { ItemID: 'x'.repeat(65) },
      { ItemID: ['ch3'] },
      { ItemID: 'ch3', Remove: 'yes' },
    ])
      expect((await tag(bad)).StatusCode).toBe(41)
    expect((await tags()).map((t) => t.ItemID)).toEqual(['ch3'])
  })

  it("lets any channel of GetChannels be a favourite, also one outside the user's products", async () => {
    const channels = await client.content<{ ID: string; Products: string[] }[]>('GetChannels', {}, dora)
    const unplayable = channels.find((c) => c.Products.length === 0) ?? channels[channels.length - 1]
    if (!unplayable) throw new Error('no channels')
    expect((await tag({ ItemID: unplayable.ID })).StatusCode).toBe(0)
  })

  it("keeps a removed channel's tag removable", async () => {
    await tag({ ItemID: 'ch3' })
    client.sim.sim.db.prepare("DELETE FROM channels WHERE id = 'ch3'").run()
    expect((await tag({ ItemID: 'ch3', Remove: true })).Content).toMatchObject({ Tagged: false })
  })

  it('holds at most 500 tags per user (41 beyond)', async () => {
    const db = client.sim.sim.db
    const ids = db.prepare<[], { id: string }>('SELECT id FROM channels ORDER BY number LIMIT 500').all()
    const user = db.prepare<[], { id: string }>("SELECT id FROM users WHERE username = 'dora'").get()
    if (!user || ids.length < 160) throw new Error('demo lineup missing')
    // The demo has 160 channels: the rest of the 500 are tags on channels added for this test.
    db.transaction(() => {
      for (let n = 161; n <= 501; n += 1)
        db.prepare('INSERT INTO channels (id, number, name, catchup_hours) VALUES (?, ?, ?, 0)').run(
          `t${n}`,
          10000 + n,
          `T ${n}`,
        )
      const all = db.prepare<[], { id: string }>('SELECT id FROM channels ORDER BY number LIMIT 500').all()
      for (const c of all)
        db.prepare(
          "INSERT INTO user_tags (user_id, item_type, item_id, tag, added_at) VALUES (?, 'Channel', ?, 'favourite', ?)",
        ).run(user.id, c.id, T0)
    })()
    const over = await tag({ ItemID: 't501' })
    expect(over.StatusCode).toBe(41)
    expect(over.StatusMessage).toMatch(/At most 500 tags/)
    expect(await tags()).toHaveLength(500)
    expect((await tag({ ItemID: 'ch1', Remove: true })).Content).toMatchObject({ Tagged: false })
    expect((await tag({ ItemID: 't501' })).Content).toMatchObject({ Tagged: true })
  })

  it('lets QA add and remove a favourite as another device, moving the stamps as TagItem does', async () => {
    const another = (action: string, extra: Json) =>
      client.qa<{ result: Json; moved: string[] }>('POST', '/another-device', {
        userId: 'dora',
        action,
        ...extra,
      })
    const added = await another('addFavourite', { channelId: 'ch5' })
    expect(added.result).toMatchObject({ ItemID: 'ch5', Tagged: true, AddedAt: T0 })
    expect(added.moved.sort()).toEqual(['Pins', 'Rights', 'Services', 'Tags'])
    expect((await tags()).map((t) => t.ItemID)).toEqual(['ch5'])
    expect((await another('addFavourite', { channelId: 'ch5' })).moved).toEqual([])
    const removed = await another('removeFavourite', { channelId: 'ch5' })
    expect(removed.result).toMatchObject({ Tagged: false })
    expect(removed.moved).toContain('Tags')
    expect(await tags()).toEqual([])
    const unknown = await client.request({
      method: 'POST',
      url: '/qa/another-device',
      payload: { userId: 'dora', action: 'addFavourite', channelId: 'nope' },
    })
    expect(unknown.statusCode).toBe(404)
    const missing = await client.request({
      method: 'POST',
      url: '/qa/another-device',
      payload: { userId: 'dora', action: 'addFavourite' },
    })
    expect(missing.statusCode).toBe(400)
  })

  it('needs a signed-in user', async () => {
    const anonymous = (await client.content<{ token: string }>('LoginAnonymous', { deviceId: 'anon' })).token
    expect((await tag({ ItemID: 'ch3' }, anonymous)).StatusCode).toBe(30)
    expect((await client.call('GetUserTags', {}, anonymous)).StatusCode).toBe(30)
    expect((await client.call('GetUserTags', {})).StatusCode).toBe(30)
  })

  it('gives every demo channel a genre in GetChannels', async () => {
    const channels = await client.content<{ ID: string; Genre?: string }[]>('GetChannels', {}, dora)
    expect(channels.length).toBeGreaterThan(0)
    expect(channels.every((c) => typeof c.Genre === 'string' && c.Genre !== '')).toBe(true)
    expect(channels.slice(0, 6).map((c) => c.Genre)).toEqual([
      'Entertainment',
      'Entertainment',
      'News',
      'Sport',
      'Movies',
      'Kids',
    ])
  })
})
