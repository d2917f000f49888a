import { PageHeader } from "@/components/ui/page-header";

/** An area that is not built yet says so plainly, and what it will hold. No placeholder data. */
export function NotBuiltYet({
  title,
  description,
  area,
  children,
}: {
  title: string;
  description: string;
  area: string;
  children: React.ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <section className="rounded-lg border border-amber-200 bg-amber-50 p-6" aria-labelledby="not-built-yet">
        <h2 id="not-built-yet" className="font-semibold text-amber-900">
          {area} is not built yet
        </h2>
        <p className="mt-2 max-w-3xl text-sm text-amber-900">{children}</p>
      </section>
    </>
  );
}
