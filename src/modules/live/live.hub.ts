import type { Db } from '../../platform/db/index.js';
import { findEventsAfter, maxEventSeq, type LiveEventRow } from './live.repository.js';

/** What the feed sends for one timeline entry (the SSE `id` is `seq`). */
export interface LiveEvent {
  seq: number;
  at: string;
  action: string;
  from: string | null;
  to: string | null;
  case: {
    id: string;
    number: string;
    title: string;
    status: string;
    category: string | null;
    area: string | null;
    leadUnit: string | null;
  };
}

/** One open stream: which cases it may see and where its events go. */
export interface LiveClient {
  /** The district path of the viewer (centre roles see their whole district, cases.scope.ts). */
  scopePath: string;
  send(event: LiveEvent): void;
  /** Asked to reload everything (a resume asked for more than the feed replays). */
  reset(): void;
}

/** How often the shared poller reads the timeline. */
export const POLL_MS = 1_000;
/** How long a missing number is waited for (a transaction that took its number but commits later). */
const LATE_MS = 30_000;
const BATCH = 500;
/** How many missed entries a resume replays before it asks the client to reload instead. */
const REPLAY_MAX = 500;

/** Whether a case lies in a district scope: the rule of cases.scope.ts for centre roles. */
export function visibleIn(
  scopePath: string,
  row: Pick<LiveEventRow, 'area_path' | 'lead_unit_path'>,
): boolean {
  if (row.area_path === null && row.lead_unit_path === null) return true;
  return !!row.area_path?.startsWith(scopePath) || !!row.lead_unit_path?.startsWith(scopePath);
}

function present(row: LiveEventRow): LiveEvent {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    action: row.action,
    from: row.from_status,
    to: row.to_status,
    case: {
      id: row.case_id,
      number: row.number,
      title: row.title,
      status: row.status,
      category: row.category_name,
      area: row.area_name,
      leadUnit: row.lead_unit_name,
    },
  };
}

/**
 * The one poller of this process, shared by all its streams: it reads case_events above a cursor
 * every POLL_MS while anyone listens. The database is the bus, so events written by any node reach
 * every node, on PGlite and PostgreSQL alike, with no LISTEN/NOTIFY. Identity numbers are taken at
 * insert and become visible at commit, so a number can appear after a higher one; numbers skipped
 * over are asked for again for LATE_MS (a rolled-back insert leaves a gap that never fills).
 */
export class LiveHub {
  private readonly clients = new Set<LiveClient>();
  private cursor: number | null = null;
  private readonly late = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
    private readonly pollMs = POLL_MS,
  ) {}

  /**
   * Adds a stream; with `after` (Last-Event-ID) it first gets what it missed. Returns the function
   * that removes it.
   */
  async subscribe(client: LiveClient, after?: number): Promise<() => void> {
    if (this.cursor === null) this.cursor = await maxEventSeq(this.db);
    const upTo = this.cursor;
    const replayed = new Set<number>();
    if (after !== undefined && after < upTo) {
      const rows = await findEventsAfter(this.db, after, [], REPLAY_MAX + 1);
      if (rows.length > REPLAY_MAX) client.reset();
      else {
        for (const row of rows) {
          if (row.seq > upTo) break;
          replayed.add(row.seq);
          if (visibleIn(client.scopePath, row)) client.send(present(row));
        }
      }
    }
    // Late entries below the cursor may also come through the poller: send each once.
    const member: LiveClient =
      replayed.size === 0
        ? client
        : { ...client, send: (e) => (replayed.has(e.seq) ? undefined : client.send(e)) };
    this.clients.add(member);
    this.schedule();
    return () => {
      this.clients.delete(member);
    };
  }

  /** How many streams are open on this node. */
  get size(): number {
    return this.clients.size;
  }

  /** Stops polling (the app is closing). */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.clients.clear();
  }

  private schedule(): void {
    if (this.timer || this.closed || this.clients.size === 0) return;
    this.timer = setTimeout(() => {
      this.poll()
        .catch(this.onError)
        .finally(() => {
          this.timer = undefined;
          this.schedule();
        });
    }, this.pollMs);
  }

  /** One read of the timeline; sends each new entry to the streams that may see it. */
  async poll(): Promise<number> {
    if (this.cursor === null) this.cursor = await maxEventSeq(this.db);
    const now = Date.now();
    for (const [seq, since] of this.late) if (now - since > LATE_MS) this.late.delete(seq);
    const rows = await findEventsAfter(this.db, this.cursor, [...this.late.keys()], BATCH);
    for (const row of rows) {
      const lateCommit = this.late.delete(row.seq);
      if (!lateCommit) {
        if (row.seq <= this.cursor) continue;
        for (let missing = this.cursor + 1; missing < row.seq && this.late.size < 10_000; missing++) {
          this.late.set(missing, now);
        }
        this.cursor = row.seq;
      }
      const event = present(row);
      for (const client of this.clients) if (visibleIn(client.scopePath, row)) client.send(event);
    }
    return rows.length;
  }
}
