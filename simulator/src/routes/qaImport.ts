import type { FastifyInstance } from 'fastify'
import type { Api } from '../http/api'
import { XmltvError } from '../xmltv/errors'
import { importXmltvBytes } from '../xmltv/import'
import { fail } from '../qa/reply'

export const IMPORT_LIMIT_BYTES = 20 * 1024 * 1024
const XMLTV_TYPES = ['application/xml', 'text/xml', 'application/octet-stream']

/**
 * POST /qa/import: an XMLTV file (plain or gzip) as the raw body, run through the importer of
 * `npm run import:xmltv` on the live database. The answer is the importer's report; a file
 * that cannot be imported writes nothing (the importer's one transaction) and is a 400.
 */
export const registerQaImport = (qa: FastifyInstance, api: Api): void => {
  // A scope of its own, so that only this route reads XML bodies, and up to the larger limit.
  qa.register(async (scope) => {
    scope.addContentTypeParser(
      XMLTV_TYPES,
      { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT_BYTES },
      (_req, body, done) => done(null, body),
    )
    scope.post('/import', { bodyLimit: IMPORT_LIMIT_BYTES }, async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) {
        return fail(
          reply,
          400,
          'invalid',
          `Send the XMLTV file as the body, as ${XMLTV_TYPES.join(', ')} (gzip accepted)`,
        )
      }
      try {
        const report = await importXmltvBytes(api.sim, req.body, 'upload.xml')
        return { report }
      } catch (e) {
        if (!(e instanceof XmltvError)) throw e
        return reply.code(400).send({
          code: 'invalid_xmltv',
          message: `${e.message}; nothing was imported`,
          ...(e.report ? { report: e.report } : {}),
        })
      }
    })
  })
}
