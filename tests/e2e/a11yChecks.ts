import type { Page } from 'playwright-core'
import { seriousA11yViolations } from './support.ts'

/** The smallest touch target a participant's page may offer, in CSS pixels (WCAG 2.5.5's 44). */
export const TOUCH_TARGET_PX = 44

/** axe in the light and the dark colour scheme: serious and critical violations, named by scheme. */
export async function axeLightAndDark(page: Page, name: string): Promise<string[]> {
  const problems: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    // Colours that ease from one scheme to the other are read once they have arrived.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))))
    for (const v of await seriousA11yViolations(page)) problems.push(`${name} (${colorScheme}): ${v}`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return problems
}

/**
 * Every control a finger would touch that is smaller than 44×44 px. A checkbox or radio counts by its label (the
 * label is what you tap); a link inside a sentence is exempt (WCAG 2.5.8's inline exception).
 */
export function smallTouchTargets(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    ({ min, name }) => {
      const out: string[] = []
      const controls = document.querySelectorAll<HTMLElement>(
        'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [contenteditable="true"]',
      )
      for (const el of controls) {
        const style = getComputedStyle(el)
        if (style.visibility === 'hidden' || style.display === 'none') continue
        let target: HTMLElement = el
        if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))
          target = el.closest('label') ?? el
        if (el.tagName === 'A' && el.closest('p')) continue
        const box = target.getBoundingClientRect()
        // Not laid out, or visually hidden on purpose (the 1-px pattern).
        if (box.width <= 1 || box.height <= 1) continue
        if (box.width < min - 0.5 || box.height < min - 0.5) {
          const label = (
            el.getAttribute('aria-label') ??
            el.textContent ??
            el.getAttribute('name') ??
            ''
          ).trim()
          out.push(
            `${name}: ${el.tagName.toLowerCase()} "${label.slice(0, 40)}" is ${Math.round(box.width)}×${Math.round(box.height)}`,
          )
        }
      }
      return out
    },
    { min: TOUCH_TARGET_PX, name },
  )
}

/** Elements that still animate or transition when the person asked for reduced motion. */
export async function movingWithReducedMotion(page: Page, name: string): Promise<string[]> {
  await page.emulateMedia({ reducedMotion: 'reduce' })
  const moving = await page.evaluate((name) => {
    const seconds = (list: string) =>
      list
        .split(',')
        .map((v) => (v.trim().endsWith('ms') ? Number.parseFloat(v) / 1000 : Number.parseFloat(v)))
    const out: string[] = []
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(el, pseudo)
        const animated =
          style.animationName !== 'none' && seconds(style.animationDuration).some((s) => s > 0.01)
        const transitioned =
          style.transitionProperty !== 'none' && seconds(style.transitionDuration).some((s) => s > 0.01)
        if (animated || transitioned)
          out.push(`${name}: ${el.tagName.toLowerCase()}.${el.className}${pseudo ?? ''} still moves`)
      }
    }
    return out
  }, name)
  await page.emulateMedia({ reducedMotion: 'no-preference' })
  return moving
}

/** Whether the page scrolls sideways at its current size. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)
}

/**
 * Text zoomed to 200%: the page at 640 CSS px wide with twice the pixel density (a 1280-px screen at 200%) must
 * not scroll sideways, and each key control must be fully inside the page's width.
 */
export async function zoomProblems(page: Page, name: string, keyControls: string[]): Promise<string[]> {
  const before = page.viewportSize()
  await page.setViewportSize({ width: 640, height: 400 })
  const problems: string[] = []
  if (await scrollsSideways(page)) problems.push(`${name} at 200%: scrolls sideways`)
  for (const selector of keyControls) {
    const box = await page.locator(selector).first().boundingBox()
    if (!box || box.width < 1 || box.x < 0 || box.x + box.width > 641)
      problems.push(`${name} at 200%: ${selector} is cut off or missing`)
  }
  if (before) await page.setViewportSize(before)
  return problems
}

/** The zero-size focus ring check: after each Tab, the focused element shows an outline or a ring. */
export async function tabStopsWithoutFocusRing(page: Page, name: string, stops: number): Promise<string[]> {
  const out: string[] = []
  await page.locator('body').focus()
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab')
    const seen = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      const style = getComputedStyle(el)
      const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2
      const ringed = style.boxShadow !== 'none'
      return {
        ok: outlined || ringed,
        what: `${el.tagName.toLowerCase()}[${el.getAttribute('type')}#${el.id}] ${style.outlineStyle} ${style.outlineWidth} ${el.matches(':focus-visible')} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`,
      }
    })
    if (seen && !seen.ok) out.push(`${name}: ${seen.what} has no visible focus`)
  }
  return out
}
