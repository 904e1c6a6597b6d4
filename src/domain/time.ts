/** Times in the domain are Unix seconds (UTC), as on the wire; the caller passes "now" in. */
export type UnixSeconds = number

export const MINUTE = 60
export const HOUR = 3600
export const DAY = 86400
