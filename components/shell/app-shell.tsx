import Link from "next/link";
import { NavLinks, type NavItem } from "@/components/shell/nav-links";

export function AppShell({
  items,
  user,
  signOutAction,
  children,
}: {
  items: NavItem[];
  user: { name: string; email: string; roleLabel: string };
  signOutAction: () => Promise<void>;
  children: React.ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="no-print bg-slate-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href="/" className="text-sm font-bold tracking-widest text-sky-300 uppercase">
            Bulkhead
          </Link>
          <nav aria-label="Main" className="flex-1">
            <NavLinks items={items} />
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <Link href="/account" title={`${user.email}: your account and password`} className="rounded-md px-2 py-1 hover:bg-slate-800">
              {user.name} <span className="text-slate-400">· {user.roleLabel}</span>
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md px-2 py-1 text-slate-300 hover:bg-slate-800 hover:text-white">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
