/** Hocuspocus 3.4 as a peer: in memory, or with its SQLite extension when SQLITE_FILE is set. */
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'

const port = Number(process.env.PORT)
const file = process.env.SQLITE_FILE
const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: file ? [new SQLite({ database: file })] : [],
})
await server.listen()
const stop = () => {
  server.destroy().finally(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
