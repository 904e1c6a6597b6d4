import { readFileSync } from 'node:fs'
import path from 'node:path'

/** A document example of test/fixtures/specs, parsed afresh for each use (clients may not mutate a shared one). */
export const specFixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, '../../../fixtures/specs', name), 'utf8')) as unknown
