import type { DeadlineSet } from '../../modules/categories/index.js';

type T = [number, 'hours' | 'workdays'];

const set = (normal: [T, T], urgent: [T, T], critical: [T, T]): DeadlineSet => {
  const terms = ([response, resolve]: [T, T]) => ({
    response: { amount: response[0], unit: response[1] },
    resolve: { amount: resolve[0], unit: resolve[1] },
  });
  return { normal: terms(normal), urgent: terms(urgent), critical: terms(critical) };
};

const h = (n: number): T => [n, 'hours'];
const wd = (n: number): T => [n, 'workdays'];

/**
 * Deadline templates after 12345 接诉即办 practice: first response (签收并联系诉求人) within
 * hours; consultations answered in 1–3 working days, help in 5, complaints in 10–15, and
 * urgent/critical matters in hours. City-management events (GB/T 30428) run from an hour for
 * emergencies to a few days; components (部件) a few days, dangerous ones (a missing manhole
 * cover) within a day. Each entry: [response, resolution] for normal, urgent, critical.
 */
export const profiles = {
  /** Policy questions a unit answers from the book (办事指南, 缴费). */
  consultQuick: set([h(4), wd(1)], [h(2), h(8)], [h(1), h(4)]),
  /** Questions needing a unit to look into the person's case. */
  consult: set([h(24), wd(3)], [h(2), h(24)], [h(1), h(8)]),
  /** Help with a concrete problem. */
  help: set([h(24), wd(5)], [h(2), h(24)], [h(1), h(4)]),
  /** Outages and failures people cannot wait days for (停水, 供暖不热, 燃气压力低). */
  utility: set([h(2), h(24)], [h(1), h(8)], [h(1), h(4)]),
  /** Complaints. */
  complaint: set([h(24), wd(10)], [h(2), h(48)], [h(1), h(12)]),
  /** Reports of violations (举报) and disputes that need investigation. */
  report: set([h(24), wd(15)], [h(2), h(72)], [h(1), h(24)]),
  /** Suggestions (建议). */
  suggestion: set([wd(2), wd(15)], [h(24), h(72)], [h(4), h(24)]),
  /** City-management events handled on the street the same day (街面秩序, 暴露垃圾). */
  street: set([h(2), h(24)], [h(1), h(4)], [h(1), h(2)]),
  /** City-management events needing planning or enforcement (施工, 广告). */
  event: set([h(4), wd(3)], [h(2), h(24)], [h(1), h(4)]),
  /** Emergencies (积水, 塌陷, 泄漏, 困人). */
  emergency: set([h(1), h(4)], [h(1), h(2)], [h(1), h(1)]),
  /** Damaged components (部件). */
  component: set([h(4), wd(5)], [h(2), h(24)], [h(1), h(4)]),
  /** Components whose failure endangers people (井盖缺失, 护栏缺失). */
  hazard: set([h(1), h(24)], [h(1), h(4)], [h(1), h(2)]),
} satisfies Record<string, DeadlineSet>;

export type ProfileName = keyof typeof profiles;

/** The profile a leaf gets when its data names none. */
export const defaultProfile = {
  consultation: 'consult',
  help: 'help',
  complaint: 'complaint',
  suggestion: 'suggestion',
  event: 'event',
  component: 'component',
} as const satisfies Record<string, ProfileName>;
