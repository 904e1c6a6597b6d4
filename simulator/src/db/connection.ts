import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { migrate } from './migrations'
import { registerSearchFunctions } from '../model/searchIndex'

export type Db = Database.Database

/** Opens (creating if needed) and migrates the simulator's database. */
export const openDatabase = (dbPath: string): Db => {
  if (dbPath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true })
  const db = new Database(dbPath)
  if (dbPath !== ':memory:') {
    // WAL lets the XMLTV importer write while a running simulator reads.
    db.pragma('journal_mode = WAL')
    // Durable against a killed process (test/simulator/durability.test.ts): each commit is
    // written to the WAL file before better-sqlite3 returns, so before any answer is sent, and
    // the operating system keeps it when the process dies. NORMAL only skips the fsync of each
    // commit: a power cut or a kernel crash may lose the last transactions, which a simulator
    // may accept for writes many times faster than FULL.
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
  }
  db.pragma('foreign_keys = ON')
  registerSearchFunctions(db)
  migrate(db)
  return db
}

/** Reads one value of the meta table. */
export const getMeta = (db: Db, key: string): string | undefined =>
  db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value

export const setMeta = (db: Db, key: string, value: string): void => {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value)
}
