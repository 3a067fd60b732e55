/**
 * Builds a request that satisfies a route's published schema (OpenAPI 3.1 / JSON Schema), so tests
 * can call every route generically: the authorization matrix and the malformed-input sweep both
 * start from a valid request. Property names listed in `ids` take those values (a foreign or own
 * organization, region, …) so the request targets the record the test means.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  default?: unknown;
}

/** Values that satisfy the patterns the API uses; a new pattern without an entry fails loudly. */
const PATTERN_SAMPLES: [RegExp, string][] = [
  [/HH|\[01\]\\d\|2\[0-3\]/, '09:00'],
  [/ABCEGHJ|\[A-Z\]\\d\[A-Z\]/, 'N9A 1B2'],
  [/0-9\+\(\)/, '519-555-0123'],
  [/\\d\{6,12\}/, '123456789'],
  [/^\^\\d\+\$$/, '10'],
  [/a-z0-9_\.-/, 'sample.code'],
];

export function sampleFor(schema: JsonSchema, name: string, ids: Record<string, unknown>): unknown {
  if (name in ids) return ids[name];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const nonNull = variants.find((v) => v.type !== 'null');
    return sampleFor(nonNull ?? variants[0]!, name, ids);
  }
  if (schema.allOf) return sampleFor(Object.assign({}, ...schema.allOf) as JsonSchema, name, ids);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const props = Object.entries(schema.properties ?? {});
      for (const [key, prop] of props) {
        if (schema.required?.includes(key) || key in ids) out[key] = sampleFor(prop, key, ids);
      }
      // A change request with every field optional still needs one field to mean anything.
      if (!Object.keys(out).length && props.length && !schema.required?.length) {
        const [key, prop] = props[0]!;
        out[key] = sampleFor(prop, key, ids);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleFor(schema.items ?? {}, name, ids));
    case 'integer':
    case 'number': {
      const min =
        schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
      if (name === 'year') return 2026;
      return min !== undefined ? Math.max(min, Math.min(schema.maximum ?? min, min)) : 1;
    }
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema, name);
    default:
      return 'sample';
  }
}

function sampleString(schema: JsonSchema, name: string): string {
  switch (schema.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'email':
      return `sample.${Math.random().toString(36).slice(2, 8)}@test.example`;
    case 'date':
      return '2026-03-02';
    case 'date-time':
      return '2026-03-02T12:00:00Z';
  }
  if (name === 'year') return '2026';
  if (schema.pattern) {
    const hit = PATTERN_SAMPLES.find(([re]) => re.test(schema.pattern!));
    if (!hit)
      throw new Error(`No sample for pattern ${schema.pattern} (field ${name}): add one to PATTERN_SAMPLES`);
    return hit[1];
  }
  const base = name === 'password' || name === 'newPassword' ? 'A-long-enough-password-1' : `Sample ${name}`;
  return base.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? 1000);
}

export interface RouteRequest {
  method: string;
  url: string;
  query: Record<string, string>;
  body: unknown;
  hasBody: boolean;
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** A valid request for one operation of the (dereferenced) OpenAPI document. */
export function sampleRequest(
  spec: { paths: Record<string, Record<string, OpenApiOperation>> },
  method: string,
  fastifyUrl: string,
  ids: Record<string, unknown>,
): RouteRequest {
  const path = fastifyUrl.replace(/:(\w+)/g, '{$1}');
  const op = spec.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`No OpenAPI operation for ${method} ${path}`);
  let url = fastifyUrl;
  const query: Record<string, string> = {};
  for (const p of op.parameters ?? []) {
    const value = sampleFor(p.schema, p.name, ids);
    if (p.in === 'path') url = url.replace(`:${p.name}`, String(value));
    if (p.in === 'query' && (p.required || p.name in ids)) query[p.name] = String(value);
  }
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  return {
    method,
    url,
    query,
    body: bodySchema ? sampleFor(bodySchema, 'body', ids) : undefined,
    hasBody: !!bodySchema,
  };
}
