import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/admin/org';
import { useCreateUser, useUpdateUser, useUsers, type AdminUser } from '../../api/admin/users';
import { ErrorMessage, Loading } from '../../components/Status';
import { useDebounced } from '../../components/useDebounced';
import { asRole, navByRole, type Role } from '../../session/nav';
import { ConfirmButton, Field, UnitPicker } from './parts';

const roles = Object.keys(navByRole).map(asRole);

/** 用户与角色: accounts in the administrator's subtree; create, change role or unit, reset password, deactivate. */
export function UsersPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const q = useDebounced(text.trim(), 250);
  const users = useUsers({ ...(q ? { q } : {}), ...(role ? { role } : {}), limit: 100 });
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('admin.section.users')}</h1>
      <CreateUser />
      <h2>{t('admin.users.list')}</h2>
      <div className="row filters" role="search">
        <Field label={t('admin.users.search')}>
          {(id) => <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <Field label={t('admin.users.role')}>
          {(id) => (
            <select id={id} value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
              <option value="">{t('common.all')}</option>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {users.isPending && <Loading />}
      {users.isError && <ErrorMessage error={users.error} />}
      {users.data && (
        <table className="cases" data-testid="user-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.users.username')}</th>
              <th scope="col">{t('admin.users.displayName')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.unit')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((u) => (
              <UserRow
                key={u.id}
                user={u}
                editing={editing === u.id}
                onEdit={(on) => setEditing(on ? u.id : null)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CreateUser() {
  const { t } = useTranslation();
  const empty = { username: '', displayName: '', password: '', phone: '' };
  const [form, setForm] = useState(empty);
  const [role, setRole] = useState<Role>('handler');
  const [unit, setUnit] = useState<Unit | null>(null);
  const create = useCreateUser();
  const [created, setCreated] = useState<string | null>(null);
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        password: form.password,
        role,
        ...(unit && role !== 'citizen' ? { unitId: unit.id } : {}),
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      },
      {
        onSuccess: (u) => {
          setCreated(u.username);
          setForm(empty);
        },
      },
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-user-title" data-testid="create-user">
      <h2 id="new-user-title">{t('admin.users.create')}</h2>
      <div className="fields">
        <Field label={t('admin.users.username')}>
          {(id) => (
            <input id={id} value={form.username} onChange={set('username')} required autoComplete="off" />
          )}
        </Field>
        <Field label={t('admin.users.displayName')}>
          {(id) => <input id={id} value={form.displayName} onChange={set('displayName')} required />}
        </Field>
        <Field label={t('admin.users.password')}>
          {(id) => (
            <input
              id={id}
              type="password"
              value={form.password}
              onChange={set('password')}
              minLength={8}
              required
              autoComplete="new-password"
            />
          )}
        </Field>
        <Field label={t('admin.users.phone')}>
          {(id) => <input id={id} value={form.phone} onChange={set('phone')} inputMode="tel" />}
        </Field>
        <Field label={t('admin.users.role')}>
          {(id) => (
            <select id={id} value={role} onChange={(e) => setRole(asRole(e.target.value))}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {role !== 'citizen' && <UnitPicker label={t('admin.users.unit')} value={unit} onChange={setUnit} />}
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('admin.users.createSubmit')}
        </button>
        {created && (
          <span className="ok" role="status">
            {t('admin.users.created', { username: created })}
          </span>
        )}
      </div>
      {create.isError && <ErrorMessage error={create.error} />}
    </form>
  );
}

function UserRow({
  user,
  editing,
  onEdit,
}: {
  user: AdminUser;
  editing: boolean;
  onEdit: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [role, setRole] = useState<Role>(asRole(user.role));
  const [unit, setUnit] = useState<Unit | null>(null);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const save = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      {
        id: user.id,
        body: {
          ...(role !== user.role ? { role } : {}),
          ...(unit ? { unitId: unit.id } : {}),
          ...(password ? { password } : {}),
        },
      },
      {
        onSuccess: () => {
          setDone(password ? t('admin.users.passwordReset') : t('admin.saved'));
          setPassword('');
          onEdit(false);
        },
      },
    );
  };
  return (
    <>
      <tr className={user.active ? undefined : 'inactive'} data-testid={`user-${user.username}`}>
        <td>{user.username}</td>
        <td>{user.displayName}</td>
        <td>{t(`role.${asRole(user.role)}`)}</td>
        <td>{user.unit?.name ?? t('common.none')}</td>
        <td>{user.active ? t('admin.active') : t('admin.inactive')}</td>
        <td>
          <div className="row">
            <button type="button" className="link" onClick={() => onEdit(!editing)}>
              {t('admin.edit')}
            </button>
            {user.active ? (
              <ConfirmButton
                label={t('admin.deactivate')}
                confirmLabel={t('admin.confirmDeactivate')}
                onConfirm={() => update.mutate({ id: user.id, body: { active: false } })}
              />
            ) : (
              <button type="button" onClick={() => update.mutate({ id: user.id, body: { active: true } })}>
                {t('admin.activate')}
              </button>
            )}
            {done && (
              <span className="ok" role="status">
                {done}
              </span>
            )}
          </div>
        </td>
      </tr>
      {(editing || update.isError) && (
        <tr>
          <td colSpan={6}>
            {editing && (
              <form
                className="row inline-form"
                onSubmit={save}
                aria-label={t('admin.users.editTitle', { name: user.username })}
              >
                <Field label={t('admin.users.role')}>
                  {(id) => (
                    <select id={id} value={role} onChange={(e) => setRole(asRole(e.target.value))}>
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <UnitPicker label={t('admin.users.newUnit')} value={unit} onChange={setUnit} />
                <Field label={t('admin.users.newPassword')}>
                  {(id) => (
                    <input
                      id={id}
                      type="password"
                      value={password}
                      minLength={8}
                      onChange={(e) => setPassword(e.target.value)}
                      autoComplete="new-password"
                    />
                  )}
                </Field>
                <button
                  type="submit"
                  className="primary"
                  disabled={update.isPending || (role === user.role && !unit && !password)}
                >
                  {t('admin.save')}
                </button>
                <button type="button" onClick={() => onEdit(false)}>
                  {t('admin.cancel')}
                </button>
              </form>
            )}
            {update.isError && <ErrorMessage error={update.error} />}
          </td>
        </tr>
      )}
    </>
  );
}
