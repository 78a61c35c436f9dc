import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { Loading } from './components/Status';
import { CaseDetailPage } from './pages/cases/CaseDetailPage';
import { CaseListPage } from './pages/cases/CaseListPage';
import { HomePage } from './pages/home/HomePage';
import { LoginPage } from './pages/login/LoginPage';
import { WorkbenchPage } from './pages/workbench/WorkbenchPage';
import { RequireSession } from './session/session';

// Only administrators open these screens: their code is a chunk of its own.
const AdminRoutes = lazy(() => import('./pages/admin/AdminRoutes'));

/** The console's screens; everything but /login needs a session. */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
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
