import { optionsOf, ROLE_LABELS } from "@/lib/dto/labels";

export type { FormAction } from "@/lib/form-state";
export type { UserDto } from "@/lib/dto/users";

export const ROLE_OPTIONS = optionsOf(ROLE_LABELS);
