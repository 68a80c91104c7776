import { z } from 'zod'
import { LIMITS } from './limits.ts'
import {
  ANONYMITY,
  type Anonymity,
  LANGUAGES,
  type Language,
  type Role,
  SESSION_STATUSES,
  type SessionStatus,
} from './vocabulary.ts'

export type { Anonymity, Language, Role, SessionStatus } from './vocabulary.ts'
export { ANONYMITY, FACILITATING_ROLES, LANGUAGES, ROLES, SESSION_STATUSES } from './vocabulary.ts'

export const anonymitySchema = z.enum(ANONYMITY)
export const sessionStatusSchema = z.enum(SESSION_STATUSES)
export const languageSchema = z.enum(LANGUAGES)

const trimmed = (max: number) => z.string().trim().max(max)

export const wifiSchema = z.object({
  ssid: trimmed(LIMITS.wifiFieldMaxChars).min(1),
  password: z.string().max(LIMITS.wifiFieldMaxChars),
})
export type Wifi = z.infer<typeof wifiSchema>

/** Each setting's rule, without defaults, so a partial change never fills in what it did not mention. */
const settingFields = {
  title: trimmed(LIMITS.titleMaxChars).min(1),
  welcome: trimmed(LIMITS.welcomeMaxChars),
  sectors: z.array(trimmed(LIMITS.sectorMaxChars).min(1)).max(LIMITS.sectorsMax),
  anonymity: anonymitySchema,
  wifi: wifiSchema.nullable(),
  defaultLanguage: languageSchema,
}

/** The settings a facilitator chooses for a session. */
export const sessionSettingsSchema = z.object({
  ...settingFields,
  welcome: settingFields.welcome.default(''),
  sectors: settingFields.sectors.default([]),
  anonymity: settingFields.anonymity.default('sector'),
  wifi: settingFields.wifi.default(null),
  defaultLanguage: settingFields.defaultLanguage.default('en'),
})
export type SessionSettings = z.infer<typeof sessionSettingsSchema>

/** POST /api/sessions body. */
export const createSessionSchema = sessionSettingsSchema.extend({
  draft: z.boolean().default(false),
})
export type CreateSessionInput = z.input<typeof createSessionSchema>

/** A partial settings change from the facilitator. */
export const updateSessionSchema = z.object(settingFields).partial()
export type UpdateSessionInput = z.infer<typeof updateSessionSchema>

/** POST /api/sessions/join body. */
export const joinSessionSchema = z.object({
  joinCode: z.string().min(1).max(32),
  displayName: trimmed(LIMITS.displayNameMaxChars).optional(),
  sector: trimmed(LIMITS.sectorMaxChars).optional(),
  language: languageSchema.optional(),
  /** The table number on a printed table card, to be seated there. */
  table: z.number().int().min(1).max(1000).optional(),
})
export type JoinSessionInput = z.infer<typeof joinSessionSchema>

/** 201 answer to POST /api/sessions. */
export interface CreatedSession {
  sessionId: string
  joinCode: string
  joinUrl: string
  facilitatorUrl: string
  facilitatorToken: string
  projectorUrl: string
}

/** 200 answer to POST /api/sessions/join. */
export interface JoinedSession {
  sessionId: string
  participantId: string
  participantToken: string
}

/** What a join page may learn about a session from its code before joining. */
export interface SessionPreview {
  title: string
  welcome: string
  sectors: string[]
  anonymity: Anonymity
  status: SessionStatus
  defaultLanguage: Language
}

/** A session as every member of it sees it. */
export interface SessionView extends SessionPreview {
  id: string
  joinCode: string
  joinUrl: string
  wifi: Wifi | null
}

/** A participant as facilitators see them: name or sector only as the anonymity setting allows. */
export interface ParticipantView {
  id: string
  /** What the room may call this person: a name, a sector, or null when anonymous. */
  label: string | null
  sector: string | null
  online: boolean
  joinedAt: number
}

/** Head counts for the projector and the lobby. */
export interface Attendance {
  joined: number
  online: number
}

/** A co-facilitator, projector or organizer link, without its secret. */
export interface InviteView {
  id: string
  role: Exclude<Role, 'participant' | 'facilitator'>
  label: string
  createdAt: number
  revoked: boolean
}

/** Who this connection is, as the server sees it. */
export interface Me {
  role: Role
  /** Participant id, or the id of the role secret. */
  id: string
  label: string | null
  sector: string | null
}
