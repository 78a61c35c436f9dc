import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useLogin } from '../../api/auth';
import { ApiError, sessionToken } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ErrorMessage } from '../../components/Status';

/** 登录: username and password → a session token (POST /api/auth/login). */
export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (sessionToken.get() && !login.isPending) return <Navigate to={from} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username, password }, { onSuccess: () => void navigate(from, { replace: true }) });
  };
  const wrongCredentials = login.error instanceof ApiError && login.error.status === 401;
  return (
    <main id="main" className="login">
      <form onSubmit={submit} className="card" aria-labelledby="login-title">
        <div className="row spread">
          <h1 id="login-title">{t('login.title')}</h1>
          <LanguageSwitch />
        </div>
        <label htmlFor="username">{t('login.username')}</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="password">{t('login.password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {wrongCredentials ? (
          <p className="error" role="alert">
            {t('login.failed')}
          </p>
        ) : (
          login.error && <ErrorMessage error={login.error} />
        )}
        <button type="submit" className="primary" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
        <Link to="/portal">{t('portal.entry')}</Link>
      </form>
    </main>
  );
}
