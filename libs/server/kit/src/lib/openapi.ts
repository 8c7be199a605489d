import { Router, type NextFunction, type Request, type Response } from 'express';
import swaggerUi from 'swagger-ui-express';
import { z } from 'zod';
import { ProblemSchema } from '@showroom/contracts';
import type { HeaderDoc, HttpMethod, MultipartFiles, OperationResponse, Route } from './routes';

export interface OpenApiInfo {
  service: string;
  title: string;
  version: string;
  description: string;
}

/**
 * One documented operation. Services declare routes (see routes.ts) and get these from the table;
 * `operationOf` turns a declaration into one.
 */
export interface ApiOperation {
  operationId?: string;
  method: HttpMethod;
  /** Express-style path (`/api/inventory/vehicles/:id`). */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: HeaderDoc[];
  body?: z.ZodType;
  /** Media types the body may come as, when not JSON (e.g. ADF/XML). */
  bodyMediaTypes?: string[];
  /** A multipart/form-data body of files. */
  files?: MultipartFiles;
  responses: Record<number, OperationResponse>;
  /** Problem answers (status → description), all application/problem+json. */
  problems?: Record<number, string>;
  /** The security scheme the operation takes; none for public routes. */
  security?: 'bearerAuth' | 'ingestKey' | 'none';
}

const DEALERSHIP_HEADER_DOC: HeaderDoc = {
  name: 'X-Dealership-Id',
  required: true,
  description: 'The dealership the request acts for; the token must grant a membership of it.',
};

/** The problems every route of a kind of caller may answer, unless the declaration words them itself. */
function callerProblems(route: Route<never>): Record<number, string> {
  const invalid: Record<number, string> =
    route.params || route.query || route.body || route.files
      ? { 400: 'Invalid request (each bad field listed)' }
      : {};
  switch (route.caller.kind) {
    case 'public':
      return invalid;
    case 'signedIn':
      return { ...invalid, 401: 'No valid token', 403: 'A service token, not a person’s' };
    case 'user':
      return {
        400: 'X-Dealership-Id missing or not a UUID, or an invalid request',
        401: 'No valid token',
        403: `Not a member of that dealership, or the role lacks ${route.caller.permission}`,
      };
    case 'machine':
      return {
        ...invalid,
        401: 'No valid token',
        403: `Not a client-credentials token of an allowed client with scope ${route.caller.scope}`,
      };
    case 'ingestKey':
      return { ...invalid, 401: 'No valid ingest key' };
  }
}

/** A route declaration as an OpenAPI operation: the caller adds its headers, problems and security. */
function operationOf(route: Route<never>): ApiOperation {
  const kind = route.caller.kind;
  return {
    operationId: route.operationId,
    method: route.method,
    path: route.path,
    summary: route.summary,
    tag: route.tag,
    params: route.params,
    query: route.query,
    body: route.body,
    bodyMediaTypes: route.bodyMediaTypes,
    files: route.files,
    headers: [...(kind === 'user' ? [DEALERSHIP_HEADER_DOC] : []), ...(route.headers ?? [])],
    responses: route.responses,
    problems: { ...callerProblems(route), ...route.problems },
    security: kind === 'public' ? 'none' : kind === 'ingestKey' ? 'ingestKey' : 'bearerAuth',
  };
}

type JsonSchema = Record<string, unknown>;

/** A form of files: OpenAPI 3.1 describes each as a string of binary content. */
const multipartBodyOf = (files: MultipartFiles): JsonSchema => ({
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: [files.field],
        properties: {
          [files.field]: {
            type: 'array',
            description: files.description,
            maxItems: files.maxFiles,
            items: { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' },
          },
        },
      },
    },
  },
});

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** Properties of an object schema as OpenAPI parameters (query strings, path parameters). */
function parametersOf(schema: z.ZodType, location: 'query' | 'path'): JsonSchema[] {
  const json = toSchema(schema, 'input');
  const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json['required'] as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, propertySchema]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    schema: propertySchema,
  }));
}

