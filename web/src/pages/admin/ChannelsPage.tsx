import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useChannels,
  useCreateChannel,
  useRevokeChannel,
  useRotateChannelSecret,
  useSetChannelActive,
  type CreateChannelBody,
} from '../../api/admin/clients';
import { ErrorMessage, Loading } from '../../components/Status';
import { ConfirmButton, Field, ShownOnce } from './parts';

const kinds: Array<CreateChannelBody['kind']> = [
  'webhook',
  'leader_board',
  'wechat',
  'app',
  'web',
  'email',
  'iot',
  'api',
];

/** A starting mapping: the payload's id and text; the administrator edits it to the channel's shape. */
const exampleMapping = JSON.stringify(
  { fields: { externalId: 'id', text: 'content', address: 'address' } },
  null,
  2,
);

/** 接入渠道: inbound webhooks; register (secret shown once), pause, rotate the secret, revoke. */
export function ChannelsPage() {
  const { t } = useTranslation();
  const channels = useChannels();
  const rotate = useRotateChannelSecret();
  const revoke = useRevokeChannel();
  const setActive = useSetChannelActive();
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const failed = rotate.error ?? revoke.error ?? setActive.error;
  return (
    <section aria-labelledby="ch-title">
      <h1 id="ch-title">{t('admin.section.channels')}</h1>
      <NewChannel onCreated={(c) => setSecret(c)} />
      {secret && (
        <ShownOnce
          title={t('admin.channels.secretFor', { name: secret.name })}
          value={secret.secret}
          onDone={() => setSecret(null)}
        />
      )}
      {channels.isPending && <Loading />}
      {channels.isError && <ErrorMessage error={channels.error} />}
      {failed && <ErrorMessage error={failed} />}
      {channels.data && channels.data.length === 0 && <p className="muted">{t('admin.channels.none')}</p>}
      {channels.data && channels.data.length > 0 && (
        <table className="cases" data-testid="channel-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.code')}</th>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.channels.kind')}</th>
              <th scope="col">{t('admin.channels.webhook')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {channels.data.map((c) => {
              const revoked = c.revokedAt !== null;
              return (
                <tr key={c.id} className={c.active && !revoked ? undefined : 'inactive'}>
                  <td>{c.code}</td>
                  <td>{c.name}</td>
                  <td>{c.kind}</td>
                  <td>
                    <code>{c.inboundPath}</code>
                  </td>
                  <td>
                    {revoked ? t('admin.revoked') : c.active ? t('admin.active') : t('admin.channels.paused')}
                  </td>
                  <td>
                    <div className="row">
                      {!revoked && (
                        <>
                          <button
                            type="button"
                            onClick={() => setActive.mutate({ id: c.id, active: !c.active })}
                          >
                            {c.active ? t('admin.channels.pause') : t('admin.channels.resume')}
                          </button>
                          <ConfirmButton
                            label={t('admin.channels.rotate')}
                            confirmLabel={t('admin.channels.confirmRotate')}
                            onConfirm={() =>
                              rotate.mutate(c.id, {
                                onSuccess: (r) => setSecret({ name: r.name, secret: r.secret }),
                              })
                            }
                          />
                          <ConfirmButton
                            label={t('admin.revoke')}
                            confirmLabel={t('admin.confirmRevoke')}
                            onConfirm={() => revoke.mutate(c.id)}
                          />
                        </>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function NewChannel({ onCreated }: { onCreated: (c: { name: string; secret: string }) => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CreateChannelBody['kind']>('webhook');
  const [mapping, setMapping] = useState(exampleMapping);
  const [callbackUrl, setCallbackUrl] = useState('');
  const [mappingError, setMappingError] = useState<string | null>(null);
  const create = useCreateChannel();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    let fieldMapping: CreateChannelBody['fieldMapping'];
    try {
      fieldMapping = JSON.parse(mapping) as CreateChannelBody['fieldMapping'];
    } catch {
      setMappingError(t('admin.channels.badJson'));
      return;
    }
    setMappingError(null);
    create.mutate(
      {
        code: code.trim(),
        name: name.trim(),
        kind,
        fieldMapping,
        ...(callbackUrl.trim() ? { callbackUrl: callbackUrl.trim() } : {}),
      },
      {
        onSuccess: (c) => {
          onCreated({ name: c.name, secret: c.secret });
          setCode('');
          setName('');
        },
      },
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-ch-title">
      <h2 id="new-ch-title">{t('admin.channels.create')}</h2>
      <div className="fields">
        <Field label={t('admin.code')}>
          {(id) => (
            <input
              id={id}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              required
              pattern="[a-z0-9-]{2,40}"
            />
          )}
        </Field>
        <Field label={t('admin.name')}>
          {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} required />}
        </Field>
        <Field label={t('admin.channels.kind')}>
          {(id) => (
            <select
              id={id}
              value={kind}
              onChange={(e) => setKind(e.target.value as CreateChannelBody['kind'])}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('admin.channels.callback')}>
          {(id) => (
            <input id={id} type="url" value={callbackUrl} onChange={(e) => setCallbackUrl(e.target.value)} />
          )}
        </Field>
        <Field label={t('admin.channels.mapping')}>
          {(id) => (
            <textarea
              id={id}
              rows={5}
              value={mapping}
              onChange={(e) => setMapping(e.target.value)}
              spellCheck={false}
            />
          )}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('admin.add')}
      </button>
      {mappingError && (
        <p className="error" role="alert">
          {mappingError}
        </p>
      )}
      {create.isError && <ErrorMessage error={create.error} />}
    </form>
  );
}
