import type { PlaybookDiff } from "@/lib/domain/playbook-diff";
import type { PlaybookStepRecord } from "@/lib/domain/playbook-steps";
import type { IncidentType, PlanRoleKind, PlaybookPhase, PlaybookVersionStatus } from "@/lib/generated/prisma/enums";

// Components take the enum types from here, not from the generated client.
export type { PlanRoleKind, PlaybookPhase };

/** An ATT&CK for Containers technique as the library shows it (name and link from lib/data/attack). */
export type PlaybookTechniqueDto = { id: string; name: string; url: string | null };

/** What the library row and the playbook page both show of a playbook. */
type PlaybookHeadDto = {
  id: string;
  title: string;
  incidentType: IncidentType;
  description: string | null;
  techniques: PlaybookTechniqueDto[];
  retiredAt: Date | null;
};

/** One row of the library at /playbooks. */
export type PlaybookSummaryDto = PlaybookHeadDto & {
  latestPublished: { number: number; publishedAt: Date | null } | null;
  /** The one draft, if someone is working on the next version. */
  draft: { number: number } | null;
};

export type PlaybookVersionSummaryDto = {
  id: string;
  number: number;
  status: PlaybookVersionStatus;
  changeNote: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  createdAt: Date;
  stepCount: number;
};

export type PlaybookDetailDto = PlaybookHeadDto & {
  /** The playbook row's version: the details form sends it back. */
  version: number;
  /** Newest first. */
  versions: PlaybookVersionSummaryDto[];
};

export type PlaybookStepDto = PlaybookStepRecord;

export type PlaybookVersionDto = PlaybookVersionSummaryDto & {
  playbookId: string;
  /** The version row's optimistic-lock counter; every step edit of a draft sends it back. */
  version: number;
  /** In run order: by phase, then position. */
  steps: PlaybookStepDto[];
  /** The last change to this version (from the audit log), for "edited by … at …". */
  lastChange: { by: string; at: Date } | null;
};

/** What another area needs to start a run: the latest published version of a live playbook. */
export type PublishedPlaybookRefDto = {
  playbookId: string;
  versionId: string;
  number: number;
  title: string;
  incidentType: IncidentType;
};

export type PlaybookDiffDto = {
  playbook: { id: string; title: string };
  from: PlaybookVersionSummaryDto;
  to: PlaybookVersionSummaryDto;
  diff: PlaybookDiff<PlaybookStepDto>;
};

/** What importing a CACAO 2.0 document made: a new playbook whose version 1 is a draft. */
export type CacaoImportDto = {
  playbookId: string;
  versionId: string;
  title: string;
  incidentType: IncidentType;
  /** Whether the incident type came from the document's labels/extension or from the form. */
  incidentTypeFrom: "document" | "form";
  stepCount: number;
};
