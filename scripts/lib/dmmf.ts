// The part of Prisma's DMMF (the JSON that prisma-schema-wasm's get_dmmf returns for a schema) that
// scripts/lib/schema-model.ts reads. Only the fields it uses are typed.

export type DmmfDefault = string | number | boolean | DmmfDefault[] | { name: string; args: unknown[] };

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  default?: DmmfDefault;
  isUpdatedAt?: boolean;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
export interface DmmfModel {
  name: string;
  dbName: string | null;
  schema?: string | null;
  fields: DmmfField[];
}
export interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  isDefinedOnField: boolean;
  dbName?: string | null;
  algorithm?: string | null;
  fields: { name: string; sortOrder?: string | null; length?: number | null; operatorClass?: string | null }[];
}
export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}
export interface Datamodel {
  enums: DmmfEnum[];
  models: DmmfModel[];
  indexes: DmmfIndex[];
}
