import { describe, expect, it } from 'vitest';
import { buildCalendar, dayDetail, DAY_MS, isWorkday, listDays, shanghaiDay } from './calendar.days.js';
import {
  addDuration,
  calendarCoverage,
  coverageWarnings,
  remainingWorkingTime,
  workingDaysBetween,
  workingMsBetween,
} from './calendar.rules.js';

const at = (local: string) => new Date(`${local}+08:00`);
const cal = buildCalendar();

describe('working days from the chinese-days package (2026)', () => {
  it('knows 中秋 and 国庆 2026 as days off, including weekdays inside them', () => {
    // 2026-09-25 is a Friday (中秋); 2026-10-01 Thursday … 2026-10-07 Wednesday (国庆).
    expect(isWorkday('2026-09-25', cal)).toBe(false);
    for (const d of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']) {
      expect(isWorkday(d, cal)).toBe(false);
    }
    expect(dayDetail('2026-10-01', cal)).toMatchObject({ source: 'holiday', name: '国庆节' });
    expect(isWorkday('2026-10-08', cal)).toBe(true);
  });

  it('knows the 调休 make-up weekend days as working days', () => {
    // Sunday 2026-09-20 and Saturday 2026-10-10 are worked to pay for 国庆.
    expect(isWorkday('2026-09-20', cal)).toBe(true);
    expect(isWorkday('2026-10-10', cal)).toBe(true);
    expect(dayDetail('2026-10-10', cal).source).toBe('makeup');
    expect(isWorkday('2026-10-11', cal)).toBe(false);
  });

  it('treats ordinary weekends as days off and weekdays as working days', () => {
    expect(isWorkday('2026-03-07', cal)).toBe(false);
    expect(isWorkday('2026-03-08', cal)).toBe(false);
    expect(isWorkday('2026-03-09', cal)).toBe(true);
    expect(listDays('2026-03-06', '2026-03-09', cal).map((d) => d.source)).toEqual([
      'weekday',
      'weekend',
      'weekend',
      'weekday',
    ]);
  });

  it('reports the years the package covers', () => {
    const coverage = calendarCoverage();
    expect(coverage.years).toContain(2025);
    expect(coverage.years).toContain(2026);
    expect(coverage.years).not.toContain(2027);
    expect(coverage.lastYear).toBe(2026);
  });
});

describe('overrides', () => {
  const with2027 = buildCalendar([
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
      day: `2027-10-${d}`,
      isWorkday: false,
      note: '2027 国庆节',
    })),
    { day: '2027-09-26', isWorkday: true, note: '调休上班' },
    { day: '2026-10-10', isWorkday: false, note: '区里补休' },
  ]);

  it('fill a year the package does not know', () => {
    expect(isWorkday('2027-10-01', cal)).toBe(true); // a plain Friday without the override
    expect(isWorkday('2027-10-01', with2027)).toBe(false);
    expect(isWorkday('2027-09-26', cal)).toBe(false);
    expect(isWorkday('2027-09-26', with2027)).toBe(true);
    // Thursday 2027-09-30 10:00 + 1 workday skips the overridden holiday week to Friday 10-08.
    expect(addDuration(at('2027-09-30T10:00:00'), 1, 'workdays', with2027)).toEqual(
      at('2027-10-08T10:00:00'),
    );
    expect(addDuration(at('2027-09-30T10:00:00'), 1, 'workdays', cal)).toEqual(at('2027-10-01T10:00:00'));
  });

  it('win over the package', () => {
    expect(dayDetail('2026-10-10', with2027)).toEqual({
      day: '2026-10-10',
      isWorkday: false,
      source: 'override',
      name: '区里补休',
    });
  });

  it('silence the coverage warning for a year they cover', () => {
    const november = at('2026-11-15T09:00:00');
    expect(coverageWarnings(november, cal).join()).toContain('2027');
    expect(coverageWarnings(november, with2027)).toEqual([]);
    expect(coverageWarnings(at('2026-06-01T09:00:00'), cal)).toEqual([]);
    expect(coverageWarnings(at('2027-03-01T09:00:00'), cal)).toHaveLength(1);
  });
});

