import * as v from 'valibot'
import type { Resume } from '../domain/resumes'
import type { ApiLogger } from './logger'
import type { EnvelopeCall } from './envelope'
import type { CallOptions } from './transport'
import { anyList, id, num, parseDocument, parseItems } from './validate'

const resumeSchema = v.pipe(
  v.looseObject({ ContentID: id, Position: num, UpdatedAt: v.nullish(num, 0) }),
  v.transform((r): Resume => ({ contentId: r.ContentID, position: r.Position, updatedAt: r.UpdatedAt })),
)

/** GetResumes and SetResume; setting a position twice is harmless, so both are retried. */
export const resumeMethods = (call: EnvelopeCall, logger: ApiLogger) => ({
  getResumes: (options: CallOptions = {}): Promise<Resume[]> =>
    call(
      'GetResumes',
      {},
      (c) => parseItems(resumeSchema, parseDocument(anyList, c, 'GetResumes Content'), 'GetResumes', logger),
      { ...options, idempotent: true },
    ),

  setResume: (contentId: string, position: number, options: CallOptions = {}): Promise<Resume> =>
    call(
      'SetResume',
      { ContentID: contentId, Position: Math.max(0, Math.round(position)) },
      (c) => parseDocument(resumeSchema, c, 'SetResume Content'),
      { ...options, idempotent: true },
    ),
})
