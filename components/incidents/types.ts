/** What the incident components render; the pages pass the DAL's DTOs, which have this shape. */
export type OwnerData = {
  contactId: string;
  name: string;
  email: string;
  phone: string | null;
  team: string | null;
  active: boolean;
  inheritedFrom: string | null;
};

export type OwnersData = { primary: OwnerData | null; secondary: OwnerData[]; security: OwnerData[] };

export type IncidentRowData = {
  key: string;
  title: string;
  severity: string;
  status: string;
  cluster: string | null;
  namespace: string | null;
  workload: string | null;
  alertCount: number;
  lastAlertAt: Date | null;
  owners: OwnersData;
  commander: string | null;
};

export const STATUS_OPTIONS = ["OPEN", "TRIAGED", "CONTAINED", "ERADICATED", "RECOVERED", "CLOSED"] as const;
export const SEVERITY_OPTIONS = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
