// Preloaded into y-websocket's own server, which has no SIGTERM handler: exiting normally lets V8 write the
// --cpu-prof profile that a signal's default action would lose.
process.once('SIGTERM', () => process.exit(0))
