import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { toQueryString } from "@/lib/query-string";
import type { ContactListFilterValue } from "@/lib/validation/contacts";

/** "Showing 26–30 of 30" with previous/next links that keep the filters. */
export function ContactPagination({
  filter,
  total,
  page,
  pageSize,
  pageCount,
}: {
  filter: ContactListFilterValue;
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}) {
  if (total === 0) return null;
  const href = (target: number) =>
    `/plan/contacts${toQueryString({ ...filter, status: filter.status === "all" ? undefined : filter.status, page: target > 1 ? String(target) : undefined })}`;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <nav aria-label="Contact pages" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <span>
        Showing {first}–{last} of {total}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={buttonClasses("secondary")} rel="prev">
            Previous page
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={href(page + 1)} className={buttonClasses("secondary")} rel="next">
            Next page
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
