import { createContext, useContext, useSyncExternalStore } from 'react'
import { type DocTunnel, latestTunnel, onTunnelChange } from './docTunnel.ts'

/** The page's document tunnel, for components deep in a page (such as group notes) that open documents. */
export const DocTunnelContext = createContext<DocTunnel | null>(null)

/** The tunnel passed in, else the one from context, else the page's newest (a page has one session socket). */
export function useDocTunnel(passed?: DocTunnel | null): DocTunnel | null {
  const fromContext = useContext(DocTunnelContext)
  const newest = useSyncExternalStore(onTunnelChange, latestTunnel)
  return passed ?? fromContext ?? newest
}
