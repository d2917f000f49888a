import "server-only";

/** An error the user can act on; its message is shown as is. */
export class ExpectedError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = new.target.name;
  }
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
