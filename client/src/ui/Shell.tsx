import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'

/** The page frame: a quiet header with the name, optional things on its right, and the main region. */
export function Shell({ end, wide, children }: { end?: ReactNode; wide?: boolean; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <>
      <header className="app-header">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </Link>
        {end ? <div className="header-end">{end}</div> : null}
      </header>
      <main className={wide ? 'page page-wide' : 'page'}>{children}</main>
    </>
  )
}
