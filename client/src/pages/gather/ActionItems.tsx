import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import {
  addAction,
  deleteAction,
  type SummaryAction,
  type SummaryTheme,
  updateAction,
} from '../../../../shared/summary.ts'
import { randomId } from '../../net/ids.ts'

/** Action items: what happens next, who owns it, by when, under which theme. */
export function ActionItems({
  doc,
  actions,
  themes,
}: {
  doc: Y.Doc
  actions: SummaryAction[]
  themes: SummaryTheme[]
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const ids = { text: useId(), owner: useId(), due: useId(), theme: useId() }
  const [draft, setDraft] = useState({ text: '', owner: '', due: '', themeId: '' })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (addAction(doc, randomId(), draft)) setDraft({ text: '', owner: '', due: '', themeId: draft.themeId })
  }
  return (
    <section className="card actions-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('gather.actionsHeading')}</h2>
      {actions.length === 0 ? <p className="muted">{t('gather.actionsEmpty')}</p> : null}
      {actions.length > 0 ? (
        <ul className="action-list">
          {actions.map((action) => (
            <ActionRow key={action.id} doc={doc} action={action} themes={themes} />
          ))}
        </ul>
      ) : null}
      <form className="action-form" onSubmit={submit}>
        <h3 className="small-heading">{t('gather.actionAdd')}</h3>
        <div className="field">
          <label htmlFor={ids.text}>{t('gather.actionText')}</label>
          <input
            id={ids.text}
            type="text"
            value={draft.text}
            maxLength={500}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          />
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor={ids.owner}>{t('gather.actionOwner')}</label>
            <input
              id={ids.owner}
              type="text"
              value={draft.owner}
              maxLength={120}
              placeholder={t('gather.actionOwnerHint')}
              onChange={(e) => setDraft({ ...draft, owner: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.due}>{t('gather.actionDue')}</label>
            <input
              id={ids.due}
              type="date"
              value={draft.due}
              onChange={(e) => setDraft({ ...draft, due: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.theme}>{t('gather.actionTheme')}</label>
            <select
              id={ids.theme}
              value={draft.themeId}
              onChange={(e) => setDraft({ ...draft, themeId: e.target.value })}
            >
              <option value="">{t('gather.noTheme')}</option>
              {themes.map((theme) => (
                <option key={theme.id} value={theme.id}>
                  {theme.title || t('gather.untitled')}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className="button" disabled={!draft.text.trim()}>
          {t('gather.actionAddButton')}
        </button>
      </form>
    </section>
  )
}

function ActionRow({ doc, action, themes }: { doc: Y.Doc; action: SummaryAction; themes: SummaryTheme[] }) {
  const { t } = useTranslation()
  const ids = { text: useId(), owner: useId(), due: useId(), theme: useId() }
  return (
    <li className="action-row">
      <div className="field">
        <label htmlFor={ids.text} className="small">
          {t('gather.actionText')}
        </label>
        <input
          id={ids.text}
          type="text"
          value={action.text}
          maxLength={500}
          onChange={(e) => updateAction(doc, action.id, { text: e.target.value })}
        />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={ids.owner} className="small">
            {t('gather.actionOwner')}
          </label>
          <input
            id={ids.owner}
            type="text"
            value={action.owner}
            maxLength={120}
            onChange={(e) => updateAction(doc, action.id, { owner: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.due} className="small">
            {t('gather.actionDue')}
          </label>
          <input
            id={ids.due}
            type="date"
            value={action.due}
            onChange={(e) => updateAction(doc, action.id, { due: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.theme} className="small">
            {t('gather.actionTheme')}
          </label>
          <select
            id={ids.theme}
            value={action.themeId}
            onChange={(e) => updateAction(doc, action.id, { themeId: e.target.value })}
          >
            <option value="">{t('gather.noTheme')}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.title || t('gather.untitled')}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={() => deleteAction(doc, action.id)}
      >
        {t('gather.actionDelete')}
        <span className="visually-hidden">: {action.text}</span>
      </button>
    </li>
  )
}
