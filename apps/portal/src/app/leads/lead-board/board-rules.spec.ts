import type { CdkDrag } from '@angular/cdk/drag-drop';
import { LEAD_STATUSES, LEAD_TRANSITIONS, type LeadSummary } from '@showroom/contracts';
import { lead } from '../../../testing/fixtures';
import { canDropInto, emptyBoard, enterPredicateFor, withLeadMoved, withLeadReplaced } from './board-rules';

describe('board rules', () => {
  it('a card enters exactly the columns LEAD_TRANSITIONS allows from its status (or its own)', () => {
    for (const from of LEAD_STATUSES) {
      for (const to of LEAD_STATUSES) {
        const allowed = from === to || LEAD_TRANSITIONS[from].includes(to);
        const drag = { data: lead({ status: from }) } as CdkDrag<LeadSummary>;
        expect({ from, to, enters: enterPredicateFor(to)(drag) }).toEqual({ from, to, enters: allowed });
        expect(canDropInto(from, to)).toBe(allowed);
      }
    }
  });

  it('a sold card goes nowhere; a lost one can only be reopened as contacted', () => {
    const drag = (status: LeadSummary['status']) => ({ data: lead({ status }) }) as CdkDrag<LeadSummary>;
    expect(LEAD_STATUSES.filter((to) => to !== 'sold' && enterPredicateFor(to)(drag('sold')))).toEqual([]);
    expect(LEAD_STATUSES.filter((to) => to !== 'lost' && enterPredicateFor(to)(drag('lost')))).toEqual([
      'contacted',
    ]);
  });

  it('moves a card between columns without touching the board it came from', () => {
    const board = emptyBoard();
    board.new = { status: 'new', leads: [lead({ id: 'a' }), lead({ id: 'b' })], total: 9 };
    const moved = withLeadMoved(board, lead({ id: 'b' }), 'contacted', 0);
    expect(moved.new.leads.map((l) => l.id)).toEqual(['a']);
    expect(moved.new.total).toBe(8);
    expect(moved.contacted.leads.map((l) => [l.id, l.status])).toEqual([['b', 'contacted']]);
    expect(moved.contacted.total).toBe(1);
    expect(board.new.leads.length).toBe(2);

    const replaced = withLeadReplaced(moved, lead({ id: 'b', status: 'contacted', assignee: null }));
    expect(replaced.contacted.leads[0].assignee).toBeNull();
  });
});
