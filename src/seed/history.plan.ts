import { rng } from '../modules/classifier/index.js';
import { roads, surnames, templates, type HistoryChannel, type HistoryTemplate } from './history.texts.js';

const HOUR = 3_600_000;
/** How many of the last reports are still being worked on when the history ends. */
const IN_HAND = 9;
const DAY = 24 * HOUR;

/** The channel mix of the demo district: share of reports per channel. */
const channelMix: ReadonlyArray<[HistoryChannel, number]> = [
  ['hotline', 0.45],
  ['web', 0.12],
  ['wechat', 0.18],
  ['grid', 0.15],
  ['iot', 0.1],
];

/** What happens to one case, drawn once when it is planned (so the draws never depend on order). */
export interface Fate {
  invalid: boolean;
  /** Waits in the dispatcher queue for a day or so (the queue's backlog). */
  backlog: boolean;
  /** A hotline consultation answered at intake (直接办结). */
  answerAtIntake: boolean;
  /** The hotline agent dispatches through the catalogue at intake (else the dispatcher does). */
  dispatchAtIntake: boolean;
  returnOnce: boolean;
  lateResponse: boolean;
  extension: boolean;
  approveExtension: boolean;
  lateResolve: boolean;
  /** Never resolved: stays with its unit, overdue. */
  stuck: boolean;
  verifyFail: boolean;
  urge: boolean;
  satisfaction: 'satisfied' | 'basically_satisfied' | 'unsatisfied';
  solved: boolean;
  reopen: boolean;
  /** The reporter cannot be reached for the callback: closed from verified with a note. */
  unreachable: boolean;
  /** The step this case has not reached when the history ends (the work in hand of the last day). */
  holdBefore: 'dispatch' | 'accept' | 'contact' | 'redispatch' | 'verify' | 'evaluate' | null;
  /** Uniform draws for the delays of this case, used in order. */
  delays: () => number;
}

export interface PlannedCase {
  index: number;
  at: Date;
  channel: HistoryChannel;
  template: HistoryTemplate;
  text: string;
  communityIndex: number;
  priority: 'normal' | 'urgent';
  reporter: { name: string; phone: string } | null;
  fate: Fate;
  /** The earlier planned case this report repeats (the dispatcher merges them, 并案), if any. */
  repeatOf: number | null;
}

export interface Place {
  street: string;
  community: string;
  /** Whether the grid inspector's patrol covers it. */
  patrolled: boolean;
}

