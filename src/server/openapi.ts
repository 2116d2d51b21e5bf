import * as z from "zod";
import {
  documentInAnswerSchema,
  documentInRequestSchema,
  PROBLEM_CODES,
  PROBLEM_STATUS,
  problemBodySchema,
} from "../api";
import { submissionSchema } from "../core";
import { routeUrl, type RouteSpec } from "./route";

/** The JSON schema of a body as it is on the wire: the input side of the API's zod schema. */
function jsonSchema(schema: z.ZodType): object {
  return z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    // The submission document is checked after the envelope (request) or not again (answer): its
    // shape is still the core's submission schema.
    override: (ctx) => {
      if (ctx.zodSchema === documentInRequestSchema || ctx.zodSchema === documentInAnswerSchema)
        Object.assign(ctx.jsonSchema, documentJsonSchema());
    },
  });
}

let documentSchema: object | undefined;
function documentJsonSchema(): object {
  if (!documentSchema) {
    const { $schema: _drop, ...rest } = z.toJSONSchema(submissionSchema, {
      io: "input",
      unrepresentable: "any",
    });
    documentSchema = rest;
  }
  return documentSchema;
}

const BINARY = { type: "string", format: "binary" };

/** A route's request body: a file of its `consumes` types, JSON of its body schema, or both. */
function requestBody(r: RouteSpec<unknown>): object {
  const json = r.body ?? r.ownJsonBody;
  const content = {
    ...Object.fromEntries((r.consumes ?? []).map((t) => [t, { schema: BINARY }])),
    ...(json && { "application/json": { schema: jsonSchema(json as z.ZodType) } }),
  };
  return Object.keys(content).length > 0 ? { requestBody: { required: true, content } } : {};
}

/** The OpenAPI 3.1 document, built from the route table so it cannot drift from the routes. */
export function openApiDocument(
  routes: ReadonlyArray<RouteSpec<unknown>>,
  version: string,
  bodyLimitBytes: number,
): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) {
    const path = routeUrl(r).replace(/:([A-Za-z]+)/g, "{$1}");
    const params = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const produces = r.produces ?? ["application/json"];
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      ...(params.length > 0 && { parameters: params }),
      ...(r.roles === "public" ? { security: [] } : { "x-roles": r.roles }),
      ...requestBody(r),
      responses: {
        [String(r.status ?? 200)]: {
          description: "OK",
          content: Object.fromEntries(
            produces.map((t) => [
              t,
              { schema: t === "application/json" && r.response ? jsonSchema(r.response) : BINARY },
            ]),
          ),
        },
        default: {
          description: "ปัญหา / a problem",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "MinStd collection server",
      version,
      description:
        "รับข้อมูลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะของ อปท. / receives LAO minimum-standard assessments. Authenticate with `Authorization: Bearer <token>` from POST /api/v1/sessions. A request body larger than x-max-body-bytes is refused with 413 (problem body-too-large).",
      "x-max-body-bytes": bodyLimitBytes,
      "x-problem-codes": Object.fromEntries(PROBLEM_CODES.map((c) => [c, PROBLEM_STATUS[c]])),
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Problem: {
          ...jsonSchema(problemBodySchema),
          description: "every error answer; `code` is one of x-problem-codes (each with its HTTP status)",
        },
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
