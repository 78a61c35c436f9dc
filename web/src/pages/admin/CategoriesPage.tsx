import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCategory,
  useCategoryTree,
  useCreateCategory,
  usePatchCategory,
  useSetDeadlines,
  type CategoryNode,
  type DeadlineSet,
} from '../../api/admin/categories';
import { ErrorMessage, Loading } from '../../components/Status';
import { ConfirmButton, Field } from './parts';

const priorities = ['normal', 'urgent', 'critical'] as const;
const terms = ['response', 'resolve'] as const;
type Unit = 'hours' | 'workdays';

/** 事项分类与时限: the taxonomy; a leaf's deadlines per priority (each change is a new version). */
export function CategoriesPage() {
  const { t } = useTranslation();
  const tree = useCategoryTree();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <section aria-labelledby="cat-title">
      <h1 id="cat-title">{t('admin.section.categories')}</h1>
      <div className="columns cat-columns">
        <div>
          {tree.isPending && <Loading />}
          {tree.isError && <ErrorMessage error={tree.error} />}
          {tree.data && (
            <ul className="tree" data-testid="category-tree">
              {tree.data.map((c) => (
                <CategoryItem key={c.code} node={c} selected={selected} onSelect={setSelected} />
              ))}
            </ul>
          )}
          <NewCategory parentCode={null} />
        </div>
        <div>
          {selected ? <CategoryPanel code={selected} /> : <p className="muted">{t('admin.cat.pick')}</p>}
        </div>
      </div>
    </section>
  );
}

