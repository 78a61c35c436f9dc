import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { OrgUnit } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import type { CaseDeps, LocatedArea } from './cases.deps.js';
import type { IntakeInput } from './cases.schema.js';
import { assertInsideDistrict } from './location.js';

/** What intake read from the address, kept in the intake event's data (`addressResolution`). */
export interface AddressResolutionRecord {
  /** Always true: the area was not given, the system read it. */
  automatic: true;
  status: string;
  /** Whether the case took the unit (confidence at or above ADDRESS_MIN_CONFIDENCE). */
  used: boolean;
  unitCode: string | null;
  unitName: string | null;
  confidence: number;
  street: string | null;
  community: string | null;
  communityConfidence: number;
  /** The spans of the address that named places. */
  matched: string[];
}

/**
 * Where a report is: the area unit it names (`areaUnitId` or `areaCode`, which must be an active
 * area of this district), or else the one read from its address and point (`located`, with the
 * record of how). A point comes with both coordinates and inside the district's box.
 */
export async function placeReport(
  ctx: AppContext,
  deps: CaseDeps,
  tx: Tx,
  input: IntakeInput,
): Promise<{ area: OrgUnit | null; located: Awaited<ReturnType<typeof locateArea>> }> {
  const given = await givenArea(ctx, deps, tx, input);
  // No area given: read it from the address (and the point, when polygons are configured).
  const located = given ? null : await locateArea(ctx, deps, tx, input);
  if ((input.lon == null) !== (input.lat == null)) {
    throw new DomainError('validation_failed', 'lon and lat go together');
  }
  if (input.lon != null && input.lat != null) await assertInsideDistrict(tx, input.lon, input.lat);
  return { area: given ?? located?.unit ?? null, located };
}

/** The area unit the report names, if it names one; refused unless it is an active area of this district. */
async function givenArea(
  ctx: AppContext,
  deps: CaseDeps,
  tx: Tx,
  input: IntakeInput,
): Promise<OrgUnit | null> {
  const key = input.areaUnitId ?? input.areaCode;
  if (key == null) return null;
  const unit = await deps.findUnit(tx, key);
  if (!unit || !unit.active || unit.kind === 'department') {
    throw new DomainError('unknown_unit', `no area unit ${String(key)}`);
  }
  if (
    !unit.path.includes(`/${ctx.config.DISTRICT_CODE}/`) &&
    !unit.path.startsWith(`${ctx.config.DISTRICT_CODE}/`)
  ) {
    throw new DomainError('location_outside_district', `${unit.name} is not in this district`);
  }
  return unit;
}

/**
 * A report without an area but with an address (or coordinates): the community when its confidence
 * reaches ADDRESS_MIN_CONFIDENCE, else the street when it does, else nothing. Returns null when
 * there is nothing to read. Never throws for an unreadable address: the case opens without an area
 * and the record says why.
 */
export async function locateArea(
  ctx: AppContext,
  deps: CaseDeps,
  tx: Tx,
  input: { address?: string | null; lon?: number | null; lat?: number | null },
): Promise<{ unit: OrgUnit | null; record: AddressResolutionRecord } | null> {
  const hasPoint = input.lon != null && input.lat != null;
  if (!input.address?.trim() && !hasPoint) return null;
  let r: LocatedArea;
  try {
    r = await deps.locate(ctx, tx, {
      address: input.address ?? null,
      lon: hasPoint ? input.lon! : null,
      lat: hasPoint ? input.lat! : null,
    });
  } catch (e) {
    // The district has not been imported yet: nothing to resolve against, the case opens without an area.
    if (e instanceof DomainError && e.code === 'unit_not_found') return null;
    throw e;
  }
  const min = ctx.config.ADDRESS_MIN_CONFIDENCE;
  const pick =
    r.status !== 'resolved'
      ? null
      : r.community && r.communityConfidence >= min
        ? r.community
        : r.street && r.confidence >= min
          ? r.street
          : null;
  const unit = pick ? await deps.findUnit(tx, pick.id) : undefined;
  const usable = unit && unit.active ? unit : null;
  return {
    unit: usable,
    record: {
      automatic: true,
      status: r.status,
      used: usable !== null,
      unitCode: usable?.code ?? null,
      unitName: usable?.name ?? null,
      confidence: r.confidence,
      street: r.street?.name ?? null,
      community: r.community?.name ?? null,
      communityConfidence: r.communityConfidence,
      matched: r.matches.filter((m) => m.kind !== 'coordinates').map((m) => m.text),
    },
  };
}