/** Fewer reports at weekends; a little noise from day to day. */
function dayRate(perWorkday: number, day: Date, random: () => number): number {
  const weekday = day.getUTCDay();
  const factor = weekday === 0 || weekday === 6 ? 0.65 : 1;
  return Math.round(perWorkday * factor * (0.8 + 0.4 * random()));
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted<T>(items: ReadonlyArray<[T, number]>, random: () => number): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** An hour of the day (Beijing time) for a report of this channel: people call by day, sensors any time. */
function hourOf(channel: HistoryChannel, random: () => number): number {
  if (channel === 'iot') return random() * 24;
  if (channel === 'grid') return 8.5 + random() * 8.5;
  // Calls and messages: most between 8 and 21, some late in the evening.
  return random() < 0.9 ? 8 + random() * 13 : 21 + random() * 2.5;
}

function drawFate(seed: number, template: HistoryTemplate, channel: HistoryChannel): Fate {
  const r = rng(seed);
  const satisfaction = weighted<Fate['satisfaction']>(
    [
      ['satisfied', 0.72],
      ['basically_satisfied', 0.17],
      ['unsatisfied', 0.11],
    ],
    r,
  );
  const solved = satisfaction === 'unsatisfied' ? r() < 0.35 : r() < 0.96;
  return {
    invalid: channel === 'hotline' && template.kind !== 'consultation' && r() < 0.03,
    backlog: r() < 0.12,
    answerAtIntake: template.kind === 'consultation' && r() < 0.7,
    dispatchAtIntake: r() < 0.6,
    returnOnce: r() < 0.05,
    lateResponse: r() < 0.07,
    extension: r() < 0.05,
    approveExtension: r() < 0.85,
    lateResolve: r() < 0.08,
    stuck: r() < 0.02,
    verifyFail: r() < 0.04,
    urge: r() < 0.6,
    satisfaction,
    solved,
    reopen: r() < 0.35,
    unreachable: r() < 0.06,
    holdBefore: null,
    delays: rng(seed ^ 0x5bd1e995),
  };
}

function fill(text: string, place: Place, random: () => number): string {
  return text
    .replaceAll('{street}', place.street)
    .replaceAll('{community}', place.community)
    .replaceAll('{road}', pick(roads, random))
    .replaceAll('{n}', String(100 + Math.floor(random() * 900)))
    .replaceAll('{bldg}', String(1 + Math.floor(random() * 28)));
}

/**
 * The reports of `days` days before `end`, oldest first: per day about `perWorkday` reports (fewer
 * at weekends), each with
 * its time, channel, category template, place, text, reporter and fate. Pure and deterministic:
 * the same seed, days, end and places give the same plan.
 */
export function planHistory(
  seed: number,
  days: number,
  perWorkday: number,
  end: Date,
  places: readonly Place[],
): PlannedCase[] {
  const random = rng(seed);
  const patrolled = places.map((p, i) => [p, i] as const).filter(([p]) => p.patrolled);
  const out: PlannedCase[] = [];
  // Midnight in Beijing (UTC+8) of the first day.
  const firstDay = Math.floor((end.getTime() + 8 * HOUR) / DAY - days) * DAY - 8 * HOUR;
  for (let d = 0; d <= days; d++) {
    const dayStart = firstDay + d * DAY;
    const n = dayRate(perWorkday, new Date(dayStart + 8 * HOUR), random);
    const today: PlannedCase[] = [];
    for (let i = 0; i < n; i++) {
      // Now and then someone calls again about a problem reported in the last two days.
      const recent = out.filter((p) => p.at.getTime() > dayStart - DAY && p.channel !== 'iot');
      if (recent.length > 0 && random() < 0.05) {
        const first = pick(recent, random);
        const at = new Date(dayStart + hourOf('hotline', random) * HOUR);
        if (at < end) {
          today.push({
            ...first,
            at,
            channel: 'hotline',
            text: `再次反映：${first.text}`,
            fate: drawFate(Math.floor(random() * 2 ** 31), first.template, 'hotline'),
            repeatOf: first.index,
          });
        }
        continue;
      }
      const channel = weighted(channelMix, random);
      const at = new Date(dayStart + hourOf(channel, random) * HOUR);
      if (at >= end || at.getTime() < end.getTime() - days * DAY) continue;
      const fitting = templates.filter((t) => t.channels.includes(channel));
      const template = weighted(
        fitting.map((t) => [t, t.weight] as [HistoryTemplate, number]),
        random,
      );
      const sensor = channel === 'iot';
      const texts = template.texts.filter((t) => t.startsWith('【物联感知告警】') === sensor);
      const [place, communityIndex] =
        channel === 'grid' && patrolled.length > 0
          ? pick(patrolled, random)
          : (() => {
              const k = Math.floor(random() * places.length);
              return [places[k]!, k] as const;
            })();
      const anonymous = sensor || channel === 'grid' || random() < 0.15;
      today.push({
        index: 0, // numbered below, once the day is sorted
        at,
        channel,
        template,
        text: fill(pick(texts.length > 0 ? texts : template.texts, random), place, random),
        communityIndex,
        priority: random() < (template.urgent ?? 0.05) ? 'urgent' : 'normal',
        reporter: anonymous
          ? null
          : {
              name: `${pick(surnames, random)}${random() < 0.5 ? '先生' : '女士'}`,
              phone: `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
            },
        fate: drawFate(Math.floor(random() * 2 ** 31), template, channel),
        repeatOf: null,
      });
    }
    today.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const c of today) out.push({ ...c, index: out.length });
  }
  // The last reports are still in hand when the history ends, one at each desk in turn: the
  // dispatcher queue (hotline reports the agent did not dispatch), units yet to sign or to call
  // back, a 退单 awaiting 改派, a result awaiting 核查, a callback not yet made.
  const holds = ['accept', 'contact', 'redispatch', 'verify', 'evaluate'] as const;
  const recent = out.filter((c) => c.repeatOf == null).slice(-IN_HAND);
  const queued = recent
    .filter((c) => c.channel === 'hotline' && c.template.kind !== 'consultation')
    .slice(0, 2);
  let turn = 0;
  for (const c of recent) {
    const hold = queued.includes(c) ? 'dispatch' : holds[turn++ % holds.length]!;
    c.fate = { ...c.fate, holdBefore: hold, invalid: false, answerAtIntake: false, stuck: false };
    if (hold === 'redispatch') c.fate.returnOnce = true;
    if (hold === 'dispatch') c.fate.dispatchAtIntake = false;
  }
  return out;
}

/** The next moment someone at a desk acts on it: office hours 8:00–20:00 Beijing time. */
export function atDesk(t: number, random: () => number): number {
  const hour = ((((t + 8 * HOUR) % DAY) + DAY) % DAY) / HOUR;
  if (hour >= 8 && hour < 20) return t;
  const untilEight = hour < 8 ? (8 - hour) * HOUR : (32 - hour) * HOUR;
  return t + untilEight + random() * HOUR;
}

export const hours = (n: number) => n * HOUR;
