import { createRequire } from 'node:module';

/**
 * The client's error classes from its CJS build: @elastic/elasticsearch-mock requires that build and
 * recognises a scripted error by `instanceof` its classes, which the ESM build's are not.
 */
export const { errors } = createRequire(import.meta.url)(
  '@elastic/elasticsearch',
) as typeof import('@elastic/elasticsearch');
