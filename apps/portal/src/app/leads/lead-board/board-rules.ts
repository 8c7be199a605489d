import type { CdkDrag } from '@angular/cdk/drag-drop';
import { canMoveLead, LEAD_STATUSES, type LeadStatus, type LeadSummary } from '@showroom/contracts';

export interface BoardColumn {
  status: LeadStatus;
  leads: LeadSummary[];
  /** All leads in this status, of which `leads` are the most recently active. */
  total: number;
}

export type Board = Record<LeadStatus, BoardColumn>;

/** A card may go back where it came from, or into a status the pipeline allows from its own. */
export function canDropInto(from: LeadStatus, to: LeadStatus): boolean {
  return from === to || canMoveLead(from, to);
}

/** The `cdkDropListEnterPredicate` of a column: only cards that may move into its status enter. */
export function enterPredicateFor(status: LeadStatus): (drag: CdkDrag<LeadSummary>) => boolean {
  return (drag) => {
    const lead = drag.data as LeadSummary | undefined;
    return lead !== undefined && canDropInto(lead.status, status);
  };
}

export function emptyBoard(): Board {
  const board = {} as Board;
  for (const status of LEAD_STATUSES) board[status] = { status, leads: [], total: 0 };
  return board;
}

/**
 * The board after `lead` moved to `to` (at `index` in that column), as a new object: the columns
 * are signals' values and must not be changed in place.
 */
export function withLeadMoved(board: Board, lead: LeadSummary, to: LeadStatus, index: number): Board {
  const from = findColumn(board, lead.id);
  const next = { ...board };
  if (from) {
    next[from] = {
      ...board[from],
      leads: board[from].leads.filter((l) => l.id !== lead.id),
      total: Math.max(0, board[from].total - 1),
    };
  }
  const target = next[to];
  const leads = [...target.leads];
  leads.splice(Math.max(0, Math.min(index, leads.length)), 0, { ...lead, status: to });
  next[to] = { ...target, leads, total: target.total + 1 };
  return next;
}

/** Replaces a card with the service's version of it, where it is. */
export function withLeadReplaced(board: Board, lead: LeadSummary): Board {
  const column = findColumn(board, lead.id);
  if (!column) return board;
  if (column !== lead.status) {
    const index = board[column].leads.findIndex((l) => l.id === lead.id);
    return withLeadMoved(board, lead, lead.status, index);
  }
  return {
    ...board,
    [column]: { ...board[column], leads: board[column].leads.map((l) => (l.id === lead.id ? lead : l)) },
  };
}

export function findColumn(board: Board, leadId: string): LeadStatus | null {
  return LEAD_STATUSES.find((status) => board[status].leads.some((l) => l.id === leadId)) ?? null;
}

export function indexIn(board: Board, leadId: string): number {
  const column = findColumn(board, leadId);
  return column ? board[column].leads.findIndex((l) => l.id === leadId) : -1;
}
