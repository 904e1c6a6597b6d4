/**
 * What the simulator accepts from any caller (docs/API.md, "Limits"). A caller may be a broken
 * box or a script: each value that reaches the database, the account history or a loop is
 * bounded here, so that a huge one is refused cheaply in the route's own error style instead
 * of being stored, or of running the process out of memory.
 */
export const LIMITS = {
  /** Any request body (fastify's bodyLimit); the QA import has its own. */
  bodyBytes: 1024 * 1024,
  /** Ids a client sends: device, programme, recording, series, playback, content, package, customer ids. */
  idChars: 64,
  /** Names and free text: device name and model, user names, passwords. */
  nameChars: 200,
  /** A PIN as typed (document 000's PINs are 4 digits). */
  pinChars: 16,
  /** JSON-RPC calls in one batch. */
  rpcBatch: 50,
  /** findAccountChanges `count`: a larger one is cut to this. */
  rpcCount: 500,
  /** findAccountChanges `offset`. */
  rpcOffset: 1_000_000,
  /** A resume position, in seconds (7 days: longer than any programme or recording). */
  resumeSeconds: 7 * 24 * 3600,
  /**
   * Document 002 dates: at most this many years ahead of the operator clock, and this many
   * behind (the document's own example starts a package nine years before our clock).
   */
  dateYearsAhead: 5,
  dateYearsBack: 20,
  /**
   * The QA clock, in Unix seconds: 1970 to the end of 9999. Beyond, the clock's milliseconds
   * leave what a Date holds (1e308 became Infinity) and every session, stamp and date with it.
   */
  clockSeconds: 253_402_300_799,
  /** Document 002 packages in one body. */
  packages: 100,
} as const
