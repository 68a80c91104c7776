/**
 * The least a server can do on Convene's design: the Socket.IO relay's transport (the tunnel, the wire parser, the
 * pre-encoded frames), plus what the issue asks of every change: stored in Convene's SQLite store (its group commit)
 * before anyone sees it, and applied to the server's copy of the document, as y-websocket's server applies it. Nothing
 * is authorised, checked or stamped; no stored notices, no awareness guard, nothing kept per member.
 *
 * Beside y-websocket it shows what the required work costs on this transport; beside Convene, what Convene's own
 * rules and notices add to it.
 */
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { createSqliteStore } from '../../server/store/sqlite/index.ts'
import { DOC_MESSAGE, encodeSyncMessage } from '../../shared/docMessages.ts'
import { serveTunnelPeer, type Tunnel } from './tunnelPeer.ts'

const store = createSqliteStore(process.env.SQLITE_FILE as string)
const docs = new Map<string, Y.Doc>()

function docOf(name: string): Y.Doc {
  let doc = docs.get(name)
  if (!doc) {
    doc = new Y.Doc()
    docs.set(name, doc)
  }
  return doc
}

async function receive(tunnel: Tunnel, name: string, id: string, message: Uint8Array): Promise<void> {
  const decoder = decoding.createDecoder(message)
  if (decoding.readVarUint(decoder) !== DOC_MESSAGE.sync) {
    tunnel.send(tunnel.othersIn(name, id), name, message)
    return
  }
  const syncType = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  const doc = docOf(name)
  if (syncType === syncProtocol.messageYjsSyncStep1) {
    tunnel.send(
      [id],
      name,
      encodeSyncMessage((e) => syncProtocol.writeSyncStep2(e, doc, payload)),
    )
    return
  }
  await store.docs.append(name, [payload])
  Y.applyUpdate(doc, payload, id)
  tunnel.send(
    tunnel.othersIn(name, id),
    name,
    encodeSyncMessage((e) => syncProtocol.writeUpdate(e, payload)),
  )
}

serveTunnelPeer({
  opened(tunnel, name, id) {
    tunnel.send(
      [id],
      name,
      encodeSyncMessage((e) => syncProtocol.writeSyncStep1(e, docOf(name))),
    )
  },
  message(tunnel, name, id, message) {
    receive(tunnel, name, id, message).catch((err: unknown) => console.error(err))
  },
  emptied(name) {
    docs.get(name)?.destroy()
    docs.delete(name)
  },
  stopped: () => store.close(),
})
