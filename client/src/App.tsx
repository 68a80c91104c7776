import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Switch } from 'wouter'
import { HomePage } from './pages/HomePage.tsx'
import { JoinPage } from './pages/JoinPage.tsx'
import { Loading, StateScreen } from './ui/StateScreen.tsx'

// Only the home and join pages ship in the first chunk: a phone on venue Wi-Fi loads as little as possible.
const ParticipantPage = lazy(() => import('./pages/ParticipantPage.tsx'))
const CreatePage = lazy(() => import('./pages/CreatePage.tsx'))
const FacilitatorPage = lazy(() => import('./pages/FacilitatorPage.tsx'))
const ProjectorPage = lazy(() => import('./pages/ProjectorPage.tsx'))
const TableCardsPage = lazy(() => import('./pages/run/TableCardsPage.tsx'))
const GatherPage = lazy(() => import('./pages/gather/GatherPage.tsx'))
const OrganizerPage = lazy(() => import('./pages/organizer/OrganizerPage.tsx'))
const PublicSummaryPage = lazy(() => import('./pages/organizer/PublicSummaryPage.tsx'))
const ArchiveListPage = lazy(() => import('./pages/organizer/ArchiveListPage.tsx'))
const AdminPage = lazy(() => import('./pages/organizer/AdminPage.tsx'))

function NotFound() {
  const { t } = useTranslation()
  return <StateScreen title={t('notFound.title')} body={t('notFound.body')} />
}

/** The routes. */
export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/j/:code" component={JoinPage} />
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
