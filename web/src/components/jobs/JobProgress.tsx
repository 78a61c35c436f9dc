import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../api/jobs';
import './jobs.css';

/**
 * A long operation's state, the same everywhere (retraining, exports, imports): a progress bar
 * (role=progressbar, 0–100), the step it is at while running, then done — with `done` for what the
 * kind has to say — or failed with the error's code and message (`failure` may word it better).
 */
export function JobProgress({
  job,
  label,
  done,
  failure,
}: {
  job: Job;
  /** The progress bar's accessible name. */
  label?: string;
  done?: ReactNode;
  failure?: string;
}) {
  const { t } = useTranslation();
  const pct = Math.round(job.progress * 100);
  return (
    <div className="job" data-testid="job" data-status={job.status} data-kind={job.kind}>
      <div className="progress-row">
        <div
          className="progress"
          role="progressbar"
          aria-label={label ?? t('jobs.progress')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          aria-valuetext={`${pct}%`}
          data-testid="progress"
        >
          <div className={`progress-fill ${job.status}`} style={{ width: `${pct}%` }} />
        </div>
        <span aria-hidden="true">{pct}%</span>
      </div>
      {job.status === 'running' && (
        <p className="muted" role="status">
          {job.step
            ? t('jobs.running', { message: t(`jobs.steps.${job.step.key}`, { ...job.step }) })
            : t('jobs.starting')}
        </p>
      )}
      {job.status === 'succeeded' && (
        <div className="ok" role="status" data-testid="job-done">
          {done ?? t('jobs.succeeded')}
        </div>
      )}
      {job.status === 'failed' && (
        <p className="error" role="alert" data-testid="job-failed" data-code={job.error?.code}>
          {t('jobs.failed', { code: job.error?.code ?? '', message: failure ?? job.error?.message ?? '' })}
        </p>
      )}
    </div>
  );
}
