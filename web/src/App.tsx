import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { CaseDetailPage } from './pages/cases/CaseDetailPage';
import { CaseListPage } from './pages/cases/CaseListPage';
import { DispatchPage } from './pages/dispatch/DispatchPage';
import { HomePage } from './pages/home/HomePage';
import { LoginPage } from './pages/login/LoginPage';
import { SupervisePage } from './pages/supervise/SupervisePage';
import { WorkbenchPage } from './pages/workbench/WorkbenchPage';
import { RequireSession } from './session/session';

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
        <Route path="dispatch" element={<DispatchPage />} />
        <Route path="supervise" element={<SupervisePage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
