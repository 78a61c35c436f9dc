import { appendAudit } from '../../platform/audit.js';
import type { Conn, Db } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { defaultWeights, rateKeys, weightProblems, type Weights } from './metrics.rules.js';
import { readWeightsSetting, WEIGHTS_KEY, writeWeightsSetting } from './weights.repository.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick(value: Record<string, unknown>): Weights {
  return Object.fromEntries(rateKeys.map((k) => [k, value[k]])) as Weights;
}

/** The composite weights in force: the administrator's if set and valid, else 30/35/35. */
export async function getWeights(db: Conn): Promise<Weights> {
  const stored = await readWeightsSetting(db);
  if (isRecord(stored) && weightProblems(stored).length === 0) return pick(stored);
  return { ...defaultWeights };
}

/**
 * Replaces the composite weights (integers 0–100 over the seven rates, summing to 100) and
 * records the change in the audit chain in the same transaction.
 */
export async function setWeights(
  db: Db,
  auditSecret: string,
  actorUserId: number,
  weights: Record<string, unknown>,
): Promise<Weights> {
  const problems = weightProblems(weights);
  if (problems.length > 0) throw new DomainError('validation_failed', problems.join('; '), { problems });
  const next = pick(weights);
  await db.transaction().execute(async (tx) => {
    const before = await getWeights(tx);
    await writeWeightsSetting(tx, next);
    await appendAudit(tx, auditSecret, {
      actorUserId,
      action: 'metrics.weights.update',
      entity: 'settings',
      entityId: WEIGHTS_KEY,
      before,
      after: next,
    });
  });
  return next;
}
