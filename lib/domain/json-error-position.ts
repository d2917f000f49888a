import { parse, type ParseError } from "jsonc-parser";

/**
 * Where JSON text first goes wrong, as a character offset (the start of the offending token), or
 * null when it is valid RFC 8259 JSON. V8's JSON.parse messages stopped giving a position for many
 * errors ("Unexpected token ',', ...is not valid JSON"), and someone pasting a thousand lines of
 * kubectl output needs the line and column. jsonc-parser is linear in the text; its parser recurses
 * per nesting level, so text nested deeper than the stack allows (hostile, never a real document)
 * has no position rather than a crash. Comments and trailing commas are errors here, as in JSON.
 * JSON.parse still does the parsing.
 */
export function jsonErrorPosition(text: string): number | null {
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
  return errors.length ? Math.min(errors[0]!.offset, text.length) : null;
}
