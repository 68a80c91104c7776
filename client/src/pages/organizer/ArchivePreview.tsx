import { useTranslation } from 'react-i18next'
import type { SessionArchive } from '../../../../shared/archiveSchema.ts'

const provenance = (p: {
  roundTitle: string
  groupName: string
  sector: string | null
  name: string | null
}) => [p.roundTitle, p.groupName, p.sector, p.name].filter(Boolean).join(' · ')

/** The whole session, read-only, as it would be exported. Everything is rendered as text by React. */
export function ArchivePreview({ archive }: { archive: SessionArchive }) {
  const { t } = useTranslation()
  const { participation: part, summary } = archive
  return (
    <section className="card archive-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('organizer.preview.heading')}</h2>

      <h3>{t('organizer.preview.participation')}</h3>
      <p>{t('organizer.preview.people', { count: part.total })}</p>
      <ul>
        {part.bySector.map((s) => (
          <li key={s.sector}>
            {s.sector}: {s.count}
          </li>
        ))}
        {part.other > 0 ? (
          <li>
            {t('organizer.preview.other')}: {part.other}
          </li>
        ) : null}
      </ul>
      {part.names?.length ? (
        <p>
          {t('organizer.preview.names')}: {part.names.join(', ')}
        </p>
      ) : null}

      <h3>{t('organizer.preview.agenda')}</h3>
      <ol>
        {archive.agenda.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the agenda is fixed while shown
          <li key={i}>
            <strong>{r.title}</strong> ({t('organizer.preview.minutes', { count: r.durationMinutes })})
            <ul>
              {r.prompts.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>

      <h3>{t('organizer.preview.summary')}</h3>
      {summary.source === 'draft' ? <p className="muted">{t('organizer.preview.draft')}</p> : null}
      {summary.source === 'none' ? <p className="muted">{t('organizer.preview.none')}</p> : null}
      {summary.themes.map((theme, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: themes have no id in the archive
        <div key={i} className="preview-theme">
          <h4>
            {theme.title}
            {summary.votesCast > 0 ? (
              <span className="badge">{t('organizer.preview.votes', { count: theme.votes })}</span>
            ) : null}
          </h4>
          {theme.synthesis ? <p className="preview-text">{theme.synthesis}</p> : null}
          <ul>
            {theme.points.map((p, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: points have no id in the archive
              <li key={j}>
                <span className="pii-kind">{t(`organizer.preview.kinds.${p.kind}`)}</span> {p.text}
                <span className="muted small"> — {p.provenance.map(provenance).join('; ')}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {summary.actions.length ? (
        <>
          <h4>{t('organizer.preview.actions')}</h4>
          <ul>
            {summary.actions.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id in the archive
              <li key={i}>
                {a.text}
                <span className="muted small">
                  {a.owner ? ` — ${t('organizer.preview.owner')}: ${a.owner}` : ''}
                  {a.due ? ` — ${t('organizer.preview.due')}: ${a.due}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>{t('organizer.preview.notes')}</h3>
      {archive.notes.map((round, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rounds are fixed while shown
        <div key={i}>
          <h4>{round.roundTitle}</h4>
          {round.groups.map((group, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: groups are fixed while shown
            <div key={j} className="preview-group">
              <h5>{group.name}</h5>
              {group.points.length === 0 ? <p className="muted">{t('organizer.preview.noPoints')}</p> : null}
              <ul>
                {group.points.map((p, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: points are fixed while shown
                  <li key={k}>
                    <span className="pii-kind">{t(`organizer.preview.kinds.${p.kind}`)}</span> {p.text}
                    {p.author && (p.author.sector || p.author.name) ? (
                      <span className="muted small">
                        {' '}
                        — {[p.author.sector, p.author.name].filter(Boolean).join(' · ')}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
              {group.discussion ? (
                <>
                  <p className="small muted">{t('organizer.preview.discussion')}</p>
                  <p className="preview-text">{group.discussion}</p>
                </>
              ) : null}
            </div>
          ))}
        </div>
      ))}

      <h3>{t('organizer.preview.parkingLot')}</h3>
      {archive.parkingLot.length === 0 ? <p className="muted">{t('organizer.preview.empty')}</p> : null}
      <ul>
        {archive.parkingLot.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are fixed while shown
          <li key={i}>{item.text}</li>
        ))}
      </ul>
    </section>
  )
}
