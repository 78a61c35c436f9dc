import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateRule,
  useDispatchPreview,
  useDispatchRules,
  useRetireRule,
  type DispatchRule,
  type PreviewQuery,
} from '../../api/admin/dispatch';
import { ErrorMessage, Loading } from '../../components/Status';
import { ConfirmButton, Field } from './parts';

const ref = (r: { code: string; name: string } | null, none: string) => (r ? `${r.name}（${r.code}）` : none);

/** 派单目录: which unit a category × area goes to; add, retire, and preview a decision. */
export function DispatchPage() {
  const { t } = useTranslation();
  const rules = useDispatchRules();
  const retire = useRetireRule();
  return (
    <section aria-labelledby="dispatch-title">
      <h1 id="dispatch-title">{t('admin.section.dispatch')}</h1>
      <div className="columns">
        <NewRule />
        <Preview />
      </div>
      <h2>{t('admin.dispatch.rules')}</h2>
      {rules.isPending && <Loading />}
      {rules.isError && <ErrorMessage error={rules.error} />}
      {retire.isError && <ErrorMessage error={retire.error} />}
      {rules.data && (
        <table className="cases" data-testid="rule-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('admin.dispatch.category')}</th>
              <th scope="col">{t('admin.dispatch.area')}</th>
              <th scope="col">{t('admin.dispatch.mode')}</th>
              <th scope="col">{t('admin.dispatch.lead')}</th>
              <th scope="col">{t('admin.dispatch.co')}</th>
              <th scope="col">{t('admin.dispatch.note')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.data.map((r) => (
              <RuleRow key={r.id} rule={r} onRetire={() => retire.mutate(r.id)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RuleRow({ rule, onRetire }: { rule: DispatchRule; onRetire: () => void }) {
  const { t } = useTranslation();
  return (
    <tr data-testid={`rule-${rule.id}`}>
      <td>{rule.id}</td>
      <td>{ref(rule.category, t('admin.dispatch.anyCategory'))}</td>
      <td>{ref(rule.area, t('admin.dispatch.wholeDistrict'))}</td>
      <td>{t(`admin.dispatch.modes.${rule.mode}`)}</td>
      <td>{ref(rule.lead, '—')}</td>
      <td>{rule.co.map((c) => c.name).join('、') || '—'}</td>
      <td>{rule.note ?? ''}</td>
      <td>
        <ConfirmButton
          label={t('admin.dispatch.retire')}
          confirmLabel={t('admin.dispatch.confirmRetire')}
          onConfirm={onRetire}
        />
      </td>
    </tr>
  );
}

function NewRule() {
  const { t } = useTranslation();
  const empty = { category: '', area: '', lead: '', co: '', note: '' };
  const [form, setForm] = useState(empty);
  const [mode, setMode] = useState<'unit' | 'street'>('unit');
  const create = useCreateRule();
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        category: form.category.trim() || null,
        area: form.area.trim() || null,
        mode,
        lead: mode === 'unit' ? form.lead.trim() || null : null,
        co: form.co
          .split(/[\s,，、]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        note: form.note.trim() || null,
      },
      { onSuccess: () => setForm(empty) },
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-rule-title" data-testid="create-rule">
      <h2 id="new-rule-title">{t('admin.dispatch.create')}</h2>
      <div className="fields">
        <Field label={t('admin.dispatch.categoryCode')}>
          {(id) => <input id={id} value={form.category} onChange={set('category')} placeholder="04-06" />}
        </Field>
        <Field label={t('admin.dispatch.areaCode')}>
          {(id) => <input id={id} value={form.area} onChange={set('area')} placeholder="110115104" />}
        </Field>
        <Field label={t('admin.dispatch.mode')}>
          {(id) => (
            <select
              id={id}
              value={mode}
              onChange={(e) => setMode(e.target.value === 'street' ? 'street' : 'unit')}
            >
              <option value="unit">{t('admin.dispatch.modes.unit')}</option>
              <option value="street">{t('admin.dispatch.modes.street')}</option>
            </select>
          )}
        </Field>
        {mode === 'unit' && (
          <Field label={t('admin.dispatch.leadCode')}>
            {(id) => (
              <input id={id} value={form.lead} onChange={set('lead')} required placeholder="110115-D02" />
            )}
          </Field>
        )}
        <Field label={t('admin.dispatch.coCodes')}>
          {(id) => <input id={id} value={form.co} onChange={set('co')} />}
        </Field>
        <Field label={t('admin.dispatch.note')}>
          {(id) => <input id={id} value={form.note} onChange={set('note')} />}
        </Field>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('admin.add')}
        </button>
        {create.isSuccess && (
          <span className="ok" role="status">
            {t('admin.dispatch.created', { id: create.data.id })}
          </span>
        )}
      </div>
      {create.isError && <ErrorMessage error={create.error} />}
    </form>
  );
}

function Preview() {
  const { t } = useTranslation();
  const [category, setCategory] = useState('');
  const [area, setArea] = useState('');
  const [query, setQuery] = useState<PreviewQuery | null>(null);
  const preview = useDispatchPreview(query);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({
      ...(category.trim() ? { category: category.trim() } : {}),
      ...(area.trim() ? { area: area.trim() } : {}),
    });
  };
  const d = preview.data?.decision;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="preview-title" data-testid="preview">
      <h2 id="preview-title">{t('admin.dispatch.preview')}</h2>
      <div className="fields">
        <Field label={t('admin.dispatch.categoryCode')}>
          {(id) => <input id={id} value={category} onChange={(e) => setCategory(e.target.value)} />}
        </Field>
        <Field label={t('admin.dispatch.areaCode')}>
          {(id) => <input id={id} value={area} onChange={(e) => setArea(e.target.value)} />}
        </Field>
      </div>
      <button type="submit">{t('admin.dispatch.previewSubmit')}</button>
      {preview.isFetching && <Loading />}
      {preview.isError && <ErrorMessage error={preview.error} />}
      {preview.data && (
        <div data-testid="preview-result" role="status">
          {d ? (
            <p>
              {t('admin.dispatch.goesTo', { unit: ref(d.lead, ''), rule: d.ruleId })}
              {d.co.length > 0 &&
                ` ${t('admin.dispatch.withCo', { units: d.co.map((c) => c.name).join('、') })}`}
              <br />
              <span className="muted">{d.reason}</span>
            </p>
          ) : (
            <p className="warn">{t('admin.dispatch.noDecision')}</p>
          )}
          <ul>
            {preview.data.candidates.map((c) => (
              <li key={c.rule.id}>
                #{c.rule.id} {ref(c.rule.category, t('admin.dispatch.anyCategory'))} ×{' '}
                {ref(c.rule.area, t('admin.dispatch.wholeDistrict'))}
                {c.chosen ? ` — ${t('admin.dispatch.chosen')}` : c.skipped ? ` — ${c.skipped}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
