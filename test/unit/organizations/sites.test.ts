import { describe, expect, it } from 'vitest';
import { hasExtendedHours, weeklyHoursProblems } from '../../../src/domain/organizations/sites.js';

describe('provider sites (P5)', () => {
  it('P4: extended hours mean closing after 18:00 or opening on a weekend', () => {
    expect(hasExtendedHours({ mon: [{ opens: '09:00', closes: '17:00' }] })).toBe(false);
    expect(hasExtendedHours({ mon: [{ opens: '09:00', closes: '18:00' }] })).toBe(false);
    expect(hasExtendedHours({ wed: [{ opens: '08:30', closes: '20:00' }] })).toBe(true);
    expect(hasExtendedHours({ sat: [{ opens: '10:00', closes: '14:00' }] })).toBe(true);
    expect(hasExtendedHours({ sun: [{ opens: '10:00', closes: '12:00' }] })).toBe(true);
  });

  it('finds hours that make no sense', () => {
    expect(weeklyHoursProblems({ mon: [{ opens: '09:00', closes: '17:00' }] })).toEqual([]);
    expect(weeklyHoursProblems({ tue: [{ opens: '17:00', closes: '09:00' }] })).toEqual([
      'tue: opens 17:00 must be before closes 09:00',
    ]);
    expect(
      weeklyHoursProblems({
        wed: [
          { opens: '09:00', closes: '13:00' },
          { opens: '12:00', closes: '16:00' },
        ],
      }),
    ).toEqual(['wed: opening spans overlap']);
  });
});
