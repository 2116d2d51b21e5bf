import * as z from "zod";
import { routeUrl, type RouteSpec } from "./route";

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
      ...(r.consumes && {
        requestBody: {
          required: true,
          content: Object.fromEntries(
            r.consumes.map((t) => [t, { schema: { type: "string", format: "binary" } }]),
          ),
        },
      }),
      ...(r.body && {
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: z.toJSONSchema(r.body as z.ZodType, { io: "input", unrepresentable: "any" }),
            },
          },
        },
      }),
      responses: {
        [String(r.status ?? 200)]: {
          description: "OK",
          content: Object.fromEntries(produces.map((t) => [t, {}])),
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
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Problem: {
          type: "object",
          required: ["status", "code", "message", "messageEn"],
          properties: {
            status: { type: "integer" },
            code: { type: "string" },
            message: { type: "string", description: "Thai" },
            messageEn: { type: "string" },
            details: {},
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
