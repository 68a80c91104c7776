import { useCallback, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { POINT_KINDS, type PointKind } from '../../../../shared/notes.ts'
import type { HiddenPointView } from '../../../../shared/protocol.ts'
import type { ClientSocket } from '../../net/docTunnel.ts'
import { request } from '../../net/request.ts'
import { errorText } from '../../ui/errorText.ts'
import { KindIcon } from './icons.tsx'

const asKind = (kind: string): PointKind =>
  (POINT_KINDS as readonly string[]).includes(kind) ? (kind as PointKind) : 'idea'

/** Facilitators: the key points hidden from this group, each with Restore. `version` reloads the list. */
export function HiddenPoints({
  socket,
  docName,
  version,
  announce,
}: {
  socket: ClientSocket | null
  docName: string
  version: number
  announce: (message: string) => void
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const [hidden, setHidden] = useState<HiddenPointView[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    if (!socket) return
    const result = await request(socket, 'notes:hidden', { doc: docName })
    if (result.ok) {
      setHidden(result.data)
      setError(null)
    } else setError(errorText(t, result.error.code))
  }, [socket, docName, t])

  useEffect(() => {
    void version
    void load()
  }, [load, version])

  const restore = async (pointId: string) => {
    if (!socket) return
    const result = await request(socket, 'notes:restore', { doc: docName, pointId })
    if (result.ok) announce(t('notes.moderation.restored'))
    else setError(errorText(t, result.error.code))
    await load()
  }

  return (
    <section className="hidden-points" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('notes.moderation.hidden')}</h3>
      {error ? <p className="alert alert-error">{error}</p> : null}
      {hidden === null ? null : hidden.length === 0 ? (
        <p className="muted small">{t('notes.moderation.noneHidden')}</p>
      ) : (
        <ul className="hidden-list">
          {hidden.map((h) => (
            <li key={h.pointId}>
              <KindIcon kind={asKind(h.kind)} />
              <span className="hidden-text">{h.text}</span>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={t('notes.moderation.restoreLabel', { text: h.text })}
                onClick={() => void restore(h.pointId)}
              >
                {t('notes.moderation.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
