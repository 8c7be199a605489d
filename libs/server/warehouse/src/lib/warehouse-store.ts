import { devDefaults, notInProduction } from '@showroom/server-kit';
import {
  createS3ObjectStore,
  isAwsEndpoint,
  LOCAL_S3_CREDENTIALS,
  type ObjectStore,
} from '@showroom/server-storage';
import { z } from 'zod';

/** The bucket `npm start` and the tests write the warehouse's files to in their local S3. */
export const LOCAL_WAREHOUSE_BUCKET = 'showroom-warehouse-local';
/** Every warehouse file lies under this prefix; Redshift's COPY role may read nothing else. */
export const WAREHOUSE_PREFIX = 'warehouse';
export const PARQUET_CONTENT_TYPE = 'application/vnd.apache.parquet';

/** `warehouse/<table>/dt=YYYY-MM-DD/`: one day's partition of a table (Hive-style, as Redshift Spectrum and Athena read it). */
export function partitionPrefix(table: string, date: string): string {
  return `${WAREHOUSE_PREFIX}/${table}/dt=${date}/`;
}

/** The one file of a day's partition: a re-export writes the same key, so a day is never there twice. */
export function partitionKey(table: string, date: string): string {
  return `${partitionPrefix(table, date)}${table}.parquet`;
}

const kmsKeyRequired = {
  why: 'is missing: warehouse files are encrypted with the platform KMS key',
  isDevValue: (value: unknown) => value === undefined,
};

/**
 * Where exports go. The same S3 settings as the storage library (endpoint, region, credentials,
 * path-style and checksum rules for s3rver), with the warehouse's own bucket and key.
 */
export const warehouseConfigShape = {
  WAREHOUSE_S3_BUCKET: notInProduction(
    z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        'an S3 bucket name (3–63 lowercase letters, digits, . and -)',
      )
      .default(LOCAL_WAREHOUSE_BUCKET),
    devDefaults.oneOf(LOCAL_WAREHOUSE_BUCKET),
  ),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** An S3 API endpoint; anything but AWS's own (s3rver, MinIO) is addressed path-style. */
  S3_ENDPOINT: notInProduction(z.url().default('http://127.0.0.1:4569'), devDefaults.localhost),
  /** Static credentials; absent: the job's role (AWS), or s3rver's fixed pair for any other endpoint. */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Every file is put with SSE-KMS under this key. Required in production. */
  WAREHOUSE_KMS_KEY_ID: notInProduction(z.string().min(1).optional(), kmsKeyRequired),
};
export type WarehouseStoreConfig = z.infer<z.ZodObject<typeof warehouseConfigShape>>;

export function warehouseObjectStore(config: WarehouseStoreConfig): ObjectStore {
  const endpointIsAws = isAwsEndpoint(config.S3_ENDPOINT);
  const credentials =
    config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
      ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
      : endpointIsAws
        ? undefined
        : { ...LOCAL_S3_CREDENTIALS };
  return createS3ObjectStore({
    bucket: config.WAREHOUSE_S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    ...(config.WAREHOUSE_KMS_KEY_ID ? { kmsKeyId: config.WAREHOUSE_KMS_KEY_ID } : {}),
    ...(credentials ? { credentials } : {}),
  });
}

/**
 * Replaces a day's partition with one file: the file is put under its fixed key, then anything
 * else under the partition (a file an older export named differently) is deleted, so the partition
 * holds exactly this export. Put first: a crash in between leaves the day loadable, not empty.
 */
export async function replacePartition(
  store: ObjectStore,
  table: string,
  date: string,
  parquet: Buffer,
): Promise<string> {
  const key = partitionKey(table, date);
  await store.put(key, parquet, { contentType: PARQUET_CONTENT_TYPE });
  const strays = (await store.list(partitionPrefix(table, date))).filter((existing) => existing !== key);
  await store.delete(strays);
  return key;
}
