import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'wouter'
import { useFacilitatorLanguage } from '../../i18n/useFacilitatorLanguage.ts'
import { currentRound, useRoom } from '../../net/useRoom.ts'
import { useSession } from '../../net/useSession.ts'
import { QrCode } from '../../ui/QrCode.tsx'
import { facilitatorGate, GateScreen } from '../FacilitatorGate.tsx'
import { tableName } from '../round/format.ts'
import { useRoleToken } from '../useRoleToken.ts'
import './run.css'
import './cards.css'

/** The link printed on a table's card: the join link, naming the table. */
export function tableJoinUrl(joinUrl: string, table: number): string {
  const url = new URL(joinUrl)
  url.searchParams.set('table', String(table))
  return url.toString()
}

/** /f/:sessionId/cards — one printable page per table: its big number and a QR code that joins at that table. */
export default function TableCardsPage() {
  const { t } = useTranslation()
  const { sessionId = '' } = useParams<{ sessionId: string }>()
  const token = useRoleToken(sessionId)
  const { snapshot, fatal, socket } = useSession(token)
  const { room } = useRoom(socket, { facilitator: true })
  useFacilitatorLanguage()
  const [count, setCount] = useState<string | null>(null)
  const countId = useId()

  const gate = facilitatorGate({ token, fatal, snapshot, loaded: Boolean(room) })
  if (gate || !snapshot || !room) return <GateScreen gate={gate} loadingLabel={t('facilitator.loading')} />
  const round = currentRound(room.state)
  const groups = round && room.groupsRoundId === round.id && round.status !== 'ended' ? room.groups : []
  const next = room.state.rounds.find((r) => r.status === 'planned')
  const suggested = Math.max(1, Math.ceil(snapshot.attendance.joined / (next?.groupSize ?? 5)))
  const wanted = Math.min(250, Math.max(1, Number(count ?? suggested) || 1))
  const tables =
    groups.length > 0
      ? groups.map((g) => ({ number: g.number, name: tableName(t, g) }))
      : Array.from({ length: wanted }, (_, i) => ({
          number: i + 1,
          name: t('rounds.cards.table', { n: i + 1 }),
        }))
  const { session } = snapshot

  return (
    <main className="cards-page">
      <div className="cards-toolbar">
        <h1>{t('rounds.cards.pageTitle', { title: session.title })}</h1>
        <p className="muted">
          {groups.length > 0
            ? t('rounds.cards.fromRound', { count: groups.length })
            : t('rounds.cards.noRound')}
        </p>
        {groups.length === 0 ? (
          <div className="field cards-count">
            <label htmlFor={countId}>{t('rounds.cards.count')}</label>
            <input
              id={countId}
              type="number"
              min={1}
              max={250}
              value={count ?? String(suggested)}
              onChange={(e) => setCount(e.target.value)}
            />
          </div>
        ) : null}
        <button type="button" className="button" onClick={() => window.print()}>
          {t('rounds.cards.print')}
        </button>
      </div>
      <ol className="table-cards">
        {tables.map((table) => (
          <li key={table.number} className="table-card">
            <p className="table-card-label">{t('rounds.cards.tableWord')}</p>
            <p className="table-card-number">{table.number}</p>
            <QrCode
              text={tableJoinUrl(session.joinUrl, table.number)}
              label={t('rounds.cards.qrLabel', { table: table.name })}
            />
            <p className="table-card-scan">{t('rounds.cards.scan')}</p>
            <p className="table-card-code">
              {t('rounds.cards.orCode', {
                code: session.joinCode,
                url: session.joinUrl.replace(/^https?:\/\//, ''),
              })}
            </p>
          </li>
        ))}
      </ol>
    </main>
  )
}
