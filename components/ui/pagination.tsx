import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/** "Showing 26–50 of 60" with previous/next links; `hrefFor` keeps the list's filters in them. */
export function Pagination({
  label,
  total,
  page,
  pageSize,
  pageCount,
  hrefFor,
}: {
  label: string;
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (total === 0) return null;
  return (
    <nav aria-label={label} className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <span>
        Showing {(page - 1) * pageSize + 1}–{Math.min(page * pageSize, total)} of {total}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} className={buttonClasses("secondary")} rel="prev">
            Previous page
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={hrefFor(page + 1)} className={buttonClasses("secondary")} rel="next">
            Next page
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
