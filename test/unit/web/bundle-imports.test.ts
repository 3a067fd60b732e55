import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The web imports domain rules from `src/domain` so each rule exists once. Some domain modules pull
 * in server-sized libraries (the Ontario holiday calendar brings date-holidays, astronomia and
 * moment: about 600 kB). This follows every relative import the web makes, transitively, and lists
 * the bare packages it reaches, so a rule file that imports the calendar barrel is caught here
 * rather than by a bundle that quietly doubles.
 */
const root = resolve(import.meta.dirname, '../../..');
const FORBIDDEN = ['date-holidays', 'zod', 'drizzle-orm', 'fastify', 'pino'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveRelative(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Import specifiers of a file, leaving out type-only imports (erased from the bundle). */
function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^[ \t]*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)) {
    if (!m[2]) out.push(m[3]!);
  }
  for (const m of source.matchAll(/^[ \t]*import\s+'([^']+)'/gm)) out.push(m[1]!);
  return out;
}

function packagesReached(entries: string[]): Map<string, string> {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const next = resolveRelative(file, spec);
        if (next && /\.tsx?$/.test(next)) queue.push(next);
      } else if (!packages.has(spec)) {
        packages.set(spec, file.slice(root.length + 1));
      }
    }
  }
  return packages;
}

describe('what the web bundle pulls in from the domain', () => {
  it('reaches no server-side package (the holiday calendar, zod, the database, the HTTP server)', () => {
    const reached = packagesReached(sourceFiles(join(root, 'web/src')));
    const offending = [...reached].filter(([spec]) =>
      FORBIDDEN.some((p) => spec === p || spec.startsWith(`${p}/`)),
    );
    expect(offending.map(([spec, by]) => `${spec} (imported by ${by})`)).toEqual([]);
  });
});
