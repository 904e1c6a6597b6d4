import crypto from 'node:crypto'

// Low scrypt cost: these are demo accounts, and seeding must stay fast.
const SCRYPT = { N: 1024, r: 8, p: 1 }

export const hashSecret = (secret: string, salt: string = crypto.randomBytes(8).toString('hex')): string =>
  `${salt}$${crypto.scryptSync(secret, salt, 32, SCRYPT).toString('hex')}`

export const verifySecret = (secret: string, stored: string): boolean => {
  const [salt, hash] = stored.split('$')
  if (salt === undefined || hash === undefined) return false
  const candidate = Buffer.from(hashSecret(secret, salt).split('$')[1] ?? '', 'hex')
  const expected = Buffer.from(hash, 'hex')
  return candidate.length === expected.length && crypto.timingSafeEqual(candidate, expected)
}

/** Tokens are stored hashed: a copy of the database gives no working session. */
export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex')

export const newToken = (): string => crypto.randomBytes(32).toString('base64url')
