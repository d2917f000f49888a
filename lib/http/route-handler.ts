import "server-only";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/dal/errors";
import type { Actor } from "@/lib/domain/roles";
import { searchParamsToObject } from "@/lib/validation/search-params";

/** Every answer about a signed-in user's data is private to them and to this moment. */
export const NO_STORE = { "Cache-Control": "no-store" } as const;

/** The one error body of every route handler: a message, and per-field messages when a query was refused. */
export type RouteErrorBody = { error: string; fieldErrors?: Record<string, string[] | undefined> };

export function routeError(status: number, body: RouteErrorBody, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

function zodBody(error: z.ZodError): RouteErrorBody {
  const flat = z.flattenError(error);
  const fieldErrors = flat.fieldErrors as Record<string, string[] | undefined>;
  return { error: flat.formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? "Bad query.", fieldErrors };
}

type Schema = z.ZodType<unknown, unknown>;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteInput<P extends Schema | undefined, Q extends Schema | undefined> = {
  actor: Actor;
  request: Request;
  /** The path segments, parsed with `params` (a segment that does not parse is a 404: no such thing). */
  params: Parsed<P>;
  /** The query string, parsed with `query` (repeated keys become arrays; a refusal is a 400). */
  query: Parsed<Q>;
};

export type RouteOptions<P extends Schema | undefined, Q extends Schema | undefined> = {
  /** The 401 message for a request without a session, e.g. "Sign in to list incidents." */
  signIn: string;
  params?: P;
  query?: Q;
  /** The 404 message for path segments that do not parse. */
  notFound?: string;
  /**
   * A POST that changes something (an upload, a verification): refused with 403 when the browser
   * says it comes from another site. Session cookies are SameSite=Lax already; this does not rely on it.
   */
  changes?: boolean;
};

/** A browser request from another site: `Sec-Fetch-Site: cross-site`, or an Origin other than the request's own host. */
export function isCrossSite(request: Request): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return origin === "null";
  try {
    const from = new URL(origin);
    const publicUrl = env().BULKHEAD_PUBLIC_URL;
    if (publicUrl && new URL(publicUrl).origin === from.origin) return false;
    return from.host !== (request.headers.get("host") ?? new URL(request.url).host);
  } catch {
    return true;
  }
}

/**
 * The one shape of a route handler that answers a signed-in user (decision 018): the session or
 * 401; zod on the path (404) and the query (400, `{error, fieldErrors}`); the DAL's refusals in one
 * mapping — not allowed looks like not there (404, STYLE rule 5; the DAL has audited it), not found
 * 404 with its message, a validation error 400, a conflict 409; `Cache-Control: no-store` on every
 * answer. The handler returns a Response (a file, a stream) or a value sent as JSON.
 */
export function authedRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined>(
  options: RouteOptions<P, Q>,
  handle: (input: RouteInput<P, Q>) => Promise<Response | object>,
): (request: Request, context?: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> {
  return async (request, context) => {
    if (options.changes && isCrossSite(request)) return routeError(403, { error: "Refused: this request came from another site." });
    const actor = await getActor();
    if (!actor) return routeError(401, { error: options.signIn });
    let params: unknown = undefined;
    if (options.params) {
      const parsed = options.params.safeParse(await context?.params);
      if (!parsed.success) return routeError(404, { error: options.notFound ?? "Not found." });
      params = parsed.data;
    }
    let query: unknown = undefined;
    if (options.query) {
      const parsed = options.query.safeParse(searchParamsToObject(new URL(request.url).searchParams));
      if (!parsed.success) return routeError(400, zodBody(parsed.error));
      query = parsed.data;
    }
    try {
      const answer = await handle({ actor, request, params: params as Parsed<P>, query: query as Parsed<Q> });
      if (answer instanceof Response) {
        // A stream may say more (an event stream's no-transform); anything else is no-store.
        if (!answer.headers.has("Cache-Control")) answer.headers.set("Cache-Control", NO_STORE["Cache-Control"]);
        return answer;
      }
      return Response.json(answer, { headers: NO_STORE });
    } catch (error) {
      if (error instanceof ForbiddenError) return routeError(404, { error: "Not found." });
      if (error instanceof NotFoundError) return routeError(404, { error: error.message });
      if (error instanceof ValidationError) return routeError(400, { error: error.message, fieldErrors: error.fieldErrors });
      if (error instanceof ConflictError) return routeError(409, { error: error.message });
      throw error;
    }
  };
}
