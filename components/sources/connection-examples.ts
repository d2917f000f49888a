import type { DetectionSourceKind, FalcoPriority } from "@/lib/dto/detection-sources";

// Ready-to-paste configuration for a newly issued token. The ingest endpoint and header are the
// DESIGN.md contract: `POST /api/ingest/falco` with `Authorization: Bearer <token>`.

export const INGEST_PATH = "/api/ingest/falco";

/** A single-quoted POSIX shell word: nothing inside is expanded. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A double-quoted YAML scalar (JSON strings are valid YAML). */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** falcosidekick's `config.yaml`: the webhook output with the token as a custom header. */
export function falcosidekickConfig(origin: string, token: string): string {
  return [
    "webhook:",
    `  address: ${yamlString(`${origin}${INGEST_PATH}`)}`,
    "  customHeaders:",
    `    Authorization: ${yamlString(`Bearer ${token}`)}`,
  ].join("\n");
}

/** The same through falcosidekick's environment variables (`key:value` pairs for custom headers). */
export function falcosidekickEnv(origin: string, token: string): string {
  return [
    `WEBHOOK_ADDRESS=${shellQuote(`${origin}${INGEST_PATH}`)}`,
    `WEBHOOK_CUSTOMHEADERS=${shellQuote(`Authorization:Bearer ${token}`)}`,
  ].join("\n");
}

/**
 * Falco's own `http_output`: it cannot add headers, but libcurl sends credentials written into the
 * URL as Basic authentication, and the ingest endpoint takes the token as that password.
 */
export function falcoHttpOutputConfig(origin: string, token: string): string {
  const url = new URL(`${origin}${INGEST_PATH}`);
  url.username = "falco";
  url.password = token;
  return ["json_output: true", "http_output:", "  enabled: true", `  url: ${yamlString(url.toString())}`].join("\n");
}

/**
 * A Debug-priority test event in Falco's `json_output` shape. Its content is fixed at `at`, so
 * sending it twice reports a duplicate the second time (ingest deduplicates by content).
 */
export function testEvent(sourceName: string, at: Date): string {
  return JSON.stringify({
    time: at.toISOString(),
    rule: "Bulkhead connection test",
    priority: "Debug",
    source: "syscall",
    output: `Bulkhead connection test for detection source ${sourceName}`,
    output_fields: {},
    tags: ["bulkhead_connection_test"],
  });
}

export function curlCommand(origin: string, token: string, sourceName: string, at: Date): string {
  return [
    `curl -sS -X POST ${shellQuote(`${origin}${INGEST_PATH}`)} \\`,
    `  -H ${shellQuote(`Authorization: Bearer ${token}`)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data ${shellQuote(testEvent(sourceName, at))}`,
  ].join("\n");
}

/** What the test event does here: it is stored as an alert; it opens an incident only at a Debug threshold. */
export function testEventEffect(threshold: FalcoPriority): string {
  return threshold === "DEBUG"
    ? "It is stored as an alert and, since this source opens incidents from Debug up, it opens an incident."
    : "It is stored as an alert; Debug is below this source's threshold, so it opens no incident.";
}

export function kindHint(kind: DetectionSourceKind): string {
  switch (kind) {
    case "FALCOSIDEKICK":
      return "Put the webhook output in falcosidekick's config.yaml (or set the environment variables) and restart falcosidekick.";
    case "FALCO":
      return "Falco's http_output cannot set headers, so put the token in its URL as the password (below): libcurl sends it as Basic authentication, which Bulkhead accepts. Keep falco.yaml readable only by Falco.";
    case "GENERIC":
      return "Any sender works that posts Falco-format JSON (one event, an array, or one event per line) with the Authorization header.";
  }
}
