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
import { CategoryPicker } from '../../components/category-picker/CategoryPicker';
import { ErrorMessage, Loading } from '../../components/Status';
import { ConfirmButton, Field, UnitPicker, type UnitChoice } from './parts';

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
      <h2>{t('dispatchAdmin.rules')}</h2>
      {rules.isPending && <Loading />}
      {rules.isError && <ErrorMessage error={rules.error} />}
      {retire.isError && <ErrorMessage error={retire.error} />}
      {rules.data && (
        <table className="cases" data-testid="rule-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('dispatchAdmin.category')}</th>
              <th scope="col">{t('dispatchAdmin.area')}</th>
              <th scope="col">{t('dispatchAdmin.mode')}</th>
              <th scope="col">{t('dispatchAdmin.lead')}</th>
              <th scope="col">{t('dispatchAdmin.co')}</th>
              <th scope="col">{t('dispatchAdmin.note')}</th>
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
      <td>{ref(rule.category, t('dispatchAdmin.anyCategory'))}</td>
      <td>{ref(rule.area, t('dispatchAdmin.wholeDistrict'))}</td>
      <td>{t(`dispatchAdmin.modes.${rule.mode}`)}</td>
      <td>{ref(rule.lead, '—')}</td>
      <td>{rule.co.map((c) => c.name).join('、') || '—'}</td>
      <td>{rule.note ?? ''}</td>
      <td>
        <ConfirmButton
          label={t('dispatchAdmin.retire')}
          confirmLabel={t('dispatchAdmin.confirmRetire')}
          onConfirm={onRetire}
        />
      </td>
    </tr>
  );
}

/** The kinds of unit a rule's area can be (the server's areaKinds). */
const AREA_KINDS = ['city', 'district', 'street', 'community', 'grid'] as const;

/** A rule's key, (category, area), as the rule form and the preview pick it; none is any / 全区. */
function RuleKey({
  category,
  onCategory,
  area,
  onArea,
}: {
  category: string;
  onCategory: (code: string) => void;
  area: UnitChoice | null;
  onArea: (unit: UnitChoice | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <CategoryPicker
        label={t('dispatchAdmin.category')}
        value={category}
        onChange={onCategory}
        levels="any"
        noneLabel={t('dispatchAdmin.anyCategory')}
      />
      <UnitPicker
        label={t('dispatchAdmin.area')}
        value={area}
        onChange={onArea}
        kinds={AREA_KINDS}
        optional
        noneLabel={t('dispatchAdmin.wholeDistrict')}
      />
    </>
  );
}

function NewRule() {
  const { t } = useTranslation();
  const [category, setCategory] = useState('');
  const [area, setArea] = useState<UnitChoice | null>(null);
  const [mode, setMode] = useState<'unit' | 'street'>('unit');
  const [lead, setLead] = useState<UnitChoice | null>(null);
  const [co, setCo] = useState<UnitChoice[]>([]);
  const [note, setNote] = useState('');
  const create = useCreateRule();
  const missingLead = mode === 'unit' && !lead;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        category: category || null,
        area: area?.code ?? null,
        mode,
        lead: mode === 'unit' ? (lead?.code ?? null) : null,
        co: co.map((u) => u.code),
        note: note.trim() || null,
      },
      {
        onSuccess: () => {
          setCategory('');
          setArea(null);
          setLead(null);
          setCo([]);
          setNote('');
        },
      },
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-rule-title" data-testid="create-rule">
      <h2 id="new-rule-title">{t('dispatchAdmin.create')}</h2>
      <RuleKey category={category} onCategory={setCategory} area={area} onArea={setArea} />
      <div className="fields">
        <Field label={t('dispatchAdmin.mode')}>
          {(id) => (
            <select
              id={id}
              value={mode}
              onChange={(e) => setMode(e.target.value === 'street' ? 'street' : 'unit')}
            >
              <option value="unit">{t('dispatchAdmin.modes.unit')}</option>
              <option value="street">{t('dispatchAdmin.modes.street')}</option>
            </select>
          )}
        </Field>
        <Field label={t('dispatchAdmin.note')}>
          {(id) => <input id={id} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
      {mode === 'unit' && <UnitPicker label={t('dispatchAdmin.lead')} value={lead} onChange={setLead} />}
      <CoUnits units={co} onChange={setCo} lead={mode === 'unit' ? lead : null} />
      <div className="row">
        <button type="submit" className="primary" disabled={create.isPending || missingLead}>
          {t('admin.add')}
        </button>
        {missingLead && <span className="muted">{t('dispatchAdmin.needsLead')}</span>}
        {create.isSuccess && (
          <span className="ok" role="status">
            {t('dispatchAdmin.created', { id: create.data.id })}
          </span>
        )}
      </div>
      {create.isError && <ErrorMessage error={create.error} />}
    </form>
  );
}

/** 协办单位: the units chosen so far, each removable, and a picker that adds one more. */
function CoUnits({
  units,
  onChange,
  lead,
}: {
  units: UnitChoice[];
  onChange: (units: UnitChoice[]) => void;
  lead: UnitChoice | null;
}) {
  const { t } = useTranslation();
  const add = (u: UnitChoice | null) => {
    if (u && u.code !== lead?.code && !units.some((c) => c.code === u.code))
      onChange([...units, { code: u.code, name: u.name }]);
  };
  return (
    <div className="co-units">
      <ul aria-label={t('dispatchAdmin.co')} data-testid="co-units">
        {units.length === 0 && <li className="muted">{t('dispatchAdmin.noCo')}</li>}
        {units.map((u) => (
          <li key={u.code}>
            {u.name}（{u.code}）{' '}
            <button
              type="button"
              onClick={() => onChange(units.filter((c) => c.code !== u.code))}
              aria-label={t('dispatchAdmin.removeCo', { name: u.name })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <UnitPicker label={t('dispatchAdmin.addCo')} value={null} onChange={add} />
    </div>
  );
}

function Preview() {
  const { t } = useTranslation();
  const [category, setCategory] = useState('');
  const [area, setArea] = useState<UnitChoice | null>(null);
  const [query, setQuery] = useState<PreviewQuery | null>(null);
  const preview = useDispatchPreview(query);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ ...(category ? { category } : {}), ...(area ? { area: area.code } : {}) });
  };
  const d = preview.data?.decision;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="preview-title" data-testid="preview">
      <h2 id="preview-title">{t('dispatchAdmin.preview')}</h2>
      <RuleKey category={category} onCategory={setCategory} area={area} onArea={setArea} />
      <button type="submit">{t('dispatchAdmin.previewSubmit')}</button>
      {preview.isFetching && <Loading />}
      {preview.isError && <ErrorMessage error={preview.error} />}
      {preview.data && (
        <div data-testid="preview-result" role="status">
          {d ? (
            <p>
              {t('dispatchAdmin.goesTo', { unit: ref(d.lead, ''), rule: d.ruleId })}
              {d.co.length > 0 &&
                ` ${t('dispatchAdmin.withCo', { units: d.co.map((c) => c.name).join('、') })}`}
              <br />
              <span className="muted">{d.reason}</span>
            </p>
          ) : (
            <p className="warn">{t('dispatchAdmin.noDecision')}</p>
          )}
          <ul>
            {preview.data.candidates.map((c) => (
              <li key={c.rule.id}>
                #{c.rule.id} {ref(c.rule.category, t('dispatchAdmin.anyCategory'))} ×{' '}
                {ref(c.rule.area, t('dispatchAdmin.wholeDistrict'))}
                {c.chosen ? ` — ${t('dispatchAdmin.chosen')}` : c.skipped ? ` — ${c.skipped}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
