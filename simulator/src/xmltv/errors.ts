import type { ImportReport } from './report'

/**
 * Why a file cannot be imported at all; the CLI prints the message on one line. When the file
 * was read but nothing in it could be kept, the report says what was dropped and why.
 */
export class XmltvError extends Error {
  constructor(
    message: string,
    readonly report?: ImportReport,
  ) {
    super(message)
  }
}
