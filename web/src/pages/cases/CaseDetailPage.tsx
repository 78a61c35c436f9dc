import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { downloadAttachment, useCase, useCaseAudit } from '../../api/cases';
import { ApiError } from '../../api/client';
import { AttachmentThumb, isImage } from '../../components/AttachmentThumb';
import { PriorityBadge, StatusBadge, When } from '../../components/Badges';
import { CaseActions } from '../../components/case-actions/CaseActions';
import { Deadline } from '../../components/Deadline';
import { ErrorMessage, Loading } from '../../components/Status';
import { handlesCases, readsAudit } from '../../session/nav';
import { useSession } from '../../session/session';
import { CaseMap } from './CaseMap';
import { Timeline } from './Timeline';

/** Statuses in which a unit works on a case (its action panel shows even with nothing to do now). */
const working: readonly string[] = ['dispatched', 'accepted', 'in_progress'];

function AuditTrail({ id }: { id: string }) {
  const { t } = useTranslation();
  const audit = useCaseAudit(id, true);
  // The server has the last word: a refusal means this user does not see the trail.
  if (audit.error instanceof ApiError && audit.error.status === 403) return null;
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('detail.audit')}</h2>
      {audit.isPending && <Loading />}
      {audit.isError && <ErrorMessage error={audit.error} />}
      {audit.data && (
        <ol className="audit" data-testid="audit">
          {audit.data.map((a) => (
            <li key={`${a.shard}-${a.seq}`}>
              <When at={a.at} /> <code>{a.action}</code> {a.actorName ?? ''}{' '}
              <span className="muted" title={a.hash}>
                {t('detail.auditHash')} {a.hash.slice(0, 12)}…
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** 案件详情: facts, deadlines counting down, handling units, the whole timeline, attachments, audit. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { role } = useSession();
  const detail = useCase(id);
  if (detail.isPending) return <Loading />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <section>
        <p>
          <Link to="/cases">{t('detail.back')}</Link>
        </p>
        {missing ? <p role="alert">{t('detail.notFound')}</p> : <ErrorMessage error={detail.error} />}
      </section>
    );
  }
  const d = detail.data;
  const c = d.case;
  return (
    <article aria-labelledby="case-title" data-testid="case-detail">
      <p>
        <Link to="/cases">{t('detail.back')}</Link>
      </p>
      <h1 id="case-title">
        {c.number} <StatusBadge status={c.status} /> <PriorityBadge priority={c.priority} />
      </h1>
      {c.title && <p className="lead">{c.title}</p>}
      <div className="columns">
        <div>
          <section aria-labelledby="facts-title">
            <h2 id="facts-title" className="sr-only">
              {t('detail.description')}
            </h2>
            <dl className="facts">
              <dt>{t('detail.description')}</dt>
              <dd>{c.description}</dd>
              <dt>{t('detail.address')}</dt>
              <dd>{c.address ?? '—'}</dd>
              <dt>{t('detail.channel')}</dt>
              <dd>{t(`channel.${c.channel as 'hotline'}`, { defaultValue: c.channel })}</dd>
              <dt>{t('detail.kind')}</dt>
              <dd>{t(`kind.${c.kind}`)}</dd>
              {c.result && (
                <>
                  <dt>{t('detail.result')}</dt>
                  <dd>{c.result}</dd>
                </>
              )}
              {c.mergedInto && (
                <>
                  <dt>{t('status.merged')}</dt>
                  <dd>{t('detail.mergedInto', { number: c.mergedInto })}</dd>
                </>
              )}
            </dl>
          </section>
          <section aria-labelledby="map-title">
            <h2 id="map-title">{t('detail.map')}</h2>
            <CaseMap c={c} />
          </section>
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">
              {t('detail.timeline')} · {t('detail.reports', { count: d.reports.length })}
            </h2>
            <Timeline detail={d} />
          </section>
        </div>
        <aside>
          {handlesCases(role) && (d.work.myActions.length > 0 || working.includes(c.status)) && (
            <CaseActions caseRef={c} work={d.work} />
          )}
          <section aria-labelledby="deadlines-title">
            <h2 id="deadlines-title">{t('detail.deadlines')}</h2>
            <dl className="facts" data-testid="deadlines">
              <dt>{t('detail.responseDue')}</dt>
              <dd>
                <Deadline
                  due={c.responseDueAt}
                  doneAt={c.contactedAt}
                  overdue={c.responseOverdue}
                  unit={d.work.deadlineUnits.response}
                />
              </dd>
              <dt>{t('detail.resolveDue')}</dt>
              <dd>
                <Deadline
                  due={c.resolveDueAt}
                  doneAt={c.resolvedAt}
                  overdue={c.resolveOverdue}
                  unit={d.work.deadlineUnits.resolve}
                />
              </dd>
            </dl>
          </section>
          <section aria-labelledby="units-title">
            <h2 id="units-title">{t('detail.assignments')}</h2>
            {d.assignments.length === 0 ? (
              <p className="muted">{t('common.none')}</p>
            ) : (
              <ul>
                {d.assignments.map((a) => (
                  <li key={a.id}>
                    {a.unit.name}{' '}
                    <span className="muted">
                      ({t(a.role === 'lead' ? 'detail.lead' : 'detail.co')} · {t(`assignment.${a.status}`)})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="files-title">
            <h2 id="files-title">{t('detail.attachments')}</h2>
            {d.attachments.length === 0 ? (
              <p className="muted">{t('detail.noAttachments')}</p>
            ) : (
              <ul data-testid="attachments">
                {d.attachments.map((a) => (
                  <li key={a.id}>
                    {isImage(a.mimeType) && <AttachmentThumb id={a.id} fileName={a.fileName} size={72} />}
                    <button
                      type="button"
                      className="link"
                      onClick={() => void downloadAttachment(a.id, a.fileName)}
                    >
                      {a.fileName}
                    </button>{' '}
                    <span className="muted">({Math.ceil(a.size / 1024)} kB)</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
      {readsAudit(role) && <AuditTrail id={c.id} />}
    </article>
  );
}
