import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/dto/labels";
import { navigationFor } from "@/lib/navigation";
import { signOutAction } from "./actions";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <AppShell
      items={navigationFor(actor.role)}
      user={{ name: actor.name, email: actor.email, roleLabel: ROLE_LABELS[actor.role] }}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
