import type { FormAction } from "@/lib/form-state";
import { CommanderForm } from "./commander-form";
import { NoteForm } from "./note-form";
import { TransitionForm, type TransitionChoice } from "./transition-form";

type Props = {
  incidentKey: string;
  version: number;
  transitions: TransitionChoice[];
  commanderId: string | null;
  candidates: { id: string; name: string; email: string }[];
  actions: { transition: FormAction; assignCommander: FormAction; addNote: FormAction };
};

/** The controls of someone who may act on the incident (managers and responders). */
export function IncidentResponsePanel({ incidentKey, version, transitions, commanderId, candidates, actions }: Props) {
  const open = transitions.length > 0;
  return (
    <div className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 lg:grid-cols-3">
      {open ? (
        <TransitionForm incidentKey={incidentKey} version={version} transitions={transitions} action={actions.transition} />
      ) : (
        <p className="text-sm text-slate-600">This incident is closed; closed incidents are not reopened.</p>
      )}
      {open ? (
        <CommanderForm
          incidentKey={incidentKey}
          version={version}
          commanderId={commanderId}
          candidates={candidates}
          action={actions.assignCommander}
        />
      ) : null}
      <NoteForm incidentKey={incidentKey} action={actions.addNote} />
    </div>
  );
}
