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
        <Route path="/p/:sessionId" component={ProjectorPage} />
        <Route component={NotFound} />
      </Switch>
    </Suspense>
  )
}
