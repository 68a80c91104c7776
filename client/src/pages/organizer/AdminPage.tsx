import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AdminSessionRow } from '../../../../shared/archiveProtocol.ts'
import { Shell } from '../../ui/Shell.tsx'
import { formatBytes } from './download.ts'
import './organizer.css'

const TOKEN_KEY = 'convene:admin'

/** /admin — every session on the instance with its size and purge date, behind ADMIN_TOKEN. */
export default function AdminPage() {
  const { t, i18n } = useTranslation()
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '')
  const [rows, setRows] = useState<AdminSessionRow[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const tokenId = useId()

  const call = (path: string, init?: RequestInit) =>
    fetch(`/api/admin${path}`, { ...init, headers: { authorization: `Bearer ${token}` } })

  const load = async (event?: FormEvent) => {
    event?.preventDefault()
    setError(null)
    const res = await call('/sessions').catch(() => null)
    if (!res?.ok) {
      setRows(null)
      setError(res?.status === 404 ? t('organizer.admin.off') : t('organizer.admin.wrongToken'))
      return
    }
    sessionStorage.setItem(TOKEN_KEY, token)
    setRows(((await res.json()) as { sessions: AdminSessionRow[] }).sessions)
  }

  const remove = async (row: AdminSessionRow) => {
    if (!window.confirm(t('organizer.admin.confirmDelete', { title: row.title }))) return
    await call(`/sessions/${encodeURIComponent(row.id)}`, { method: 'DELETE' })
    await load()
  }

  const date = (ms: number) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(ms))
  return (
    <Shell wide>
      <h1>{t('organizer.admin.heading')}</h1>
      <form onSubmit={load} className="card">
        <div className="field">
          <label htmlFor={tokenId}>{t('organizer.admin.tokenLabel')}</label>
          <div className="inline-form">
            <input
              id={tokenId}
              type="password"
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
            <button type="submit" className="button">
              {t('organizer.admin.signIn')}
            </button>
          </div>
        </div>
        {error ? (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {rows ? (
        rows.length === 0 ? (
          <p className="card">{t('organizer.admin.empty')}</p>
        ) : (
          <section className="card">
            <p>
              {t('organizer.admin.total', {
                count: rows.length,
                size: formatBytes(
                  rows.reduce((n, r) => n + r.bytes, 0),
                  i18n.language,
                ),
              })}
            </p>
            <div className="table-wrap">
              <table className="admin-table">
                <thead>
                  <tr>
                    <th scope="col">{t('organizer.admin.columns.title')}</th>
                    <th scope="col">{t('organizer.admin.columns.status')}</th>
                    <th scope="col">{t('organizer.admin.columns.people')}</th>
                    <th scope="col">{t('organizer.admin.columns.size')}</th>
                    <th scope="col">{t('organizer.admin.columns.lastActive')}</th>
                    <th scope="col">{t('organizer.admin.columns.purge')}</th>
                    <th scope="col">{t('organizer.admin.columns.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <th scope="row">{row.title}</th>
                      <td>{t(`organizer.status.${row.status}`)}</td>
                      <td>{row.participants}</td>
                      <td>{formatBytes(row.bytes, i18n.language)}</td>
                      <td>{date(row.lastActivityAt)}</td>
                      <td>
                        {row.keep
                          ? t('organizer.admin.keep')
                          : row.purgeAt
                            ? date(row.purgeAt)
                            : t('organizer.admin.notClosed')}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button-danger button-small"
                          aria-label={t('organizer.admin.deleteLabel', { title: row.title })}
                          onClick={() => remove(row)}
                        >
                          {t('organizer.admin.delete')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )
      ) : null}
    </Shell>
  )
}
