import { z } from 'zod'
import { errorMessage, InputError } from './errors.js'

/** What a parser given to {@link fromParser} returns to refuse a value; `message` becomes the one zod issue. */
export class Refusal {
  constructor(readonly message: string) {}
}

/** Refuses a value inside a parser given to {@link fromParser}: `return refuse('must be …')`. */
export function refuse(message: string): Refusal {
  return new Refusal(message)
}

/**
 * Message of an {@link InputError} without its `input "…": ` prefix (`ctx.inputs` adds the input name itself);
 * any other thrown value propagates.
 */
export function inputErrorDetail(error: unknown): string | undefined {
  return error instanceof InputError
    ? error.message.replace(/^input "[^"]+": /, '')
    : undefined
}

/**
 * The one bridge from a parser to zod: turns `parse` (value → result, or a {@link Refusal}, or a thrown error)
 * into a zod transform callback that adds exactly one `custom` issue when the value is refused, as zod's
 * "Transforms" documentation shows (`ctx.issues.push(...)`, then `return z.NEVER`).
 *
 * Use as `z.string().transform(fromParser(parse))`.
 * @param parse the parser; it returns `refuse(message)` to refuse the value.
 * @param describe the issue message for an error `parse` throws, or `undefined` to let the error propagate
 *   (default {@link errorMessage}: the thrown message).
 * @returns a transform callback for `.transform(...)`.
 */
export function fromParser<In, Out>(
  parse: (value: In) => Out | Refusal,
  describe: (error: unknown) => string | undefined = errorMessage
): (value: In, ctx: z.core.$RefinementCtx<In>) => Out {
  return (value, ctx) => {
    let result: Out | Refusal
    try {
      result = parse(value)
    } catch (error) {
      const message = describe(error)
      if (message === undefined) throw error
      result = refuse(message)
    }
    if (!(result instanceof Refusal)) return result
    ctx.issues.push({ code: 'custom', input: value, message: result.message })
    return z.NEVER
  }
}