/**
 * OpenAPI 3.1 from the zod contracts, built with zod's own JSON Schema (2020-12) output, which is
 * what OpenAPI 3.1 speaks. Request schemas are documented as input, responses as output.
 */
export class OpenApiDocument {
  private constructor(
    private readonly info: OpenApiInfo,
    private readonly operations: readonly ApiOperation[],
  ) {}

  /** The document of a route table: every declared route, nothing else. */
  static of(info: OpenApiInfo, routes: readonly Route<never>[]): OpenApiDocument {
    return new OpenApiDocument(info, routes.map(operationOf));
  }

  toJSON(): JsonSchema {
    const paths: Record<string, Record<string, JsonSchema>> = {};
    for (const op of this.operations) {
      const path = op.path.replace(/:(\w+)/g, '{$1}');
      const parameters = [
        ...(op.params ? parametersOf(op.params, 'path') : []),
        ...(op.query ? parametersOf(op.query, 'query') : []),
        ...(op.headers ?? []).map((h) => ({
          name: h.name,
          in: 'header',
          required: h.required,
          description: h.description,
          schema: { type: 'string' },
        })),
      ];
      const responses: Record<string, JsonSchema> = {};
      for (const [status, response] of Object.entries(op.responses)) {
        responses[status] = {
          description: response.description,
          ...(response.schema
            ? { content: { 'application/json': { schema: toSchema(response.schema, 'output') } } }
            : {}),
          ...(response.headers
            ? {
                headers: Object.fromEntries(response.headers.map((h) => [h, { schema: { type: 'string' } }])),
              }
            : {}),
        };
      }
      for (const [status, description] of Object.entries(op.problems ?? {})) {
        responses[status] = {
          description,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        };
      }
      paths[path] ??= {};
      paths[path][op.method] = {
        ...(op.operationId ? { operationId: op.operationId } : {}),
        summary: op.summary,
        tags: [op.tag],
        ...(op.security === 'none' ? { security: [] } : {}),
        ...(op.security === 'ingestKey' ? { security: [{ ingestKey: [] }] } : {}),
        ...(parameters.length ? { parameters } : {}),
        ...(op.files ? { requestBody: multipartBodyOf(op.files) } : {}),
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: Object.fromEntries(
                  (op.bodyMediaTypes ?? ['application/json']).map((type) => [
                    type,
                    { schema: toSchema(op.body as z.ZodType, 'input') },
                  ]),
                ),
              },
            }
          : {}),
        responses,
      };
    }
    return {
      openapi: '3.1.0',
      info: {
        title: this.info.title,
        version: this.info.version,
        description: this.info.description,
        // Not open source: the package is UNLICENSED.
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      },
      servers: [{ url: '/' }],
      security: [{ bearerAuth: [] }],
      paths,
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'An Auth0 (or dev-auth) access token for audience https://api.showroom.dev',
          },
          ...(this.operations.some((op) => op.security === 'ingestKey')
            ? {
                ingestKey: {
                  type: 'http',
                  scheme: 'bearer',
                  description: 'The dealership’s ingest key (srk_…), given to its lead providers',
                },
              }
            : {}),
        },
        schemas: { Problem: toSchema(ProblemSchema, 'output') },
      },
    };
  }
}

/** Serves `/api/<service>/openapi.json`, and Swagger UI at `/api/<service>/docs` outside production. */
export function openApiRoutes(document: OpenApiDocument, info: OpenApiInfo, withSwaggerUi: boolean): Router {
  const router = Router();
  let json: JsonSchema | undefined;
  const documentOnce = () => (json ??= document.toJSON());
  router.get(`/api/${info.service}/openapi.json`, (_req, res) => {
    res.json(documentOnce());
  });
  if (withSwaggerUi) {
    router.use(
      `/api/${info.service}/docs`,
      swaggerUi.serve,
      (req: Request, res: Response, next: NextFunction) => swaggerUi.setup(documentOnce())(req, res, next),
    );
  }
  return router;
}
