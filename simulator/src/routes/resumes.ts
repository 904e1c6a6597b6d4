import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { envelopeMethod } from '../http/envelope'
import { listResumes, setResume } from '../model/resumes'

export const registerResumes = (app: FastifyInstance, api: Api): void => {
  envelopeMethod(app, api, 'GetResumes', 'user', ({ user }) => listResumes(api.sim, user.id))
  envelopeMethod(app, api, 'SetResume', 'user', ({ user, body }) =>
    setResume(api.sim, user.id, body.ContentID, body.Position),
  )
}
