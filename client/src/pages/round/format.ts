import type { TFunction } from 'i18next'
import type * as Rounds from '../../../../shared/rounds.ts'
import type { MemberView } from '../../../../shared/rounds.ts'

// shared/rounds.ts builds zod schemas when imported; these copies are typed as its constants, so they cannot drift.

/** The grouping rules, in the order the agenda editor offers them (shared GROUPING_RULES). */
export const GROUPING_RULES: typeof Rounds.GROUPING_RULES = [
  'random',
  'sector-balanced',
  'reshuffle',
  'keep-previous',
  'merge',
  'whole-room',
  'manual',
  'self-select',
]
/** The built-in agendas (shared TEMPLATES). */
export const TEMPLATES: typeof Rounds.TEMPLATES = [
  'community-conversation',
  'world-cafe',
  '1-2-4-all',
  'blank',
]

/** What the room may call a member: their name, their sector, or "Someone" when anonymous. */
export function memberName(t: TFunction, member: Pick<MemberView, 'label' | 'sector'>): string {
  return member.label ?? member.sector ?? t('rounds.someone')
}

/** The sector under a member's name, when it says something the name does not. */
export function memberDetail(member: Pick<MemberView, 'label' | 'sector'>): string | null {
  return member.sector && member.sector !== member.label ? member.sector : null
}

/** A clock time in the interface's language, e.g. "4:35 PM" or "16:35". */
export function formatClockTime(language: string, at: number): string {
  return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(at)
}

/** "3 min ago", "just now", in the interface's language. */
export function formatAgo(language: string, t: TFunction, ms: number): string {
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 1) return t('rounds.justNow')
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' })
  if (minutes < 60) return rtf.format(-minutes, 'minute')
  return rtf.format(-Math.floor(minutes / 60), 'hour')
}

/** A duration in minutes as "1 h 20 min" / "45 min", in the interface's language. */
export function formatMinutes(language: string, minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  const unit = (value: number, u: 'hour' | 'minute') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value)
  if (h === 0) return unit(m, 'minute')
  return m === 0 ? unit(h, 'hour') : `${unit(h, 'hour')} ${unit(m, 'minute')}`
}

/** A table's name in the interface's language: the server names tables "Table 4"; custom names stay as they are. */
export function tableName(t: TFunction, group: { number: number; name: string }): string {
  return /^Table \d+$/.test(group.name) ? t('rounds.tableN', { n: group.number }) : group.name
}
