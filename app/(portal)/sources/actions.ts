"use server";

import { runAction, type ActionState } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import {
  createDetectionSource,
  revokeDetectionSource,
  rotateDetectionSourceToken,
  updateDetectionSource,
} from "@/lib/dal/detection-sources";
import {
  CreateDetectionSourceInput,
  RevokeDetectionSourceInput,
  RotateDetectionSourceTokenInput,
  UpdateDetectionSourceInput,
} from "@/lib/validation/detection-sources";
import type { TokenActionState } from "@/components/sources/types";

// A new token leaves the server only in the result of the action that issued it: the revalidated
// page never contains it, and nothing here logs or redirects with it.

const SOURCE_PAGES = ["/sources"];

export async function createDetectionSourceAction(_previous: TokenActionState, formData: FormData): Promise<TokenActionState> {
  const actor = await requireActor();
  return runAction("createDetectionSource", async () => {
    const created = await createDetectionSource(actor, CreateDetectionSourceInput.parse(Object.fromEntries(formData)));
    return {
      message: `Created ${created.source.name}. Copy its token now: it is shown only once.`,
      data: { issued: created.issued },
      revalidate: SOURCE_PAGES,
    };
  });
}

export async function updateDetectionSourceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("updateDetectionSource", async () => {
    const source = await updateDetectionSource(actor, UpdateDetectionSourceInput.parse(Object.fromEntries(formData)));
    return { message: `Saved ${source.name}.`, revalidate: SOURCE_PAGES };
  });
}

export async function rotateDetectionSourceTokenAction(_previous: TokenActionState, formData: FormData): Promise<TokenActionState> {
  const actor = await requireActor();
  return runAction("rotateDetectionSourceToken", async () => {
    const rotated = await rotateDetectionSourceToken(actor, RotateDetectionSourceTokenInput.parse(Object.fromEntries(formData)));
    return {
      message: `New token issued for ${rotated.source.name}; the old one no longer works.`,
      data: { issued: rotated.issued },
      revalidate: SOURCE_PAGES,
    };
  });
}

export async function revokeDetectionSourceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("revokeDetectionSource", async () => {
    const source = await revokeDetectionSource(actor, RevokeDetectionSourceInput.parse(Object.fromEntries(formData)));
    return { message: `Revoked ${source.name}; its token is refused from now on.`, revalidate: SOURCE_PAGES };
  });
}
