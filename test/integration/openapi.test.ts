import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../support/world.js';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(() => world?.close());

describe('OpenAPI', () => {
  it('GET /api/openapi.json is a valid OpenAPI 3.1 document', async () => {
    const res = await world.request(null, { method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('covers every API route, each with a summary and its error responses', async () => {
    const doc = (await world.request(null, { method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { summary?: string; responses: Record<string, unknown> }>>;
    };
    const missing: string[] = [];
    for (const route of world.app.routeCatalog) {
      if (route.url === '/api/openapi.json') continue;
      const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
      if (!op) missing.push(`${route.method} ${route.url}`);
      else if (!op.summary) missing.push(`${route.method} ${route.url} (no summary)`);
      else if (route.access !== 'public' && !op.responses['403'])
        missing.push(`${route.method} ${route.url} (no 403)`);
    }
    expect(missing).toEqual([]);
  });

  it('serves the interactive reference at /api/docs', async () => {
    const res = await world.request(null, { method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('/api/openapi.json');
  });
});
