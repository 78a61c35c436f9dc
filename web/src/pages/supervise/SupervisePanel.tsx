import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCase } from '../../api/cases';
import type { CaseDetail } from '../../api/models';
import { useCaseAction, type ActionBody } from '../../api/workqueue';
import { PriorityBadge, StatusBadge } from '../../components/Badges';
import { Deadline } from '../../components/Deadline';
import { ErrorMessage, Loading } from '../../components/Status';
import { useSession } from '../../session/session';

export type SuperviseTab = 'verify' | 'urge' | 'extension' | 'callback';

function Done({ text }: { text: string }) {
  return (
    <p role="status" className="done">
      {text}
    </p>
  );
}

/** 核查: pass, or fail back to the unit, with a comment. */
function VerifyForm({ c, onDone }: { c: CaseDetail['case']; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const verify = useCaseAction('/api/cases/{id}/verify');
  const [passed, setPassed] = useState(true);
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // mutateAsync: a verified case loses its verify action (and this form) before a mutate callback would run.
    void verify
      .mutateAsync({
        id: c.id,
        body: { version: c.version, passed, ...(note.trim() ? { note: note.trim() } : {}) },
      })
      .then(
        () => onDone(t('supervise.verified')),
        () => undefined,
      );
  };
  return (
    <form onSubmit={submit} aria-label={t('supervise.submitVerify')}>
      <fieldset>
        <legend>{t('supervise.verdict')}</legend>
        <label className="inline">
          <input type="radio" name="verdict" checked={passed} onChange={() => setPassed(true)} />
          {t('supervise.verifyPass')}
        </label>
        <label className="inline">
          <input type="radio" name="verdict" checked={!passed} onChange={() => setPassed(false)} />
          {t('supervise.verifyFail')}
        </label>
      </fieldset>
      <label>
        {t('supervise.comment')}
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={verify.isPending}>
        {t('supervise.submitVerify')}
      </button>
      {verify.isError && <ErrorMessage error={verify.error} />}
    </form>
  );
}

