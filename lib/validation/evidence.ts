import { z } from "zod";
import { EvidenceKind } from "@/lib/dto/enums";
import { MANUAL_CUSTODY_ACTIONS } from "@/lib/domain/evidence/custody";
import { checkKubernetesName, type NameKind } from "@/lib/domain/kubernetes-names";
import { DateTimeInput } from "@/lib/validation/date-time";
import { Id } from "@/lib/validation/record-ref";

// Evidence registration and chain of custody (issue 13). The same fields arrive from the upload
// route's multipart form, the external-location form and the "record as collected" prefill.

const blankToNull = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);
const Lf = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v);

const optionalText = (max: number) =>
  z.preprocess((v) => blankToNull(Lf(v)), z.string().trim().max(max, `Use at most ${max} characters`).nullable());

/** A container's name, id, node or digest as Kubernetes and the runtime spell them: what the dossier offers. */
const KubernetesName = (kind: NameKind, what: string) =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(300)
      .refine((v) => checkKubernetesName(kind, v).ok, `Not a valid ${what}`)
      .nullable(),
  );

export const Sha256Hex = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, "A sha256 is 64 hexadecimal digits (what sha256sum prints)");

const EvidenceFields = z.object({
  kind: z.enum(EvidenceKind, { error: "Choose what kind of evidence this is" }),
  description: z.preprocess(
    Lf,
    z.string().trim().min(1, "Say what this is and how it was obtained").max(4000, "Use at most 4,000 characters"),
  ),
  containerId: KubernetesName("container_id", "container id"),
  podName: KubernetesName("pod", "pod name"),
  // `node`, not `nodeName`, on the wire: a form control named nodeName clobbers the form element's
  // own `nodeName`, which the DOM, React and Playwright read.
  node: KubernetesName("node", "node name"),
  imageDigest: KubernetesName("image_digest", "image digest (sha256:…)"),
  /** Blank: now. A time in the future is refused (nobody collected it yet). */
  collectedAt: z.preprocess(blankToNull, DateTimeInput().nullable()).refine((d) => d === null || d.getTime() <= Date.now() + 60_000, {
    message: "That time is in the future",
  }),
  /** Blank: whoever registers it. */
  collectedById: z.preprocess(blankToNull, Id.nullable()),
  /** The run step it is attached from (its "evidence expected"). */
  runStepId: z.preprocess(blankToNull, Id.nullable()),
});

const withNodeName = <T extends { node: string | null }>({ node, ...rest }: T) => ({ ...rest, nodeName: node });

/** The fields of an upload (multipart form fields beside the file). `sha256`: the hash the collector computed, checked against the bytes received. */
export const EvidenceUploadFields = EvidenceFields.extend({ sha256: z.preprocess(blankToNull, Sha256Hex.nullable()) }).transform(
  withNodeName,
);
export type EvidenceUploadFieldsValue = z.output<typeof EvidenceUploadFields>;

/** A registry reference by digest, or a URI of an object store or evidence locker. */
const ExternalLocation = z
  .string()
  .trim()
  .min(1, "Say where the evidence is kept")
  .max(2000, "Use at most 2,000 characters")
  .refine(
    (v) =>
      /^[a-z][a-z0-9+.-]{1,15}:\/\/\S+$/i.test(v) ||
      (v.includes("@sha256:") &&
        checkKubernetesName("image", v.split("@")[0]!).ok &&
        checkKubernetesName("image_digest", v.split("@")[1]!).ok),
    "Give a registry reference by digest (registry/repo@sha256:…) or a URI (s3://bucket/key, https://…)",
  );

export const ExternalEvidenceInput = EvidenceFields.extend({
  incidentKey: z.string().trim().min(1).max(20),
  storageLocation: ExternalLocation,
  sha256: Sha256Hex,
  sizeBytes: z.preprocess(
    blankToNull,
    z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 53)
      .nullable(),
  ),
}).transform(withNodeName);
export type ExternalEvidenceValue = z.output<typeof ExternalEvidenceInput>;

const Party = z.preprocess(blankToNull, z.string().trim().max(200, "Use at most 200 characters").nullable());

export const CustodyEventInput = z
  .object({
    evidenceId: Id,
    action: z.enum(MANUAL_CUSTODY_ACTIONS, { error: "Choose transfer, release or disposal" }),
    fromParty: Party,
    toParty: Party,
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.action === "TRANSFERRED" && !v.toParty) ctx.addIssue({ code: "custom", path: ["toParty"], message: "Say who receives it" });
    if (v.action !== "TRANSFERRED" && !v.note)
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: `Give the reason for the ${v.action === "RELEASED" ? "release" : "disposal"}`,
      });
  });
export type CustodyEventValue = z.output<typeof CustodyEventInput>;

export const EvidenceIdInput = z.object({ evidenceId: Id });
export const IncidentEvidenceInput = z.object({ incidentKey: z.string().trim().min(1).max(20) });
