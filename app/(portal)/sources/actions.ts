"use server";

import { revalidatePath } from "next/cache";
import { settle, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import {
  createDetectionSource,
  revokeDetectionSource,
  rotateDetectionSourceToken,
  updateDetectionSource,
} from "@/lib/dal/detection-sources";
import type { IssuedSourceTokenDto } from "@/lib/dto/detection-sources";
import {
  CreateDetectionSourceInput,
  RevokeDetectionSourceInput,
  RotateDetectionSourceTokenInput,
  UpdateDetectionSourceInput,
} from "@/lib/validation/detection-sources";
import type { TokenActionState } from "@/components/sources/types";

// A new token leaves the server only in the result of the action that issued it: the revalidated
// page never contains it, and nothing here logs or redirects with it.

function revalidatedOnSuccess<S extends ActionState | TokenActionState>(result: S): S {
  if (result?.ok) revalidatePath("/sources");
  return result;
}

export async function createDetectionSourceAction(_previous: TokenActionState, formData: FormData): Promise<TokenActionState> {
  const actor = await requireActor();
  const issued: { token?: IssuedSourceTokenDto } = {};
  const result = await settle("createDetectionSource", async () => {
    const created = await createDetectionSource(actor, CreateDetectionSourceInput.parse(Object.fromEntries(formData)));
    issued.token = created.issued;
    return `Created ${created.source.name}. Copy its token now: it is shown only once.`;
  });
  return revalidatedOnSuccess(result.ok ? { ...result, issued: issued.token } : result);
}

export async function updateDetectionSourceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("updateDetectionSource", async () => {
    const source = await updateDetectionSource(actor, UpdateDetectionSourceInput.parse(Object.fromEntries(formData)));
    return `Saved ${source.name}.`;
  });
  return revalidatedOnSuccess(result);
}

export async function rotateDetectionSourceTokenAction(_previous: TokenActionState, formData: FormData): Promise<TokenActionState> {
  const actor = await requireActor();
  const issued: { token?: IssuedSourceTokenDto } = {};
  const result = await settle("rotateDetectionSourceToken", async () => {
    const rotated = await rotateDetectionSourceToken(actor, RotateDetectionSourceTokenInput.parse(Object.fromEntries(formData)));
    issued.token = rotated.issued;
    return `New token issued for ${rotated.source.name}; the old one no longer works.`;
  });
  return revalidatedOnSuccess(result.ok ? { ...result, issued: issued.token } : result);
}

export async function revokeDetectionSourceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await settle("revokeDetectionSource", async () => {
    const source = await revokeDetectionSource(actor, RevokeDetectionSourceInput.parse(Object.fromEntries(formData)));
    return `Revoked ${source.name}; its token is refused from now on.`;
  });
  return revalidatedOnSuccess(result);
}
