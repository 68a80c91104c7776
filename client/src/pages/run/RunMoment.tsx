import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionSnapshot } from '../../../../shared/protocol.ts'
import type { GroupView } from '../../../../shared/rounds.ts'
import type { DocTunnel } from '../../net/docTunnel.ts'
import { currentRound, isLive, type RoomHandle } from '../../net/useRoom.ts'
import { errorText } from '../../ui/errorText.ts'
import { tableName } from '../round/format.ts'
import { NotesSlot } from '../round/NotesSlot.tsx'
import { ActionLog } from './ActionLog.tsx'
import { BroadcastBox } from './BroadcastBox.tsx'
import { LiveView } from './LiveView.tsx'
import { RunControls } from './RunControls.tsx'
import './run.css'

/** A command's problem, said politely: a conflict means a co-facilitator acted first. */
export function RoomNoticeBanner({ handle }: { handle: RoomHandle }) {
  const { t } = useTranslation()
  const { notice, clearNotice } = handle
  if (!notice) return null
  return (
    <div
      className={
        notice.kind === 'conflict' ? 'alert alert-info room-notice' : 'alert alert-error room-notice'
      }
      role="alert"
      data-testid="room-notice"
    >
      <p>{notice.kind === 'conflict' ? t('rounds.conflict') : errorText(t, notice.code)}</p>
      <button type="button" className="button button-quiet button-small" onClick={clearNotice}>
        {t('rounds.gotIt')}
      </button>
    </div>
  )
}

/** The facilitator's "run" moment: the clock and its controls, broadcasts, every table live, and the log. */
export function RunMoment({
  handle,
  snapshot,
  offset,
  tunnel,
  onEditAgenda,
}: {
  handle: RoomHandle
  snapshot: SessionSnapshot
  offset: number
  tunnel: DocTunnel | null
  onEditAgenda: () => void
}) {
  const { t } = useTranslation()
  const room = handle.room
  const round = currentRound(room?.state)
  const [openGroupId, setOpenGroupId] = useState<string | null>(null)
  const notesHeading = useRef<HTMLHeadingElement>(null)
  const onlineById = useMemo(
    () => new Map(snapshot.participants.map((p) => [p.id, p.online])),
    [snapshot.participants],
  )
  const groups = room && round && room.groupsRoundId === round.id ? room.groups : []
  const openGroup = groups.find((g) => g.id === openGroupId) ?? null

  useEffect(() => {
    if (openGroupId) notesHeading.current?.focus()
  }, [openGroupId])

  if (!room) return <p className="muted">{t('common.loading')}</p>

  const closeNotes = () => {
    const id = openGroupId
    setOpenGroupId(null)
    if (id) requestAnimationFrame(() => document.getElementById(`open-notes-${id}`)?.focus())
  }
  const openNotes = (group: GroupView) => setOpenGroupId(group.id)

  return (
    <div className="run-moment">
      <RoomNoticeBanner handle={handle} />
      <div className="run-top">
        <RunControls
          handle={handle}
          offset={offset}
          joined={snapshot.attendance.joined}
          onEditAgenda={onEditAgenda}
        />
        <div className="stack">
          <BroadcastBox handle={handle} groups={isLive(round) ? groups : []} />
          <section className="card" aria-labelledby="cards-heading">
            <h2 id="cards-heading">{t('rounds.cards.heading')}</h2>
            <p className="muted">{t('rounds.cards.intro')}</p>
            <a
              className="button button-secondary"
              href={`/f/${snapshot.session.id}/cards`}
              target="_blank"
              rel="noopener"
            >
              {t('rounds.cards.open')}
              <span className="visually-hidden"> {t('common.opensNewTab')}</span>
            </a>
          </section>
        </div>
      </div>
      {openGroup && round ? (
        <section className="card notes-panel" aria-labelledby="notes-panel-heading">
          <div className="section-head">
            <h2 id="notes-panel-heading" ref={notesHeading} tabIndex={-1}>
              {t('rounds.live.notesOf', { table: tableName(t, openGroup) })}
            </h2>
            <button type="button" className="button button-quiet button-small" onClick={closeNotes}>
              {t('rounds.live.closeNotes')}
            </button>
          </div>
          <NotesSlot docName={openGroup.docName} writable tunnel={tunnel} moderation />
        </section>
      ) : null}
      {round && round.status !== 'planned' ? (
        <LiveView
          handle={handle}
          round={round}
          offset={offset}
          onlineById={onlineById}
          onOpenNotes={openNotes}
        />
      ) : null}
      <ActionLog actions={room.actions} state={room.state} groups={groups} />
    </div>
  )
}
