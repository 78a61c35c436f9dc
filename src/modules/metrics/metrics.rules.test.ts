import { describe, expect, it } from 'vitest';
import {
  compositeScore,
  computeRates,
  defaultWeights,
  emptyCounts,
  monthOf,
  monthPeriod,
  monthsEnding,
  periodFrom,
  rankGroups,
  weightProblems,
  type Counts,
  type Rates,
} from './metrics.rules.js';

const counts = (c: Partial<Counts>): Counts => ({ ...emptyCounts(), ...c });
const noRates: Rates = {
  responseRate: null,
  solveRate: null,
  satisfactionRate: null,
  onTimeRate: null,
  returnRate: null,
  repeatRate: null,
  firstTimeRate: null,
};

describe('computeRates', () => {
  it('divides each numerator by its own denominator', () => {
    const r = computeRates(
      counts({
        dispatched: 8,
        closed: 4,
        closedFirstTime: 3,
        respondedInTime: 6,
        responseDecided: 8,
        resolvedInTime: 3,
        resolveDecided: 4,
        evaluations: 5,
        solved: 4,
        satisfied: 5,
        reports: 10,
        leadAssignments: 10,
        returnedAssignments: 2,
      }),
    );
    expect(r).toEqual({
      responseRate: 0.75,
      solveRate: 0.8,
      satisfactionRate: 1,
      onTimeRate: 0.75,
      returnRate: 0.2,
      repeatRate: 0.2,
      firstTimeRate: 0.75,
    });
  });

  it('gives null, not 0 or 1, for an empty denominator', () => {
    expect(computeRates(emptyCounts())).toEqual(noRates);
  });
});

describe('compositeScore', () => {
  it('weighs 30/35/35 by default', () => {
    // 0.9 × 30 + 0.8 × 35 + 0.7 × 35 = 27 + 28 + 24.5
    const rates = { ...noRates, responseRate: 0.9, solveRate: 0.8, satisfactionRate: 0.7, returnRate: 0.5 };
    expect(compositeScore(rates, defaultWeights)).toBe(79.5);
  });

  it('re-normalises over the rates present and is null when none is', () => {
    const onlyResponse = { ...noRates, responseRate: 0.6 };
    expect(compositeScore(onlyResponse, defaultWeights)).toBe(60);
    const noSatisfaction = { ...noRates, responseRate: 1, solveRate: 0.5 };
    // (30 × 1 + 35 × 0.5) / 65 = 73.08
    expect(compositeScore(noSatisfaction, defaultWeights)).toBe(73.08);
    expect(compositeScore({ ...noRates, returnRate: 0.1 }, defaultWeights)).toBeNull();
  });

  it('scores lower-is-better rates as 1 − rate', () => {
    const w = {
      ...defaultWeights,
      responseRate: 0,
      solveRate: 0,
      satisfactionRate: 0,
      returnRate: 50,
      repeatRate: 50,
    };
    expect(compositeScore({ ...noRates, returnRate: 0.1, repeatRate: 0.3 }, w)).toBe(80);
  });
});

describe('weightProblems', () => {
  it('accepts integers summing to 100 over every rate and nothing else', () => {
    expect(weightProblems({ ...defaultWeights })).toEqual([]);
    expect(weightProblems({ ...defaultWeights, responseRate: 20 })).toEqual([
      'weights must sum to 100, not 90',
    ]);
    expect(weightProblems({ ...defaultWeights, responseRate: 29.5, onTimeRate: 0.5 })).toHaveLength(2);
    expect(weightProblems({ ...defaultWeights, extra: 0 })).toEqual(['extra is not a rate']);
    const { firstTimeRate: _omitted, ...missing } = defaultWeights;
    expect(weightProblems(missing)).toEqual(['firstTimeRate must be an integer from 0 to 100']);
  });
});

describe('periods in China time', () => {
  it('maps a month to [first midnight, next first midnight) at +08:00', () => {
    expect(monthPeriod('2024-12')).toEqual({
      from: new Date('2024-11-30T16:00:00Z'),
      to: new Date('2024-12-31T16:00:00Z'),
    });
    expect(monthOf(new Date('2024-06-30T16:30:00Z'))).toBe('2024-07');
    expect(monthOf(new Date('2024-06-30T15:59:59Z'))).toBe('2024-06');
  });

  it('lists months across a year end', () => {
    expect(monthsEnding('2025-02', 4)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('reads a query period', () => {
    expect(periodFrom({ from: '2024-06-01', to: '2024-06-08' })).toEqual({
      from: new Date('2024-05-31T16:00:00Z'),
      to: new Date('2024-06-07T16:00:00Z'),
    });
    expect(periodFrom({}, new Date('2024-03-15T00:00:00Z'))).toEqual(monthPeriod('2024-03'));
    expect(() => periodFrom({ from: '2024-06-08', to: '2024-06-01' })).toThrow('from must be before to');
    expect(() => periodFrom({ to: '2024-06-01' })).toThrow('give both');
  });
});

describe('rankGroups', () => {
  it('orders by composite, then 满意率, then name in pinyin; unscored last without a rank', () => {
    const g = (name: string, composite: number | null, satisfactionRate: number | null) => ({
      name,
      composite,
      rates: { ...noRates, satisfactionRate },
    });
    const ranked = rankGroups([
      g('榆垡镇', null, null),
      g('西红门镇', 90, 0.9),
      g('安定镇', 90, 0.9),
      g('黄村镇', 90, 0.95),
      g('北臧村镇', 95, null),
      g('采育镇', 80, 1),
    ]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ['北臧村镇', 1],
      ['黄村镇', 2],
      ['安定镇', 3],
      ['西红门镇', 4],
      ['采育镇', 5],
      ['榆垡镇', null],
    ]);
  });
});
