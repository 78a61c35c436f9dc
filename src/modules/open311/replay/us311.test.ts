import { describe, expect, it } from 'vitest';
import { knownDistrictBoxes } from '../../cases/location.js';
import { flattenTaxonomy, seedTaxonomy } from '../../../seed/catalogue.js';
import { serviceAttributes } from '../../../seed/data/service-attributes.js';
import { compareRecord } from './replay.js';
import {
  loadUs311,
  mapService,
  mappedCodes,
  spread,
  targetBox,
  toPost,
  transformPoint,
  type Us311Row,
} from './us311.js';
import { parseXml, readList } from './xml-read.js';

const nycRow: Us311Row = {
  source: 'nyc311_2024-05_socrata',
  service_request_id: '61428613',
  service_name: 'Noise - Residential',
  service_code: null,
  description: 'Loud Music/Party',
  requested_datetime: '2024-05-26T23:10:02-04:00',
  address: '1541 KIMBALL STREET',
  zipcode: '11234',
  lat: 40.6108,
  long: -73.9256,
  media_url: null,
};

describe('the US 311 mapping file', () => {
  it('maps onto active leaf categories of the demo catalogue only', () => {
    const leaves = new Set(flattenTaxonomy(seedTaxonomy).flatMap((n) => (n.isLeaf ? [n.code] : [])));
    const notLeaves = mappedCodes().filter((code) => !leaves.has(code));
    expect(notLeaves).toEqual([]);
  });

  it('uses no service with a required attribute (the samples carry no such answers)', () => {
    const required = mappedCodes().filter((code) => serviceAttributes[code]?.some((a) => a.required));
    expect(required).toEqual([]);
  });

  it('maps by exact name, then the longest prefix, then the fallback', () => {
    expect(mapService('Noise - Residential')).toBe('11-02');
    expect(mapService('noise - vehicle')).toBe('03-02-03');
    expect(mapService('Noise - Helicopter')).toBe('11-02');
    expect(mapService('Street Sign - Missing')).toBe('42-03');
    expect(mapService('Pothole in Street')).toBe('36-01');
    expect(mapService('Graffiti')).toBe('32-01');
    expect(mapService('Rodent')).toBe('08-02-03');
    expect(mapService('Street Light Out')).toBe('41-02-01');
    expect(mapService('Something Nobody Filed')).toBe('19-04');
    expect(mapService(null)).toBe('19-04');
  });

  it("scales each city's box into the district's own extent, inside the padded box the server checks", () => {
    const served = knownDistrictBoxes['110115']!;
    expect(targetBox.minLon).toBeGreaterThan(served.minLon);
    expect(targetBox.maxLat).toBeLessThan(served.maxLat);
    const nyc = { minLon: -74.26, maxLon: -73.7, minLat: 40.49, maxLat: 40.92 };
    expect(transformPoint(40.49, -74.26, nyc)).toEqual({ lat: 39.44, long: 116.22 });
    expect(transformPoint(40.92, -73.7, nyc)).toEqual({ lat: 39.83, long: 116.73 });
    // A point outside the city's box lands on the district's edge, never outside it.
    expect(transformPoint(45, -80, nyc)).toEqual({ lat: 39.83, long: 116.22 });
  });

  it('keeps the original id, service, time, address and point in what GeoReport reads back', () => {
    const post = toPost(nycRow, 7, '110115', 'k'.repeat(20));
    expect(post.serviceCode).toBe('11-02');
    expect(post.description).toBe(
      'Loud Music/Party — Noise - Residential · NYC 311 (2024) #61428613 · 2024-05-26T23:10:02-04:00',
    );
    expect(post.address).toBe('1541 KIMBALL STREET, New York City [40.610800,-73.925600]');
    expect(post.lat).toBeGreaterThan(39.44);
    expect(post.long).toBeLessThan(116.73);
    const form = new Map(post.form);
    expect(form.get('jurisdiction_id')).toBe('110115');
    expect(form.get('lat')).toBe(post.lat!.toFixed(7));
    expect(form.get('attribute[us311_id]')).toBe('61428613');
    // No point in the original: address_string alone locates it.
    const bare = toPost({ ...nycRow, lat: null, long: null, address: null }, 8, '110115', 'k');
    expect(bare.lat).toBeUndefined();
    expect(new Map(bare.form).has('lat')).toBe(false);
    expect(bare.address).toBe('ZIP 11234, New York City');
  });

  it('says where it looked when the samples are absent', async () => {
    await expect(loadUs311('/nonexistent/us311')).rejects.toThrow(
      'us311: cannot read /nonexistent/us311/derived/open311_georeport_v2_normalized.json (is ../shared/data present?)',
    );
  });

  it('spreads a limit evenly over the file, deterministically', () => {
    const rows = Array.from({ length: 10 }, (_, i) => i);
    expect(spread(rows, 4).map((r) => r.row)).toEqual([0, 2, 5, 7]);
    expect(spread(rows).length).toBe(10);
  });
});

