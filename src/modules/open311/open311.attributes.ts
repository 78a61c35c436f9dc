import type { ServiceAttribute } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { w3cDate } from './open311.presenter.js';

/** The `attribute[CODE]` / `attribute[CODE][]` fields of a POST, by code. */
export type AttributeAnswers = Readonly<Record<string, string | readonly string[]>>;

/** One answer as a case keeps it: typed value, plus what staff read (the question and the choice names). */
export interface AttributeAnswer {
  code: string;
  description: string;
  datatype: ServiceAttribute['datatype'];
  /** number for `number`, string[] for `multivaluelist`, W3C datetime (+08:00) for `datetime`. */
  value: string | number | string[];
  /** The names of the chosen keys, for the two list types. */
  label?: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function bad(code: string, message: string): never {
  throw new DomainError('validation_failed', `attribute[${code}] ${message}`);
}

function one(a: ServiceAttribute, raw: string | readonly string[]): string {
  if (typeof raw === 'string') return raw;
  if (raw.length === 1) return raw[0]!;
  return bad(a.code, `(${a.description}) takes one value`);
}

function choose(a: ServiceAttribute, key: string): { key: string; name: string } {
  const value = a.values.find((v) => v.key === key);
  if (!value) bad(a.code, `(${a.description}): ${key.slice(0, 50)} is not one of its values`);
  return value;
}

function answer(a: ServiceAttribute, raw: string | readonly string[]): AttributeAnswer {
  const base = { code: a.code, description: a.description, datatype: a.datatype };
  switch (a.datatype) {
    case 'number': {
      const text = one(a, raw);
      const n = Number(text);
      if (!NUMBER.test(text) || !Number.isFinite(n)) bad(a.code, `(${a.description}) must be a number`);
      return { ...base, value: n };
    }
    case 'datetime': {
      const text = one(a, raw);
      const d = new Date(text);
      if (!W3C_DATETIME.test(text) || Number.isNaN(d.getTime())) {
        bad(a.code, `(${a.description}) must be an ISO 8601 datetime with a zone`);
      }
      return { ...base, value: w3cDate(d)! };
    }
    case 'singlevaluelist': {
      const chosen = choose(a, one(a, raw));
      return { ...base, value: chosen.key, label: chosen.name };
    }
    case 'multivaluelist': {
      const keys = [...new Set(typeof raw === 'string' ? [raw] : raw)];
      const chosen = keys.map((k) => choose(a, k));
      return { ...base, value: chosen.map((c) => c.key), label: chosen.map((c) => c.name).join('、') };
    }
    case 'string':
    case 'text':
      return { ...base, value: one(a, raw) };
  }
}

/**
 * Checks a request's attribute answers against its service's definition, in the definition's
 * order: every required one present, each of the right type and, for lists, among the values.
 * Codes the definition does not ask for (and answers to informational attributes) are ignored,
 * as the spec asks of unknown parameters. Throws validation_failed (400) naming the attribute.
 */
export function checkAttributes(
  definition: readonly ServiceAttribute[],
  answers: AttributeAnswers,
): AttributeAnswer[] {
  const out: AttributeAnswer[] = [];
  for (const a of definition) {
    if (!a.variable) continue;
    const raw = answers[a.code];
    if (raw === undefined || (typeof raw !== 'string' && raw.length === 0)) {
      if (a.required) bad(a.code, `(${a.description}) is required`);
      continue;
    }
    out.push(answer(a, raw));
  }
  return out;
}
