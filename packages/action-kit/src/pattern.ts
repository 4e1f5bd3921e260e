import { RE2JS } from 're2js'

/**
 * A regular expression written by a workflow author (a tag pattern, an address glob), compiled for RE2: matching takes
 * time linear in the input, so no pattern (nested quantifiers such as `^(a+)+$`) can hang a run. RE2 has no
 * lookaround and no backreferences (https://github.com/google/re2/wiki/Syntax).
 */
export interface LinearPattern {
  /** The pattern as written. */
  readonly source: string
  /** The JavaScript-style flags it was compiled with (`i`, `m`, `s`), for display. */
  readonly flags: string
  /** True when the pattern matches anywhere in `text` (as `RegExp.prototype.test` without `g`). */
  test(text: string): boolean
}

const FLAG_BITS: Record<string, number> = {
  i: RE2JS.CASE_INSENSITIVE,
  m: RE2JS.MULTILINE,
  s: RE2JS.DOTALL
}

/**
 * Compiles `source` with RE2 (the `re2js` port: pure JavaScript, linear-time matching).
 * @param flags JavaScript-style flags; `i`, `m` and `s` map to RE2's, `g`, `y`, `u` and `d` are ignored (matching is
 *   stateless), any other flag is an error.
 * @throws Error with RE2's one-line reason when the pattern is not valid RE2 syntax (lookaround, backreferences and
 *   possessive quantifiers included).
 */
export function compileLinearPattern(
  source: string,
  flags = ''
): LinearPattern {
  let bits = 0
  let kept = ''
  for (const f of flags) {
    const bit = FLAG_BITS[f]
    if (bit !== undefined) {
      bits |= bit
      kept += f
    } else if (!'gyud'.includes(f)) {
      throw new Error(`flag "${f}" is not supported (use i, m or s)`)
    }
  }
  let re: RE2JS
  try {
    re = RE2JS.compile(source, bits)
  } catch (error) {
    throw new Error(
      `${(error as Error).message.replace(/^error parsing regexp: /, '')} (RE2 syntax: no lookaround or backreferences)`
    )
  }
  return { source, flags: kept, test: (text) => re.test(text) }
}
