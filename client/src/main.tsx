import { mountApp } from './boot.tsx'

// index.html: every page but the home and join pages, which client/join.html serves without React.
const root = document.getElementById('root')
if (root) void mountApp(root)
