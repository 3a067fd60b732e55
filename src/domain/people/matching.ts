/**
 * Finding the same person twice (C1: search first, never create a duplicate). Pure scoring: the
 * repository fetches candidates by SIN, date of birth or name prefix; this decides how alike they are.
 */

/** Lower-case, accents removed, anything but letters collapsed to one space. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/**
 * The keys stored on the person and searched by prefix, one per name, so that "Olivia", "Smith",
 * "Olivia Smith" and "Smith Olivia" all find Olivia Smith.
 */
export function nameKeys(
  familyName: string,
  givenName: string,
): { familyNameKey: string; givenNameKey: string } {
  return { familyNameKey: normalizeName(familyName), givenNameKey: normalizeName(givenName) };
}

/** Jaro-Winkler similarity in [0, 1]: forgiving of typos and of the transpositions people make. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!bMatched[j] && a[i] === b[j]) {
        aMatched[i] = bMatched[j] = true;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

export interface PersonIdentity {
  /** Free text as typed ("Smith John", "john smith", "smi"): order does not matter. */
  name: string;
  dateOfBirth?: string | undefined;
  /** Blind index of the SIN: equal indexes mean equal SINs. */
  sinIndex?: string | null | undefined;
}

export type MatchReason =
  'same_sin' | 'same_name' | 'similar_name' | 'same_date_of_birth' | 'transposed_date_of_birth';

export interface MatchResult {
  score: number;
  reasons: MatchReason[];
  /** Worth a second look before creating a new person. */
  likelyDuplicate: boolean;
}

const SIMILAR_NAME = 0.88;

function swapDayMonth(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}-${d}-${m}`;
}

/**
 * How well the typed name fits a person's name, token by token and in any order (people swap given
 * and family names, and type only the start of a name when searching): 1 for every token exact.
 */
export function nameSimilarity(query: string, candidate: string): { similarity: number; exact: boolean } {
  const q = normalizeName(query).split(' ').filter(Boolean);
  const c = normalizeName(candidate).split(' ').filter(Boolean);
  if (!q.length || !c.length) return { similarity: 0, exact: false };
  let total = 0;
  let exact = q.length === c.length;
  for (const token of q) {
    let best = 0;
    for (const other of c) {
      const s =
        token === other ? 1 : token.length >= 2 && other.startsWith(token) ? 0.9 : jaroWinkler(token, other);
      best = Math.max(best, s);
    }
    if (best < 1) exact = false;
    total += best;
  }
  return { similarity: total / q.length, exact };
}

/** How likely `candidate` is the person described by `query` (C1: find, do not duplicate). */
export function matchPerson(query: PersonIdentity, candidate: PersonIdentity): MatchResult {
  const reasons: MatchReason[] = [];
  let score = 0;
  if (query.sinIndex && candidate.sinIndex && query.sinIndex === candidate.sinIndex) {
    reasons.push('same_sin');
    score += 1;
  }
  const name = nameSimilarity(query.name, candidate.name);
  if (name.exact) {
    reasons.push('same_name');
    score += 0.5;
  } else if (name.similarity >= SIMILAR_NAME) {
    reasons.push('similar_name');
    score += 0.5 * name.similarity;
  }
  const nameLike = name.exact || name.similarity >= SIMILAR_NAME;
  if (query.dateOfBirth && candidate.dateOfBirth) {
    if (query.dateOfBirth === candidate.dateOfBirth) {
      reasons.push('same_date_of_birth');
      score += 0.5;
    } else if (nameLike && swapDayMonth(query.dateOfBirth) === candidate.dateOfBirth) {
      reasons.push('transposed_date_of_birth');
      score += 0.3;
    }
  }
  const likelyDuplicate =
    reasons.includes('same_sin') ||
    (nameLike && (reasons.includes('same_date_of_birth') || reasons.includes('transposed_date_of_birth')));
  return { score: Math.round(score * 1000) / 1000, reasons, likelyDuplicate };
}
