import { Badge } from "@/components/ui/badge";

export function ContactStatusBadge({ active }: { active: boolean }) {
  return active ? <Badge tone="good">active</Badge> : <Badge tone="bad">inactive</Badge>;
}
