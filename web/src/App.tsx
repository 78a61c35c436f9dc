import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { Loading } from './components/Status';
import { CaseDetailPage } from './pages/cases/CaseDetailPage';
import { CaseListPage } from './pages/cases/CaseListPage';
import { DispatchPage } from './pages/dispatch/DispatchPage';
import { HomePage } from './pages/home/HomePage';
import { InboxPage } from './pages/inbox/InboxPage';
import { LoginPage } from './pages/login/LoginPage';
import { SupervisePage } from './pages/supervise/SupervisePage';
import { WorkbenchPage } from './pages/workbench/WorkbenchPage';
import { RequireSession } from './session/session';

// The citizen portal is a lazy chunk: the console's first load does not carry it.
const PortalPage = lazy(() => import('./pages/portal/PortalPage').then((m) => ({ default: m.PortalPage })));
// The cockpit carries ECharts: a chunk of its own, fetched when the screen is opened.
const CockpitPage = lazy(() => import('./pages/cockpit/CockpitPage'));

// Only administrators open these screens: their code is a chunk of its own.
const AdminRoutes = lazy(() => import('./pages/admin/AdminRoutes'));

/** The console's screens; everything but /login and the citizen portal (/portal) needs a session. */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/portal/*"
        element={
          <Suspense fallback={<Loading />}>
            <PortalPage />
          </Suspense>
        }
      />
      <Route
        path="/cockpit"
        element={
          <RequireSession>
            <Suspense fallback={<Loading />}>
              <CockpitPage />
            </Suspense>
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession>
            <Layout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="cases" element={<CaseListPage />} />
        <Route path="cases/:id" element={<CaseDetailPage />} />
        <Route path="workbench" element={<WorkbenchPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="dispatch" element={<DispatchPage />} />
        <Route path="supervise" element={<SupervisePage />} />
        <Route
          path="admin/*"
          element={
            <Suspense fallback={<Loading />}>
              <AdminRoutes />
            </Suspense>
          }
        />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
