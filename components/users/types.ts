export type { FormAction } from "@/lib/form-state";

export type UserRowData = {
  id: string;
  email: string;
  name: string;
  role: "ADMIN" | "IR_MANAGER" | "RESPONDER" | "AUDITOR";
  active: boolean;
  mustChangePassword: boolean;
  version: number;
  lastSignInAt: Date | null;
};

export const ROLE_OPTIONS = [
  { value: "ADMIN", label: "Admin" },
  { value: "IR_MANAGER", label: "IR manager" },
  { value: "RESPONDER", label: "Responder" },
  { value: "AUDITOR", label: "Auditor" },
] as const;
