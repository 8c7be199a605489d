// The users service's internal directory of dealerships, as inventory calls it, for the bench's
// rooftops: inventory names the rooftops of each search, finds a group's rooftops for group search,
// and knows which dealerships have a public website search. Served in the bench's own process
// (inventory asks at start and then once a minute, so it adds nothing to what is measured).
import type { Server } from 'node:http';
import express from 'express';
import type { Dealership } from '@showroom/contracts';

export const ROOFTOPS_PER_GROUP = 5;

export function benchGroupId(n: number): string {
  return `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
}

export interface BenchUsersDirectory {
  url: string;
  /** The dealership ids of each group, in order: group 1 holds the first five dealerships, and so on. */
  groups: string[][];
  close(): Promise<void>;
}

/** The bench dealerships, five to a group ("Bench Group 1" … "Bench Group 4" for 20 dealerships). */
export function benchDealerships(dealershipIds: readonly string[]): Dealership[] {
  return dealershipIds.map((id, index) => {
    const group = Math.floor(index / ROOFTOPS_PER_GROUP) + 1;
    return {
      id,
      name: `Bench Motors ${index + 1}`,
      slug: `bench-motors-${index + 1}`,
      dealerGroupId: benchGroupId(group),
      dealerGroupName: `Bench Group ${group}`,
      city: 'Columbus',
      region: 'OH',
      timeZone: 'America/New_York',
    };
  });
}

export async function startUsersDirectory(
  dealershipIds: readonly string[],
  port: number,
): Promise<BenchUsersDirectory> {
  const dealerships = benchDealerships(dealershipIds);
  const app = express();
  app.get('/api/users/internal/dealerships', (req, res) => {
    // The real endpoint wants a machine token; the stand-in only checks that one was sent.
    if (!/^Bearer \S+$/.test(req.get('authorization') ?? '')) return void res.status(401).end();
    res.json({ items: dealerships });
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
  });
  const groups = new Map<string, string[]>();
  for (const d of dealerships) {
    groups.set(d.dealerGroupId as string, [...(groups.get(d.dealerGroupId as string) ?? []), d.id]);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    groups: [...groups.values()],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
