import "server-only";
import type { MessageTime } from "@/lib/form-state";
import { utcText } from "@/lib/domain/utc-time";

/** An error the user can act on; its message is shown as is (with `time`, forms show that part of it in the viewer's zone). */
export class ExpectedError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly time?: MessageTime,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A time for a message: in UTC to the minute (or, for `clock`, just the hour and minute), and the instant. */
export function messageTime(at: Date, { clock = false } = {}): MessageTime {
  return { iso: at.toISOString(), text: utcText(at, clock ? "clock" : "minute") };
}

export class ValidationError extends ExpectedError {}

/** Also used for records the actor may not see, so the two look the same (STYLE rule 5). */
export class NotFoundError extends ExpectedError {
  constructor(message = "Not found, or you do not have access to it.") {
    super(message);
  }
}

export class ForbiddenError extends ExpectedError {
  constructor(message = "You do not have permission to do that.") {
    super(message);
  }
}

/** A versioned update lost the race; the message says who changed the record and when. */
export class ConflictError extends ExpectedError {}
