import type { SessionArchive } from '../../shared/archiveSchema.ts'
import type { Language } from '../../shared/session.ts'

const en = {
  report: 'Session report',
  date: 'Date',
  participation: 'Who took part',
  people: 'People',
  sector: 'Sector',
  other: 'Other or not given',
  total: 'Total',
  names: 'Names',
  agenda: 'Agenda',
  round: 'Round',
  prompts: 'Prompts',
  minutes: 'Minutes',
  grouping: 'Grouping',
  summary: 'Summary',
  summaryDraft: 'This is the facilitators’ draft: nothing was published yet.',
  summaryNone: 'No summary was written.',
  theme: 'Theme',
  synthesis: 'Synthesis',
  votes: 'Votes',
  points: 'Key points',
  point: 'Key point',
  kind: 'Kind',
  from: 'From',
  actions: 'Action items',
  action: 'Action',
  owner: 'Owner',
  due: 'Due',
  notes: 'Group notes',
  discussion: 'Discussion',
  noPoints: 'No key points.',
  parkingLot: 'Parking lot',
  empty: 'Nothing here.',
  redacted: 'Personal details redacted',
  voteSummary: '{dots} dots from {voters} people',
  kinds: { idea: 'Idea', concern: 'Concern', question: 'Question', action: 'Action' },
  anonymity: { named: 'Named', sector: 'Sector only', anonymous: 'Anonymous' },
}

/** The words an export is written with. */
export type Labels = typeof en

const es: Labels = {
  report: 'Informe de la sesión',
  date: 'Fecha',
  participation: 'Quiénes participaron',
  people: 'Personas',
  sector: 'Sector',
  other: 'Otro o sin indicar',
  total: 'Total',
  names: 'Nombres',
  agenda: 'Agenda',
  round: 'Ronda',
  prompts: 'Preguntas',
  minutes: 'Minutos',
  grouping: 'Agrupación',
  summary: 'Resumen',
  summaryDraft: 'Este es el borrador de quienes facilitan: todavía no se publicó nada.',
  summaryNone: 'No se escribió ningún resumen.',
  theme: 'Tema',
  synthesis: 'Síntesis',
  votes: 'Votos',
  points: 'Ideas clave',
  point: 'Idea clave',
  kind: 'Tipo',
  from: 'De',
  actions: 'Acciones',
  action: 'Acción',
  owner: 'Responsable',
  due: 'Fecha límite',
  notes: 'Notas de los grupos',
  discussion: 'Conversación',
  noPoints: 'Sin ideas clave.',
  parkingLot: 'Para más tarde',
  empty: 'Nada aquí.',
  redacted: 'Datos personales ocultados',
  voteSummary: '{dots} puntos de {voters} personas',
  kinds: { idea: 'Idea', concern: 'Preocupación', question: 'Pregunta', action: 'Acción' },
  anonymity: { named: 'Con nombre', sector: 'Solo sector', anonymous: 'Anónima' },
}

const LABELS: Record<Language, Labels> = { en, es }

/** The labels for an archive: in the session's default language. */
export const labelsFor = (archive: SessionArchive): Labels => LABELS[archive.session.defaultLanguage] ?? en

/** A date in the archive's language, in UTC so the same archive always reads the same. */
export function formatDate(ms: number | null, language: Language): string {
  if (ms === null) return ''
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(ms))
}

/** One provenance as a short phrase: "Round 1 · Table 2 · Nonprofit · Ana". */
export const provenanceText = (p: {
  roundTitle: string
  groupName: string
  sector: string | null
  name: string | null
}): string => [p.roundTitle, p.groupName, p.sector, p.name].filter(Boolean).join(' · ')

/** A file name for an export: the title reduced to safe characters, then the date. */
export function exportFileName(archive: SessionArchive, extension: string): string {
  const base =
    archive.session.title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'session'
  const day = new Date(archive.exportedAt).toISOString().slice(0, 10)
  return `${base}-${day}.${extension}`
}
