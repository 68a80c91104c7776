import { useTranslation } from 'react-i18next'
import type { GroupView, RoundView } from '../../../../shared/rounds.ts'
import type { DocTunnel } from '../../net/docTunnel.ts'
import { tableName } from './format.ts'
import { NotesSlot } from './NotesSlot.tsx'
import './round.css'

/** Back in the room after a round: what just ended, and the table's notes (editable or read-only, as set). */
export function RoundEnded({
  round,
  group,
  tunnel,
}: {
  round: RoundView
  group: GroupView | null
  tunnel: DocTunnel | null
}) {
  const { t } = useTranslation()
  return (
    <section className="card round-ended" aria-labelledby="round-ended" data-testid="round-ended">
      <h2 id="round-ended">{t('rounds.ended.heading')}</h2>
      <p className="muted">
        {group
          ? t('rounds.ended.body', { round: round.title, table: tableName(t, group) })
          : t('rounds.ended.bodyNoTable', { round: round.title })}
      </p>
      {group ? (
        <details>
          <summary>{t('rounds.ended.notes', { table: tableName(t, group) })}</summary>
          <NotesSlot docName={group.docName} writable={round.notesAfter === 'editable'} tunnel={tunnel} />
        </details>
      ) : null}
    </section>
  )
}
