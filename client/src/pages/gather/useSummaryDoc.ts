import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { summaryDocName } from '../../../../shared/docNames.ts'
import { acquireDoc } from '../../net/docRegistry.ts'
import type { DocTunnel } from '../../net/docTunnel.ts'

/** Whether the summary has loaded, is live, or was closed for good by the server. */
export type SummaryStatus = 'loading' | 'synced' | 'closed'

/**
 * The session's summary document, shared with the other facilitators. `version` grows with every change from
 * anyone, so components derive what they show from the document with it as their memo key.
 */
export function useSummaryDoc(tunnel: DocTunnel | null, sessionId: string) {
  const [doc, setDoc] = useState<Y.Doc | null>(null)
  const [version, setVersion] = useState(0)
  const [status, setStatus] = useState<SummaryStatus>('loading')

  useEffect(() => {
    if (!tunnel) return
    const { handle, release } = acquireDoc(tunnel, summaryDocName(sessionId))
    const bump = () => setVersion((v) => v + 1)
    const onSync = (synced: boolean) => synced && setStatus('synced')
    const onClosed = () => setStatus('closed')
    handle.doc.on('update', bump)
    handle.provider.on('sync', onSync)
    handle.provider.on('closed', onClosed)
    setDoc(handle.doc)
    setStatus(handle.provider.synced ? 'synced' : 'loading')
    bump()
    return () => {
      handle.doc.off('update', bump)
      handle.provider.off('sync', onSync)
      handle.provider.off('closed', onClosed)
      setDoc(null)
      release()
    }
  }, [tunnel, sessionId])

  return { doc, version, status }
}
