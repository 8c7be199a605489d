import { Router, type NextFunction, type Request, type Response } from 'express';
import swaggerUi from 'swagger-ui-express';
import { z } from 'zod';
import { ProblemSchema } from '@showroom/contracts';

export interface OpenApiInfo {
  service: string;
  title: string;
  version: string;
  description: string;
}

export interface OperationResponse {
  description: string;
  /** JSON body; omit for bodiless answers such as 204. */
  schema?: z.ZodType;
  headers?: string[];
}

export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path (`/api/inventory/vehicles/:id`). */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject | z.ZodType;
  headers?: Array<{ name: string; required: boolean; description: string }>;
  body?: z.ZodType;
  /** Media types the body may come as, when not JSON (e.g. ADF/XML). */
  bodyMediaTypes?: string[];
  responses: Record<number, OperationResponse>;
  /** Problem answers (status → description), all application/problem+json. */
  problems?: Record<number, string>;
  /** False for public or machine-only routes that take no user token. */
  userToken?: boolean;
}

type JsonSchema = Record<string, unknown>;

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
  private readonly operations: ApiOperation[] = [];

  constructor(private readonly info: OpenApiInfo) {}

  add(...operations: ApiOperation[]): this {
    this.operations.push(...operations);
    return this;
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
        summary: op.summary,
        tags: [op.tag],
        ...(op.userToken === false ? { security: [] } : {}),
        ...(parameters.length ? { parameters } : {}),
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
      info: { title: this.info.title, version: this.info.version, description: this.info.description },
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
