import { lazy, Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Switch } from 'wouter'
import { type LazyArea, loadArea } from './i18n/index.ts'
import { Loading, StateScreen } from './ui/StateScreen.tsx'

/** A page that also shows a lazy catalogue area: its code and its messages download together. */
const withArea =
  <T,>(area: LazyArea, load: () => Promise<T>) =>
  (): Promise<T> =>
    Promise.all([loadArea(area), load()]).then(([, page]) => page)

// Every page is its own chunk; a phone arrives from the light join page (client/join.html) and loads only its own.
const ParticipantPage = lazy(() => import('./pages/ParticipantPage.tsx'))
const CreatePage = lazy(() => import('./pages/CreatePage.tsx'))
const FacilitatorPage = lazy(withArea('organizer', () => import('./pages/FacilitatorPage.tsx')))
const ProjectorPage = lazy(() => import('./pages/ProjectorPage.tsx'))
const TableCardsPage = lazy(() => import('./pages/run/TableCardsPage.tsx'))
const GatherPage = lazy(() => import('./pages/gather/GatherPage.tsx'))
const OrganizerPage = lazy(withArea('organizer', () => import('./pages/organizer/OrganizerPage.tsx')))
const PublicSummaryPage = lazy(withArea('organizer', () => import('./pages/organizer/PublicSummaryPage.tsx')))
const ArchiveListPage = lazy(withArea('organizer', () => import('./pages/organizer/ArchiveListPage.tsx')))
const AdminPage = lazy(withArea('organizer', () => import('./pages/organizer/AdminPage.tsx')))

function NotFound() {
  const { t } = useTranslation()
  return <StateScreen title={t('notFound.title')} body={t('notFound.body')} />
}

/**
 * The home and join pages are the light pages of client/join.html, which the server sends for `/` and `/j/…`:
 * arriving there inside the app (the header's home link, Back after joining) loads them from the server.
 */
function LightPage() {
  useEffect(() => window.location.reload(), [])
  return <Loading />
}

/** The routes. */
export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/" component={LightPage} />
        <Route path="/j/:code" component={LightPage} />
        <Route path="/s/:sessionId" component={ParticipantPage} />
        <Route path="/new" component={CreatePage} />
        <Route path="/f/:sessionId" component={FacilitatorPage} />
        <Route path="/f/:sessionId/cards" component={TableCardsPage} />
        <Route path="/f/:sessionId/gather" component={GatherPage} />
        <Route path="/p/:sessionId" component={ProjectorPage} />
        <Route path="/f/:sessionId/archive" component={OrganizerPage} />
        <Route path="/o/:sessionId" component={OrganizerPage} />
        <Route path="/w/:sessionId" component={PublicSummaryPage} />
        <Route path="/archive" component={ArchiveListPage} />
        <Route path="/admin" component={AdminPage} />
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  )
}
