"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const TABS = [
  { href: "/plan", label: "Readiness" },
  { href: "/plan/contacts", label: "Contacts" },
  { href: "/plan/platform", label: "Clusters & owners" },
  { href: "/plan/roles", label: "Roles & escalation" },
  { href: "/plan/revisions", label: "Plan text & revisions" },
];

export function PlanTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Plan" className="no-print mb-6 flex flex-wrap items-center gap-1 border-b border-slate-200">
      {TABS.map((tab) => {
        const active = tab.href === "/plan" ? pathname === "/plan" : pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              active ? "border-sky-700 text-sky-800" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
      <Link href="/print/plan" className="ml-auto px-3 py-2 text-sm text-slate-600 underline hover:text-slate-900">
        Print / offline copy
      </Link>
    </nav>
  );
}
