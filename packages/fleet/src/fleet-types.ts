import type { CheckResult, Confirmations, PreflightReport } from '@ecs-resize/core';
import type { RequestFacts } from '@ecs-resize/core/internal';

/**
 * One resize of a fleet: which server, to which flavor, with what the operator confirms, and
 * what the request carries (`mode`; `autoPay` for a yearly/monthly server and `dedicatedHostId`
 * for one on a dedicated host, each sending the resize to v1.1, as the same options of `resize`).
 */
export interface FleetItem extends RequestFacts {
  serverId: string;
  flavorRef: string;
  confirmations?: Confirmations | undefined;
  mode?: 'withStopServer' | undefined;
}

/** The plan of one item: `ready` (the rules pass), `blocked` (they do not), or `error` (a look-up failed). */
export interface FleetItemPlan {
  item: FleetItem;
  status: 'ready' | 'blocked' | 'error';
  /** The rules' report (ready and blocked). */
  report?: PreflightReport | undefined;
  /** The facts checked (ready and blocked). */
  facts?: CheckResult['facts'] | undefined;
  /** What failed (error). */
  error?: unknown;
}

/** A fleet plan: one plan per item, in input order, and the counts. */
export interface FleetPlan {
  items: FleetItemPlan[];
  summary: {
    total: number;
    ready: number;
    blocked: number;
    errors: number;
    /** How many blocked items each rule blocked (an item blocked by two rules counts for both). */
    blockedByRule: Record<string, number>;
  };
}

/**
 * Where an item of `applyFleet` stands. `sending`: the resize is about to go, or went with no
 * clear answer: whether it happened is uncertain, so it is never sent again automatically.
 */
export type FleetJournalState = 'sending' | 'submitted' | 'succeeded' | 'failed' | 'blocked' | 'error';

/** One event of `applyFleet`: an item's new state. A journal of them lets a re-run resume. */
export interface FleetJournalEntry {
  serverId: string;
  flavorRef: string;
  state: FleetJournalState;
  jobId?: string | undefined;
  orderId?: string | undefined;
  /** What went wrong (failed, blocked, error, or a `sending` whose answer was lost). */
  error?: string | undefined;
  /** When (ISO 8601). */
  at: string;
}
