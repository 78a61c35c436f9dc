import type { Category } from '../../platform/db/schema.js';
import { closedStatuses, type PublicRequestRow } from './open311.repository.js';

const BEIJING_OFFSET_MS = 8 * 3600_000;

// Free text comes from what callers said; phone and ID numbers they spoke are not published.
const personalNumbers =
  /(?<![\dA-Za-z])(\d{17}[\dXx]|\+?86-?1[3-9]\d{9}|1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?![\dA-Za-z])/g;

/** Free text with anything shaped like a mobile, fixed-line or resident ID number blanked out. */
export function scrubNumbers(text: string | null): string | null {
  return text === null ? null : text.replace(personalNumbers, (m) => '*'.repeat(m.length));
}

/** W3C datetime with the deployment's zone: 2026-05-01T09:30:00+08:00. */
export function w3cDate(d: Date | null): string | null {
  if (!d) return null;
  return `${new Date(d.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** A leaf category as a GeoReport service; `group` is its level-1 category's name. */
export function presentService(category: Category, group: Category) {
  return {
    service_code: category.code,
    service_name: category.name,
    description: category.name_en ? `${category.name} (${category.name_en})` : category.name,
    metadata: category.attributes.length > 0,
    type: 'realtime',
    keywords: [group.name, category.name, category.name_en].filter((k) => k && k !== '').join(','),
    group: group.name,
  };
}

/** A service definition: its attributes in order, each field in the spec's order. */
export function presentServiceDefinition(category: Category) {
  return {
    service_code: category.code,
    attributes: category.attributes.map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: a.order,
      description: a.description,
      values: a.values.map((v) => ({ key: v.key, name: v.name })),
    })),
  };
}

/**
 * A case as a GeoReport request record. Only public facts about the problem: never the reporter
 * (name, phone, ID number live on reports, which this module never reads).
 */
export function presentRequest(
  row: PublicRequestRow,
  categories: ReadonlyMap<number, Category>,
  unitNames: ReadonlyMap<number, string>,
) {
  const closed = (closedStatuses as readonly string[]).includes(row.status);
  const category = row.category_id === null ? undefined : categories.get(row.category_id);
  return {
    service_request_id: row.number,
    status: closed ? 'closed' : 'open',
    status_notes: closed ? scrubNumbers(row.result_text) : null,
    service_name: category?.name ?? null,
    service_code: category?.code ?? null,
    description: scrubNumbers(row.description),
    agency_responsible: row.lead_unit_id === null ? null : (unitNames.get(row.lead_unit_id) ?? null),
    service_notice: null,
    requested_datetime: w3cDate(row.received_at),
    updated_datetime: w3cDate(row.updated_at),
    expected_datetime: w3cDate(row.resolve_due_at),
    address: scrubNumbers(row.address),
    address_id: null,
    zipcode: null,
    lat: row.lat,
    long: row.lon,
    media_url: null,
  };
}
export type GeoReportRequest = ReturnType<typeof presentRequest>;
