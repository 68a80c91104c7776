import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { ActionLogEntry, GroupView, RoomState } from '../../../../shared/rounds.ts'
import { formatClockTime, tableName } from '../round/format.ts'

/** The server logs actions in English words; known ones are shown in the interface's language. */
function describe(t: TFunction, entry: ActionLogEntry, state: RoomState, groups: GroupView[]): string {
  const round = state.rounds.find((r) => r.id === entry.detail)
  const group = groups.find((g) => g.id === entry.detail)
  const extended = /^extended by (\d+) min$/.exec(entry.action)
  if (extended) return t('rounds.log.extended', { count: Number(extended[1]), round: round?.title ?? '' })
  switch (entry.action) {
    case 'round started':
    case 'round paused':
    case 'round resumed':
    case 'round ended':
      return t(`rounds.log.${entry.action.replace('round ', '')}`, { round: round?.title ?? '' })
    case 'agenda saved':
      return t('rounds.log.agendaSaved')
    case 'agenda shortened':
      return t('rounds.log.shortened', { count: Number.parseInt(entry.detail, 10) || 0 })
    case 'moved a participant':
      return t('rounds.log.moved', {
        table: (group ? tableName(t, group) : null) ?? t('rounds.broadcast.oneTable'),
      })
    case 'broadcast':
      return t('rounds.log.broadcast', { text: entry.detail })
    case 'broadcast dismissed':
      return t('rounds.log.dismissed')
    default:
      return `${entry.action} ${entry.detail}`.trim()
  }
}

/** Who did what, newest first, so a co-facilitator can take over. */
export function ActionLog({
  actions,
  state,
  groups,
}: {
  actions: ActionLogEntry[]
  state: RoomState
  groups: GroupView[]
}) {
  const { t, i18n } = useTranslation()
  return (
    <section className="card" aria-labelledby="log-heading">
      <h2 id="log-heading">{t('rounds.log.heading')}</h2>
      {actions.length === 0 ? (
        <p className="muted">{t('rounds.log.empty')}</p>
      ) : (
        <ol className="action-log" data-testid="action-log">
          {actions.slice(0, 30).map((a) => (
            <li key={a.id}>
              <time className="action-time" dateTime={new Date(a.at).toISOString()}>
                {formatClockTime(i18n.language, a.at)}
              </time>
              <span>
                <strong>
                  {a.actor === 'Timer'
                    ? t('rounds.log.timer')
                    : a.actor === 'Facilitator'
                      ? t('facilitator.roleFacilitator')
                      : a.actor}
                </strong>{' '}
                {describe(t, a, state, groups)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
