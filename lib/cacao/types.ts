// The parts of a CACAO 2.0 playbook (OASIS CACAO Security Playbooks v2.0, sections 3–7) that Bulkhead
// reads or writes. The JSON schemas are the authority; these types describe a document that has
// already passed them, so every property the schema leaves optional is optional here too.

export type CacaoCommand = {
  type: string;
  description?: string;
  command?: string;
  command_b64?: string;
  content?: string;
  content_b64?: string;
  playbook_activity?: string;
  [property: string]: unknown;
};

export type CacaoStep = {
  type: string;
  name?: string;
  description?: string;
  delay?: number;
  timeout?: number;
  on_completion?: string;
  on_success?: string;
  on_failure?: string;
  step_extensions?: Record<string, unknown>;
  // action
  commands?: CacaoCommand[];
  agent?: string;
  targets?: string[];
  // playbook-action
  playbook_id?: string;
  playbook_version?: string;
  // parallel
  next_steps?: string[];
  // if-condition, while-condition
  condition?: string;
  on_true?: string;
  on_false?: string;
  // switch-condition
  switch?: string;
  cases?: Record<string, string>;
  [property: string]: unknown;
};

export type CacaoContact = { email?: Record<string, string>; phone?: Record<string, string>; contact_details?: string };

export type CacaoAgent = { type: string; name: string; description?: string; contact?: CacaoContact; [property: string]: unknown };

export type CacaoExtensionDefinition = {
  type: "extension-definition";
  name: string;
  description?: string;
  created_by: string;
  schema: string;
  version: string;
};

export type CacaoExternalReference = { name: string; description?: string; source?: string; url?: string; external_id?: string };

export type CacaoPlaybook = {
  type: "playbook";
  spec_version: "cacao-2.0";
  id: string;
  name: string;
  description?: string;
  playbook_types?: string[];
  playbook_activities?: string[];
  created_by: string;
  created: string;
  modified: string;
  labels?: string[];
  external_references?: CacaoExternalReference[];
  workflow_start: string;
  workflow_exception?: string;
  workflow: Record<string, CacaoStep>;
  playbook_extensions?: Record<string, unknown>;
  agent_definitions?: Record<string, CacaoAgent>;
  target_definitions?: Record<string, CacaoAgent>;
  extension_definitions?: Record<string, CacaoExtensionDefinition>;
  [property: string]: unknown;
};

/** One thing wrong with a document: where (a JSON pointer, "" for the whole document) and what. */
export type CacaoProblem = { path: string; message: string };
