import Link from "next/link";

/** The way back from a record to its list (or parent), above the page header. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="text-sky-800 underline">
        ← {children}
      </Link>
    </p>
  );
}
