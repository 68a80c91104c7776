import { useCallback, useEffect, useState } from 'react'
import { parkingDocName } from '../../../shared/docNames.ts'
import { addParkingItem, type ParkingItem, parkingItems } from '../../../shared/parkingLot.ts'
import { acquireDoc, type DocHandle } from './docRegistry.ts'
import type { DocTunnel } from './docTunnel.ts'
import { randomId } from './ids.ts'

/** Whether the parking lot has loaded, is live, or was closed for good by the server. */
export type DocStatus = 'loading' | 'synced' | 'closed'

/** The session's parking lot: its items, live, and a way to add one. */
export function useParkingLot(tunnel: DocTunnel | null, sessionId: string) {
  const [handle, setHandle] = useState<DocHandle | null>(null)
  const [items, setItems] = useState<ParkingItem[]>([])
  const [status, setStatus] = useState<DocStatus>('loading')

  useEffect(() => {
    if (!tunnel) return
    const { handle, release } = acquireDoc(tunnel, parkingDocName(sessionId))
    const list = parkingItems(handle.doc)
    const refresh = () => setItems(list.toArray())
    const onSync = (synced: boolean) => synced && setStatus('synced')
    const onClosed = () => setStatus('closed')
    list.observe(refresh)
    handle.provider.on('sync', onSync)
    handle.provider.on('closed', onClosed)
    setHandle(handle)
    refresh()
    setStatus(handle.provider.synced ? 'synced' : 'loading')
    return () => {
      list.unobserve(refresh)
      handle.provider.off('sync', onSync)
      handle.provider.off('closed', onClosed)
      setHandle(null)
      release()
    }
  }, [tunnel, sessionId])

  const add = useCallback(
    (text: string) => (handle ? addParkingItem(handle.doc, text, randomId()) : false),
    [handle],
  )
  return { items, status, add, ready: handle !== null }
}
