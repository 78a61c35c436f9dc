import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateUnit,
  useUnitChildren,
  useUpdateUnit,
  type CreateUnitBody,
  type Unit,
} from '../../api/admin/org';
import { ErrorMessage, Loading } from '../../components/Status';
import { ConfirmButton, Field } from './parts';
import { PolygonImport } from './PolygonImport';

/** What an administrator may add under each kind (cities and districts come from the division import). */
const childKinds: Record<Unit['kind'], Array<CreateUnitBody['kind']>> = {
  city: ['department'],
  district: ['street', 'department'],
  street: ['community'],
  community: ['grid'],
  grid: [],
  department: [],
};

/** 组织机构: the org tree, opened level by level; add, rename, (de)activate. */
export function OrgPage() {
  const { t } = useTranslation();
  const roots = useUnitChildren(null);
  return (
    <section aria-labelledby="org-title">
      <h1 id="org-title">{t('admin.section.org')}</h1>
      <p className="muted">{t('admin.org.hint')}</p>
      {roots.isPending && <Loading />}
      {roots.isError && <ErrorMessage error={roots.error} />}
      {roots.data && (
        <ul className="tree" data-testid="org-tree">
          {roots.data.map((u) => (
            <UnitNode key={u.id} unit={u} initiallyOpen />
          ))}
        </ul>
      )}
      <PolygonImport />
    </section>
  );
}

function UnitNode({ unit, initiallyOpen = false }: { unit: Unit; initiallyOpen?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  const [mode, setMode] = useState<'view' | 'rename' | 'add'>('view');
  const children = useUnitChildren(unit.id, open);
  const update = useUpdateUnit();
  const leaf = unit.kind === 'grid';
  return (
    <li className={unit.active ? undefined : 'inactive'} data-testid={`unit-${unit.code}`}>
      <div className="row node">
        {leaf ? (
          <span className="twisty" aria-hidden="true" />
        ) : (
          <button
            type="button"
            className="twisty"
            aria-expanded={open}
            aria-label={t(open ? 'admin.collapse' : 'admin.expand', { name: unit.name })}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </button>
        )}
        <strong>{unit.name}</strong>
        <span className="badge">{t(`admin.kind.${unit.kind}`)}</span>
        <span className="muted">{unit.code}</span>
        {!unit.active && <span className="badge late">{t('admin.inactive')}</span>}
        <span className="actions row">
          <button
            type="button"
            className="link"
            onClick={() => setMode(mode === 'rename' ? 'view' : 'rename')}
          >
            {t('admin.rename')}
          </button>
          {childKinds[unit.kind].length > 0 && unit.active && (
            <button type="button" className="link" onClick={() => setMode(mode === 'add' ? 'view' : 'add')}>
              {t('admin.org.addChild')}
            </button>
          )}
          {unit.depth > 1 &&
            (unit.active ? (
              <ConfirmButton
                label={t('admin.deactivate')}
                confirmLabel={t('admin.confirmDeactivate')}
                onConfirm={() => update.mutate({ id: unit.id, body: { active: false } })}
              />
            ) : (
              <button type="button" onClick={() => update.mutate({ id: unit.id, body: { active: true } })}>
                {t('admin.activate')}
              </button>
            ))}
        </span>
      </div>
      {update.isError && <ErrorMessage error={update.error} />}
      {mode === 'rename' && <RenameUnit unit={unit} onDone={() => setMode('view')} />}
      {mode === 'add' && (
        <AddUnit
          parent={unit}
          onDone={() => {
            setMode('view');
            setOpen(true);
          }}
        />
      )}
      {open && !leaf && (
        <>
          {children.isPending && <Loading />}
          {children.isError && <ErrorMessage error={children.error} />}
          {children.data && children.data.length > 0 && (
            <ul>
              {children.data.map((c) => (
                <UnitNode key={c.id} unit={c} />
              ))}
            </ul>
          )}
        </>
      )}
    </li>
  );
}

function RenameUnit({ unit, onDone }: { unit: Unit; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(unit.name);
  const update = useUpdateUnit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ id: unit.id, body: { name: name.trim() } }, { onSuccess: onDone });
  };
  return (
    <form className="row inline-form" onSubmit={submit}>
      <Field label={t('admin.name')}>
        {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} required />}
      </Field>
      <button type="submit" className="primary" disabled={update.isPending}>
        {t('admin.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('admin.cancel')}
      </button>
      {update.isError && <ErrorMessage error={update.error} />}
    </form>
  );
}

function AddUnit({ parent, onDone }: { parent: Unit; onDone: () => void }) {
  const { t } = useTranslation();
  const kinds = childKinds[parent.kind];
  const [kind, setKind] = useState(kinds[0]!);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const create = useCreateUnit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ kind, code: code.trim(), name: name.trim(), parentId: parent.id }, { onSuccess: onDone });
  };
  return (
    <form className="row inline-form" onSubmit={submit} aria-label={t('admin.org.addChild')}>
      <Field label={t('admin.org.kind')}>
        {(id) => (
          <select id={id} value={kind} onChange={(e) => setKind(e.target.value as CreateUnitBody['kind'])}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`admin.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('admin.code')}>
        {(id) => <input id={id} value={code} onChange={(e) => setCode(e.target.value)} required />}
      </Field>
      <Field label={t('admin.name')}>
        {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} required />}
      </Field>
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('admin.add')}
      </button>
      <button type="button" onClick={onDone}>
        {t('admin.cancel')}
      </button>
      {create.isError && <ErrorMessage error={create.error} />}
    </form>
  );
}
