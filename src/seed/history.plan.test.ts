import { describe, expect, it } from 'vitest';
import { flattenTaxonomy, seedTaxonomy } from './catalogue.js';
import { planHistory, type Place } from './history.plan.js';
import { templates } from './history.texts.js';

const places: Place[] = [
  { street: '西红门', community: '宏大园', patrolled: true },
  { street: '黄村', community: '兴华园', patrolled: false },
  { street: '清源', community: '枣园', patrolled: false },
];
const end = new Date('2026-11-10T02:00:00Z');

describe('planHistory', () => {
  it('gives the same plan for the same inputs, and another for another seed', () => {
    const a = planHistory(7, 30, 8, end, places);
    const b = planHistory(7, 30, 8, end, places);
    const strip = (p: typeof a) => p.map(({ fate: { delays: _d, ...fate }, ...rest }) => ({ ...rest, fate }));
    expect(strip(a)).toEqual(strip(b));
    expect(strip(planHistory(8, 30, 8, end, places))).not.toEqual(strip(a));
  });

  it('spreads reports over the days before the end, oldest first, with filled texts', () => {
    const plan = planHistory(7, 30, 8, end, places);
    expect(plan.length).toBeGreaterThan(30 * 5);
    expect(plan.length).toBeLessThan(30 * 10);
    const times = plan.map((p) => p.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(end.getTime() - 30 * 86_400_000);
    expect(Math.max(...times)).toBeLessThan(end.getTime());
    for (const p of plan) {
      expect(p.text).not.toMatch(/[{}]/);
      if (p.repeatOf == null) expect(p.template.channels).toContain(p.channel);
      if (p.channel === 'grid') expect(places[p.communityIndex]!.patrolled).toBe(true);
    }
    expect(new Set(plan.map((p) => p.channel))).toEqual(new Set(['hotline', 'web', 'wechat', 'grid', 'iot']));
    expect(plan.some((p) => p.repeatOf != null)).toBe(true);
  });

  it('keeps the last reports in hand at every desk', () => {
    const plan = planHistory(7, 30, 8, end, places);
    const held = new Set(plan.map((p) => p.fate.holdBefore).filter(Boolean));
    expect(held).toEqual(new Set(['dispatch', 'accept', 'contact', 'redispatch', 'verify', 'evaluate']));
  });

  it('names leaf categories of the demo taxonomy, each once', () => {
    const leaves = new Set(
      flattenTaxonomy(seedTaxonomy)
        .filter((c) => c.isLeaf)
        .map((c) => c.code),
    );
    const codes = templates.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(leaves.has(code), code).toBe(true);
  });
});
