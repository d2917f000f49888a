import type {
  ActionItemStatus,
  ExerciseAttendance,
  ExerciseKind,
  ExerciseStatus,
  FindingCategory,
  FindingSeverity,
  FindingStatus,
} from "@/lib/generated/prisma/enums";

// One Record per enum, in one file, so that they can move to lib/dto/labels.ts as they are.

export const EXERCISE_KIND_LABELS: Readonly<Record<ExerciseKind, string>> = { TABLETOP: "Tabletop", PURPLE_TEAM: "Purple team" };

export const EXERCISE_STATUS_LABELS: Readonly<Record<ExerciseStatus, string>> = {
  PLANNED: "Planned",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
};

export const EXERCISE_ATTENDANCE_LABELS: Readonly<Record<ExerciseAttendance, string>> = {
  INVITED: "Invited",
  ATTENDED: "Attended",
  ABSENT: "Absent",
};

export const FINDING_CATEGORY_LABELS: Readonly<Record<FindingCategory, string>> = {
  PLAN: "Plan",
  PLAYBOOK: "Playbook",
  DETECTION: "Detection",
  TOOLING: "Tooling",
  PEOPLE: "People and training",
  COMMUNICATION: "Communication",
  OTHER: "Other",
};

export const FINDING_SEVERITY_LABELS: Readonly<Record<FindingSeverity, string>> = {
  CRITICAL: "Critical",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
};

export const FINDING_STATUS_LABELS: Readonly<Record<FindingStatus, string>> = {
  OPEN: "Open",
  RESOLVED: "Resolved",
  ACCEPTED: "Accepted",
};

export const ACTION_ITEM_STATUS_LABELS: Readonly<Record<ActionItemStatus, string>> = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  WONT_FIX: "Won't fix",
};
