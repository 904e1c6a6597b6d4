import type { AccountChange } from '../../../src/domain/accountChanges'
import {
  changesSince,
  historySentence,
  isDeviceRemoved,
  maskIdentity,
  touchesServices,
} from '../../../src/domain/accountHistory'

const at = 1750000000
const device = (
  id: string,
  type: 'DEVICE_ADDED' | 'DEVICE_REMOVED' | 'DEVICE_RECONFIGURED',
  deviceId: string,
  extra: Partial<{ deviceName: string; deviceModel: string; previousDeviceId: string }> = {},
): AccountChange => ({ id, at, text: type, type, device: { deviceId, ...extra } })

describe('account history sentences', () => {
  it('names a device added with its name and model', () => {
    const s = historySentence(
      device('1', 'DEVICE_ADDED', 'stb-1', { deviceName: 'Living room', deviceModel: 'STB-200' }),
    )
    expect(s).toEqual({
      icon: 'device',
      tone: 'added',
      key: 'account.history.event.device.added.model',
      values: { name: 'Living room', model: 'STB-200' },
    })
  })

  it('falls back to the model, then the id, when a device has no name', () => {
    expect(
      historySentence(device('1', 'DEVICE_REMOVED', 'stb-1', { deviceModel: 'STB-200' })).values,
    ).toEqual({
      name: 'STB-200',
    })
    expect(historySentence(device('1', 'DEVICE_REMOVED', 'stb-1')).values).toEqual({ name: 'stb-1' })
  })

  it('masks an identity added, keeping its kind', () => {
    const s = historySentence({
      id: '2',
      at,
      text: 'Identity added',
      type: 'IDENTITY_ADDED',
      identity: { identityType: 'email', identity: 'anna.berg@example.com' },
    })
    expect(s.icon).toBe('identity')
    expect(s.values).toEqual({ kind: 'email', identity: 'a••••••@example.com' })
    expect(JSON.stringify(s)).not.toContain('anna.berg')
  })

  it('keeps an unknown type readable with the server text', () => {
    const s = historySentence({ id: '3', at, text: 'Parental lock set', type: 'unknown', rawType: 'PIN_SET' })
    expect(s).toEqual({
      icon: 'other',
      tone: 'changed',
      key: 'account.history.event.other',
      values: { text: 'Parental lock set' },
    })
  })

  it('says a service change without attributes in general words', () => {
    expect(historySentence({ id: '4', at, text: 'x', type: 'SERVICE_REMOVED' }).key).toBe(
      'account.history.event.service.removed.unknown',
    )
  })
})

describe('maskIdentity', () => {
  it.each([
    ['email', 'bo@x.dk', 'b•••@x.dk'],
    ['phone', '+45 12 34 56 78', '••••••678'],
    ['facebook', 'anna.berg.77', 'an••••••77'],
    ['google', 'abc', '•••'],
  ])('%s %s -> %s', (type, identity, masked) => {
    expect(maskIdentity(type, identity)).toBe(masked)
  })
})

describe('reacting to the history', () => {
  it('finds this device removed only when the newest event about it is a removal', () => {
    const removed = [device('3', 'DEVICE_REMOVED', 'me'), device('2', 'DEVICE_ADDED', 'me')]
    expect(isDeviceRemoved(removed, 'me')).toBe(true)
    expect(isDeviceRemoved([device('4', 'DEVICE_ADDED', 'me'), ...removed], 'me')).toBe(false)
    expect(isDeviceRemoved(removed, 'other')).toBe(false)
  })

  it('takes a reconfigured device that replaced this one as a removal of this one', () => {
    expect(
      isDeviceRemoved([device('5', 'DEVICE_RECONFIGURED', 'new', { previousDeviceId: 'me' })], 'me'),
    ).toBe(true)
  })

  it('tells the changes newer than the last seen', () => {
    const list = [
      device('3', 'DEVICE_ADDED', 'a'),
      device('2', 'DEVICE_ADDED', 'b'),
      device('1', 'DEVICE_ADDED', 'c'),
    ]
    expect(changesSince(list, '2').map((c) => c.id)).toEqual(['3'])
    expect(changesSince(list, 'gone').map((c) => c.id)).toEqual(['3', '2', '1'])
    expect(touchesServices([{ id: '9', at, text: '', type: 'SERVICE_ADDED' }])).toBe(true)
    expect(touchesServices(list)).toBe(false)
  })
})
