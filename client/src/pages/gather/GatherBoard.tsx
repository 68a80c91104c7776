import type { TFunction } from 'i18next'
import { type FormEvent, useCallback, useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { SortRestResult } from '../../../../shared/gatherProtocol.ts'
import {
  type GatherBoard as Board,
  createTheme,
  deleteTheme,
  mergePoints,
  placePoint,
  renameTheme,
  setSynthesis,
  type ThemeProposal,
  unmergePoint,
} from '../../../../shared/summary.ts'
import type { ClientSocket } from '../../net/docTunnel.ts'
import { randomId } from '../../net/ids.ts'
import { request } from '../../net/request.ts'
import { errorText } from '../../ui/errorText.ts'
import { useGatherLive } from '../../ui/useGatherLive.ts'
import { ActionItems } from './ActionItems.tsx'
import { type BoardFilter, buildModel, NO_FILTER } from './boardModel.ts'
import { DropList } from './DropList.tsx'
import { Filters } from './Filters.tsx'
import { cssId, PointCard } from './PointCard.tsx'
import { SuggestionsPanel } from './SuggestionsPanel.tsx'
import { ThemeCard } from './ThemeCard.tsx'
import { VotePanel } from './VotePanel.tsx'

/** What sorting the rest found, each count in its own plural form. */
function sortedText(t: TFunction, sorted: number, unsure: number): string {
  const found = t('gather.sortedNote', { count: sorted })
  return unsure > 0 ? `${found} ${t('gather.unsureNote', { count: unsure })}` : found
}

/** The gather board: gathered points, suggested themes, themes edited together, actions, vote and publish. */
export function GatherBoard({ socket, doc, version }: { socket: ClientSocket; doc: Y.Doc; version: number }) {
  const { t } = useTranslation()
  const live = useGatherLive(socket, 'facilitator')
  const [board, setBoard] = useState<Board | null>(null)
  const [roundId, setRoundId] = useState('')
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER)
  const [proposals, setProposals] = useState<ThemeProposal[]>([])
  const [sorted, setSorted] = useState<SortRestResult | null>(null)
  const [busy, setBusy] = useState<'load' | 'suggest' | 'sort' | null>('load')
  const [error, setError] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [focusRef, setFocusRef] = useState<string | null>(null)
  const [newTheme, setNewTheme] = useState('')
  const newThemeId = useId()
  const unsortedHeading = useId()
  const themesHeading = useId()

  const load = useCallback(async () => {
    setBusy('load')
    const result = await request(socket, 'gather:points', roundId ? { roundIds: [roundId] } : {})
    setBusy(null)
    if (result.ok) setBoard(result.data)
    else setError(errorText(t, result.error.code))
  }, [socket, roundId, t])
  useEffect(() => {
    void load()
  }, [load])

  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks every change to the shared document
  const model = useMemo(() => (board ? buildModel(board, doc, filter) : null), [board, doc, filter, version])
  const points = useMemo(() => new Map(board?.points.map((p) => [p.ref, p]) ?? []), [board])
  const frozen = live.vote?.status === 'open'
  const proposalOf = useMemo(() => new Map(sorted?.proposals.map((p) => [p.ref, p]) ?? []), [sorted])

  useEffect(() => {
    if (!focusRef) return
    const target =
      document.getElementById(`point-${cssId(focusRef)}`)?.querySelector('select') ??
      document.getElementById(focusRef)
    if (target instanceof HTMLElement) target.focus()
    setFocusRef(null)
  }, [focusRef])

  if (!model || !board) {
    return (
      <p className="muted" aria-busy="true">
        {t('gather.loadingPoints')}
      </p>
    )
  }

  const titleOf = (themeId: string | null) =>
    themeId
      ? model.themes.find((th) => th.id === themeId)?.title || t('gather.untitled')
      : t('gather.unsorted')

  /** Moves a point; focus stays in the list it left, on the next point, so sorting by keyboard flows on. */
  const move = (ref: string, themeId: string | null) => {
    const from = model.unsorted.some((i) => i.ref === ref)
      ? model.unsorted
      : [...model.byTheme.values()].find((list) => list.some((i) => i.ref === ref))
    const at = from?.findIndex((i) => i.ref === ref) ?? -1
    const next = from?.[at + 1] ?? from?.[at - 1]
    placePoint(doc, ref, themeId)
    setSorted((s) => (s ? { ...s, proposals: s.proposals.filter((p) => p.ref !== ref) } : s))
    setAnnouncement(t('gather.moved', { text: points.get(ref)?.text ?? '', theme: titleOf(themeId) }))
    setFocusRef(next && next.ref !== ref ? next.ref : themeId ? unsortedHeading : themesHeading)
  }

  const suggest = async () => {
    setBusy('suggest')
    setError(null)
    const result = await request(socket, 'gather:suggest', roundId ? { roundIds: [roundId] } : {})
    setBusy(null)
    if (!result.ok) return setError(errorText(t, result.error.code))
    setProposals(result.data.themes)
    setAnnouncement(t('gather.suggested', { count: result.data.themes.length }))
  }
  const sortRest = async () => {
    setBusy('sort')
    setError(null)
    const result = await request(socket, 'gather:sortRest', roundId ? { roundIds: [roundId] } : {})
    setBusy(null)
    if (!result.ok) {
      return setError(
        result.error.code === 'bad_request' ? t('gather.sortNeedsSeeds') : errorText(t, result.error.code),
      )
    }
    setSorted(result.data)
    setAnnouncement(sortedText(t, result.data.proposals.length, result.data.unsure.length))
  }
  const acceptAllSorted = () => {
    if (!sorted) return
    doc.transact(() => {
      for (const p of sorted.proposals)
        if (model.themes.some((th) => th.id === p.themeId)) placePoint(doc, p.ref, p.themeId)
    })
    setAnnouncement(t('gather.acceptedAll', { count: sorted.proposals.length }))
    setSorted(null)
  }
  const acceptProposal = (proposal: ThemeProposal, title: string, refs: string[]) => {
    createTheme(doc, randomId(), title, refs)
    setProposals((list) =>
      list
        .map((p) => (p.id === proposal.id ? { ...p, refs: p.refs.filter((r) => !refs.includes(r)) } : p))
        .filter((p) => p.refs.length > 0),
    )
    setAnnouncement(t('gather.themeCreated', { title }))
  }
  const addTheme = (e: FormEvent) => {
    e.preventDefault()
    if (createTheme(doc, randomId(), newTheme)) {
      setAnnouncement(t('gather.themeCreated', { title: newTheme.trim() }))
      setNewTheme('')
    }
  }

  const shownDuplicates = new Set<string>()
  const votesOf = (themeId: string) =>
    live.vote?.tally && live.vote.status !== 'none' && live.vote.themes.some((v) => v.id === themeId)
      ? (live.vote.tally.totals[themeId] ?? 0)
      : null
  const pointCard = (ref: string) => {
    const item = model.unsorted.find((i) => i.ref === ref)
    return item ? (
      <PointCard
        key={item.ref}
        item={item}
        themes={model.themes}
        proposal={proposalOf.get(item.ref) ?? null}
        onMove={move}
        onUnmerge={(r) => unmergePoint(doc, r)}
      />
    ) : null
  }

  return (
    <div className="gather">
      <Filters
        board={board}
        roundId={roundId}
        onRound={setRoundId}
        filter={filter}
        onFilter={setFilter}
        onRefresh={load}
        loading={busy === 'load'}
      />
      <div className="gather-tools card">
        <button type="button" className="button" onClick={suggest} disabled={busy !== null || frozen}>
          {busy === 'suggest' ? t('gather.suggesting') : t('gather.suggest')}
        </button>
        <button type="button" className="button button-secondary" onClick={sortRest} disabled={busy !== null}>
          {busy === 'sort' ? t('gather.sorting') : t('gather.sortRest')}
        </button>
        <form className="inline-form new-theme" onSubmit={addTheme}>
          <label htmlFor={newThemeId} className="visually-hidden">
            {t('gather.newThemeLabel')}
          </label>
          <input
            id={newThemeId}
            type="text"
            value={newTheme}
            maxLength={120}
            placeholder={t('gather.newThemePlaceholder')}
            onChange={(e) => setNewTheme(e.target.value)}
            disabled={frozen}
          />
          <button type="submit" className="button button-secondary" disabled={frozen || !newTheme.trim()}>
            {t('gather.addTheme')}
          </button>
        </form>
        {frozen ? <p className="hint">{t('gather.frozenNote')}</p> : null}
      </div>
      {error ? (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      ) : null}
      {proposals.length > 0 ? (
        <SuggestionsPanel
          proposals={proposals}
          points={points}
          onAccept={frozen ? () => {} : acceptProposal}
          onIgnore={(p) => setProposals((list) => list.filter((x) => x.id !== p.id))}
        />
      ) : null}
      <div className="gather-grid">
        <section className="card unsorted" aria-labelledby={unsortedHeading}>
          <div className="section-head">
            <h2 id={unsortedHeading} tabIndex={-1}>
              {t('gather.unsorted')}
            </h2>
            <span className="muted small">{t('gather.pointCount', { count: model.unsorted.length })}</span>
          </div>
          {sorted && sorted.proposals.length > 0 ? (
            <div className="alert alert-info sort-note">
              <p>{sortedText(t, sorted.proposals.length, sorted.unsure.length)}</p>
              <button type="button" className="button button-small" onClick={acceptAllSorted}>
                {t('gather.acceptAll', { count: sorted.proposals.length })}
              </button>
            </div>
          ) : null}
          <DropList
            label={t('gather.unsorted')}
            onDropPoint={(ref) => move(ref, null)}
            empty={board.points.length === 0 ? t('gather.noPoints') : t('gather.allSorted')}
          >
            {model.unsorted.map((item) => {
              if (shownDuplicates.has(item.ref)) return null
              const set = model.duplicateOf.get(item.ref)
              if (!set) return pointCard(item.ref)
              for (const ref of set) shownDuplicates.add(ref)
              return (
                <li key={`dup-${item.ref}`} className="dup-set">
                  <div className="dup-head">
                    <span className="small">{t('gather.sameAt', { count: set.length })}</span>
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      onClick={() => {
                        mergePoints(doc, set)
                        setAnnouncement(t('gather.merged', { count: set.length }))
                      }}
                    >
                      {t('gather.merge')}
                      <span className="visually-hidden">: {item.point.text}</span>
                    </button>
                  </div>
                  <ul className="point-list">{set.map(pointCard)}</ul>
                </li>
              )
            })}
          </DropList>
        </section>
        <section className="themes" aria-labelledby={themesHeading}>
          <h2 id={themesHeading} tabIndex={-1} className="visually-hidden">
            {t('gather.themesHeading')}
          </h2>
          {model.themes.length === 0 ? (
            <div className="card empty-themes">
              <p>{t('gather.noThemes')}</p>
            </div>
          ) : null}
          {model.themes.map((theme) => (
            <ThemeCard
              key={theme.id}
              theme={theme}
              items={model.byTheme.get(theme.id) ?? []}
              themes={model.themes}
              votes={votesOf(theme.id)}
              frozen={frozen}
              onRename={(title) => renameTheme(doc, theme.id, title)}
              onSynthesis={(text) => setSynthesis(doc, theme.id, text)}
              onDelete={() => {
                deleteTheme(doc, theme.id)
                setAnnouncement(t('gather.themeDeleted', { title: theme.title || t('gather.untitled') }))
                setFocusRef(themesHeading)
              }}
              onMove={move}
              onUnmerge={(r) => unmergePoint(doc, r)}
            />
          ))}
        </section>
      </div>
      <div className="gather-bottom">
        <ActionItems doc={doc} actions={model.actions} themes={model.themes} />
        <VotePanel
          socket={socket}
          vote={live.vote}
          published={live.published}
          themeCount={model.themes.length}
          onVote={live.setVote}
        />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  )
}
