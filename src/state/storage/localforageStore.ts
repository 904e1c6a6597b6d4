import localforage from 'localforage'
import type { KeyValueStore } from './keyValueStore'

/**
 * The persistent store: IndexedDB where there is one, else WebSQL or localStorage, as
 * localforage picks. One record per key, so a cache write replaces the old entry whole or not
 * at all.
 */
export const createLocalforageStore = (name = 'kanal'): KeyValueStore =>
  localforage.createInstance({ name, storeName: 'cache', description: 'Kanal cache' })
