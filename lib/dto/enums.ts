// The enums of schema.prisma as Prisma generates them: lib/generated/prisma/enums.ts holds plain
// `as const` objects and imports nothing, so client components can take them without the Prisma
// runtime. Components and validation import enums from here; nothing spells an enum's values by hand.
export * from "@/lib/generated/prisma/enums";

/**
 * An enum's values in schema order, as the non-empty tuple `z.enum` and option lists take. A new
 * value in schema.prisma reaches every list built from this after `prisma generate`.
 */
export function valuesOf<E extends string>(enumObject: Readonly<Record<string, E>>): readonly [E, ...E[]] {
  return Object.values(enumObject) as [E, ...E[]];
}

/**
 * The keys of a `Record<Enum, …>` in the order it declares them: for lists shown in an order other
 * than the schema's (the map's type makes sure every value is there).
 */
export function keysOf<E extends string>(map: Readonly<Record<E, unknown>>): readonly [E, ...E[]] {
  return Object.keys(map) as [E, ...E[]];
}
