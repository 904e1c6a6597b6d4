/** A channel of the lineup (Kanal's GetChannels). */
export interface Channel {
  id: string
  number: number
  name: string
  /** Absolute URL of the logo; public, never carries a token. */
  logo: string
  /** How far back the channel keeps programmes for catch-up; 0 when it has none. */
  catchupHours: number
  /** What the channel mostly shows ("News", "Sport"...), when the operator says. */
  genre?: string
}

/** What a user may do with a channel (document 003's channel relationships). */
export type Capability = 'live' | 'catchup' | 'npvr' | 'startover'
export const CAPABILITIES: readonly Capability[] = ['live', 'catchup', 'npvr', 'startover']

export type Capabilities = Readonly<Record<Capability, boolean>>

export const NO_CAPABILITIES: Capabilities = { live: false, catchup: false, npvr: false, startover: false }
