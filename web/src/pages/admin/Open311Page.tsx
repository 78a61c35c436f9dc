import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateOpen311Client, useOpen311Clients, useRevokeOpen311Client } from '../../api/admin/clients';
import { ErrorMessage, Loading } from '../../components/Status';
import { ConfirmButton, Field, ShownOnce } from './parts';

/** Open311 API clients: issue a key (shown once), list, revoke. */
export function Open311Page() {
  const { t } = useTranslation();
  const clients = useOpen311Clients();
  const create = useCreateOpen311Client();
  const revoke = useRevokeOpen311Client();
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<{ name: string; apiKey: string } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: (c) => {
        setIssued({ name: c.name, apiKey: c.apiKey });
        setName('');
      },
    });
  };
  return (
    <section aria-labelledby="o311-title">
      <h1 id="o311-title">{t('admin.section.open311')}</h1>
      <p className="muted">{t('admin.open311.hint')}</p>
      <form className="row card" onSubmit={submit} data-testid="create-client">
        <Field label={t('admin.open311.name')}>
          {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('admin.open311.issue')}
        </button>
        {create.isError && <ErrorMessage error={create.error} />}
      </form>
      {issued && (
        <ShownOnce
          title={t('admin.open311.keyFor', { name: issued.name })}
          value={issued.apiKey}
          onDone={() => setIssued(null)}
        />
      )}
      {clients.isPending && <Loading />}
      {clients.isError && <ErrorMessage error={clients.error} />}
      {revoke.isError && <ErrorMessage error={revoke.error} />}
      {clients.data && (
        <table className="cases" data-testid="client-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.open311.name')}</th>
              <th scope="col">{t('admin.open311.jurisdiction')}</th>
              <th scope="col">{t('admin.created')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {clients.data.map((c) => (
              <tr key={c.id} data-testid={`client-${c.name}`} className={c.active ? undefined : 'inactive'}>
                <td>{c.name}</td>
                <td>{c.jurisdictionId}</td>
                <td>{new Date(c.createdAt).toLocaleString()}</td>
                <td>
                  {c.active
                    ? t('admin.active')
                    : t('admin.revokedAt', { at: new Date(c.revokedAt ?? c.createdAt).toLocaleString() })}
                </td>
                <td>
                  {c.active && (
                    <ConfirmButton
                      label={t('admin.revoke')}
                      confirmLabel={t('admin.confirmRevoke')}
                      onConfirm={() => revoke.mutate(c.id)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
