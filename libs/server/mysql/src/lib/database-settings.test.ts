import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { databaseConfigShape, databaseSettingsOf } from './database';

describe("a service's database settings from its configuration", () => {
  const schema = z.object(databaseConfigShape('LEADS', 'showroom_leads'));

  it('takes the writer, the replicas, the pool size and how far a replica may lag', () => {
    const config = schema.parse({
      LEADS_DATABASE_URL: 'mysql://leads@db.internal:3306/showroom_leads',
      LEADS_DATABASE_READER_URLS:
        'mysql://leads@replica-1.db.internal/showroom_leads, mysql://leads@replica-2.db.internal/showroom_leads',
      DATABASE_POOL_SIZE: '20',
      DATABASE_REPLICA_MAX_LAG_MS: '2500',
    });
    expect(databaseSettingsOf(config, 'LEADS')).toEqual({
      writerUrl: 'mysql://leads@db.internal:3306/showroom_leads',
      readerUrls: [
        'mysql://leads@replica-1.db.internal/showroom_leads',
        'mysql://leads@replica-2.db.internal/showroom_leads',
      ],
      connectionLimit: 20,
      replicaHealth: { checkIntervalMs: 500, maxLagMs: 2500 },
    });
  });

  it('lets a replica lag 1 s unless told otherwise, and refuses a lag bound under 100 ms', () => {
    expect(databaseSettingsOf(schema.parse({}), 'LEADS').replicaHealth?.maxLagMs).toBe(1000);
    expect(schema.safeParse({ DATABASE_REPLICA_MAX_LAG_MS: '50' }).success).toBe(false);
  });
});
