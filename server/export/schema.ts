import { z } from 'zod'
import { sessionArchiveSchema } from '../../shared/archiveSchema.ts'

/** The archive's JSON Schema (draft 2020-12), served at /api/archive-schema.json for other tools to validate with. */
export function archiveJsonSchema(): unknown {
  return z.toJSONSchema(sessionArchiveSchema, { target: 'draft-2020-12' })
}
