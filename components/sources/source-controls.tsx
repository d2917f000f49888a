"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IssuedToken } from "@/components/sources/issued-token";
import { rowClasses, SourceCells } from "@/components/sources/source-cells";
import { SourceSettingsFields } from "@/components/sources/source-fields";
import type { SourceRowActions } from "@/components/sources/types";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { useDismissible, useOpenUntilSuccess } from "@/components/sources/use-panel-state";
import type { DetectionSourceDto } from "@/lib/dto/detection-sources";
import { fieldErrorsOf } from "@/lib/form-state";
import { Cell } from "@/components/ui/data-table";

function failureOf<S extends { ok: boolean } | null>(state: S): S | null {
  return state && !state.ok ? state : null;
}

/**
 * A source with an IR manager's controls: edit, rotate the token, revoke. Rotation and revocation
 * are confirmed first; every form sends the version it was loaded at, so a stale one conflicts.
 */
export function ManagedSourceRows({
  source,
  actions,
  columns,
}: {
  source: DetectionSourceDto;
  actions: SourceRowActions;
  columns: number;
}) {
  const edit = useKeptForm(actions.update, { resetOnSuccess: false });
  const rotate = useKeptForm(actions.rotate, { resetOnSuccess: false });
  const revoke = useKeptForm(actions.revoke, { resetOnSuccess: false });
  const editing = useOpenUntilSuccess(edit.state);
  const confirmingRotate = useOpenUntilSuccess(rotate.state);
  const confirmingRevoke = useOpenUntilSuccess(revoke.state);
  const token = useDismissible(rotate.state?.ok ? rotate.state.issued : undefined);

  const only = (panel: typeof editing) => () => {
    for (const other of [editing, confirmingRotate, confirmingRevoke]) if (other !== panel) other.hide();
    panel.show();
  };
  const ref = (
    <>
      <input type="hidden" name="id" value={source.id} />
      <input type="hidden" name="version" value={source.version} />
    </>
  );
  const name = <span className="sr-only"> {source.name}</span>;
  const panelOpen = editing.open || confirmingRotate.open || confirmingRevoke.open || token.visible !== undefined;

  return (
    <>
      <tr className={rowClasses(source)}>
        <SourceCells source={source} />
        <Cell className="space-y-1">
          <div className="flex flex-wrap gap-1">
            <Button variant="secondary" onClick={only(editing)} aria-expanded={editing.open}>
              Edit{name}
            </Button>
            <Button variant="secondary" onClick={only(confirmingRotate)} aria-expanded={confirmingRotate.open}>
              Rotate token{name}
            </Button>
            <Button variant="ghost" className="text-red-700" onClick={only(confirmingRevoke)} aria-expanded={confirmingRevoke.open}>
              Revoke{name}
            </Button>
          </div>
          {edit.state?.ok && !editing.open ? <FormMessage state={edit.state} /> : null}
        </Cell>
      </tr>
      {panelOpen ? (
        <tr>
          <Cell colSpan={columns} className="space-y-3 bg-slate-50 py-3">
            {editing.open ? (
              <form onSubmit={edit.onSubmit} aria-label={`Edit ${source.name}`} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                {ref}
                <SourceSettingsFields idPrefix={`edit-${source.id}`} errors={fieldErrorsOf(edit.state)} defaults={source} />
                <div className="flex items-end gap-2">
                  <SubmitButton pending={edit.pending}>Save changes</SubmitButton>
                  <Button variant="ghost" onClick={editing.hide}>
                    Cancel
                  </Button>
                </div>
                <div className="sm:col-span-2 lg:col-span-4">
                  <FormMessage state={failureOf(edit.state)} />
                </div>
              </form>
            ) : null}
            {confirmingRotate.open ? (
              <form onSubmit={rotate.onSubmit} aria-label={`Rotate token of ${source.name}`} className="space-y-2">
                {ref}
                <p className="text-sm">
                  Issue a new token for <strong>{source.name}</strong>? The current token (<code>{source.tokenPrefix}…</code>) stops working
                  immediately: its senders are refused until they have the new one.
                </p>
                <div className="flex flex-wrap gap-2">
                  <SubmitButton variant="danger" pending={rotate.pending} pendingText="Rotating…">
                    Yes, rotate token
                  </SubmitButton>
                  <Button variant="ghost" onClick={confirmingRotate.hide}>
                    Cancel
                  </Button>
                </div>
                <FormMessage state={failureOf(rotate.state)} />
              </form>
            ) : null}
            {confirmingRevoke.open ? (
              <form onSubmit={revoke.onSubmit} aria-label={`Revoke ${source.name}`} className="space-y-2">
                {ref}
                <p className="text-sm">
                  Revoke <strong>{source.name}</strong>? Its token stops working immediately and a revoked source cannot be brought back: to
                  receive alerts again, create a new source. Its alerts and history stay.
                </p>
                <div className="flex flex-wrap gap-2">
                  <SubmitButton variant="danger" pending={revoke.pending} pendingText="Revoking…">
                    Yes, revoke
                  </SubmitButton>
                  <Button variant="ghost" onClick={confirmingRevoke.hide}>
                    Cancel
                  </Button>
                </div>
                <FormMessage state={failureOf(revoke.state)} />
              </form>
            ) : null}
            {token.visible ? <IssuedToken issued={token.visible} rotated onDismiss={token.dismiss} /> : null}
          </Cell>
        </tr>
      ) : null}
    </>
  );
}
