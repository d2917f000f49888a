import type { DetectionSourceKind, IssuedSourceTokenDto } from "@/lib/dto/detection-sources";
import { DETECTION_SOURCE_KIND_LABELS, FALCO_PRIORITY_LABELS, optionsOf } from "@/lib/dto/labels";
import type { ActionResult, ActionState, FormAction } from "@/lib/form-state";

export type { ActionState, FormAction };

/** The result of creating a source or rotating its token: the new token rides in it, once. */
export type TokenActionState = ActionResult<{ issued?: IssuedSourceTokenDto }> | null;
export type TokenFormAction = (state: TokenActionState, formData: FormData) => Promise<TokenActionState>;

export type SourceRowActions = { update: FormAction; rotate: TokenFormAction; revoke: FormAction };

/** What each kind of sender is, after its label in the new-source form. */
const KIND_HINTS: Record<DetectionSourceKind, string> = {
  FALCOSIDEKICK: "webhook output",
  FALCO: "http_output",
  GENERIC: "any sender of Falco-format JSON",
};

export const KIND_OPTIONS = optionsOf(DETECTION_SOURCE_KIND_LABELS).map((o) => ({ ...o, label: `${o.label} (${KIND_HINTS[o.value]})` }));

/** Falco's priorities, most severe first, as Falco itself spells them. */
export const PRIORITY_OPTIONS = optionsOf(FALCO_PRIORITY_LABELS).map((o) => ({
  ...o,
  label: `${o.label}${o.value === "EMERGENCY" ? " only" : " or worse"}`,
}));
