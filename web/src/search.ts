/** Helpers for client search (C1: search first, then add with what was searched). */

export interface SearchCriteria {
  name: string;
  dateOfBirth: string;
  sin: string;
}

/**
 * "Tremblay, Marie" → Marie / Tremblay; "Marie Tremblay" → Marie / Tremblay. Only a starting point for
 * the new-client form, which the worker then checks.
 */
export function splitName(name: string): { given: string; family: string } {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.includes(',')) {
    const [family = '', given = ''] = trimmed.split(',').map((s) => s.trim());
    return { given, family };
  }
  const parts = trimmed.split(' ');
  if (parts.length < 2) return { given: '', family: trimmed };
  return { given: parts.slice(0, -1).join(' '), family: parts[parts.length - 1] ?? '' };
}

/** The new-client form, pre-filled from what was searched (C1: search first, then add). */
export function newClientLink(criteria: SearchCriteria | null): string {
  if (!criteria) return '/clients/new';
  const { given, family } = criteria.name ? splitName(criteria.name) : { given: '', family: '' };
  const params = new URLSearchParams();
  if (given) params.set('givenName', given);
  if (family) params.set('familyName', family);
  if (criteria.dateOfBirth) params.set('dateOfBirth', criteria.dateOfBirth);
  const query = params.toString();
  return `/clients/new${query ? `?${query}` : ''}`;
}
