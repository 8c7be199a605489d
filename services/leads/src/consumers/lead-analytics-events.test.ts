import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OutboxEvent } from '../outbox/events';
import { leadAnalyticsEvents, type LeadAnalyticsFacts } from './lead-analytics-events';

const lead: LeadAnalyticsFacts = {
  source: 'cars_com',
  traffic_source: null,
  channel: 'adf',
  vehicle_id: null,
  assignee_id: 'auth0|sara',
  assignee_name: 'Sara Sales',
};
const event = (overrides: Partial<OutboxEvent>): OutboxEvent => ({
  eventId: randomUUID(),
  dealershipId: randomUUID(),
  leadId: randomUUID(),
  occurredAt: new Date('2026-12-06T10:00:00.000Z'),
  type: 'status_changed',
  actor: null,
  shopperName: 'Maya Patel',
  assigneeId: 'auth0|sara',
  summary: 'Status: New → Contacted',
  data: {},
  ...overrides,
});

describe('which analytics events a lead event stands for', () => {
  it('a lead counts under the traffic source of the visit that sent it, else under its own source', () => {
    const created = event({ type: 'lead_created', assigneeId: null });
    const website = {
      ...lead,
      source: 'website:request_quote',
      traffic_source: 'google',
      channel: 'website' as const,
    };
    expect(leadAnalyticsEvents(created, website)[0]).toMatchObject({ source: 'google', channel: 'website' });
    expect(leadAnalyticsEvents(created, lead)[0]).toMatchObject({ source: 'cars_com', channel: 'adf' });
  });

  it('events analytics does not count stand for none (notes, tasks, e-mails, unassigned, returning shoppers)', () => {
    for (const type of [
      'note_added',
      'task_created',
      'email_sent',
      'unassigned',
      'duplicate_attached',
    ] as const) {
      expect(leadAnalyticsEvents(event({ type }), lead)).toEqual([]);
    }
  });

  it('a first response without an actor is the assignee’s; without an assignee it has no salesperson', () => {
    const data = { from: 'new', to: 'contacted', firstResponseSeconds: 90.4 };
    const [response] = leadAnalyticsEvents(event({ data }), lead);
    expect(response).toMatchObject({
      type: 'lead_first_response',
      responseSeconds: 90,
      salespersonId: 'auth0|sara',
      salespersonName: 'Sara Sales',
    });
    const [unowned] = leadAnalyticsEvents(event({ data, assigneeId: null }), { ...lead, assignee_id: null });
    expect(unowned).toMatchObject({ salespersonId: null, salespersonName: null });
  });

  it('after a reassignment, an earlier event keeps its assignee’s id but not a name that is now someone else’s', () => {
    const [moved] = leadAnalyticsEvents(event({ data: { from: 'contacted', to: 'negotiation' } }), {
      ...lead,
      assignee_id: 'auth0|tom',
      assignee_name: 'Tom Sales',
    });
    expect(moved).toMatchObject({
      type: 'lead_status_changed',
      salespersonId: 'auth0|sara',
      salespersonName: null,
    });
  });

  it('a loss without a stored reason counts as other; nothing names the shopper', () => {
    const events = leadAnalyticsEvents(event({ data: { from: 'contacted', to: 'lost' } }), lead);
    expect(events).toMatchObject([{ type: 'lead_lost', status: 'lost', lostReason: 'other' }]);
    expect(JSON.stringify(events)).not.toContain('Maya');
  });
});
