import { h } from './dom.ts'
import { tx } from './text.ts'

/** The page frame, drawn as the app's Shell draws it: a quiet header with the name, then the main region. */
export function shell(...content: Node[]): Node[] {
  return [
    h(
      'header',
      { class: 'app-header' },
      h(
        'a',
        { href: '/', class: 'brand' },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true' }),
        tx('app.name'),
      ),
    ),
    h('main', { class: 'page' }, ...content),
  ]
}

/** A whole-page state (loading, ended, error) with a heading, maybe a sentence and actions, as the app's StateScreen. */
export function stateScreen(state: { title: Text; body?: Text; busy?: boolean; actions?: Node[] }): Node[] {
  return shell(
    h(
      'div',
      { class: 'state', 'aria-busy': state.busy ? 'true' : undefined },
      state.busy ? h('div', { class: 'spinner', 'aria-hidden': 'true' }) : null,
      h('h1', {}, state.title),
      state.body ? h('p', { class: 'muted' }, state.body) : null,
      state.actions ? h('div', { class: 'actions' }, ...state.actions) : null,
    ),
  )
}
