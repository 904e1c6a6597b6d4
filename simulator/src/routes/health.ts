import type { FastifyInstance } from 'fastify'

export interface HealthInfo {
  startedAt: number
  version: string
}

/** GET /api/health: whether the simulator is up, for scripts and tests that wait on it. */
export const registerHealth = (app: FastifyInstance, info: HealthInfo): void => {
  app.get('/api/health', async () => ({
    status: 'ok',
    version: info.version,
    uptimeSeconds: Math.round((Date.now() - info.startedAt) / 1000),
  }))
}
