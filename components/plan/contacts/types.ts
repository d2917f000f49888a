export type { FormAction } from "@/lib/form-state";
export type { ContactDto, ContactUsageDto, LinkableUserDto } from "@/lib/dto/contacts";
