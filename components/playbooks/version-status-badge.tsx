import { Badge } from "@/components/ui/badge";

const TONE = { DRAFT: "warn", PUBLISHED: "good", RETIRED: "neutral" } as const;
const LABEL = { DRAFT: "Draft", PUBLISHED: "Published", RETIRED: "Retired" } as const;

export function VersionStatusBadge({ status }: { status: keyof typeof TONE }) {
  return <Badge tone={TONE[status]}>{LABEL[status]}</Badge>;
}
