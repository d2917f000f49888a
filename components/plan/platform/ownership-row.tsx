"use client";

import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { OwnerChips } from "@/components/plan/platform/owner-chips";
import { OwnerSelect } from "@/components/plan/platform/owner-select";
import type { OwnerContactOptionDto, FormAction, MatrixRowDto } from "@/components/plan/platform/labels";
import { WORKLOAD_KIND_LABELS } from "@/lib/dto/labels";
import { cn } from "@/lib/cn";
import { fieldErrorsOf } from "@/lib/form-state";
import { Cell } from "@/components/ui/data-table";

type Actions = { setOwners: FormAction; clearOwners: FormAction };

function ScopeCell({ row }: { row: MatrixRowDto }) {
  if (row.scopeType === "cluster") {
    return (
      <span className="font-semibold">
        {row.name} <span className="text-xs font-normal text-slate-500">cluster</span>
      </span>
    );
  }
  if (row.scopeType === "namespace") {
    return (
      <span className="pl-4 font-medium">
        {row.name} {row.isPattern ? <Badge tone="info">pattern</Badge> : null}
      </span>
    );
  }
  return (
    <span className="pl-9 text-slate-700">
      <span aria-hidden="true">↳ </span>
      {row.name} <span className="text-xs text-slate-500">{row.workloadKind ? WORKLOAD_KIND_LABELS[row.workloadKind] : ""}</span>
    </span>
  );
}

/** One scope of the ownership matrix; a manager edits its owners in place. */
export function OwnershipRow({
  row,
  contacts,
  canEdit,
  actions,
}: {
  row: MatrixRowDto;
  contacts: OwnerContactOptionDto[];
  canEdit: boolean;
  actions: Actions;
}) {
  const [editing, setEditing] = useState(false);
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [primary, setPrimary] = useState(row.own.primary ? [row.own.primary.id] : []);
  const [secondary, setSecondary] = useState(row.own.secondary.map((p) => p.id));
  const [security, setSecurity] = useState(row.own.security.map((p) => p.id));
  const [saveState, saveAction] = useActionState(actions.setOwners, null);
  const [clearState, clearAction] = useActionState(actions.clearOwners, null);
  const errors = fieldErrorsOf(saveState);
  const formId = `owners-${row.scopeId}`;
  const hasOwn = row.own.primary !== null || row.own.secondary.length > 0 || row.own.security.length > 0;
  const inheritParent = row.effective.primary.inheritedFrom ?? (row.scopeType === "workload" ? "its namespace" : "the cluster");
  const none = row.scopeType === "cluster" ? "— choose —" : "— none: inherit —";

  const cancel = () => {
    setEditing(false);
    setPrimary(row.own.primary ? [row.own.primary.id] : []);
    setSecondary(row.own.secondary.map((p) => p.id));
    setSecurity(row.own.security.map((p) => p.id));
  };

  return (
    <tr id={row.key} data-testid={`ownership-row-${row.key}`} className={cn("align-top", row.scopeType === "cluster" && "bg-slate-50")}>
      <th scope="row" className="px-3 py-2 text-left text-sm font-normal">
        <ScopeCell row={row} />
        {row.warnings.length > 0 && !editing ? (
          <ul className="mt-1 space-y-0.5 text-xs text-amber-800">
            {row.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : null}
      </th>
      {editing ? (
        <>
          <Cell>
            <OwnerSelect
              id={`${formId}-primary`}
              name="primary"
              form={formId}
              label={`Primary owner of ${row.key}`}
              contacts={contacts}
              selected={primary}
              onChange={setPrimary}
              noneLabel={none}
              errors={errors.primary}
            />
          </Cell>
          <Cell>
            <OwnerSelect
              id={`${formId}-secondary`}
              name="secondary"
              form={formId}
              label={`Secondary owners of ${row.key}`}
              contacts={contacts}
              selected={secondary}
              onChange={setSecondary}
              multiple
              errors={errors.secondary}
            />
          </Cell>
          <Cell>
            <OwnerSelect
              id={`${formId}-security`}
              name="security"
              form={formId}
              label={`Security contacts of ${row.key}`}
              contacts={contacts}
              selected={security}
              onChange={setSecurity}
              multiple
              errors={errors.security}
            />
          </Cell>
        </>
      ) : (
        <>
          <Cell data-testid="primary">
            <OwnerChips
              people={row.effective.primary.value ? [row.effective.primary.value] : []}
              inheritedFrom={row.effective.primary.inheritedFrom}
            />
          </Cell>
          <Cell data-testid="secondary">
            <OwnerChips people={row.effective.secondary.value} inheritedFrom={row.effective.secondary.inheritedFrom} />
          </Cell>
          <Cell data-testid="security">
            <OwnerChips people={row.effective.security.value} inheritedFrom={row.effective.security.inheritedFrom} />
          </Cell>
        </>
      )}
      {canEdit ? (
        <Cell className="space-y-2">
          {editing ? (
            <form id={formId} action={saveAction} className="flex flex-wrap gap-2" aria-label={`Owners of ${row.key}`}>
              <input type="hidden" name="scopeType" value={row.scopeType} />
              <input type="hidden" name="scopeId" value={row.scopeId} />
              <input type="hidden" name="version" value={row.version} />
              <SubmitButton pendingText="Saving…">Save owners</SubmitButton>
              <Button variant="ghost" onClick={cancel}>
                Cancel
              </Button>
              {row.scopeType !== "cluster" ? (
                <p className="w-full text-xs text-slate-500">Leave primary and secondaries empty to inherit from {inheritParent}.</p>
              ) : null}
            </form>
          ) : confirmingClear ? (
            <form action={clearAction} className="space-y-2" onSubmit={() => setConfirmingClear(false)}>
              <input type="hidden" name="scopeType" value={row.scopeType} />
              <input type="hidden" name="scopeId" value={row.scopeId} />
              <input type="hidden" name="version" value={row.version} />
              <p className="text-xs">
                Remove all owners of {row.key} so that it inherits from{" "}
                {row.scopeType === "workload" ? "its namespace" : "the cluster or a matching pattern"}?
              </p>
              <div className="flex gap-2">
                <SubmitButton variant="danger">Yes, clear owners</SubmitButton>
                <Button variant="ghost" onClick={() => setConfirmingClear(false)}>
                  Cancel
                </Button>
              </div>
            </form>
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setEditing(true)} aria-label={`Edit owners of ${row.key}`}>
                Edit owners
              </Button>
              {row.scopeType !== "cluster" && hasOwn ? (
                <Button variant="ghost" onClick={() => setConfirmingClear(true)} aria-label={`Clear owners of ${row.key}`}>
                  Clear…
                </Button>
              ) : null}
            </div>
          )}
          <FormMessage state={saveState} />
          <FormMessage state={clearState} />
        </Cell>
      ) : null}
    </tr>
  );
}
