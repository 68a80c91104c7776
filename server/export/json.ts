import { type SessionArchive, sessionArchiveSchema } from '../../shared/archiveSchema.ts'

/** The archive as JSON, checked against its schema first so a malformed archive never leaves the server. */
export function writeJson(archive: SessionArchive): string {
  return `${JSON.stringify(sessionArchiveSchema.parse(archive), null, 2)}\n`
}
