import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GatherPoint, ThemeProposal } from '../../../../shared/summary.ts'

/**
 * The server's suggested themes. Each can be renamed, split (untick points: accepting takes only the ticked ones
 * and leaves the rest as a smaller suggestion), accepted or ignored.
 */
export function SuggestionsPanel({
  proposals,
  points,
  onAccept,
  onIgnore,
}: {
  proposals: ThemeProposal[]
  points: Map<string, GatherPoint>
  onAccept: (proposal: ThemeProposal, title: string, refs: string[]) => void
  onIgnore: (proposal: ThemeProposal) => void
}) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <section className="card suggestions" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('gather.suggestionsHeading')}</h2>
      <p className="muted small">{t('gather.suggestionsIntro')}</p>
      <ul className="suggestion-list">
        {proposals.map((proposal) => (
          <Suggestion
            key={proposal.id}
            proposal={proposal}
            points={points}
            onAccept={onAccept}
            onIgnore={onIgnore}
          />
        ))}
      </ul>
    </section>
  )
}

function Suggestion({
  proposal,
  points,
  onAccept,
  onIgnore,
}: {
  proposal: ThemeProposal
  points: Map<string, GatherPoint>
  onAccept: (proposal: ThemeProposal, title: string, refs: string[]) => void
  onIgnore: (proposal: ThemeProposal) => void
}) {
  const { t } = useTranslation()
  const nameId = useId()
  const [title, setTitle] = useState(proposal.label.charAt(0).toLocaleUpperCase() + proposal.label.slice(1))
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set())
  const ticked = proposal.refs.filter((ref) => !unticked.has(ref))
  const toggle = (ref: string) =>
    setUnticked((prev) => {
      const next = new Set(prev)
      if (next.has(ref)) next.delete(ref)
      else next.add(ref)
      return next
    })
  return (
    <li className="suggestion">
      <div className="field">
        <label htmlFor={nameId}>{t('gather.suggestionName')}</label>
        <input
          id={nameId}
          type="text"
          value={title}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
        />
        <span className="hint">{t('gather.tellingWords', { words: proposal.words.join(', ') })}</span>
      </div>
      <fieldset>
        <legend className="small">{t('gather.suggestionPoints', { count: proposal.refs.length })}</legend>
        {proposal.refs.map((ref) => (
          <label key={ref} className="choice small">
            <input type="checkbox" checked={!unticked.has(ref)} onChange={() => toggle(ref)} />
            <span>{points.get(ref)?.text ?? ref}</span>
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button
          type="button"
          className="button button-small"
          disabled={ticked.length === 0 || !title.trim()}
          onClick={() => {
            onAccept(proposal, title.trim(), ticked)
            setUnticked(new Set())
          }}
        >
          {ticked.length < proposal.refs.length ? t('gather.acceptSplit') : t('gather.accept')}
          <span className="visually-hidden">: {title}</span>
        </button>
        <button type="button" className="button button-quiet button-small" onClick={() => onIgnore(proposal)}>
          {t('gather.ignore')}
          <span className="visually-hidden">: {title}</span>
        </button>
      </div>
    </li>
  )
}
