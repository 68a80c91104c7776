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
import { Field } from '../../ui/Field.tsx'

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
        <ActionFields
          action={draft}
          themes={themes}
          ownerPlaceholder={t('gather.actionOwnerHint')}
          onChange={(change) => setDraft({ ...draft, ...change })}
        />
        <button type="submit" className="button" disabled={!draft.text.trim()}>
          {t('gather.actionAddButton')}
        </button>
      </form>
    </section>
  )
}

/** One action item, edited in place. */
function ActionRow({ doc, action, themes }: { doc: Y.Doc; action: SummaryAction; themes: SummaryTheme[] }) {
  const { t } = useTranslation()
  return (
    <li className="action-row">
      <ActionFields
        action={action}
        themes={themes}
        labelClassName="small"
        onChange={(change) => updateAction(doc, action.id, change)}
      />
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

type ActionDraft = Pick<SummaryAction, 'text' | 'owner' | 'due' | 'themeId'>

/** An action's text, owner, due date and theme fields, shared by the add form and each listed action. */
function ActionFields({
  action,
  themes,
  labelClassName,
  ownerPlaceholder,
  onChange,
}: {
  action: ActionDraft
  themes: SummaryTheme[]
  labelClassName?: string
  ownerPlaceholder?: string
  onChange: (change: Partial<ActionDraft>) => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <Field label={t('gather.actionText')} labelClassName={labelClassName}>
        {(id) => (
          <input
            id={id}
            type="text"
            value={action.text}
            maxLength={500}
            onChange={(e) => onChange({ text: e.target.value })}
          />
        )}
      </Field>
      <div className="row">
        <Field label={t('gather.actionOwner')} labelClassName={labelClassName}>
          {(id) => (
            <input
              id={id}
              type="text"
              value={action.owner}
              maxLength={120}
              placeholder={ownerPlaceholder}
              onChange={(e) => onChange({ owner: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('gather.actionDue')} labelClassName={labelClassName}>
          {(id) => (
            <input
              id={id}
              type="date"
              value={action.due}
              onChange={(e) => onChange({ due: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('gather.actionTheme')} labelClassName={labelClassName}>
          {(id) => (
            <select id={id} value={action.themeId} onChange={(e) => onChange({ themeId: e.target.value })}>
              <option value="">{t('gather.noTheme')}</option>
              {themes.map((theme) => (
                <option key={theme.id} value={theme.id}>
                  {theme.title || t('gather.untitled')}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </>
  )
}
