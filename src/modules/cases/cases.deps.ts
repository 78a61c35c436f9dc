import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import type { CaseRow, Category, DeadlinePolicy, OrgUnit, Priority } from '../../platform/db/schema.js';
import type { Suggestion } from '../suggest/suggest.service.js';
import type { AddDuration } from './cases.deadlines.js';

/**
 * What the case module needs from its neighbours (org, categories, calendar, dispatch),
 * named in one place so the lifecycle code reads as the domain and not as joins.
 */
export interface DispatchDecision {
  ruleId: number | null;
  leadUnitId: number;
  coUnitIds: number[];
  reason: string;
}

export interface CaseDeps {
  findUnit(db: Conn, idOrCode: number | string): Promise<OrgUnit | undefined>;
  findCategory(db: Conn, code: string): Promise<Category | undefined>;
  findCategoryById(db: Conn, id: number): Promise<Category | undefined>;
  currentPolicy(db: Conn, categoryId: number, priority: Priority): Promise<DeadlinePolicy | undefined>;
  resolveDispatch(
    db: Conn,
    input: { categoryId: number; areaUnitId: number | null },
  ): Promise<DispatchDecision | null>;
  calendar(db: Conn): Promise<AddDuration>;
  /** Address resolution (modules/geo): a report's address and/or coordinates → street and community. */
  locate(ctx: AppContext, db: Conn, input: LocateProbe): Promise<LocatedArea>;
  /** 并案 (modules/similar): proposals for a new report, and the index kept up to date. */
  similar: SimilarDeps;
  /** 一网通答 (modules/knowledge): one use of an article an answer came from (article_not_found if none). */
  knowledgeUsed(db: Conn, articleId: number, at: Date): Promise<void>;
  /** Smart dispatch (modules/suggest): the active model's category and unit for a report. */
  suggest(
    ctx: AppContext,
    db: Conn,
    probe: { text: string; title: string | null; areaUnitId: number | null },
  ): Promise<Suggestion | null>;
}

/** What a report's text has in common with open cases; `autoMerge` is the case it joins by itself. */
export interface SimilarAtIntake {
  proposals: { caseId: string; number: string; score: number; evidence: object }[];
  autoMerge: { caseId: string; number: string; score: number; evidence: object } | null;
}

export interface SimilarDeps {
  /** Indexes a new report's text under `newCaseId` and finds the open cases it probably repeats. */
  atIntake(
    ctx: AppContext,
    db: Conn,
    probe: {
      text: string;
      title: string | null;
      lon: number | null;
      lat: number | null;
      categoryId: number | null;
      areaUnitId: number | null;
      at: Date;
    },
    newCaseId: string,
  ): Promise<SimilarAtIntake>;
  /** A report joined `targetId`; `indexedAs` is the id atIntake indexed it under, if it did. */
  joined(
    db: Conn,
    args: { targetId: string; text: string; at: Date; indexedAs: string | null },
  ): Promise<void>;
  /** Staff merged `from` into `into`: the pair is recorded as accepted and `from`'s index rows move to `into`. */
  merged(
    ctx: AppContext,
    db: Conn,
    args: { from: CaseRow; into: CaseRow; userId: number; reason: string | null; at: Date },
  ): Promise<void>;
  /**
   * Staff split a report out of `from` into the new case `into`: the report's words leave `from`'s
   * index, `into` is indexed, and the pair is never proposed for merging again.
   */
  split(
    ctx: AppContext,
    db: Conn,
    args: {
      from: CaseRow;
      into: CaseRow;
      report: { text: string; lon: number | null; lat: number | null };
      staying: ReadonlyArray<{ text: string; lon: number | null; lat: number | null }>;
      userId: number;
      reason: string | null;
      at: Date;
    },
  ): Promise<void>;
}

export interface LocateProbe {
  address: string | null;
  lon: number | null;
  lat: number | null;
}

/** What modules/geo read from an address (a subset of its resolution). */
export interface LocatedArea {
  status: 'resolved' | 'district_only' | 'other_district' | 'unresolved';
  street: { id: number; code: string; name: string } | null;
  community: { id: number; code: string; name: string } | null;
  confidence: number;
  communityConfidence: number;
  matches: Array<{ text: string; kind: string }>;
}
