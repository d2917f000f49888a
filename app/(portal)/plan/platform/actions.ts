"use server";

import { runAction, type ActionState, type Revalidation } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { applyNamespaceImport, previewNamespaceImport } from "@/lib/dal/namespace-import";
import { clearScopeOwners, setScopeOwners } from "@/lib/dal/ownership";
import { addNamespace, addWorkload, createCluster, updateCluster } from "@/lib/dal/platform";
import type { ActionResult } from "@/lib/form-state";
import type { ImportPreviewDto } from "@/lib/dto/platform";
import {
  AddNamespaceInput,
  AddWorkloadInput,
  ClearOwnersInput,
  CreateClusterInput,
  formFields,
  NamespaceImportInput,
  SetOwnersInput,
  UpdateClusterInput,
} from "@/lib/validation/platform";

/** Ownership feeds readiness, the print copy and incidents' owners: refresh the whole plan area. */
const PLAN_PAGES: Revalidation[] = [{ path: "/plan", type: "layout" }, "/print/plan"];

export async function createClusterAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("createCluster", async () => {
    const cluster = await createCluster(actor, CreateClusterInput.parse(formFields(formData)));
    return { message: `Added cluster ${cluster.name}. Its namespaces inherit its owners until you set their own.`, revalidate: PLAN_PAGES };
  });
}

export async function updateClusterAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("updateCluster", async () => {
    const cluster = await updateCluster(actor, UpdateClusterInput.parse(formFields(formData)));
    return { message: `Saved the details of ${cluster.name}.`, revalidate: PLAN_PAGES };
  });
}

export async function addNamespaceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("addNamespace", async () => {
    const ns = await addNamespace(actor, AddNamespaceInput.parse(formFields(formData)));
    return {
      message: `Added ${ns.isPattern ? "pattern" : "namespace"} ${ns.cluster}/${ns.name}; it inherits its owners until you set them.`,
      revalidate: PLAN_PAGES,
    };
  });
}

export async function addWorkloadAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("addWorkload", async () => {
    const workload = await addWorkload(actor, AddWorkloadInput.parse(formFields(formData)));
    return { message: `Added workload ${workload.scope}; it inherits its namespace's owners until you set them.`, revalidate: PLAN_PAGES };
  });
}

export async function setScopeOwnersAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("setScopeOwners", async () => {
    const saved = await setScopeOwners(actor, SetOwnersInput.parse(formFields(formData)));
    return { message: `Saved the owners of ${saved.label}.`, revalidate: PLAN_PAGES };
  });
}

export async function clearScopeOwnersAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction("clearScopeOwners", async () => {
    const cleared = await clearScopeOwners(actor, ClearOwnersInput.parse(formFields(formData)));
    return { message: `Cleared the owners of ${cleared.label}; it now inherits them.`, revalidate: PLAN_PAGES };
  });
}

export type ImportPreviewState = ActionResult<{ preview: ImportPreviewDto }> | null;

/** Shows what an import would change; writes nothing, so nothing to revalidate. */
export async function previewNamespaceImportAction(_previous: ImportPreviewState, formData: FormData): Promise<ImportPreviewState> {
  const actor = await requireActor();
  return runAction("previewNamespaceImport", async () => {
    const preview = await previewNamespaceImport(actor, NamespaceImportInput.parse(formFields(formData)));
    const { add, update, unchanged, notInList } = preview.plan;
    const message = preview.hasChanges
      ? `${add.length} to add, ${update.length} to update, ${unchanged.length} unchanged, ${notInList.length} in the plan but not in the list.`
      : `Nothing to change: all ${unchanged.length} namespaces are already in the plan as listed.`;
    return { message, data: { preview } };
  });
}

export type ImportApplyState = ActionResult<{ digest: string | null }> | null;

/** Applies the pasted list; the server re-parses and re-plans it and refuses if the preview is stale. */
export async function applyNamespaceImportAction(_previous: ImportApplyState, formData: FormData): Promise<ImportApplyState> {
  const actor = await requireActor();
  return runAction("applyNamespaceImport", async () => {
    const input = NamespaceImportInput.parse(formFields(formData));
    const r = await applyNamespaceImport(actor, input);
    const message =
      r.added + r.updated === 0
        ? `Nothing changed: ${r.clusterName} already has these namespaces as listed.`
        : `Imported into ${r.clusterName}: ${r.added} added, ${r.updated} updated${r.ownersPrefilled ? `, owners pre-filled for ${r.ownersPrefilled}` : ""}. ${r.notInList} namespaces not in the list were kept.`;
    return { message, data: { digest: input.digest ?? null }, revalidate: PLAN_PAGES };
  });
}