/** 催办: a message to the lead unit. */
function UrgeForm({ c, onDone }: { c: CaseDetail['case']; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const urge = useCaseAction('/api/cases/{id}/urge');
  const [message, setMessage] = useState(t('supervise.urgeDefault'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (message.trim())
      void urge.mutateAsync({ id: c.id, body: { version: c.version, message: message.trim() } }).then(
        (r) => onDone(t('supervise.urged', { count: r.case.counts.urges })),
        () => undefined,
      );
  };
  return (
    <form onSubmit={submit}>
      <label>
        {t('supervise.urgeMessage')}
        <textarea rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={urge.isPending}>
        {t('supervise.submitUrge')}
      </button>
      {urge.isError && <ErrorMessage error={urge.error} />}
    </form>
  );
}

/** 延期审批: the pending request, approved or denied with a note. */
function ExtensionForm({ d, onDone }: { d: CaseDetail; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const decide = useCaseAction('/api/cases/{id}/decide-extension');
  const [reason, setReason] = useState('');
  const pending = d.extensions.find((x) => x.status === 'pending');
  const send = (approve: boolean) =>
    void decide
      .mutateAsync({
        id: d.case.id,
        body: { version: d.case.version, approve, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      })
      .then(
        () => onDone(`${t('supervise.decided')}：${t(approve ? 'supervise.approve' : 'supervise.deny')}`),
        () => undefined,
      );
  if (!pending) return null;
  return (
    <div>
      <p data-testid="extension-request">
        {t('supervise.request', {
          amount: pending.amount,
          unit: t(`supervise.${pending.unit}`),
          reason: pending.reason,
        })}
      </p>
      <label>
        {t('supervise.decision')}
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="row">
        <button type="button" className="primary" disabled={decide.isPending} onClick={() => send(true)}>
          {t('supervise.approve')}
        </button>
        <button type="button" disabled={decide.isPending} onClick={() => send(false)}>
          {t('supervise.deny')}
        </button>
      </div>
      {decide.isError && <ErrorMessage error={decide.error} />}
    </div>
  );
}

type Satisfaction = ActionBody<'/api/cases/{id}/evaluate'>['satisfaction'];
const satisfactions: Satisfaction[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

/** 回访: one reporter's rating taken by phone. */
function EvaluateForm({ c, report }: { c: CaseDetail['case']; report: CaseDetail['reports'][number] }) {
  const { t } = useTranslation();
  const evaluate = useCaseAction('/api/cases/{id}/evaluate');
  const [solved, setSolved] = useState(true);
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('satisfied');
  const [comment, setComment] = useState('');
  const name = `solved-${report.id}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    evaluate.mutate({
      id: c.id,
      body: {
        version: c.version,
        reportId: report.id,
        solved,
        satisfaction,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      },
    });
  };
  const who = report.anonymous
    ? t('supervise.anonymous')
    : [report.reporter.name, report.reporter.phone].filter(Boolean).join(' ');
  return (
    <li>
      <div>
        {t('supervise.reporter')}：{who || '—'}
      </div>
      <div className="muted">{report.text}</div>
      {report.evaluation ? (
        <Done
          text={`${t('supervise.rated')}：${t(report.evaluation.solved ? 'common.yes' : 'common.no')} · ${
            report.evaluation.satisfaction
              ? t(`supervise.${report.evaluation.satisfaction as Satisfaction}`)
              : '—'
          }`}
        />
      ) : (
        <form onSubmit={submit} aria-label={`${t('supervise.submitEval')} ${who}`}>
          <fieldset>
            <legend>{t('supervise.solved')}</legend>
            <label className="inline">
              <input type="radio" name={name} checked={solved} onChange={() => setSolved(true)} />
              {t('common.yes')}
            </label>
            <label className="inline">
              <input type="radio" name={name} checked={!solved} onChange={() => setSolved(false)} />
              {t('common.no')}
            </label>
          </fieldset>
          <label>
            {t('supervise.satisfaction')}
            <select value={satisfaction} onChange={(e) => setSatisfaction(e.target.value as Satisfaction)}>
              {satisfactions.map((s) => (
                <option key={s} value={s}>
                  {t(`supervise.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('supervise.evalComment')}
            <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={evaluate.isPending}>
            {t('supervise.submitEval')}
          </button>
          {evaluate.isError && <ErrorMessage error={evaluate.error} />}
        </form>
      )}
    </li>
  );
}

const actionOf: Record<SuperviseTab, string> = {
  verify: 'verify',
  urge: 'urge',
  extension: 'decide_extension',
  callback: 'evaluate',
};

/** The selected case and the one action of the current queue, when the server allows it to this role. */
export function SupervisePanel({ id, tab }: { id: string; tab: SuperviseTab }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const detail = useCase(id);
  const [done, setDone] = useState<string | null>(null);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorMessage error={detail.error} />;
  const d = detail.data;
  const c = d.case;
  const allowed = c.actions.includes(actionOf[tab]);
  return (
    <section className="panel" data-testid="supervise-panel" aria-label={c.number}>
      <h2>
        <Link to={`/cases/${c.number}`}>{c.number}</Link> <StatusBadge status={c.status} />{' '}
        <PriorityBadge priority={c.priority} />{' '}
        <Deadline due={c.resolveDueAt} doneAt={c.resolvedAt} overdue={c.resolveOverdue} />
      </h2>
      <p>{c.description}</p>
      {c.result && (
        <p>
          <strong>{t('supervise.result')}：</strong>
          {c.result}
        </p>
      )}
      {role === 'leader' && <p className="muted">{t('supervise.readOnly')}</p>}
      {done && <Done text={done} />}
      {allowed && tab === 'verify' && <VerifyForm c={c} onDone={setDone} />}
      {allowed && tab === 'urge' && <UrgeForm c={c} onDone={setDone} />}
      {allowed && tab === 'extension' && <ExtensionForm d={d} onDone={setDone} />}
      {allowed && tab === 'callback' && (
        <ul className="candidates" data-testid="callback-reports">
          {d.reports.map((r) => (
            <EvaluateForm key={r.id} c={c} report={r} />
          ))}
        </ul>
      )}
    </section>
  );
}
