import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { LOCAL_MEDIA_BUCKET, LOCAL_S3_CREDENTIALS } from '@showroom/server-storage';
import { LOCAL_WAREHOUSE_BUCKET } from '@showroom/server-warehouse';
import { E2E_PORTS } from './ports';
import { startStandIns } from './stand-ins';

describe('the stand-ins the dev runner starts', () => {
  it('gives S3 the media bucket and the warehouse bucket, so `npm run warehouse:export` has somewhere to write', async () => {
    // Free ports for everything this test starts, so it never meets a running npm start or e2e.
    const standIns = await startStandIns({
      ports: { ...E2E_PORTS, dynamo: 0, smtp: 0, s3: 0, payments: 0 },
      payments: { secretKey: 'sk_test_stand_ins', webhookSecret: 'whsec_stand_ins' },
    });
    try {
      const s3 = new S3Client({
        endpoint: standIns.s3.endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { ...LOCAL_S3_CREDENTIALS },
      });
      const { Buckets = [] } = await s3.send(new ListBucketsCommand({}));
      expect(Buckets.map((bucket) => bucket.Name).sort()).toEqual(
        [LOCAL_MEDIA_BUCKET, LOCAL_WAREHOUSE_BUCKET].sort(),
      );
      s3.destroy();
    } finally {
      await standIns.close();
    }
  });
});