describe('addDuration', () => {
  it('counts hours on the plain clock, across midnight and holidays', () => {
    expect(addDuration(at('2026-03-06T22:30:00'), 8, 'hours', cal)).toEqual(at('2026-03-07T06:30:00'));
    expect(addDuration(at('2026-09-30T20:00:00'), 24, 'hours', cal)).toEqual(at('2026-10-01T20:00:00'));
    expect(shanghaiDay(addDuration(at('2026-03-06T23:30:00'), 1, 'hours', cal))).toBe('2026-03-07');
  });

  it('keeps the clock time on the N-th following working day', () => {
    expect(addDuration(at('2026-03-05T10:30:00'), 1, 'workdays', cal)).toEqual(at('2026-03-06T10:30:00'));
    // Friday → Monday over a weekend.
    expect(addDuration(at('2026-03-06T16:00:00'), 1, 'workdays', cal)).toEqual(at('2026-03-09T16:00:00'));
    // The day before 国庆: 10-08, 10-09 and the make-up Saturday 10-10.
    expect(addDuration(at('2026-09-30T10:30:00'), 1, 'workdays', cal)).toEqual(at('2026-10-08T10:30:00'));
    expect(addDuration(at('2026-09-30T10:30:00'), 3, 'workdays', cal)).toEqual(at('2026-10-10T10:30:00'));
    expect(addDuration(at('2026-09-30T10:30:00'), 4, 'workdays', cal)).toEqual(at('2026-10-12T10:30:00'));
    // Thursday before 中秋 → Monday 09-28; Friday 09-18 → the make-up Sunday 09-20.
    expect(addDuration(at('2026-09-24T17:00:00'), 1, 'workdays', cal)).toEqual(at('2026-09-28T17:00:00'));
    expect(addDuration(at('2026-09-18T09:00:00'), 1, 'workdays', cal)).toEqual(at('2026-09-20T09:00:00'));
  });

  it('starts the clock at 00:00 of the next working day when received on a day off', () => {
    // Received during 国庆: the clock starts 10-08 00:00, one working day later is 10-09 00:00.
    expect(addDuration(at('2026-10-03T15:00:00'), 1, 'workdays', cal)).toEqual(at('2026-10-09T00:00:00'));
    // Saturday evening → Monday 00:00 + 2 working days.
    expect(addDuration(at('2026-03-07T20:00:00'), 2, 'workdays', cal)).toEqual(at('2026-03-11T00:00:00'));
    expect(addDuration(at('2026-03-07T20:00:00'), 0, 'workdays', cal)).toEqual(at('2026-03-09T00:00:00'));
  });

  it('uses the Shanghai day even when the UTC day differs', () => {
    // 2026-03-09 01:00 in Shanghai is still Sunday in UTC, but it is a Monday working day here.
    expect(addDuration(at('2026-03-09T01:00:00'), 1, 'workdays', cal)).toEqual(at('2026-03-10T01:00:00'));
  });

  it('refuses negative or fractional working days', () => {
    expect(() => addDuration(at('2026-03-05T10:00:00'), -1, 'hours', cal)).toThrow(RangeError);
    expect(() => addDuration(at('2026-03-05T10:00:00'), 1.5, 'workdays', cal)).toThrow(RangeError);
  });

  it('leaves exactly N × 24 h of working time between start and deadline', () => {
    const starts = [
      '2026-09-18T09:00:00',
      '2026-09-30T23:59:00',
      '2026-10-04T12:00:00',
      '2026-12-31T18:00:00',
    ];
    for (const s of starts) {
      for (const n of [1, 2, 5, 10, 15]) {
        const due = addDuration(at(s), n, 'workdays', cal);
        expect(workingMsBetween(at(s), due, cal)).toBe(n * DAY_MS);
      }
    }
  });
});

describe('countdowns', () => {
  it('counts working days forward between two days', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-10', cal)).toBe(3);
    expect(workingDaysBetween('2026-03-06', '2026-03-09', cal)).toBe(1);
    expect(workingDaysBetween('2026-03-09', '2026-03-06', cal)).toBe(-1);
    expect(workingDaysBetween('2026-03-06', '2026-03-06', cal)).toBe(0);
  });

  it('shows working time left, skipping the holiday week', () => {
    const r = remainingWorkingTime(at('2026-09-30T10:30:00'), at('2026-10-08T10:30:00'), cal);
    expect(r).toEqual({ overdue: false, calendarMs: 8 * DAY_MS, workingMs: DAY_MS, workingDays: 1 });
  });

  it('shows working time overdue, negative', () => {
    const r = remainingWorkingTime(at('2026-10-09T16:30:00'), at('2026-10-08T10:30:00'), cal);
    expect(r.overdue).toBe(true);
    expect(r.workingMs).toBe(-(13.5 + 16.5) * 3600_000);
    expect(r.workingDays).toBe(-1);
    expect(r.calendarMs).toBeLessThan(0);
  });
});
