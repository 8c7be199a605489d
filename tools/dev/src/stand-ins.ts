import { LOCAL_MEDIA_BUCKET } from '@showroom/server-storage';
import { LOCAL_WAREHOUSE_BUCKET } from '@showroom/server-warehouse';
import {
  startDynamoLocal,
  startPaymentsSandbox,
  startS3Local,
  startSmtpSink,
  type DynamoLocal,
  type PaymentsSandbox,
  type S3Local,
  type SmtpSink,
} from '@showroom/server-testing';
import type { PortPlan } from './ports';

/** The AWS and e-mail pieces that run inside the dev runner's own process. */
export interface LocalStandIns {
  dynamo: DynamoLocal;
  mail: SmtpSink;
  /** S3 with the media bucket (LOCAL_MEDIA_BUCKET) and the warehouse's (`npm run warehouse:export` writes there). */
  s3: S3Local;
  /** Stripe's API and hosted checkout page for reservation deposits; its webhooks go to retail. */
  payments: PaymentsSandbox;
  close(): Promise<void>;
}

export interface StandInOptions {
  ports: PortPlan;
  /** LevelDB folder so lead timelines survive restarts (npm start); in memory when absent (e2e). */
  dynamoPath?: string;
  /** Folder of the S3 stand-in's objects (npm start keeps photos); a temporary one when absent (e2e). */
  s3Path?: string;
  /** The payments sandbox's API key and webhook signing secret (retail is given the same). */
  payments: { secretKey: string; webhookSecret: string };
}

function explainBusyPort(what: string, port: number, error: unknown): Error {
  const code = (error as { code?: string }).code;
  return new Error(
    code === 'EADDRINUSE'
      ? `${what} needs port ${port}, which something else holds (another npm start?).`
      : `${what} did not start on port ${port}: ${(error as Error).message}`,
  );
}

/**
 * Starts DynamoDB (dynalite), S3 (s3rver), the SMTP sink and the payments sandbox on 127.0.0.1
 * before any service needs them.
 */
export async function startStandIns(options: StandInOptions): Promise<LocalStandIns> {
  const { ports, dynamoPath, s3Path } = options;
  const dynamo = await startDynamoLocal({ port: ports.dynamo, path: dynamoPath }).catch((error: unknown) => {
    throw explainBusyPort('DynamoDB (dynalite)', ports.dynamo, error);
  });
  const mail = await startSmtpSink({ port: ports.smtp }).catch(async (error: unknown) => {
    await dynamo.close();
    throw explainBusyPort('The SMTP sink', ports.smtp, error);
  });
  const s3 = await startS3Local({
    port: ports.s3,
    directory: s3Path,
    buckets: [LOCAL_MEDIA_BUCKET, LOCAL_WAREHOUSE_BUCKET],
  }).catch(async (error: unknown) => {
    await Promise.allSettled([mail.close(), dynamo.close()]);
    throw explainBusyPort('S3 (s3rver)', ports.s3, error);
  });
  const payments = await startPaymentsSandbox({
    port: ports.payments,
    webhookUrl: `http://127.0.0.1:${ports.retail}/api/retail/webhooks/payments`,
    ...options.payments,
  }).catch(async (error: unknown) => {
    await Promise.allSettled([mail.close(), dynamo.close(), s3.close()]);
    throw explainBusyPort('The payments sandbox', ports.payments, error);
  });
  return {
    dynamo,
    mail,
    s3,
    payments,
    async close() {
      await Promise.allSettled([mail.close(), dynamo.close(), s3.close(), payments.close()]);
    },
  };
}
