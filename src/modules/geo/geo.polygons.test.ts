import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import {
  bboxOf,
  gcj02ToWgs84,
  parseFeatures,
  polygonContains,
  wgs84ToGcj02,
  type MultiPolygon,
  type UnitPolygon,
} from './geo.polygons.js';

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

function poly(coordinates: MultiPolygon): UnitPolygon {
  return { unitId: 1, coordinates, ...bboxOf(coordinates) };
}

describe('point in polygon', () => {
  // A 10×10 square with a 2×2 hole, plus a separate island.
  const p = poly([[square(0, 0, 10, 10), square(4, 4, 6, 6)], [square(20, 20, 22, 22)]]);

  it('is inside the outer ring, outside the hole, inside the island', () => {
    expect(polygonContains(p, 1, 1)).toBe(true);
    expect(polygonContains(p, 5, 5)).toBe(false);
    expect(polygonContains(p, 21, 21)).toBe(true);
    expect(polygonContains(p, 15, 15)).toBe(false); // inside the box, outside every ring
    expect(polygonContains(p, -1, 5)).toBe(false);
  });

  it('keeps the box of all rings', () => {
    expect(bboxOf(p.coordinates)).toEqual({ minLon: 0, minLat: 0, maxLon: 22, maxLat: 22, vertices: 15 });
  });

  it('handles a concave ring', () => {
    const u = poly([
      [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    ]);
    expect(polygonContains(u, 0.5, 2)).toBe(true);
    expect(polygonContains(u, 1.5, 2)).toBe(false);
    expect(polygonContains(u, 2.5, 2)).toBe(true);
  });
});

describe('GCJ-02', () => {
  it('shifts Beijing by a few hundred metres and converts back to within a millimetre', () => {
    const [lon, lat] = [116.3301, 39.7889];
    const [gLon, gLat] = wgs84ToGcj02(lon, lat);
    const metres = Math.hypot((gLon - lon) * 85_000, (gLat - lat) * 111_000);
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(1000);
    const [wLon, wLat] = gcj02ToWgs84(gLon, gLat);
    expect(Math.abs(wLon - lon)).toBeLessThan(1e-8);
    expect(Math.abs(wLat - lat)).toBeLessThan(1e-8);
  });
});

describe('GeoJSON', () => {
  const feature = (geometry: unknown, properties: unknown = { name: 'x' }) => ({
    type: 'Feature',
    properties,
    geometry,
  });

  it('reads Polygon and MultiPolygon features as MultiPolygons', () => {
    const fs = parseFeatures(
      {
        type: 'FeatureCollection',
        features: [
          feature({ type: 'Polygon', coordinates: [square(0, 0, 1, 1)] }, { adcode: 110115 }),
          feature({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1, 1)], [square(2, 2, 3, 3)]] }),
        ],
      },
      'wgs84',
    );
    expect(fs).toHaveLength(2);
    expect(fs[0]!.properties).toEqual({ adcode: 110115 });
    expect(fs[0]!.coordinates).toHaveLength(1);
    expect(fs[1]!.coordinates).toHaveLength(2);
  });

  it('converts GCJ-02 files on the way in', () => {
    const [f] = parseFeatures(feature({ type: 'Polygon', coordinates: [square(116, 39, 117, 40)] }), 'gcj02');
    const [lon, lat] = f!.coordinates[0]![0]![0]!;
    expect(gcj02ToWgs84(116, 39)).toEqual([lon, lat]);
    expect(lon).not.toBe(116);
  });

  it.each([
    ['not GeoJSON', { hello: 1 }, /FeatureCollection/],
    ['a point', feature({ type: 'Point', coordinates: [1, 2] }), /feature 0: geometry must be/],
    [
      'a short ring',
      feature({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
      /ring 0/,
    ],
    [
      'a bad position',
      feature({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 'a'],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
      /ring 0/,
    ],
    ['a latitude of 200', feature({ type: 'Polygon', coordinates: [square(0, 0, 1, 200)] }), /ring 0/],
  ])('refuses %s', (_what, json, message) => {
    const attempt = () => parseFeatures(json, 'wgs84');
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(message);
  });
});
