import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { ContentTooLargeError, evidenceStore, type StagedContent } from "@/lib/storage/evidence-store";

/**
 * Receives one evidence upload: a multipart/form-data body with form fields and exactly one part
 * named `file`. Streamed: busboy (a kept multipart parser) hands the file part on as it arrives,
 * and the store hashes and writes it chunk by chunk, so memory stays flat whatever the size. The
 * uploaded name is returned as metadata; it never reaches a path.
 */

/** What a form's fields and part headers may add to the file itself before Content-Length alone is refused. */
const FORM_OVERHEAD_BYTES = 256 * 1024;

export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

export type ReceivedUpload = { fields: Record<string, string>; fileName: string | null; staged: StagedContent };

function tooLarge(maxBytes: number): UploadError {
  return new UploadError(
    413,
    `The file is larger than the evidence limit of ${maxBytes.toLocaleString("en-US")} bytes (BULKHEAD_EVIDENCE_MAX_BYTES); nothing was kept.`,
  );
}

/** Refuses before reading when the request says it is too large or not a form. */
export function checkUploadHeaders(request: Request, maxBytes: number): void {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new UploadError(415, 'Send the evidence as multipart/form-data with the file in a part named "file".');
  }
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(length) && length > maxBytes + FORM_OVERHEAD_BYTES) throw tooLarge(maxBytes);
}

export async function receiveEvidenceUpload(request: Request, maxBytes: number): Promise<ReceivedUpload> {
  checkUploadHeaders(request, maxBytes);
  if (!request.body) throw new UploadError(400, "The request has no body.");
  const source = Readable.fromWeb(request.body as NodeWebStream<Uint8Array>);
  const parser = busboy({
    headers: { "content-type": request.headers.get("content-type")! },
    defParamCharset: "utf8",
    limits: { files: 1, fields: 30, parts: 40, fieldSize: 16 * 1024, fieldNameSize: 100 },
  });
  const fields: Record<string, string> = {};
  let fileName: string | null = null;
  let staging: Promise<StagedContent> | null = null;
  let problem: UploadError | null = null;
  let refuse: (error: unknown) => void = () => undefined;
  const refused = new Promise<never>((_, reject) => (refuse = reject));
  refused.catch(() => undefined);

  parser.on("field", (name, value, info) => {
    if (info.valueTruncated) problem ??= new UploadError(400, `The field "${name.slice(0, 100)}" is too long.`);
    else fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || staging) {
      problem ??= new UploadError(400, `Send one file, in a part named "file".`);
      stream.resume();
      return;
    }
    fileName = info.filename ? info.filename.slice(0, 255) : null;
    staging = evidenceStore().stage(stream, maxBytes);
    // A file past the limit ends the whole upload at once, without reading the rest.
    staging.catch(refuse);
  });
  parser.on("filesLimit", () => (problem ??= new UploadError(400, "Send one file per upload.")));
  parser.on("fieldsLimit", () => (problem ??= new UploadError(400, "Too many form fields.")));
  parser.on("partsLimit", () => (problem ??= new UploadError(400, "Too many form parts.")));

  try {
    await Promise.race([pipeline(source, parser), refused]);
    const staged = staging ? await Promise.race([staging as Promise<StagedContent>, refused]) : null;
    if (problem) {
      await staged?.discard();
      throw problem;
    }
    if (!staged) throw new UploadError(400, 'The form has no file: put it in a part named "file".');
    return { fields, fileName, staged };
  } catch (error) {
    parser.destroy();
    source.destroy();
    // Whatever was staged goes (the store removes a file it did not finish).
    await (staging as Promise<StagedContent> | null)?.then((s) => s.discard()).catch(() => undefined);
    if (error instanceof UploadError) throw error;
    if (error instanceof ContentTooLargeError) throw tooLarge(maxBytes);
    // The store's own failures (a full disk, no permission) are the server's, not the upload's.
    if (typeof (error as NodeJS.ErrnoException).errno === "number" && (error as NodeJS.ErrnoException).syscall) throw error;
    throw new UploadError(400, "The upload was cut off or is not a well-formed multipart form; nothing was kept.");
  }
}
