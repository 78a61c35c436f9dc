import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  useActivateModel,
  useLatestTraining,
  useModels,
  useRollbackModel,
  useStartTraining,
  type ModelVersion,
  type TrainingResult,
} from '../../api/admin/models';
import { useJob, type Job } from '../../api/jobs';
import { JobProgress } from '../../components/jobs/JobProgress';
import { ErrorMessage, Loading } from '../../components/Status';
import { ConfirmButton, Field } from './parts';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;

/** The cross-validated macro-F1 of a trained version (imported ones may have none). */
function macroF1(m: ModelVersion): number | null {
  const cv = m.metrics.crossValidation;
  return typeof cv === 'object' && cv !== null && 'macroF1' in cv && typeof cv.macroF1 === 'number'
    ? cv.macroF1
    : null;
}

/** 分类模型: the classifier's versions, activation and rollback, and retraining with its progress. */
export function ModelsPage() {
  const { t } = useTranslation();
  const models = useModels();
  const activate = useActivateModel();
  const rollback = useRollbackModel();
  return (
    <section aria-labelledby="models-title">
      <h1 id="models-title">{t('admin.section.models')}</h1>
      <Training />
      <div className="row spread">
        <h2>{t('admin.models.versions')}</h2>
        <ConfirmButton
          label={t('admin.models.rollback')}
          confirmLabel={t('admin.models.confirmRollback')}
          onConfirm={() => rollback.mutate()}
          disabled={rollback.isPending}
        />
      </div>
      {models.isPending && <Loading />}
      {models.isError && <ErrorMessage error={models.error} />}
      {activate.isError && <ErrorMessage error={activate.error} />}
      {rollback.isError && <ErrorMessage error={rollback.error} />}
      {models.data?.activeProblem && (
        <p className="error" role="alert">
          {t('admin.models.problem', {
            version: models.data.activeProblem.version,
            message: models.data.activeProblem.message,
          })}
        </p>
      )}
      {models.data && (
        <table className="cases" data-testid="model-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.models.version')}</th>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('admin.models.source')}</th>
              <th scope="col">{t('admin.models.examples')}</th>
              <th scope="col">{t('admin.models.macroF1')}</th>
              <th scope="col">{t('admin.models.live')}</th>
              <th scope="col">{t('admin.created')}</th>
              <th scope="col">{t('admin.status')}</th>
            </tr>
          </thead>
          <tbody>
            {models.data.items.map((m) => (
              <tr key={m.version} data-testid={`model-v${m.version}`}>
                <td>v{m.version}</td>
                <td>{m.name}</td>
                <td>{m.source}</td>
                <td>{m.examples}</td>
                <td>{macroF1(m)?.toFixed(3) ?? '—'}</td>
                <td>
                  {m.live
                    ? t('admin.models.liveValue', {
                        accuracy: pct(m.live.accuracy),
                        labelled: m.live.labelled,
                      })
                    : '—'}
                </td>
                <td>{new Date(m.createdAt).toLocaleString()}</td>
                <td>
                  {m.active ? (
                    <strong className="ok">{t('admin.models.active')}</strong>
                  ) : (
                    <button
                      type="button"
                      onClick={() => activate.mutate(m.version)}
                      disabled={activate.isPending}
                    >
                      {t('admin.models.activate')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Why a run failed, in the reader's language when the server said which numbers fell short. */
function failure(error: Job['error'], t: TFunction): string {
  const d = error?.details;
  if (
    typeof d === 'object' &&
    d !== null &&
    'needed' in d &&
    'examples' in d &&
    'classes' in d &&
    typeof d.needed === 'number' &&
    typeof d.examples === 'number' &&
    typeof d.classes === 'number'
  ) {
    return t('admin.models.tooFew', { needed: d.needed, examples: d.examples, classes: d.classes });
  }
  return error?.message ?? '';
}

/** Starts a retraining job and follows it: a progress bar until the new version is registered. */
function Training() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [label, setLabel] = useState<'unit' | 'category'>('unit');
  const [activateAfter, setActivateAfter] = useState(false);
  const [startedId, setJobId] = useState<string | null>(null);
  const latest = useLatestTraining();
  const start = useStartTraining();
  // A run started earlier (another tab, before a reload) is followed too.
  const jobId = startedId ?? (latest.data?.status === 'running' ? latest.data.id : null);
  const job = useJob(jobId);
  const status = job.data?.status;
  useEffect(() => {
    if (status === 'succeeded') void client.invalidateQueries({ queryKey: ['models'] });
  }, [status, client]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate({ label, activate: activateAfter }, { onSuccess: (j) => setJobId(j.id) });
  };
  const result = status === 'succeeded' ? (job.data?.result as TrainingResult) : null;
  return (
    <form className="card" onSubmit={submit} aria-labelledby="train-title" data-testid="training">
      <h2 id="train-title">{t('admin.models.train')}</h2>
      <p className="muted">{t('admin.models.trainHint')}</p>
      <div className="row">
        <Field label={t('admin.models.label')}>
          {(id) => (
            <select
              id={id}
              value={label}
              onChange={(e) => setLabel(e.target.value === 'category' ? 'category' : 'unit')}
            >
              <option value="unit">{t('admin.models.byUnit')}</option>
              <option value="category">{t('admin.models.byCategory')}</option>
            </select>
          )}
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={activateAfter}
            onChange={(e) => setActivateAfter(e.target.checked)}
          />{' '}
          {t('admin.models.activateAfter')}
        </label>
        <button type="submit" className="primary" disabled={start.isPending || status === 'running'}>
          {t('admin.models.start')}
        </button>
      </div>
      {start.isError && <ErrorMessage error={start.error} />}
      {job.isError && <ErrorMessage error={job.error} />}
      {job.data && (
        <div data-testid="training-job" data-status={job.data.status}>
          <JobProgress
            job={job.data}
            label={t('admin.models.progress')}
            failure={failure(job.data.error, t)}
            done={
              result && (
                <p data-testid="training-done">
                  {t('admin.models.done', {
                    version: result.version,
                    examples: result.examples,
                    f1: result.macroF1.toFixed(3),
                  })}
                  {result.active ? ` ${t('admin.models.nowActive')}` : ''}
                </p>
              )
            }
          />
        </div>
      )}
    </form>
  );
}
