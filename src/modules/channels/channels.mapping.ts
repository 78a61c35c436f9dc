import { DomainError } from '../../platform/errors.js';
import { intakeBody, type IntakeInput } from '../cases/cases.schema.js';
import { mappableFields, type FieldMapping, type MappableField } from './channels.schema.js';

type Scalar = string | number | boolean;

/** What a channel's payload says, mapped: the report, its occurred-at and the payload's unmapped rest. */
export interface MappedReport {
  input: IntakeInput;
  occurredAt?: string;
  /** The payload without the mapped paths (kept with the intake event for the record). */
  remainder: unknown;
}

/** One problem with a payload, naming the report field and the payload path it came from. */
export interface MappingIssue {
  field: string;
  path: string | null;
  message: string;
}

/**
 * The value at a dot path; own properties (and array indexes) only, so `__proto__`,
 * `constructor` or `length` find nothing.
 */
export function valueAt(payload: unknown, path: string): unknown {
  let here: unknown = payload;
  for (const key of path.split('.')) {
    if (here === null || typeof here !== 'object' || !Object.hasOwn(here, key)) return undefined;
    if (Array.isArray(here) && !/^\d+$/.test(key)) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/** A copy of `value` without the given paths; objects emptied by the removal disappear too. */
export function withoutPaths(value: unknown, paths: string[][]): unknown {
  if (value === null || typeof value !== 'object' || paths.length === 0) return value;
  const removeHere = new Set(paths.filter((p) => p.length === 1).map((p) => p[0]!));
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const kept: Array<[string, unknown]> = [];
  for (const [key, v] of entries) {
    if (removeHere.has(key)) continue;
    const below = paths.filter((p) => p.length > 1 && p[0] === key).map((p) => p.slice(1));
    const rest = withoutPaths(v, below);
    const emptied =
      below.length > 0 && rest !== null && typeof rest === 'object' && Object.keys(rest).length === 0;
    if (!emptied) kept.push([key, rest]);
  }
  return Array.isArray(value) ? kept.map(([, v]) => v) : Object.fromEntries(kept);
}

/** The channel's word for a field, translated by the field's value map (`*` = any other value). */
function translate(mapping: FieldMapping, field: MappableField, raw: unknown): unknown {
  const map = mapping.values[field];
  if (!map || (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean')) return raw;
  const key = String(raw);
  if (Object.hasOwn(map, key)) return map[key];
  if (Object.hasOwn(map, '*')) return map['*'];
  return raw;
}

const numberFields: readonly MappableField[] = ['lon', 'lat'];
const booleanFields: readonly MappableField[] = ['anonymous', 'confidential'];

/** Lenient scalar coercion: channels send numbers as strings and flags as 0/1 or "true". */
function coerce(field: MappableField, value: unknown): unknown {
  if (numberFields.includes(field) && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
    return Number(value);
  }
  if (booleanFields.includes(field)) {
    if (value === 1 || value === '1' || value === 'true') return true;
    if (value === 0 || value === '0' || value === 'false') return false;
    return value;
  }
  if (!numberFields.includes(field) && typeof value === 'number') return String(value);
  return value;
}

/** Where intake's schema puts each mapped field (used to name the payload path of a refusal). */
const intakePath: Record<MappableField, string> = {
  externalId: 'externalId',
  text: 'text',
  title: 'title',
  categoryCode: 'categoryCode',
  priority: 'priority',
  kind: 'kind',
  address: 'address',
  lon: 'lon',
  lat: 'lat',
  areaCode: 'areaCode',
  reporterName: 'reporter.name',
  reporterPhone: 'reporter.phone',
  reporterEmail: 'reporter.email',
  reporterIdNumber: 'reporter.idNumber',
  anonymous: 'reporter.anonymous',
  confidential: 'reporter.confidential',
  occurredAt: 'occurredAt',
};

function refuse(issues: MappingIssue[]): never {
  const first = issues[0]!;
  const where = first.path ? ` (payload path ${first.path})` : '';
  throw new DomainError('validation_failed', `${first.field}: ${first.message}${where}`, issues);
}

/**
 * Maps a channel's payload onto an intake input for the channel `code` of intake channel `kind`:
 * each field is read at its path, translated by its value map, else taken from the constants.
 * A missing externalId or text, or a value intake's schema refuses, is 400 `validation_failed`
 * with details naming the field and the payload path.
 */
export function mapPayload(
  mapping: FieldMapping,
  code: string,
  kind: IntakeInput['channel'],
  payload: unknown,
): MappedReport {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    refuse([{ field: 'payload', path: null, message: 'must be a JSON object' }]);
  }
  const values: Partial<Record<MappableField, unknown>> = {};
  const used: string[][] = [];
  const issues: MappingIssue[] = [];
  for (const field of mappableFields) {
    const path = mapping.fields[field];
    const raw = path === undefined ? undefined : valueAt(payload, path);
    if (path !== undefined && raw !== undefined) used.push(path.split('.'));
    const present = raw !== undefined && raw !== null && raw !== '';
    const constant = (mapping.constants as Partial<Record<MappableField, Scalar>>)[field];
    const value = present ? translate(mapping, field, raw) : constant;
    if (value === undefined) {
      if (field === 'externalId' || field === 'text')
        issues.push({ field, path: path!, message: 'required' });
      continue;
    }
    values[field] = coerce(field, value);
  }
  if (issues.length > 0) refuse(issues);

  const candidate = {
    channel: kind,
    externalId: typeof values.externalId === 'string' ? `${code}:${values.externalId}` : values.externalId,
    text: values.text,
    title: values.title,
    categoryCode: values.categoryCode,
    priority: values.priority,
    kind: values.kind,
    address: values.address,
    lon: values.lon,
    lat: values.lat,
    areaCode: values.areaCode,
    reporter: {
      name: values.reporterName,
      phone: values.reporterPhone,
      email: values.reporterEmail,
      idNumber: values.reporterIdNumber,
      anonymous: values.anonymous,
      confidential: values.confidential,
    },
  };
  const parsed = intakeBody.safeParse(candidate);
  if (!parsed.success) {
    refuse(
      parsed.error.issues.map((issue) => {
        const at = issue.path.join('.');
        const field = mappableFields.find((f) => intakePath[f] === at) ?? at;
        const path = (mapping.fields as Partial<Record<string, string>>)[field] ?? null;
        return { field, path, message: issue.message };
      }),
    );
  }
  const at = values.occurredAt;
  const occurredAt = typeof at === 'string' || typeof at === 'number' ? String(at).slice(0, 100) : undefined;
  return { input: parsed.data, occurredAt, remainder: withoutPaths(payload, used) };
}
