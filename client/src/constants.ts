// Constants from shared/vocabulary.ts, which is free of zod: importing shared/session.ts or shared/protocol.ts
// here would put the schema library into the phone's first download.
export { ANONYMITY, canFacilitate, LANGUAGES, PROTOCOL_VERSION } from '../../shared/vocabulary.ts'
