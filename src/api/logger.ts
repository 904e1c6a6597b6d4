/** What the API layer needs of a logger: reports of dropped items. Never given a token or a PIN. */
export interface ApiLogger {
  warn(message: string, data?: object): void
}

export const silentLogger: ApiLogger = { warn: () => undefined }
