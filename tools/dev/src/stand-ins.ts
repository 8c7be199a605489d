import { startDynamoLocal, startSmtpSink, type DynamoLocal, type SmtpSink } from '@showroom/server-testing';
import type { PortPlan } from './ports';

/** The AWS and e-mail pieces that run inside the dev runner's own process. */
export interface LocalStandIns {
  dynamo: DynamoLocal;
  mail: SmtpSink;
  close(): Promise<void>;
}

export interface StandInOptions {
  ports: PortPlan;
  /** LevelDB folder so lead timelines survive restarts (npm start); in memory when absent (e2e). */
  dynamoPath?: string;
}

function explainBusyPort(what: string, port: number, error: unknown): Error {
  const code = (error as { code?: string }).code;
  return new Error(
    code === 'EADDRINUSE'
      ? `${what} needs port ${port}, which something else holds (another npm start?).`
      : `${what} did not start on port ${port}: ${(error as Error).message}`,
  );
}

/** Starts DynamoDB (dynalite) and the SMTP sink on 127.0.0.1 before any service needs them. */
export async function startStandIns(options: StandInOptions): Promise<LocalStandIns> {
  const { ports, dynamoPath } = options;
  const dynamo = await startDynamoLocal({ port: ports.dynamo, path: dynamoPath }).catch((error: unknown) => {
    throw explainBusyPort('DynamoDB (dynalite)', ports.dynamo, error);
  });
  const mail = await startSmtpSink({ port: ports.smtp }).catch(async (error: unknown) => {
    await dynamo.close();
    throw explainBusyPort('The SMTP sink', ports.smtp, error);
  });
  return {
    dynamo,
    mail,
    async close() {
      await Promise.allSettled([mail.close(), dynamo.close()]);
    },
  };
}
