import { z } from 'zod';

export const publicConfigOut = z.object({
  /** The district this deployment serves (statistical division code). */
  districtCode: z.string(),
  map: z.object({
    /** XYZ tile template ({z}/{x}/{y}, optional {s}); null = no basemap, boundaries only. */
    tileUrl: z.string().nullable(),
    /** Credit to show under the tiles. */
    attribution: z.string(),
    /** Datum of the tiles: gcj02 tiles need WGS-84 points shifted before drawing. */
    crs: z.enum(['wgs84', 'gcj02']),
    maxZoom: z.number(),
    /** Values for {s}, one character each. */
    subdomains: z.string(),
  }),
});
