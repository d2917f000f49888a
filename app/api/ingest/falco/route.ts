import { answerIngest, joinChunks } from "./answer";

export const dynamic = "force-dynamic";

/** The body's bytes, reading no further than the limit whatever Content-Length claimed; null past it. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return joinChunks(chunks, size);
}

/** Alert ingest for Falco and falcosidekick: see answer.ts (the production server answers it without Next, scripts/direct-routes.ts). */
export async function POST(request: Request) {
  const result = await answerIngest({
    authorization: request.headers.get("authorization"),
    contentLength: request.headers.get("content-length"),
    readBody: (limit) => readLimited(request, limit),
  });
  return new Response(result.body, { status: result.status, headers: result.headers });
}
