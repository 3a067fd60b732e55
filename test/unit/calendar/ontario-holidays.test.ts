import { describe, it, expect } from 'vitest';
import {
  STATUTORY_HOLIDAY_IDS,
  checkDateHolidaysAgainstAct,
  easterSunday,
  nonStatutoryPackageHolidays,
  ontarioStatutoryHolidays,
  ontarioSubstituteHolidays,
} from '../../../src/domain/calendar/index.js';

// Expected dates worked out by hand from the Act's rules and a real calendar (checked with `date -d`):
// Family Day = 3rd Monday of February, Good Friday = Easter Sunday − 2, Victoria Day = Monday before
// May 25, Labour Day = 1st Monday of September, Thanksgiving = 2nd Monday of October.
const EXPECTED: Record<number, Record<string, string>> = {
  2024: {
    'new-years-day': '2024-01-01',
    'family-day': '2024-02-19',
    'good-friday': '2024-03-29',
    'victoria-day': '2024-05-20',
    'canada-day': '2024-07-01',
    'labour-day': '2024-09-02',
    'thanksgiving-day': '2024-10-14',
    'christmas-day': '2024-12-25',
    'boxing-day': '2024-12-26',
  },
  2025: {
    'new-years-day': '2025-01-01',
    'family-day': '2025-02-17',
    'good-friday': '2025-04-18',
    'victoria-day': '2025-05-19',
    'canada-day': '2025-07-01',
    'labour-day': '2025-09-01',
    'thanksgiving-day': '2025-10-13',
    'christmas-day': '2025-12-25',
    'boxing-day': '2025-12-26',
  },
  2026: {
    'new-years-day': '2026-01-01',
    'family-day': '2026-02-16',
    'good-friday': '2026-04-03',
    'victoria-day': '2026-05-18', // May 25, 2026 is itself a Monday, so the Monday *before* it is the 18th
    'canada-day': '2026-07-01',
    'labour-day': '2026-09-07',
    'thanksgiving-day': '2026-10-12',
    'christmas-day': '2026-12-25',
    'boxing-day': '2026-12-26',
  },
  2027: {
    'new-years-day': '2027-01-01',
    'family-day': '2027-02-15',
    'good-friday': '2027-03-26',
    'victoria-day': '2027-05-24', // May 25, 2027 is a Tuesday
    'canada-day': '2027-07-01',
    'labour-day': '2027-09-06',
    'thanksgiving-day': '2027-10-11',
    'christmas-day': '2027-12-25',
    'boxing-day': '2027-12-26',
  },
  2028: {
    'new-years-day': '2028-01-01',
    'family-day': '2028-02-21',
    'good-friday': '2028-04-14',
    'victoria-day': '2028-05-22',
    'canada-day': '2028-07-01',
    'labour-day': '2028-09-04',
    'thanksgiving-day': '2028-10-09',
    'christmas-day': '2028-12-25',
    'boxing-day': '2028-12-26',
  },
};

describe('ESA public holidays: exactly the nine of the Employment Standards Act', () => {
  for (const year of [2024, 2025, 2026, 2027, 2028]) {
    it(`${year}: the nine holidays with the right dates, and nothing else`, () => {
      const holidays = ontarioStatutoryHolidays(year);
      expect(holidays).toHaveLength(9);
      expect(Object.fromEntries(holidays.map((h) => [h.id, h.date]))).toEqual(EXPECTED[year]);
      // In calendar order.
      expect(holidays.map((h) => h.date)).toEqual([...holidays.map((h) => h.date)].sort());
    });
  }

  it('lists the nine ids in calendar order', () => {
    expect(STATUTORY_HOLIDAY_IDS).toEqual([
      'new-years-day',
      'family-day',
      'good-friday',
      'victoria-day',
      'canada-day',
      'labour-day',
      'thanksgiving-day',
      'christmas-day',
      'boxing-day',
    ]);
  });

  it('has English and French names for each holiday', () => {
    expect(ontarioStatutoryHolidays(2026).map((h) => [h.nameEn, h.nameFr])).toEqual([
      ["New Year's Day", "Jour de l'An"],
      ['Family Day', 'Jour de la Famille'],
      ['Good Friday', 'Vendredi saint'],
      ['Victoria Day', 'Fête de Victoria'],
      ['Canada Day', 'Fête du Canada'],
      ['Labour Day', 'Fête du Travail'],
      ['Thanksgiving Day', 'Action de grâce'],
      ['Christmas Day', 'Noël'],
      ['Boxing Day', 'Lendemain de Noël'],
    ]);
  });

  it('Civic Holiday, Easter Monday, Remembrance Day and St. Patrick’s Day are NOT statutory in Ontario', () => {
    const dates2026 = ontarioStatutoryHolidays(2026).map((h) => h.date);
    for (const d of ['2026-08-03', '2026-04-06', '2026-11-11', '2026-03-17', '2026-09-30']) {
      expect(dates2026).not.toContain(d);
    }
  });

  it('the package does list Civic Holiday, Easter Monday and Remembrance Day, and they are filtered out', () => {
    const excluded = nonStatutoryPackageHolidays(2026).map((h) => `${h.date} ${h.name}`);
    expect(excluded).toEqual(
      expect.arrayContaining([
        '2026-04-06 Easter Monday',
        '2026-08-03 Civic Holiday',
        '2026-11-11 Remembrance Day',
      ]),
    );
    // …and none of what is filtered out falls on one of the nine.
    const statutory = new Set(Object.values(EXPECTED[2026] ?? {}));
    for (const h of nonStatutoryPackageHolidays(2026)) expect(statutory.has(h.date), h.name).toBe(false);
  });

  it('Family Day is a holiday only from 2008 (first observed Monday 2008-02-18)', () => {
    expect(ontarioStatutoryHolidays(2007).map((h) => h.id)).not.toContain('family-day');
    expect(ontarioStatutoryHolidays(2007)).toHaveLength(8);
    expect(ontarioStatutoryHolidays(2008).find((h) => h.id === 'family-day')?.date).toBe('2008-02-18');
  });

  it('date-holidays agrees with our computation of the Act for every year 2008–2100 (fails loudly otherwise)', () => {
    const problems: unknown[] = [];
    for (let y = 2008; y <= 2100; y++) {
      const p = checkDateHolidaysAgainstAct(y);
      if (p.length > 0) problems.push({ year: y, problems: p });
    }
    expect(problems).toEqual([]);
  });

  it('caches per year (same frozen array on repeated calls)', () => {
    expect(ontarioStatutoryHolidays(2026)).toBe(ontarioStatutoryHolidays(2026));
    expect(Object.isFrozen(ontarioStatutoryHolidays(2026))).toBe(true);
  });
});

