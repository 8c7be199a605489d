import { devDefaults, notInProduction, type DevDefaultRule } from '@showroom/server-kit';
import { z } from 'zod';
import { createS3ObjectStore, isAwsEndpoint, type ObjectStore } from './object-store';

/** The bucket `npm start`, the tests and the e2e run create in their local S3. */
export const LOCAL_MEDIA_BUCKET = 'showroom-media-local';
/** s3rver accepts only these static credentials. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

const kmsKeyRequired: DevDefaultRule = {
  why: 'is missing: media is encrypted with the platform KMS key',
  isDevValue: (value) => value === undefined,
};

/**
 * The variables of a service that keeps objects in S3. Production names AWS's regional endpoint
 * (`https://s3.<region>.amazonaws.com`), the bucket, the KMS key and the CDN origin explicitly.
 */
export const storageConfigShape = {
  S3_BUCKET: notInProduction(
    z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        'an S3 bucket name (3–63 lowercase letters, digits, . and -)',
      )
      .default(LOCAL_MEDIA_BUCKET),
    devDefaults.oneOf(LOCAL_MEDIA_BUCKET),
  ),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** An S3 API endpoint; anything but AWS's own (s3rver, MinIO) is addressed path-style. */
  S3_ENDPOINT: notInProduction(z.url().default('http://127.0.0.1:4569'), devDefaults.localhost),
  /** Static credentials; absent: the task role (AWS), or s3rver's fixed pair for any other endpoint. */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Every put is encrypted with this key (SSE-KMS). Required in production. */
  S3_KMS_KEY_ID: notInProduction(z.string().min(1).optional(), kmsKeyRequired),
  /** Where keys are served to browsers: CloudFront in production, the local edge's /media in development. */
  MEDIA_PUBLIC_URL: notInProduction(
    z
      .url()
      .default('http://localhost:4200/media')
      .transform((url) => url.replace(/\/+$/, '')),
    devDefaults.localhost,
  ),
};

export type StorageConfig = z.infer<z.ZodObject<typeof storageConfigShape>>;

/** The ObjectStore a service's config describes. */
export function objectStoreFromConfig(config: StorageConfig): ObjectStore {
  const endpointIsAws = isAwsEndpoint(config.S3_ENDPOINT);
  const credentials =
    config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
      ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
      : endpointIsAws
        ? undefined
        : LOCAL_S3_CREDENTIALS;
  return createS3ObjectStore({
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    ...(config.S3_KMS_KEY_ID ? { kmsKeyId: config.S3_KMS_KEY_ID } : {}),
    ...(credentials ? { credentials: { ...credentials } } : {}),
  });
}

/** The browser-facing URL of `key`. */
export function mediaUrl(mediaPublicUrl: string, key: string): string {
  return `${mediaPublicUrl}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
