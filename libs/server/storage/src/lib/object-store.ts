import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';

export interface StoredObject {
  body: Buffer;
  contentType: string;
}

/** Where services keep files: photos, feeds, import uploads. Keys are `/`-separated, without a leading `/`. */
export interface ObjectStore {
  put(
    key: string,
    body: Buffer | string,
    options: { contentType: string; cacheControl?: string },
  ): Promise<void>;
  /** null when the key does not exist. */
  get(key: string): Promise<StoredObject | null>;
  /** Keys that do not exist are fine. */
  delete(keys: readonly string[]): Promise<void>;
  /** Every key that starts with `prefix`, in key order. */
  list(prefix: string): Promise<string[]>;
}

export interface S3ObjectStoreOptions {
  bucket: string;
  region: string;
  /** A non-AWS S3 (s3rver locally): addressed path-style. Absent: AWS's own endpoint for `region`. */
  endpoint?: string;
  /** SSE-KMS with this key on every put; absent: the bucket's default encryption. */
  kmsKeyId?: string;
  /** Absent: the SDK's default chain (the ECS task role in production). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** S3 accepts at most 1000 keys per DeleteObjects request. */
const DELETE_BATCH = 1000;

/** AWS's own S3 (virtual-hosted buckets, the SDK's default credentials) rather than an S3-compatible server. */
export function isAwsEndpoint(endpoint: string): boolean {
  const host = new URL(endpoint).hostname.toLowerCase();
  return host === 'amazonaws.com' || host.endsWith('.amazonaws.com');
}

/** The ObjectStore on S3 (or anything that speaks its API, such as s3rver). */
export function createS3ObjectStore(options: S3ObjectStoreOptions): ObjectStore {
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint
      ? { endpoint: options.endpoint, forcePathStyle: !isAwsEndpoint(options.endpoint) }
      : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    // With the SDK's default (WHEN_SUPPORTED) a streamed body is sent aws-chunked, and S3-compatible
    // servers such as s3rver store the chunk framing inside the object.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = options.bucket;
  const encryption: Partial<PutObjectCommandInput> = options.kmsKeyId
    ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: options.kmsKeyId }
    : {};

  return {
    async put(key, body, { contentType, cacheControl }) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ...(cacheControl ? { CacheControl: cacheControl } : {}),
          ...encryption,
        }),
      );
    },

    async get(key) {
      try {
        const response = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        const bytes = await response.Body?.transformToByteArray();
        return {
          body: Buffer.from(bytes ?? new Uint8Array()),
          contentType: response.ContentType ?? 'application/octet-stream',
        };
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
        throw error;
      }
    },

    async delete(keys) {
      for (let start = 0; start < keys.length; start += DELETE_BATCH) {
        const batch = keys.slice(start, start + DELETE_BATCH);
        const response = await client.send(
          new DeleteObjectsCommand({
            Bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        );
        const failed = (response.Errors ?? []).filter((error) => error.Code !== 'NoSuchKey');
        if (failed.length > 0) {
          throw new Error(
            `S3 refused to delete ${failed.length} object(s), first ${failed[0]?.Key}: ${failed[0]?.Code}`,
          );
        }
      }
    },

    async list(prefix) {
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }),
        );
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return keys;
    },
  };
}
