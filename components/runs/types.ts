import type { FormAction } from "@/lib/form-state";

/** The server actions the run page hands its client components. */
export type StepActions = {
  start: FormAction;
  complete: FormAction;
  assign: FormAction;
  skip: FormAction;
  block: FormAction;
  reopen: FormAction;
  notes: FormAction;
};

export type RunActions = StepActions & { completeRun: FormAction; abandonRun: FormAction };

export type Assignee = { id: string; name: string; role: string };
