import { describe, expect, it } from 'vitest';
import { closeNeedsNote, intakeMayClose, CLOSE_REASONS } from '../../../src/domain/referral/closing.js';

describe('closing a referral at intake', () => {
  it('P2/P10: intake closes only what it holds: awaiting assignment or returned', () => {
    expect(intakeMayClose('awaiting_assignment')).toBe(true);
    expect(intakeMayClose('returned')).toBe(true);
    expect(intakeMayClose('assigned')).toBe(false);
    expect(intakeMayClose('closed')).toBe(false);
  });

  it('E1: a person screened out is closed as offered self-directed service; only "other" needs words', () => {
    expect(CLOSE_REASONS).toContain('not_eligible_self_directed');
    expect(CLOSE_REASONS.filter(closeNeedsNote)).toEqual(['other']);
  });
});