describe('Easter Sunday (drives Good Friday)', () => {
  it('matches known Easter dates, including the earliest possible (22 March) and the latest (25 April)', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2019: '2019-04-21',
      2020: '2020-04-12',
      2021: '2021-04-04',
      2022: '2022-04-17',
      2023: '2023-04-09',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2038: '2038-04-25',
      2285: '2285-03-22',
    };
    for (const [y, d] of Object.entries(known)) expect(easterSunday(Number(y)), y).toBe(d);
  });
});

describe('substitute days: a holiday on a Saturday or Sunday moves to the next free weekday', () => {
  it('Christmas on Saturday 2027-12-25 → Monday 27th; Boxing Day on Sunday 26th → Tuesday 28th', () => {
    expect(ontarioSubstituteHolidays(2027)).toEqual([
      {
        id: 'christmas-day',
        date: '2027-12-27',
        substituteFor: '2027-12-25',
        nameEn: 'Christmas Day (observed)',
        nameFr: 'Noël (jour férié substitut)',
      },
      {
        id: 'boxing-day',
        date: '2027-12-28',
        substituteFor: '2027-12-26',
        nameEn: 'Boxing Day (observed)',
        nameFr: 'Lendemain de Noël (jour férié substitut)',
      },
    ]);
  });

  it('Canada Day on Saturday 2023-07-01 → Monday 3 July', () => {
    expect(ontarioSubstituteHolidays(2023).map((s) => [s.id, s.date])).toContainEqual([
      'canada-day',
      '2023-07-03',
    ]);
  });

  it('Christmas on Sunday 2022-12-25 skips Boxing Day (Monday 26th) → Tuesday 27th; New Year 2023 (Sunday) → Monday 2 January', () => {
    // 2022 also opened on a Saturday (New Year's Day 2022-01-01 → Monday 3 January).
    expect(ontarioSubstituteHolidays(2022).map((s) => [s.id, s.date])).toEqual([
      ['new-years-day', '2022-01-03'],
      ['christmas-day', '2022-12-27'],
    ]);
    expect(ontarioSubstituteHolidays(2023).map((s) => [s.id, s.date])).toEqual([
      ['new-years-day', '2023-01-02'],
      ['canada-day', '2023-07-03'],
    ]);
  });

  it('Boxing Day on Saturday 2026-12-26 → Monday 28th (Christmas is a Friday, no substitute)', () => {
    expect(ontarioSubstituteHolidays(2026).map((s) => [s.id, s.date])).toEqual([
      ['boxing-day', '2026-12-28'],
    ]);
  });

  it('2028: New Year on Saturday → Monday 3 January; Canada Day on Saturday → Monday 3 July', () => {
    expect(ontarioSubstituteHolidays(2028).map((s) => [s.id, s.date])).toEqual([
      ['new-years-day', '2028-01-03'],
      ['canada-day', '2028-07-03'],
    ]);
  });

  it('2024 and 2025 have no weekend holidays, so no substitutes', () => {
    expect(ontarioSubstituteHolidays(2024)).toEqual([]);
    expect(ontarioSubstituteHolidays(2025)).toEqual([]);
  });

  it('a substitute is always a weekday that is not itself a holiday, at most two days after the holiday (2008–2100)', () => {
    for (let y = 2008; y <= 2100; y++) {
      const statutory = new Set(ontarioStatutoryHolidays(y).map((h) => h.date));
      const subs = ontarioSubstituteHolidays(y);
      expect(new Set(subs.map((s) => s.date)).size, String(y)).toBe(subs.length);
      for (const s of subs) {
        const dow = new Date(`${s.date}T00:00:00Z`).getUTCDay();
        expect(dow === 0 || dow === 6, s.date).toBe(false);
        expect(statutory.has(s.date), s.date).toBe(false);
        const gap =
          (Date.parse(`${s.date}T00:00:00Z`) - Date.parse(`${s.substituteFor}T00:00:00Z`)) / 86_400_000;
        expect(gap, s.date).toBeGreaterThanOrEqual(1);
        expect(gap, s.date).toBeLessThanOrEqual(2);
      }
    }
  });
});
