import { describe, it, expect } from 'vitest';
import {
  addCalendarDays,
  closureRange,
  createBusinessCalendar,
  type BusinessCalendar,
  type Closure,
} from '../../../src/domain/calendar/index.js';

// Every expected date below was worked out by hand from a real calendar (day of week checked with
// `date -d YYYY-MM-DD +%A`), not taken from the implementation's output.

const plain = createBusinessCalendar();

const civicHoliday2026: Closure = { date: '2026-08-03', nameEn: 'Civic Holiday', nameFr: 'Congé civique' };
const easterMonday2026: Closure = { date: '2026-04-06', nameEn: 'Easter Monday', nameFr: 'Lundi de Pâques' };
const easterMonday2027: Closure = { date: '2027-03-29', nameEn: 'Easter Monday', nameFr: 'Lundi de Pâques' };
const holidaySeason = closureRange(
  '2026-12-24',
  '2027-01-02',
  'Holiday season closure',
  'Fermeture des Fêtes',
);

describe('weekends are not business days', () => {
  it('Saturday 2026-03-07 and Sunday 2026-03-08 are weekend days; Friday 6 and Monday 9 are business days', () => {
    expect(plain.isBusinessDay('2026-03-06')).toBe(true);
    expect(plain.isBusinessDay('2026-03-07')).toBe(false);
    expect(plain.isBusinessDay('2026-03-08')).toBe(false);
    expect(plain.isBusinessDay('2026-03-09')).toBe(true);
    expect(plain.nonBusinessReason('2026-03-07')).toEqual({
      kind: 'weekend',
      nameEn: 'Saturday',
      nameFr: 'samedi',
    });
    expect(plain.nonBusinessReason('2026-03-08')).toEqual({
      kind: 'weekend',
      nameEn: 'Sunday',
      nameFr: 'dimanche',
    });
    expect(plain.nonBusinessReason('2026-03-09')).toBeNull();
  });

  it('Friday + 1 business day = Monday; Friday + 5 = next Friday', () => {
    expect(plain.addBusinessDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(plain.addBusinessDays('2026-03-06', 5)).toBe('2026-03-13');
    expect(plain.businessDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    expect(plain.businessDaysBetween('2026-03-06', '2026-03-13')).toBe(5);
  });

  it('counting from a Saturday: the first business day after it is Monday', () => {
    expect(plain.addBusinessDays('2026-03-07', 1)).toBe('2026-03-09');
    expect(plain.businessDaysBetween('2026-03-07', '2026-03-08')).toBe(0);
    expect(plain.businessDaysBetween('2026-03-07', '2026-03-09')).toBe(1);
  });
});

describe('n = 0: the day itself if it is a business day, else the next business day', () => {
  it('returns a business day unchanged', () => {
    expect(plain.addBusinessDays('2026-03-09', 0)).toBe('2026-03-09');
  });

  it('moves a Saturday to Monday', () => {
    expect(plain.addBusinessDays('2026-03-07', 0)).toBe('2026-03-09');
  });

  it('moves Family Day 2026-02-16 to Tuesday 17th', () => {
    expect(plain.addBusinessDays('2026-02-16', 0)).toBe('2026-02-17');
  });

  it('moves Christmas 2027 (Saturday) past the weekend and both substitute days to Wednesday 2027-12-29', () => {
    expect(plain.addBusinessDays('2027-12-25', 0)).toBe('2027-12-29');
  });

  it('businessDaysBetween(d, d) is 0, and it is 0 whenever to is before from', () => {
    expect(plain.businessDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
    expect(plain.businessDaysBetween('2026-03-13', '2026-03-09')).toBe(0);
  });
});

describe('Family Day (3rd Monday of February) is a statutory holiday', () => {
  it('2026-02-16 is not a business day', () => {
    expect(plain.isBusinessDay('2026-02-16')).toBe(false);
    expect(plain.nonBusinessReason('2026-02-16')).toEqual({
      kind: 'statutory',
      nameEn: 'Family Day',
      nameFr: 'Jour de la Famille',
      statutoryId: 'family-day',
    });
  });

  it('a referral received Friday 2026-02-13: 1 business day → Tuesday 17th, 2 business days → Wednesday 18th', () => {
    expect(plain.addBusinessDays('2026-02-13', 1)).toBe('2026-02-17');
    expect(plain.addBusinessDays('2026-02-13', 2)).toBe('2026-02-18');
    expect(plain.businessDaysBetween('2026-02-13', '2026-02-18')).toBe(2);
    // Friday to Monday (Family Day) counts no business day at all.
    expect(plain.businessDaysBetween('2026-02-13', '2026-02-16')).toBe(0);
  });

  it('Family Day 2027 is Monday 2027-02-15', () => {
    expect(plain.isBusinessDay('2027-02-15')).toBe(false);
    expect(plain.addBusinessDays('2027-02-12', 1)).toBe('2027-02-16');
  });
});

describe('Good Friday is a statutory holiday; Easter Monday only when the SSM configures it', () => {
  it('Good Friday 2026-04-03: Thursday 2 + 1 business day → Monday 6 April', () => {
    expect(plain.isBusinessDay('2026-04-03')).toBe(false);
    expect(plain.nonBusinessReason('2026-04-03')?.nameEn).toBe('Good Friday');
    expect(plain.isBusinessDay('2026-04-06')).toBe(true); // Easter Monday is not statutory in Ontario
    expect(plain.addBusinessDays('2026-04-02', 1)).toBe('2026-04-06');
  });

  it('Good Friday 2027-03-26: Thursday 25 + 1 business day → Monday 29 March', () => {
    expect(plain.isBusinessDay('2027-03-26')).toBe(false);
    expect(plain.addBusinessDays('2027-03-25', 1)).toBe('2027-03-29');
  });

  it('with Easter Monday configured as a closure, Thursday + 1 business day → Tuesday (2026-04-07, 2027-03-30)', () => {
    const cal = createBusinessCalendar({ closures: [easterMonday2026, easterMonday2027] });
    expect(cal.isBusinessDay('2026-04-06')).toBe(false);
    expect(cal.nonBusinessReason('2026-04-06')).toEqual({
      kind: 'closure',
      nameEn: 'Easter Monday',
      nameFr: 'Lundi de Pâques',
    });
    expect(cal.addBusinessDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(cal.addBusinessDays('2027-03-25', 1)).toBe('2027-03-30');
    expect(cal.businessDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
  });
});

describe('Civic Holiday is not statutory: a business day unless configured as a closure', () => {
  it('not configured: Monday 2026-08-03 is a business day', () => {
    expect(plain.isBusinessDay('2026-08-03')).toBe(true);
    expect(plain.nonBusinessReason('2026-08-03')).toBeNull();
    expect(plain.addBusinessDays('2026-07-31', 1)).toBe('2026-08-03');
  });

  it('configured: 2026-08-03 is a closure, so Friday 31 July + 1 business day → Tuesday 4 August', () => {
    const cal = createBusinessCalendar({ closures: [civicHoliday2026] });
    expect(cal.isBusinessDay('2026-08-03')).toBe(false);
    expect(cal.nonBusinessReason('2026-08-03')).toEqual({
      kind: 'closure',
      nameEn: 'Civic Holiday',
      nameFr: 'Congé civique',
    });
    expect(cal.addBusinessDays('2026-07-31', 1)).toBe('2026-08-04');
    expect(cal.businessDaysBetween('2026-07-31', '2026-08-04')).toBe(1);
  });

  it('a closure only affects the calendar it was given to', () => {
    createBusinessCalendar({ closures: [civicHoliday2026] }).isBusinessDay('2026-08-03');
    expect(plain.isBusinessDay('2026-08-03')).toBe(true);
  });
});

describe('other non-statutory days are business days', () => {
  it('Remembrance Day (Wed 2026-11-11), St. Patrick’s Day (Tue 2026-03-17), 30 September (Wed 2026-09-30)', () => {
    for (const d of ['2026-11-11', '2026-03-17', '2026-09-30']) expect(plain.isBusinessDay(d), d).toBe(true);
  });

  it('Victoria Day 2026 is Monday 18 May (25 May 2026 is itself a Monday), not the 25th', () => {
    expect(plain.isBusinessDay('2026-05-18')).toBe(false);
    expect(plain.isBusinessDay('2026-05-25')).toBe(true);
  });
});

describe('substitute days for holidays on a weekend', () => {
  it('Canada Day on Saturday 2023-07-01 → Monday 3 July is "Canada Day (observed)"', () => {
    expect(plain.isBusinessDay('2023-07-03')).toBe(false);
    expect(plain.nonBusinessReason('2023-07-01')?.kind).toBe('statutory');
    expect(plain.nonBusinessReason('2023-07-03')).toEqual({
      kind: 'substitute',
      nameEn: 'Canada Day (observed)',
      nameFr: 'Fête du Canada (jour férié substitut)',
      statutoryId: 'canada-day',
      substituteFor: '2023-07-01',
    });
    // Friday 30 June + 1 business day → Tuesday 4 July.
    expect(plain.addBusinessDays('2023-06-30', 1)).toBe('2023-07-04');
  });

  it('Canada Day on Saturday 2028-07-01 → Monday 2028-07-03', () => {
    expect(plain.nonBusinessReason('2028-07-03')?.nameEn).toBe('Canada Day (observed)');
    expect(plain.addBusinessDays('2028-06-30', 1)).toBe('2028-07-04');
  });

  it('Christmas (Sat 2027-12-25) → Monday 27th; Boxing Day (Sun 26th) → Tuesday 28th', () => {
    expect(plain.nonBusinessReason('2027-12-25')?.nameEn).toBe('Christmas Day');
    expect(plain.nonBusinessReason('2027-12-26')?.nameEn).toBe('Boxing Day');
    expect(plain.nonBusinessReason('2027-12-27')).toMatchObject({
      kind: 'substitute',
      nameEn: 'Christmas Day (observed)',
      nameFr: 'Noël (jour férié substitut)',
    });
    expect(plain.nonBusinessReason('2027-12-28')).toMatchObject({
      kind: 'substitute',
      nameEn: 'Boxing Day (observed)',
      nameFr: 'Lendemain de Noël (jour férié substitut)',
    });
    expect(plain.isBusinessDay('2027-12-29')).toBe(true);
  });

  it('Christmas on Sunday 2022-12-25 → Tuesday 27th, because Monday 26th is Boxing Day', () => {
    expect(plain.nonBusinessReason('2022-12-26')?.kind).toBe('statutory');
    expect(plain.nonBusinessReason('2022-12-27')?.nameEn).toBe('Christmas Day (observed)');
    expect(plain.isBusinessDay('2022-12-28')).toBe(true);
  });
});

describe('year ends', () => {
  it('2026/2027 without closures: Thu Dec 24 → Tue Jan 5 counts 5 business days (Dec 29, 30, 31, Jan 4, 5)', () => {
    // Dec 25 Fri Christmas, Dec 26 Sat Boxing Day → substitute Mon Dec 28, Jan 1 Fri New Year's Day.
    expect(plain.isBusinessDay('2026-12-28')).toBe(false);
    expect(plain.nonBusinessReason('2026-12-28')?.nameEn).toBe('Boxing Day (observed)');
    expect(plain.businessDaysBetween('2026-12-24', '2027-01-05')).toBe(5);
    expect(plain.addBusinessDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(plain.addBusinessDays('2026-12-24', 3)).toBe('2026-12-31');
    expect(plain.addBusinessDays('2026-12-24', 4)).toBe('2027-01-04');
    expect(plain.addBusinessDays('2026-12-24', 5)).toBe('2027-01-05');
  });

  it('2026/2027 with a Dec 24 – Jan 2 closure: only Jan 4 and Jan 5 count', () => {
    const cal = createBusinessCalendar({ closures: holidaySeason });
    expect(cal.businessDaysBetween('2026-12-23', '2027-01-05')).toBe(2);
    expect(cal.addBusinessDays('2026-12-23', 1)).toBe('2027-01-04');
    expect(cal.addBusinessDays('2026-12-22', 1)).toBe('2026-12-23');
    expect(cal.nonBusinessReason('2026-12-24')?.kind).toBe('closure');
    // Statutory wins over an overlapping closure, and the substitute still shows as such.
    expect(cal.nonBusinessReason('2026-12-25')?.nameEn).toBe('Christmas Day');
    expect(cal.nonBusinessReason('2026-12-28')?.nameEn).toBe('Boxing Day (observed)');
    expect(cal.nonBusinessReason('2026-12-30')?.nameFr).toBe('Fermeture des Fêtes');
    expect(cal.nonBusinessReason('2027-01-01')?.nameEn).toBe("New Year's Day");
  });

  it('2027/2028: Fri Dec 24 + 1 → Wed Dec 29; + 4 → Tue Jan 4 (New Year on Saturday → Monday Jan 3 observed)', () => {
    expect(plain.addBusinessDays('2027-12-24', 1)).toBe('2027-12-29');
    expect(plain.addBusinessDays('2027-12-24', 3)).toBe('2027-12-31');
    expect(plain.addBusinessDays('2027-12-24', 4)).toBe('2028-01-04');
    expect(plain.businessDaysBetween('2027-12-24', '2028-01-04')).toBe(4);
    expect(plain.nonBusinessReason('2028-01-03')).toMatchObject({
      kind: 'substitute',
      nameEn: "New Year's Day (observed)",
      substituteFor: '2028-01-01',
    });
  });
});

describe('leap years', () => {
  it('2028-02-29 (Tuesday) is a business day; Fri Feb 25 + 2 → Tue Feb 29, + 3 → Wed Mar 1', () => {
    expect(plain.isBusinessDay('2028-02-29')).toBe(true);
    expect(plain.addBusinessDays('2028-02-25', 1)).toBe('2028-02-28');
    expect(plain.addBusinessDays('2028-02-25', 2)).toBe('2028-02-29');
    expect(plain.addBusinessDays('2028-02-25', 3)).toBe('2028-03-01');
    expect(plain.businessDaysBetween('2028-02-25', '2028-03-01')).toBe(3);
  });

  it('February 2028 has 20 business days (21 weekdays minus Family Day, Feb 21); February 2027 has 19', () => {
    // Feb 2028: Tue 1 … Tue 29 → 21 weekdays; Feb 2027: Mon 1 … Sun 28 → 20 weekdays; minus Family Day.
    expect(plain.businessDaysBetween('2028-01-31', '2028-02-29')).toBe(20);
    expect(plain.businessDaysBetween('2027-01-31', '2027-02-28')).toBe(19);
  });
});

describe('whole years', () => {
  it('2026 has 261 weekdays − 9 (8 weekday statutory holidays + Boxing Day observed on Dec 28) = 252 business days', () => {
    // 2026 starts on Thursday and has 365 days: 52 weeks + Thursday → 261 weekdays. Weekday holidays:
    // Jan 1, Feb 16, Apr 3, May 18, Jul 1, Sep 7, Oct 12, Dec 25 (8; Boxing Day is Saturday) and the
    // substitute Dec 28 → 9. 261 − 9 = 252.
    expect(plain.businessDaysBetween('2025-12-31', '2026-12-31')).toBe(252);
  });

  it('2027 has 261 weekdays − 9 (Jan 1, Feb 15, Mar 26, May 24, Jul 1, Sep 6, Oct 11, Dec 27, Dec 28) = 252', () => {
    // 2027 starts on Friday, 365 days: 52 weeks + Friday → 261 weekdays.
    expect(plain.businessDaysBetween('2026-12-31', '2027-12-31')).toBe(252);
  });
});

describe('holidaysIn(year): statutory, substitute and closure days, sorted, one per date', () => {
  it('2027 without closures', () => {
    expect(plain.holidaysIn(2027).map((h) => [h.date, h.kind, h.nameEn])).toEqual([
      ['2027-01-01', 'statutory', "New Year's Day"],
      ['2027-02-15', 'statutory', 'Family Day'],
      ['2027-03-26', 'statutory', 'Good Friday'],
      ['2027-05-24', 'statutory', 'Victoria Day'],
      ['2027-07-01', 'statutory', 'Canada Day'],
      ['2027-09-06', 'statutory', 'Labour Day'],
      ['2027-10-11', 'statutory', 'Thanksgiving Day'],
      ['2027-12-25', 'statutory', 'Christmas Day'],
      ['2027-12-26', 'statutory', 'Boxing Day'],
      ['2027-12-27', 'substitute', 'Christmas Day (observed)'],
      ['2027-12-28', 'substitute', 'Boxing Day (observed)'],
    ]);
  });

  it('2028 shows the New Year and Canada Day substitutes next to the weekend holidays', () => {
    expect(plain.holidaysIn(2028).map((h) => h.date)).toEqual([
      '2028-01-01',
      '2028-01-03',
      '2028-02-21',
      '2028-04-14',
      '2028-05-22',
      '2028-07-01',
      '2028-07-03',
      '2028-09-04',
      '2028-10-09',
      '2028-12-25',
      '2028-12-26',
    ]);
  });

  it('2026 with Civic Holiday and a Dec 24 – Jan 2 closure: closures fill the gaps, holidays keep their names', () => {
    const cal = createBusinessCalendar({ closures: [civicHoliday2026, ...holidaySeason] });
    const h = cal.holidaysIn(2026);
    expect(h.map((x) => [x.date, x.kind])).toEqual([
      ['2026-01-01', 'statutory'],
      ['2026-02-16', 'statutory'],
      ['2026-04-03', 'statutory'],
      ['2026-05-18', 'statutory'],
      ['2026-07-01', 'statutory'],
      ['2026-08-03', 'closure'],
      ['2026-09-07', 'statutory'],
      ['2026-10-12', 'statutory'],
      ['2026-12-24', 'closure'],
      ['2026-12-25', 'statutory'],
      ['2026-12-26', 'statutory'],
      ['2026-12-27', 'closure'],
      ['2026-12-28', 'substitute'],
      ['2026-12-29', 'closure'],
      ['2026-12-30', 'closure'],
      ['2026-12-31', 'closure'],
    ]);
    expect(
      cal
        .holidaysIn(2027)
        .slice(0, 2)
        .map((x) => [x.date, x.kind]),
    ).toEqual([
      ['2027-01-01', 'statutory'],
      ['2027-01-02', 'closure'],
    ]);
  });

  it('is cached per year (same array on repeated calls)', () => {
    expect(plain.holidaysIn(2026)).toBe(plain.holidaysIn(2026));
  });
});

describe('closure configuration', () => {
  it('closureRange expands an inclusive range across the year end (Dec 24 – Jan 2 = 10 days)', () => {
    expect(holidaySeason.map((c) => c.date)).toEqual([
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-27',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });

  it('rejects an invalid closure date when the calendar is created', () => {
    expect(() =>
      createBusinessCalendar({ closures: [{ date: '2026-02-30', nameEn: 'x', nameFr: 'x' }] }),
    ).toThrow(RangeError);
  });

  it('keeps the first name when the same date is configured twice', () => {
    const cal = createBusinessCalendar({
      closures: [civicHoliday2026, { date: '2026-08-03', nameEn: 'Other', nameFr: 'Autre' }],
    });
    expect(cal.nonBusinessReason('2026-08-03')?.nameEn).toBe('Civic Holiday');
  });
});

describe('input validation', () => {
  it('rejects a negative or fractional n', () => {
    expect(() => plain.addBusinessDays('2026-03-09', -1)).toThrow(RangeError);
    expect(() => plain.addBusinessDays('2026-03-09', 1.5)).toThrow(RangeError);
  });

  it('rejects malformed dates', () => {
    expect(() => plain.isBusinessDay('2026-3-9')).toThrow(RangeError);
    expect(() => plain.businessDaysBetween('2026-03-09', '2026-02-30')).toThrow(RangeError);
    expect(() => plain.holidaysIn(2026.5)).toThrow(RangeError);
  });
});

/** Brute-force reference: walk day by day with isBusinessDay only. */
function bruteAdd(cal: BusinessCalendar, d: string, n: number): string {
  let cur = d;
  if (n === 0) {
    while (!cal.isBusinessDay(cur)) cur = addCalendarDays(cur, 1);
    return cur;
  }
  for (let k = 0; k < n;) {
    cur = addCalendarDays(cur, 1);
    if (cal.isBusinessDay(cur)) k++;
  }
  return cur;
}

function bruteBetween(cal: BusinessCalendar, from: string, to: string): number {
  let count = 0;
  for (let cur = addCalendarDays(from, 1); cur <= to; cur = addCalendarDays(cur, 1))
    if (cal.isBusinessDay(cur)) count++;
  return count;
}

/** Deterministic pseudo-random numbers so failures are reproducible. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('consistency property: businessDaysBetween(d, addBusinessDays(d, n)) === n', () => {
  const calendars: Array<[string, BusinessCalendar]> = [
    ['no closures', plain],
    [
      'with closures',
      createBusinessCalendar({
        closures: [civicHoliday2026, easterMonday2026, easterMonday2027, ...holidaySeason],
      }),
    ],
  ];

  for (const [label, cal] of calendars) {
    it(`${label}: holds for every business day 2022–2029 and n = 0…25 (n ≥ 1 for any day)`, () => {
      for (let d = '2022-01-01'; d <= '2029-12-31'; d = addCalendarDays(d, 1)) {
        const business = cal.isBusinessDay(d);
        for (let n = 0; n <= 25; n++) {
          if (n === 0 && !business) continue;
          const due = cal.addBusinessDays(d, n);
          if (cal.businessDaysBetween(d, due) !== n) {
            expect.fail(`businessDaysBetween(${d}, addBusinessDays(${d}, ${n}) = ${due}) !== ${n}`);
          }
          if (!cal.isBusinessDay(due))
            expect.fail(`addBusinessDays(${d}, ${n}) = ${due} is not a business day`);
        }
      }
    });

    it(`${label}: agrees with a day-by-day brute force for random spans up to two years`, () => {
      const rnd = lcg(label.length * 7919);
      for (let i = 0; i < 400; i++) {
        const from = addCalendarDays('2022-06-01', Math.floor(rnd() * 2500));
        const to = addCalendarDays(from, Math.floor(rnd() * 800) - 50);
        expect(cal.businessDaysBetween(from, to), `${from}..${to}`).toBe(bruteBetween(cal, from, to));
        const n = Math.floor(rnd() * 60);
        expect(cal.addBusinessDays(from, n), `${from}+${n}`).toBe(bruteAdd(cal, from, n));
      }
    });

    it(`${label}: isBusinessDay(d) ⇔ nonBusinessReason(d) === null, 2022–2029`, () => {
      for (let d = '2022-01-01'; d <= '2029-12-31'; d = addCalendarDays(d, 1)) {
        if (cal.isBusinessDay(d) !== (cal.nonBusinessReason(d) === null)) expect.fail(d);
      }
    });
  }
});