describe('the XML reader', () => {
  it('reads a GeoReport list with entities, CDATA, empty and self-closed elements', () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><service_requests>\n  <request>' +
      '<service_request_id>110115-1</service_request_id><description>a &amp; b &lt;c&gt; &#x4E2D;&#25991;\r\nx</description>' +
      '<address></address><zipcode/><lat>39.5</lat><notes><note>n</note></notes>' +
      '<status_notes><![CDATA[<raw> & kept]]></status_notes></request></service_requests>';
    expect(readList(xml, 'service_requests', 'request')).toEqual([
      {
        service_request_id: '110115-1',
        description: 'a & b <c> 中文\nx',
        address: null,
        zipcode: null,
        lat: '39.5',
        status_notes: '<raw> & kept',
      },
    ]);
  });

  it('refuses malformed documents', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/does not close/);
    expect(() => parseXml('<a><b>')).toThrow(/not closed/);
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow(/unknown entity/);
    expect(() => parseXml('<!DOCTYPE a><a/>')).toThrow(/DOCTYPE/);
    expect(() => parseXml('<a/><b/>')).toThrow(/more than one root/);
    expect(() => parseXml('x<a/>')).toThrow(/outside the root/);
    expect(() => readList('<errors><error/></errors>', 'service_requests', 'request')).toThrow(/root/);
  });
});

describe('the read-back comparison', () => {
  const post = toPost(nycRow, 0, '110115', 'k'.repeat(20));
  const now = Date.parse('2026-11-22T06:00:00Z');
  const good = {
    service_request_id: '110115-20261122-000001',
    status: 'open',
    service_code: '11-02',
    service_name: '社会生活噪声扰民',
    description: post.description,
    address: post.address,
    lat: post.lat,
    long: post.long,
    requested_datetime: '2026-11-22T14:00:00+08:00',
  };
  const window = { from: now, to: now };

  it('passes a record as sent, in JSON and as XML strings', () => {
    expect(compareRecord(post, good.service_request_id, good, 'json', window)).toEqual([]);
    const asXml = { ...good, lat: String(good.lat), long: String(good.long) };
    expect(compareRecord(post, good.service_request_id, asXml, 'xml', window)).toEqual([]);
  });

  it('names every field that differs', () => {
    const bad = {
      ...good,
      status: 'closed',
      service_code: 11,
      description: post.description.slice(1),
      lat: post.lat! + 2e-6,
      long: String(post.long),
      requested_datetime: '2026-11-22 14:00:00',
    };
    const fields = compareRecord(post, good.service_request_id, bad, 'json', window).map((d) => d.field);
    expect(fields).toEqual(['service_code', 'status', 'description', 'lat', 'long', 'requested_datetime']);
    const noZone = { ...good, requested_datetime: '2026-11-22T14:00:00' };
    expect(compareRecord(post, good.service_request_id, noZone, 'xml', window)).toHaveLength(1);
  });
});
