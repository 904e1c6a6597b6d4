import type { Db } from '../../../simulator/src/db/connection'

/**
 * Every row that belongs to the given users or their customers, table by table, as text: what
 * must not change while other users' tokens (and none) are thrown at the simulator. Tables are
 * found by their user_id and customer_id columns, so a table added later is covered too.
 */
export const snapshotOf = (db: Db, userIds: string[], customerIds: string[]): Record<string, string> => {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((t) => t.name)
  const out: Record<string, string> = {}
  const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ')
  for (const table of tables) {
    const columns = db
      .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
      .all(table)
      .map((c) => c.name)
    const where: string[] = []
    const args: string[] = []
    if (table === 'users' || columns.includes('user_id')) {
      where.push(`${table === 'users' ? 'id' : 'user_id'} IN (${marks(userIds.length)})`)
      args.push(...userIds)
    }
    if (table === 'customers' || columns.includes('customer_id')) {
      where.push(`${table === 'customers' ? 'id' : 'customer_id'} IN (${marks(customerIds.length)})`)
      args.push(...customerIds)
    }
    if (where.length === 0) continue
    const rows = db
      .prepare(`SELECT * FROM "${table}" WHERE ${where.join(' OR ')} ORDER BY rowid`)
      .all(...args)
    out[table] = JSON.stringify(rows)
  }
  return out
}
