import { describe, expect, it } from 'vitest';
import type { AnalyticsEngine } from '../port';
import {
  ROOFTOP,
  NEIGHBOUR,
  QUIET_ROOFTOP,
  period,
  uuid,
  event,
  AVERY,
  BLAKE,
  leadFlow,
  approx,
  arrival,
} from './fixtures';

/**
 * Leads and the funnel: leads by source and day, the funnel by source, close rate inputs, rooftop
 * figures and lead sources, with and without a salesperson.
 */
export function describeLeadsAndFunnel(engine: AnalyticsEngine): void {
  describe('leads by source and day', () => {
    it('orders days ascending, then leads descending, then sources by name; a lead without a source is "unknown"', async () => {
      await engine.append([
        arrival('2026-03-02T15:00:00Z', 'facebook'),
        arrival('2026-03-02T16:00:00Z', 'cars.com'),
        arrival('2026-03-02T17:00:00Z', 'cars.com'),
        arrival('2026-03-02T18:00:00Z', 'autotrader'),
        arrival('2026-03-03T15:00:00Z', 'zillow'),
        arrival('2026-03-03T16:00:00Z', null),
      ]);

      expect(await engine.leadsBySourceAndDay(period())).toEqual([
        { day: '2026-03-02', source: 'cars.com', leads: 2 },
        { day: '2026-03-02', source: 'autotrader', leads: 1 },
        { day: '2026-03-02', source: 'facebook', leads: 1 },
        { day: '2026-03-03', source: 'unknown', leads: 1 },
        { day: '2026-03-03', source: 'zillow', leads: 1 },
      ]);
    });

    it('counts another dealership’s leads only when the filter names it', async () => {
      await engine.append([
        arrival('2026-03-02T16:00:00Z'),
        arrival('2026-03-02T17:00:00Z', 'cars.com', NEIGHBOUR),
        arrival('2026-03-02T18:00:00Z', 'cars.com', NEIGHBOUR),
      ]);

      expect(await engine.leadsBySourceAndDay(period())).toEqual([
        { day: '2026-03-02', source: 'cars.com', leads: 1 },
      ]);
      expect(await engine.leadsBySourceAndDay(period({ dealershipIds: [ROOFTOP, NEIGHBOUR] }))).toEqual([
        { day: '2026-03-02', source: 'cars.com', leads: 3 },
      ]);
    });

    it('counts a salesperson’s leads when they were assigned, each lead once, on its first assignment in the period', async () => {
      await engine.append(leadFlow());

      // Avery: lead 1 (2 Mar), lead 3 (3 Mar, again on 4 Mar), lead 4 (4 Mar, no source); lead 0 was hers in February.
      expect(await engine.leadsBySourceAndDay(period({ salespersonId: AVERY.salespersonId }))).toEqual([
        { day: '2026-03-02', source: 'cars.com', leads: 1 },
        { day: '2026-03-03', source: 'facebook', leads: 1 },
        { day: '2026-03-04', source: 'unknown', leads: 1 },
      ]);
      // Without a salesperson a lead counts when it arrives: leads 1 and 2 on 2 Mar, 3 on 3 Mar, 4 on 4 Mar.
      expect(await engine.leadsBySourceAndDay(period())).toEqual([
        { day: '2026-03-02', source: 'cars.com', leads: 2 },
        { day: '2026-03-03', source: 'facebook', leads: 1 },
        { day: '2026-03-04', source: 'unknown', leads: 1 },
      ]);
    });
  });

  describe('the funnel by source', () => {
    it('counts weighted views, leads, appointments set and sales per source, most leads first', async () => {
      // A lead from zillow that only reached "contacted" in the period: no step, so no row.
      const contactedOnly = event('lead_status_changed', '2026-03-03T12:00:00Z', {
        leadId: uuid('lead', 77),
        source: 'zillow',
        status: 'contacted',
        ...BLAKE,
      });
      await engine.append([...leadFlow(), contactedOnly]);

      // cars.com: views 1 + 1, leads 1 and 2, lead 1's appointment, sales of leads 1 and 0.
      // facebook: a view weighing 2.5, lead 3 and its appointment ("contacted" is not one).
      // unknown: lead 4 and its sale. direct: one view.
      expect(await engine.funnelBySource(period())).toEqual([
        { source: 'cars.com', vehicleViews: 2, leads: 2, appointments: 1, sold: 2 },
        { source: 'facebook', vehicleViews: 2.5, leads: 1, appointments: 1, sold: 0 },
        { source: 'unknown', vehicleViews: 0, leads: 1, appointments: 0, sold: 1 },
        { source: 'direct', vehicleViews: 1, leads: 0, appointments: 0, sold: 0 },
      ]);
    });

    it('narrowed to a salesperson, counts their leads, appointments and sales, and still every view', async () => {
      await engine.append(leadFlow());

      // Blake: leads 2 (cars.com), 3 (facebook, handed to him on 3 Mar) and 4 (unknown); no appointment, no sale.
      expect(await engine.funnelBySource(period({ salespersonId: BLAKE.salespersonId }))).toEqual([
        { source: 'cars.com', vehicleViews: 2, leads: 1, appointments: 0, sold: 0 },
        { source: 'facebook', vehicleViews: 2.5, leads: 1, appointments: 0, sold: 0 },
        { source: 'unknown', vehicleViews: 0, leads: 1, appointments: 0, sold: 0 },
        { source: 'direct', vehicleViews: 1, leads: 0, appointments: 0, sold: 0 },
      ]);
    });

    it('sums the weight of sampled views rather than counting them', async () => {
      // Three views from visits sampled at 30 % stand for ten.
      const sampled = 1 / 0.3;
      await engine.append(
        [1, 2, 3].map((n) =>
          event('vehicle_view', `2026-03-02T1${n}:00:00Z`, {
            vehicleId: uuid('vehicle', n),
            source: 'google',
            sessionId: `visit-${n}aaaaaaaaaaaaaaaa`,
            weight: sampled,
          }),
        ),
      );

      const [google] = await engine.funnelBySource(period());

      expect(google?.source).toBe('google');
      expect(google?.vehicleViews).toBeCloseTo(10, 9);
    });
  });

  describe('close rate inputs', () => {
    it('by source: leads as they arrived and sales in the period, whenever the lead came', async () => {
      await engine.append(leadFlow());

      // cars.com: leads 1 and 2; sold leads 1 and 0 (lead 0 arrived in February). unknown: lead 4, sold.
      expect(await engine.leadsAndSalesBySource(period())).toEqual([
        { source: 'cars.com', leads: 2, sold: 2 },
        { source: 'facebook', leads: 1, sold: 0 },
        { source: 'unknown', leads: 1, sold: 1 },
      ]);
      expect(await engine.leadsAndSalesBySource(period({ salespersonId: 'sp-avery' }))).toEqual([
        { source: 'cars.com', leads: 1, sold: 2 },
        { source: 'facebook', leads: 1, sold: 0 },
        { source: 'unknown', leads: 1, sold: 1 },
      ]);
    });

    it('by salesperson: distinct leads assigned and their sales, named as on their latest event', async () => {
      await engine.append(leadFlow());

      // Avery: leads 1, 3, 4 assigned; sold 1, 0 and 4 (the last as "Avery Stone-Ruiz"). Blake: leads 2, 3, 4; no sale.
      expect(await engine.leadsAndSalesBySalesperson(period())).toEqual([
        { salespersonId: 'sp-avery', salespersonName: 'Avery Stone-Ruiz', leads: 3, sold: 3 },
        { salespersonId: 'sp-blake', salespersonName: 'Blake Reed', leads: 3, sold: 0 },
      ]);
      expect(await engine.leadsAndSalesBySalesperson(period({ salespersonId: 'sp-blake' }))).toEqual([
        { salespersonId: 'sp-blake', salespersonName: 'Blake Reed', leads: 3, sold: 0 },
      ]);
    });
  });

  describe('rooftops and sources', () => {
    it('gives one row per dealership that had any event, with views, leads, sales and median first response', async () => {
      await engine.append(leadFlow());
      const group = period({ dealershipIds: [ROOFTOP, NEIGHBOUR, QUIET_ROOFTOP] });

      // Rooftop: views 1 + 1 + 2.5 + 1; leads 1–4; sales of 1, 4 and 0; answers 60, 120, 300, 600 → median 210.
      expect(approx(await engine.rooftopFigures(group))).toEqual([
        { dealershipId: ROOFTOP, vehicleViews: 5.5, leads: 4, sold: 3, medianFirstResponseSeconds: 210 },
        { dealershipId: NEIGHBOUR, vehicleViews: 0, leads: 1, sold: 1, medianFirstResponseSeconds: 45 },
      ]);
      // Avery's: leads 1, 3, 4 here and 9 there; her answers 60 and 120 → 90.
      expect(approx(await engine.rooftopFigures({ ...group, salespersonId: 'sp-avery' }))).toEqual([
        { dealershipId: ROOFTOP, vehicleViews: 5.5, leads: 3, sold: 3, medianFirstResponseSeconds: 90 },
        { dealershipId: NEIGHBOUR, vehicleViews: 0, leads: 1, sold: 1, medianFirstResponseSeconds: 45 },
      ]);
    });

    it('lists the sources leads arrived from in the period, alphabetically', async () => {
      await engine.append([...leadFlow(), arrival('2026-03-04T12:00:00Z', 'autotrader', NEIGHBOUR)]);

      // Not "direct" (a view's traffic source), not lead 4 (no source), not the neighbour's autotrader.
      expect(await engine.leadSources(period())).toEqual(['cars.com', 'facebook']);
    });
  });
}