function CategoryItem({
  node,
  selected,
  onSelect,
}: {
  node: CategoryNode;
  selected: string | null;
  onSelect: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li className={node.active ? undefined : 'inactive'}>
      <div className="row node">
        {node.isLeaf ? (
          <span className="twisty" aria-hidden="true" />
        ) : (
          <button
            type="button"
            className="twisty"
            aria-expanded={open}
            aria-label={t(open ? 'admin.collapse' : 'admin.expand', { name: node.name })}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </button>
        )}
        <button
          type="button"
          className="link"
          aria-current={selected === node.code ? 'true' : undefined}
          onClick={() => onSelect(node.code)}
        >
          {node.code} {node.name}
        </button>
        {!node.active && <span className="badge late">{t('admin.inactive')}</span>}
      </div>
      {open && node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <CategoryItem key={c.code} node={c} selected={selected} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </li>
  );
}

function CategoryPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const detail = useCategory(code);
  const patch = usePatchCategory();
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorMessage error={detail.error} />;
  const c = detail.data.category;
  return (
    <div className="card" data-testid="category-panel">
      <h2>
        {c.code} {c.name}
      </h2>
      <p className="muted">{detail.data.path.map((p) => p.name).join(' › ')}</p>
      <div className="row">
        {c.active ? (
          <ConfirmButton
            label={t('admin.deactivate')}
            confirmLabel={t('admin.confirmDeactivate')}
            onConfirm={() => patch.mutate({ code, body: { active: false } })}
          />
        ) : (
          <button type="button" onClick={() => patch.mutate({ code, body: { active: true } })}>
            {t('admin.activate')}
          </button>
        )}
      </div>
      {patch.isError && <ErrorMessage error={patch.error} />}
      {c.isLeaf ? (
        <>
          <DeadlineForm key={c.code + JSON.stringify(c.deadlines)} code={c.code} current={c.deadlines} />
          <h3>{t('admin.cat.history')}</h3>
          <table className="cases" data-testid="deadline-history">
            <thead>
              <tr>
                <th scope="col">{t('admin.cat.priority')}</th>
                <th scope="col">{t('admin.cat.response')}</th>
                <th scope="col">{t('admin.cat.resolve')}</th>
                <th scope="col">{t('admin.cat.since')}</th>
                <th scope="col">{t('admin.cat.retired')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.data.history.map((p) => (
                <tr key={p.id}>
                  <td>{t(`priority.${p.priority}`)}</td>
                  <td>{t(`admin.cat.amount.${p.response.unit}`, { count: p.response.amount })}</td>
                  <td>{t(`admin.cat.amount.${p.resolve.unit}`, { count: p.resolve.amount })}</td>
                  <td>{new Date(p.createdAt).toLocaleString()}</td>
                  <td>{p.retiredAt ? new Date(p.retiredAt).toLocaleString() : t('admin.cat.current')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <NewCategory parentCode={c.code} />
      )}
    </div>
  );
}

type Current = NonNullable<CategoryNode['deadlines']>;

function DeadlineForm({ code, current }: { code: string; current: CategoryNode['deadlines'] }) {
  const { t } = useTranslation();
  const initial = (p: keyof Current, term: 'response' | 'resolve') => {
    const d = current?.[p]?.[term];
    return d ? { amount: String(d.amount), unit: d.unit } : { amount: '', unit: 'hours' as Unit };
  };
  const [values, setValues] = useState(
    () =>
      Object.fromEntries(
        priorities.flatMap((p) => terms.map((term) => [`${p}.${term}`, initial(p, term)])),
      ) as Record<string, { amount: string; unit: Unit }>,
  );
  const save = useSetDeadlines();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = Object.fromEntries(
      priorities.map((p) => [
        p,
        Object.fromEntries(
          terms.map((term) => {
            const v = values[`${p}.${term}`]!;
            return [term, { amount: Number(v.amount), unit: v.unit }];
          }),
        ),
      ]),
    ) as DeadlineSet;
    save.mutate({ code, body });
  };
  return (
    <form onSubmit={submit} aria-labelledby="deadline-title" data-testid="deadline-form">
      <h3 id="deadline-title">{t('admin.cat.deadlines')}</h3>
      <table className="deadline-grid">
        <thead>
          <tr>
            <th scope="col">{t('admin.cat.priority')}</th>
            <th scope="col">{t('admin.cat.response')}</th>
            <th scope="col">{t('admin.cat.resolve')}</th>
          </tr>
        </thead>
        <tbody>
          {priorities.map((p) => (
            <tr key={p}>
              <th scope="row">{t(`priority.${p}`)}</th>
              {terms.map((term) => {
                const key = `${p}.${term}`;
                const v = values[key]!;
                const label = `${t(`priority.${p}`)} ${t(`admin.cat.${term}`)}`;
                return (
                  <td key={term}>
                    <div className="row nowrap">
                      <input
                        type="number"
                        min={1}
                        required
                        aria-label={label}
                        className="num"
                        value={v.amount}
                        onChange={(e) => setValues({ ...values, [key]: { ...v, amount: e.target.value } })}
                      />
                      <select
                        aria-label={`${label} ${t('admin.cat.unit')}`}
                        value={v.unit}
                        onChange={(e) =>
                          setValues({ ...values, [key]: { ...v, unit: e.target.value as Unit } })
                        }
                      >
                        <option value="hours">{t('admin.cat.hours')}</option>
                        <option value="workdays">{t('admin.cat.workdays')}</option>
                      </select>
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('admin.cat.saveDeadlines')}
        </button>
        {save.isSuccess && (
          <span className="ok" role="status">
            {t('admin.cat.savedDeadlines', { count: save.data.changed })}
          </span>
        )}
      </div>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}

function NewCategory({ parentCode }: { parentCode: string | null }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const create = useCreateCategory();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), nameEn: null, ...(parentCode ? { parentCode } : {}) },
      { onSuccess: () => setName('') },
    );
  };
  return (
    <form className="row inline-form" onSubmit={submit}>
      <Field label={parentCode ? t('admin.cat.newChild') : t('admin.cat.newTop')}>
        {(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} required />}
      </Field>
      <button type="submit" disabled={create.isPending}>
        {t('admin.add')}
      </button>
      {create.isSuccess && (
        <span className="ok" role="status">
          {t('admin.cat.created', { code: create.data.code })}
        </span>
      )}
      {create.isError && <ErrorMessage error={create.error} />}
    </form>
  );
}
