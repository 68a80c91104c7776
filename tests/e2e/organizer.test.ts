import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionArchiveSchema } from '../../shared/archiveSchema.ts'
import { browserSkipReason, LAPTOP, launchBrowser, PHONE } from '../helpers/browser.ts'
import { finishedSession, MARK } from '../integration/archiveSetup.ts'
import { checkPage } from './support.ts'

const skip = browserSkipReason()
const CLIENT_DIR = join(process.cwd(), 'dist/client')
const ADMIN_TOKEN = 'e2e-admin-token-0123456789'

describe.skipIf(skip)('the organizer link, the public summary and the archive pages, in Chromium', () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const cleanups: (() => unknown)[] = []
  const problems: string[] = []
  let s: Awaited<ReturnType<typeof finishedSession>>
  let organizer: Page
  let publicUrl = ''

  const person = async (options: typeof LAPTOP): Promise<Page> => {
    const context = await browser.newContext({ ...options, acceptDownloads: true })
    contexts.push(context)
    const page = await context.newPage()
    page.setDefaultTimeout(45_000)
    // No script people typed may ever run: any dialog fails the test.
    page.on('dialog', (dialog) => {
      problems.push(`unexpected dialog: ${dialog.message()}`)
      void dialog.dismiss()
    })
    return page
  }

  beforeAll(async () => {
    browser = await launchBrowser()
    s = await finishedSession(cleanups, {
      publish: true,
      deps: { clientDir: CLIENT_DIR, adminToken: ADMIN_TOKEN },
    })
  }, 180_000)

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {})
    await browser?.close()
    for (const fn of cleanups.splice(0).reverse()) await fn()
  })

  it('an organizer link reads the session, cannot run it, and exports all five formats', async () => {
    const base = s.server.baseUrl
    const sessionId = s.created.sessionId
    organizer = await person(LAPTOP)
    await organizer.goto(`${base}/o/${sessionId}#${s.organizerToken}`)
    await organizer.getByRole('heading', { level: 1, name: `Community Conversation ${MARK}` }).waitFor()
    // The secret left the address bar.
    expect(new URL(organizer.url()).hash).toBe('')
    await organizer.getByRole('heading', { name: 'What was said' }).waitFor()
    // What people typed shows as text: no element, no link made of it.
    await organizer.getByText('<script>alert(1)</script> [x](javascript:alert(2))').waitFor()
    expect(await organizer.locator('a[href^="javascript:"]').count()).toBe(0)
    expect(await organizer.locator('main script').count()).toBe(0)
    await organizer.getByText('=HYPERLINK("http://evil.example","x")').waitFor()
    // No control of the session: no round, agenda or status buttons, nothing editable.
    for (const name of [/start/i, /end round/i, /close session/i, /edit agenda/i, /open session/i]) {
      expect(await organizer.getByRole('button', { name }).count()).toBe(0)
    }
    expect(await organizer.locator('[contenteditable="true"]').count()).toBe(0)
    problems.push(...(await checkPage(organizer, 'laptop-organizer')))

    // Review personal details; keep everything ticked.
    await organizer.getByRole('button', { name: 'Check for personal details' }).click()
    const review = organizer.getByTestId('pii-review')
    await review.getByText('maria@example.org').waitFor()
    problems.push(...(await checkPage(organizer, 'laptop-organizer-review')))

    // Every format downloads completely.
    const formats = [
      ['markdown', 'Markdown', /\.md$/],
      ['docx', 'Word (DOCX)', /\.docx$/],
      ['pdf', 'PDF', /\.pdf$/],
      ['csv', 'Spreadsheet (CSV)', /\.csv$/],
      ['json', 'Archive (JSON)', /\.json$/],
    ] as const
    const files: Record<string, Buffer> = {}
    for (const [format, label, extension] of formats) {
      const button = organizer.getByRole('button', { name: `Download ${label}` })
      await expect.poll(() => button.isEnabled()).toBe(true)
      const [download] = await Promise.all([organizer.waitForEvent('download'), button.click()])
      expect(download.suggestedFilename()).toMatch(extension)
      expect(await download.failure()).toBeNull()
      files[format] = readFileSync((await download.path()) as string)
      await organizer.getByText(`${download.suggestedFilename()} downloaded.`).waitFor()
    }
    expect(files.pdf?.subarray(0, 5).toString()).toBe('%PDF-')
    expect(files.docx?.subarray(0, 2).toString()).toBe('PK')
    const archive = sessionArchiveSchema.parse(JSON.parse(files.json?.toString('utf8') ?? ''))
    expect(archive.session.title).toContain(MARK)
    // Redacted as reviewed: the email address is gone from every text format.
    for (const format of ['markdown', 'csv', 'json'])
      expect(files[format]?.toString('utf8')).not.toContain('maria@example.org')
    expect(files.markdown?.toString('utf8')).not.toMatch(/<script/i)
    problems.push(...(await checkPage(organizer, 'laptop-organizer-exported')))
    expect(problems).toEqual([])
  }, 240_000)

  it('the public link shows the published summary and nothing else, until it is turned off', async () => {
    const base = s.server.baseUrl
    const sessionId = s.created.sessionId
    await organizer.getByRole('button', { name: 'Turn on the public link' }).click()
    const link = organizer.getByTestId('public-link')
    await link.waitFor()
    publicUrl = (await link.getAttribute('href')) as string
    expect(publicUrl).toContain(`/w/${sessionId}#`)
    const visitor = await person(PHONE)
    await visitor.goto(publicUrl.replace(/^https?:\/\/[^/]+/, base))
    await visitor.getByRole('heading', { level: 1, name: `Community Conversation ${MARK}` }).waitFor()
    await visitor.getByRole('heading', { name: `Housing ${MARK}` }).waitFor()
    const text = (await visitor.locator('main').textContent()) ?? ''
    expect(text).toContain('More shelter beds')
    for (const hidden of [
      'Officer Diaz',
      'Pastor Ruth Okafor',
      'Law enforcement',
      'maria@example.org',
      'Trường',
      'Parking',
    ]) {
      expect(text).not.toContain(hidden)
    }
    problems.push(...(await checkPage(visitor, 'phone-public-summary')))
    await organizer.getByRole('button', { name: 'Turn off the public link' }).click()
    await organizer.getByText('The public link is off.').waitFor()
    await visitor.reload()
    await visitor.getByRole('heading', { name: 'This link does not work' }).waitFor()
    problems.push(...(await checkPage(visitor, 'phone-public-off')))
    expect(problems).toEqual([])
  }, 240_000)

  it('the archive and admin pages list the session; "Delete now" removes it', async () => {
    const base = s.server.baseUrl
    const sessionId = s.created.sessionId
    // The archive page lists the session this browser opened as organizer.
    await organizer.goto(`${base}/archive`)
    await organizer.getByRole('link', { name: `Community Conversation ${MARK}` }).waitFor()
    problems.push(...(await checkPage(organizer, 'laptop-archive')))

    // The admin page, behind its token.
    const admin = await person(LAPTOP)
    await admin.goto(`${base}/admin`)
    await admin.getByLabel('Admin token').fill('wrong')
    await admin.getByRole('button', { name: 'Show sessions' }).click()
    await admin.getByText('The admin token is not right.').waitFor()
    await admin.getByLabel('Admin token').fill(ADMIN_TOKEN)
    await admin.getByRole('button', { name: 'Show sessions' }).click()
    await admin.getByRole('rowheader', { name: `Community Conversation ${MARK}` }).waitFor()
    problems.push(...(await checkPage(admin, 'laptop-admin')))

    // Delete now, after typing the title.
    await organizer.goto(`${base}/o/${sessionId}`)
    await organizer.getByRole('button', { name: 'Delete this session now…' }).click()
    const confirm = organizer.getByRole('button', { name: 'Delete everything now' })
    expect(await confirm.isDisabled()).toBe(true)
    await organizer.getByLabel(/Type the session’s title to confirm/).fill(`Community Conversation ${MARK}`)
    problems.push(...(await checkPage(organizer, 'laptop-organizer-delete-confirm')))
    await confirm.click()
    await organizer.getByRole('heading', { name: 'The session was deleted.' }).waitFor()
    await expect.poll(async () => s.server.app.sessions.get(sessionId).catch(() => null)).toBeNull()

    expect(problems).toEqual([])
  }, 240_000)
})
