/** What `h` takes for attributes: a value sets the attribute (true as an empty one), `on<event>` a listener. */
export type Attributes = Record<
  string,
  string | number | boolean | null | undefined | ((event: Event) => void)
>

/** A child of `h`: a node, text (written as text, never parsed as markup), or nothing. */
export type Child = Node | string | null | undefined | false

/**
 * Makes an element, the way JSX would, for the light pages that run without React. Text is never parsed as HTML,
 * so a session's title or welcome cannot inject markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value)
    else if (value === true) element.setAttribute(name, '')
    else if (value !== false && value !== null && value !== undefined)
      element.setAttribute(name, String(value))
  }
  for (const child of children) if (child) element.append(child)
  return element
}

/** Runs `task` when the browser is idle (soon, at the latest), so warming caches never delays what a person sees. */
export function whenIdle(task: () => void, timeoutMs = 1000): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(task, { timeout: timeoutMs })
  else setTimeout(task, 50)
}
