import { type AnalyticsEvent } from '@showroom/contracts';
import { describe, expect, it } from 'vitest';
import type { AnalyticsEngine } from '../port';
import { approx, event, freshLeadId, leadFlow, NEIGHBOUR, period, uuid } from './fixtures';

/**
 * First response: per salesperson and overall, interpolated median and 90th percentile, answers
 * within the target.
 */
export function describeResponses(engine: AnalyticsEngine): void {
  describe('first response by salesperson', () => {
    it('gives each salesperson’s count, interpolated median and 90th percentile, and responses within the target (inclusive)', async () => {
      await engine.append(leadFlow());

      // Avery: 60 and 120 s → median 90, p90 = 60 + 0.9 × 60 = 114, both within 300.
      // Blake: 300 and 600 s → median 450, p90 = 300 + 0.9 × 300 = 570, one within 300 (300 itself).
      // Lead 9's 45 s was at the neighbouring rooftop.
      expect(approx(await engine.firstResponseBySalesperson(period(), 300))).toEqual([
        {
          salespersonId: 'sp-avery',
          salespersonName: 'Avery Stone',
          responses: 2,
          medianSeconds: 90,
          p90Seconds: 114,
          withinTarget: 2,
        },
        {
          salespersonId: 'sp-blake',
          salespersonName: 'Blake Reed',
          responses: 2,
          medianSeconds: 450,
          p90Seconds: 570,
          withinTarget: 1,
        },
      ]);
      expect(
        approx(await engine.firstResponseBySalesperson(period({ salespersonId: 'sp-blake' }), 300)),
      ).toEqual([
        {
          salespersonId: 'sp-blake',
          salespersonName: 'Blake Reed',
          responses: 2,
          medianSeconds: 450,
          p90Seconds: 570,
          withinTarget: 1,
        },
      ]);
    });

    it('orders by responses, then name; takes the name on the latest response; leaves out answers with no salesperson', async () => {
      const response = (at: string, seconds: number, person: Partial<AnalyticsEvent>) =>
        event('lead_first_response', at, {
          leadId: freshLeadId(),
          responseSeconds: seconds,
          ...person,
        });
      await engine.append([
        // Four answers: sorted 60, 120, 300, 900 → median (120 + 300) / 2 = 210; p90 at rank 2.7 → 300 + 0.7 × 600 = 720.
        response('2026-03-02T15:00:00Z', 300, { salespersonId: 'sp-casey', salespersonName: 'Casey Lane' }),
        response('2026-03-02T16:00:00Z', 60, { salespersonId: 'sp-casey', salespersonName: 'Casey Lane' }),
        response('2026-03-03T16:00:00Z', 900, { salespersonId: 'sp-casey', salespersonName: 'Casey Lane' }),
        response('2026-03-04T16:00:00Z', 120, {
          salespersonId: 'sp-casey',
          salespersonName: 'Casey Lane-Ortiz',
        }),
        response('2026-03-02T17:00:00Z', 30, { salespersonId: 'sp-zed', salespersonName: 'Dana Zed' }),
        response('2026-03-02T18:00:00Z', 40, { salespersonId: 'sp-abe', salespersonName: 'Eli Abe' }),
        response('2026-03-02T19:00:00Z', 50, { salespersonId: null, salespersonName: null }),
      ]);

      expect(approx(await engine.firstResponseBySalesperson(period(), 600))).toEqual([
        {
          salespersonId: 'sp-casey',
          salespersonName: 'Casey Lane-Ortiz',
          responses: 4,
          medianSeconds: 210,
          p90Seconds: 720,
          withinTarget: 3,
        },
        {
          salespersonId: 'sp-zed',
          salespersonName: 'Dana Zed',
          responses: 1,
          medianSeconds: 30,
          p90Seconds: 30,
          withinTarget: 1,
        },
        {
          salespersonId: 'sp-abe',
          salespersonName: 'Eli Abe',
          responses: 1,
          medianSeconds: 40,
          p90Seconds: 40,
          withinTarget: 1,
        },
      ]);
    });
  });

  describe('first response overall', () => {
    it('takes every answer of the period as one set, narrowed to a salesperson when asked', async () => {
      await engine.append(leadFlow());

      // 60, 120, 300, 600 → median 210; p90 at rank 2.7 → 300 + 0.7 × 300 = 510; three within 300.
      expect(approx(await engine.firstResponseOverall(period(), 300))).toEqual({
        responses: 4,
        medianSeconds: 210,
        p90Seconds: 510,
        withinTarget: 3,
      });
      expect(approx(await engine.firstResponseOverall(period({ salespersonId: 'sp-avery' }), 300))).toEqual({
        responses: 2,
        medianSeconds: 90,
        p90Seconds: 114,
        withinTarget: 2,
      });
    });

    it('counts an answer nobody is named on, and gives nulls when there is no answer', async () => {
      await engine.append([
        ...[300, 60, 900, 120, 30, 40].map((seconds, i) =>
          event('lead_first_response', `2026-03-02T1${i}:00:00Z`, {
            leadId: uuid('lead', 500 + i),
            responseSeconds: seconds,
            salespersonId: `sp-${i % 2}`,
            salespersonName: null,
          }),
        ),
        event('lead_first_response', '2026-03-03T10:00:00Z', {
          leadId: uuid('lead', 599),
          responseSeconds: 50,
        }),
      ]);

      // 30, 40, 50, 60, 120, 300, 900 → median 60; p90 at rank 5.4 → 300 + 0.4 × 600 = 540; six within 600.
      expect(approx(await engine.firstResponseOverall(period(), 600))).toEqual({
        responses: 7,
        medianSeconds: 60,
        p90Seconds: 540,
        withinTarget: 6,
      });
      expect(await engine.firstResponseOverall(period({ dealershipIds: [NEIGHBOUR] }), 600)).toEqual({
        responses: 0,
        medianSeconds: null,
        p90Seconds: null,
        withinTarget: 0,
      });
    });
  });
}
