import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission } from '../../src/domain/access/policy.js';
import { ROLES } from '../../src/domain/access/roles.js';
import type { RouteEntry } from '../../src/server/http/context.js';
import { sampleRequest, type JsonSchema } from '../support/samples.js';
import { createWorld, type Session, type World } from '../support/world.js';

/**
 * Bad input gets a clear 4xx problem and never a 5xx: every route receives broken JSON, bodies of the
 * wrong shape, each field of the wrong type, and ids that are not ids. Routes come from the app.
 */
let world: World;
let spec: Parameters<typeof sampleRequest>[0];

beforeAll(async () => {
  world = await createWorld();
  const validator = new Validator();
  await validator.validate(world.app.swagger() as unknown as Parameters<Validator['validate']>[0]);
  spec = validator.resolveRefs() as typeof spec;
});
afterAll(() => world?.close());

function sessionFor(route: RouteEntry): Session | null {
  if (route.access === 'public') return null;
  const role = ROLES.find(
    (r) => route.access === 'signed_in' || hasPermission({ roles: [r] }, route.access as never),
  );
  return role ? world.as[role] : null;
}

const WRONG: Record<string, unknown[]> = {
  string: [12345, true, { nested: 'object' }, 'x'.repeat(5000)],
  number: ['not a number', -1e308, { n: 1 }],
  integer: ['1.5x', 3.14159, null],
  boolean: ['maybe', 0],
  array: ['not an array', { 0: 'x' }],
  object: ['not an object', [1, 2]],
};

function typeOf(schema: JsonSchema): string {
  const t = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (t) return t;
  const v = (schema.anyOf ?? schema.oneOf)?.find((x) => x.type !== 'null');
  return v ? typeOf(v) : 'string';
}

describe('malformed input: every route answers 4xx problem+json, never 5xx', () => {
  it('sends broken requests to every route', async () => {
    const failures: string[] = [];
    let sent = 0;
    const expect4xx = async (route: RouteEntry, label: string, options: Parameters<World['request']>[1]) => {
      const res = await world.request(sessionFor(route), options);
      sent++;
      const problem = res.headers['content-type']?.toString().includes('application/problem+json');
      if (res.statusCode >= 500 || res.statusCode < 400 || !problem) {
        failures.push(`${route.method} ${route.url} ${label} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      return res;
    };

    for (const route of world.app.routeCatalog) {
      // Sign-out takes no input; the OpenAPI document itself is the one route it does not describe.
      if (route.url.endsWith('/auth/sign-out') || route.url.endsWith('/openapi.json')) continue;
      const valid = sampleRequest(spec, route.method, route.url, {});
      const method = route.method as 'POST';

      if (route.url.includes(':')) {
        for (const bad of ['not-a-uuid', '1', "'; drop table clients; --", '%00']) {
          await expect4xx(route, `param=${bad}`, {
            method,
            url: route.url.replace(/:(\w+)/g, encodeURIComponent(bad)),
            ...(valid.hasBody ? { payload: valid.body as object } : {}),
          });
        }
      }
      const path = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      if (valid.hasBody) {
        await expect4xx(route, 'broken JSON', {
          method,
          url: path,
          payload: '{"oops": ',
          headers: { 'content-type': 'application/json' },
        });
        await expect4xx(route, 'text/plain', {
          method,
          url: path,
          payload: 'hello',
          headers: { 'content-type': 'text/plain' },
        });
        for (const body of [[], 42, 'string', null]) {
          await expect4xx(route, `body=${JSON.stringify(body)}`, {
            method,
            url: path,
            payload: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          });
        }
        const op = spec.paths[route.url.replace(/:(\w+)/g, '{$1}')]![route.method.toLowerCase()] as {
          requestBody: { content: Record<string, { schema: JsonSchema }> };
        };
        const schema = op.requestBody.content['application/json']!.schema;
        for (const [field, prop] of Object.entries(schema.properties ?? {})) {
          for (const wrong of WRONG[typeOf(prop)] ?? []) {
            const res = await expect4xx(route, `body.${field}=${JSON.stringify(wrong).slice(0, 20)}`, {
              method,
              url: path,
              payload: { ...(valid.body as object), [field]: wrong },
            });
            const errors = (res.json() as { errors?: { field: string }[] }).errors;
            if (res.statusCode === 400 && (!errors || !errors.some((e) => e.field.startsWith('body')))) {
              failures.push(`${route.method} ${route.url} body.${field}: 400 without field errors`);
            }
          }
        }
      }
      const op = spec.paths[route.url.replace(/:(\w+)/g, '{$1}')]![route.method.toLowerCase()] as {
        parameters?: { name: string; in: string; schema: JsonSchema }[];
      };
      for (const p of (op.parameters ?? []).filter((x) => x.in === 'query')) {
        for (const wrong of ['', 'x'.repeat(300), '2026-02-30', '-1', 'NaN']) {
          // Some values are valid for some parameters (e.g. "-1" is no id, but "" may be omitted);
          // a 2xx is fine here, a 5xx never is.
          const res = await world.request(sessionFor(route), {
            method,
            url: path,
            query: { ...valid.query, [p.name]: wrong },
          });
          sent++;
          if (res.statusCode >= 500)
            failures.push(
              `${route.method} ${route.url} query.${p.name}=${wrong.slice(0, 10)} → ${res.statusCode}`,
            );
        }
      }
    }
    expect(sent).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });

  it('a validation problem names the field', async () => {
    const res = await world.request(world.as.ssm_intake, {
      method: 'POST',
      url: '/api/clients',
      payload: { legalGivenName: 'A', legalFamilyName: 'B', dateOfBirth: 'soon' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      errors: expect.arrayContaining([expect.objectContaining({ field: 'body.dateOfBirth' })]),
    });
  });

  it('an unknown API path is a 404 problem', async () => {
    const res = await world.request(null, { method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
