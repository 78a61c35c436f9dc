import { expect, it } from 'vitest';
import { clientTypes, committedClientTypes, serverOpenApiDocument } from '../scripts/openapi.js';

it('the web console’s generated API client matches the server’s OpenAPI document (npm run api:generate)', async () => {
  const fresh = await clientTypes(await serverOpenApiDocument());
  const committed = await committedClientTypes();
  // On failure: run `npm run api:generate` and commit web/src/api/openapi.d.ts with the route change.
  expect(committed === fresh, 'web/src/api/openapi.d.ts is stale: run npm run api:generate').toBe(true);
});
