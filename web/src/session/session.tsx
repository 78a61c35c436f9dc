import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMe, type SessionUser } from '../api/auth';
import { onSessionExpired, sessionToken } from '../api/client';
import { Loading, ErrorMessage } from '../components/Status';
import { asRole, type Role } from './nav';

interface Session {
  user: SessionUser;
  role: Role;
}

const SessionContext = createContext<Session | null>(null);

/** The logged-in user; only inside <RequireSession>. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside RequireSession');
  return session;
}

/** Renders its children for a logged-in user, else sends the browser to /login (and back after). */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const me = useMe();
  useEffect(
    () =>
      onSessionExpired(() => {
        client.clear();
        void navigate('/login', { replace: true });
      }),
    [client, navigate],
  );
  if (!sessionToken.get())
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  return (
    <SessionContext.Provider value={{ user: me.data, role: asRole(me.data.role) }}>
      {children}
    </SessionContext.Provider>
  );
}
