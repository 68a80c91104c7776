import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Shell } from './Shell.tsx'

/** The icons a state screen can show; drawn inline, since emoji fonts are not everywhere. */
export type StateIconName = 'done' | 'stop'

function StateIcon({ name }: { name: StateIconName }) {
  return (
    <svg className={`state-icon state-icon-${name}`} viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" fill="currentColor" opacity="0.14" />
      {name === 'done' ? (
        <path
          d="M14 25l7 7 13-15"
          fill="none"
          stroke="currentColor"
          strokeWidth="4"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ) : (
        <path d="M15 24h18" fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
      )}
    </svg>
  )
}

/** A whole-page state (loading, ended, removed, error) with a heading, a sentence and maybe an action. */
export function StateScreen({
  title,
  body,
  icon,
  action,
  busy,
}: {
  title: string
  body?: ReactNode
  icon?: StateIconName
  action?: ReactNode
  busy?: boolean
}) {
  return (
    <Shell>
      <div className="state" aria-busy={busy || undefined}>
        {busy ? <div className="spinner" aria-hidden="true" /> : null}
        {icon ? <StateIcon name={icon} /> : null}
        <h1>{title}</h1>
        {body ? <p className="muted">{body}</p> : null}
        {action ? <div className="actions">{action}</div> : null}
      </div>
    </Shell>
  )
}

/** The loading face of a page. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation()
  return <StateScreen busy title={label ?? t('common.loading')} />
}
