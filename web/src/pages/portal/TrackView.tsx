import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseStatuses, type CaseStatus } from '../../api/models';
import type { Proof, TrackingView } from '../../api/portal';
import { StatusBadge, When } from '../../components/Badges';
import { RateForm, ReopenForm } from './FollowUp';
import { portalI18n } from './i18n';

type ActionKey = keyof typeof portalI18n.zhCN.actions;
const isAction = (a: string): a is ActionKey => Object.hasOwn(portalI18n.zhCN.actions, a);
const isStatus = (s: string): s is CaseStatus => (caseStatuses as readonly string[]).includes(s);

/**
 * What the reporter sees of their case: status, their own report, the result, the public
 * timeline, and — when the server allows it — the rating form, then the reopen form.
 */
export function TrackView({
  view,
  proof,
  onChange,
}: {
  view: TrackingView;
  proof: Proof;
  onChange: (v: TrackingView) => void;
}) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<'rated' | 'reopened' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const evaluation = view.report.evaluation;
  const unhappy = evaluation && (evaluation.solved === false || evaluation.satisfaction === 'unsatisfied');

  return (
    <section className="portal-view" aria-labelledby="portal-view-heading" data-testid="tracking">
      <h1 id="portal-view-heading" ref={heading} tabIndex={-1}>
        {t('portal.view.heading', { number: view.number })}
      </h1>
      <dl className="portal-facts">
        <div>
          <dt>{t('portal.view.status')}</dt>
          <dd data-testid="tracking-status">
            {isStatus(view.status) ? <StatusBadge status={view.status} /> : view.statusLabel}
          </dd>
        </div>
        {view.category && (
          <div>
            <dt>{t('portal.view.category')}</dt>
            <dd>{view.category.name}</dd>
          </div>
        )}
        <div>
          <dt>{t('portal.view.received')}</dt>
          <dd>
            <When at={view.receivedAt} />
          </dd>
        </div>
        {view.resolvedAt && (
          <div>
            <dt>{t('portal.view.resolved')}</dt>
            <dd>
              <When at={view.resolvedAt} />
            </dd>
          </div>
        )}
      </dl>

      <h2>{t('portal.view.text')}</h2>
      <p className="portal-text">{view.report.text}</p>
      {view.report.address && (
        <p className="portal-hint">
          {t('portal.view.address')}：{view.report.address}
        </p>
      )}

      <h2>{t('portal.view.answer')}</h2>
      {view.report.answer ? (
        <p className="portal-text" data-testid="answer">
          {view.report.answer}
        </p>
      ) : (
        <p className="portal-hint">{t('portal.view.noAnswer')}</p>
      )}

      {evaluation && (
        <>
          <h2>{t('portal.view.evaluation')}</h2>
          <p data-testid="evaluation">
            {evaluation.solved === null
              ? ''
              : evaluation.solved
                ? t('portal.view.solved')
                : t('portal.view.unsolved')}
            {evaluation.satisfaction &&
              ` · ${t(`portal.rate.${evaluation.satisfaction as 'satisfied'}`, { defaultValue: evaluation.satisfaction })}`}
            {evaluation.comment && ` · ${evaluation.comment}`}
          </p>
        </>
      )}

      {notice && (
        <p className="portal-success" role="status">
          {notice === 'rated' ? t('portal.rate.thanks') : t('portal.reopen.done')}
          {notice === 'rated' && unhappy && view.canReopen && ` ${t('portal.rate.reopenNext')}`}
        </p>
      )}

      {view.canRate && (
        <RateForm
          number={view.number}
          proof={proof}
          onDone={(v) => {
            setNotice('rated');
            onChange(v);
          }}
        />
      )}
      {view.canReopen && (
        <ReopenForm
          number={view.number}
          proof={proof}
          until={view.reopenUntil}
          onDone={(v) => {
            setNotice('reopened');
            onChange(v);
          }}
        />
      )}

      <h2>{t('portal.view.timeline')}</h2>
      <ol className="portal-timeline" data-testid="public-timeline">
        {view.timeline.map((e, i) => (
          <li key={`${e.at}-${i}`}>
            <When at={e.at} />
            <strong>{isAction(e.action) ? t(`portal.actions.${e.action}`) : e.label}</strong>
            {e.status && isStatus(e.status) && <StatusBadge status={e.status} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
