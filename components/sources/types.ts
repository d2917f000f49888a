import type { DetectionSourceKind, FalcoPriority, IssuedSourceTokenDto } from "@/lib/dto/detection-sources";
import { FALCO_PRIORITY_NAMES } from "@/lib/domain/falco/priority-names";
import type { ActionResult, ActionState, FormAction } from "@/lib/form-state";

export type { ActionState, FormAction };

/** The result of creating a source or rotating its token: the new token rides in it, once. */
export type TokenActionState = ActionResult<{ issued?: IssuedSourceTokenDto }> | null;
export type TokenFormAction = (state: TokenActionState, formData: FormData) => Promise<TokenActionState>;

export type SourceRowActions = { update: FormAction; rotate: TokenFormAction; revoke: FormAction };

export const KIND_LABELS: Record<DetectionSourceKind, string> = {
  FALCOSIDEKICK: "falcosidekick",
  FALCO: "Falco",
  GENERIC: "Generic",
};

export const KIND_OPTIONS: { value: DetectionSourceKind; label: string }[] = [
  { value: "FALCOSIDEKICK", label: "falcosidekick (webhook output)" },
  { value: "FALCO", label: "Falco (http_output)" },
  { value: "GENERIC", label: "Generic (any sender of Falco-format JSON)" },
];

/** Falco's priorities, most severe first, as Falco itself spells them. */
export const PRIORITY_LABELS = FALCO_PRIORITY_NAMES;

export const PRIORITY_OPTIONS = (Object.keys(PRIORITY_LABELS) as FalcoPriority[]).map((value) => ({
  value,
  label: `${PRIORITY_LABELS[value]}${value === "EMERGENCY" ? " only" : " or worse"}`,
}));
