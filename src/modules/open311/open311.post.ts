import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { idempotent } from '../../platform/idempotency.js';
import { intake } from '../cases/intake.service.js';
import { caseDeps } from '../cases/cases.deps.impl.js';
import { reporterSchema } from '../cases/cases.schema.js';
import { checkAttributes } from './open311.attributes.js';
import { actorForApiKey } from './open311.clients.js';
import { checkJurisdiction, serviceCategory } from './open311.service.js';

/** The name/value pairs of a POST body, in order; a name may repeat (media_url, attribute[x][]). */
export type FormPairs = ReadonlyArray<readonly [string, string]>;

/** Parses `application/x-www-form-urlencoded` into ordered pairs. */
export function parseForm(body: string): FormPairs {
  return [...new URLSearchParams(body).entries()];
}

const MAX_DESCRIPTION = 4000;
const MAX_FIELD = 300;

function bad(message: string): never {
  throw new DomainError('validation_failed', message);
}

/**
 * The spec's POST parameters: empty ones count as absent, unknown ones are ignored, each known
 * single-valued one keeps its first value.
 */
export function readFields(pairs: FormPairs) {
  const single = new Map<string, string>();
  const mediaUrls: string[] = [];
  const attributes: Record<string, string | string[]> = {};
  for (const [name, raw] of pairs) {
    const value = raw.trim();
    if (value === '') continue;
    if (name === 'media_url') {
      mediaUrls.push(value.slice(0, 2000));
      continue;
    }
    const attr = /^attribute\[([^\]]{1,100})\](\[\])?$/.exec(name);
    if (attr) {
      const code = attr[1]!;
      if (attr[2]) {
        const list = attributes[code];
        attributes[code] = Array.isArray(list)
          ? [...list, value]
          : list === undefined
            ? [value]
            : [list, value];
      } else if (attributes[code] === undefined) {
        attributes[code] = value.slice(0, 2000);
      }
      continue;
    }
    if (!single.has(name)) single.set(name, value);
  }
  if (Object.keys(attributes).length > 100 || mediaUrls.length > 20) bad('too many attributes or media_url');
  return { get: (name: string) => single.get(name), mediaUrls, attributes };
}

function coordinate(name: string, value: string, limit: number): number {
  const n = Number(value);
  if (!/^-?\d+(\.\d+)?$/.test(value) || !Number.isFinite(n) || Math.abs(n) > limit) {
    bad(`${name} must be a decimal degree`);
  }
  return n;
}

/**
 * POST requests: files one report through intake() as the API key's service user, all in one
 * transaction. Order of checks: key (403), jurisdiction (404), service (400/404), then the rest
 * (400), then `checkUploads` (the caller's photos). Returns the case number; photos are stored by
 * the caller once the case exists.
 */
export async function postRequest(ctx: AppContext, pairs: FormPairs, checkUploads: () => void = () => {}) {
  const f = readFields(pairs);
  const actor = await actorForApiKey(ctx.db, f.get('api_key'));
  checkJurisdiction(ctx, f.get('jurisdiction_id'));
  const serviceCode = f.get('service_code');
  if (!serviceCode) bad('service_code is required');
  if (serviceCode.length > 40) throw new DomainError('not_found', `no service ${serviceCode.slice(0, 40)}`);
  const service = await serviceCategory(ctx.db, serviceCode);

  const lat = f.get('lat');
  const long = f.get('long');
  if ((lat === undefined) !== (long === undefined)) bad('lat and long go together');
  const addressString = f.get('address_string');
  const addressId = f.get('address_id');
  if (lat === undefined && !addressString && !addressId) {
    bad('a location is required: lat and long, address_string or address_id');
  }
  const description = f.get('description');
  if (description && description.length > MAX_DESCRIPTION) {
    bad(`description is at most ${MAX_DESCRIPTION} characters`);
  }
  for (const name of ['address_string', 'address_id', 'device_id', 'deviceid', 'account_id']) {
    if ((f.get(name)?.length ?? 0) > MAX_FIELD) bad(`${name} is at most ${MAX_FIELD} characters`);
  }
  const name = [f.get('first_name'), f.get('last_name')].filter(Boolean).join(' ');
  const reporter = reporterSchema.safeParse({
    ...(name ? { name: name.slice(0, 50) } : {}),
    ...(f.get('phone') ? { phone: f.get('phone') } : {}),
    ...(f.get('email') ? { email: f.get('email') } : {}),
  });
  if (!reporter.success) bad('phone must be digits and email a valid address');
  const attributes = checkAttributes(service.attributes, f.attributes);

  // What GeoReport carries that a report has no column for: kept with the intake event, where
  // staff read it on the case timeline (attributes typed, with their questions and choice names).
  const channelData = Object.fromEntries(
    Object.entries({
      address_id: addressId,
      device_id: f.get('device_id') ?? f.get('deviceid'),
      account_id: f.get('account_id'),
      media_url: f.mediaUrls.length > 0 ? f.mediaUrls : undefined,
      attributes: attributes.length > 0 ? attributes : undefined,
    }).filter(([, v]) => v !== undefined),
  );
  const input = {
    channel: 'open311' as const,
    text: description ?? service.name,
    categoryCode: serviceCode,
    priority: 'normal' as const,
    kind: 'request' as const,
    address: (addressString ?? addressId)?.slice(0, MAX_FIELD),
    lat: lat === undefined ? undefined : coordinate('lat', lat, 90),
    lon: long === undefined ? undefined : coordinate('long', long, 180),
    reporter: reporter.data,
    autoDispatch: false,
  };
  checkUploads();
  try {
    const { body } = await idempotent(ctx.db, 'open311', undefined, null, async (tx) => {
      const result = await intake(ctx, caseDeps, tx, actor, input, channelData);
      return { status: 201, body: result.caseRow.number };
    });
    return { actor, number: body, accountId: f.get('account_id') ?? null };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'location_outside_district') bad(err.message);
    throw err;
  }
}
