import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { precompress } from './scripts/precompress.ts'
import { LIGHT_PAGE_PATH } from './server/http/staticClient.ts'

/** In `vite` dev, the server's routing: the light join page for `/` and `/j/<code>`, the app for the rest. */
const lightPagesInDev = (): Plugin => ({
  name: 'convene-light-pages',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const [path = '', query] = (req.url ?? '').split('?')
      if (LIGHT_PAGE_PATH.test(path)) req.url = `/join.html${query === undefined ? '' : `?${query}`}`
      next()
    })
  },
})

/** The head both pages share (the app's index.html and the light join.html), written once. */
const sharedHead = (): Plugin => ({
  name: 'convene-shared-head',
  transformIndexHtml: () =>
    [
      { charset: 'UTF-8' },
      { name: 'viewport', content: 'width=device-width, initial-scale=1, viewport-fit=cover' },
      { name: 'theme-color', content: '#1a4f9c' },
    ].map((attrs) => ({ tag: 'meta', attrs, injectTo: 'head-prepend' as const })),
})

/** One config for the client build and the three test projects. */
export default defineConfig({
  root: 'client',
  plugins: [react(), sharedHead(), lightPagesInDev(), precompress()],
  // One copy of yjs in the bundle, or documents and providers disagree about types.
  resolve: { dedupe: ['yjs', 'y-protocols', 'lib0'] },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      // Two pages: the light join page (home and /j/<code>, no React) and the app.
      input: {
        join: resolve(import.meta.dirname, 'client/join.html'),
        index: resolve(import.meta.dirname, 'client/index.html'),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'ws://localhost:3000', ws: true } },
  },
  test: {
    root: '.',
    projects: [
      { extends: true, test: { name: 'unit', root: '.', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          root: '.',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: '.',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // expect.poll waits for a page to catch up; its default second is less than a cold Chromium can take to
          // load a page on a fresh machine (CI saw a live view still loading after it).
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
})
