/**
 * Regular expressions written by users in mapping files (`pattern:`, `matches:`) run on RE2
 * semantics (re2js, a pure-JavaScript port of Go's RE2): matching time is linear in the input,
 * so a pattern such as `^(a+)+$` cannot backtrack for minutes on a long cell. RE2 has no
 * backreferences or lookaround; such a pattern is refused when the mapping is loaded.
 */
import { RE2JS } from "re2js";

export interface UserRegex {
  /** The first capture group (or the whole match) of the first match, or undefined. */
  extract(text: string): string | undefined;
  test(text: string): boolean;
}

/** Compile case-insensitively; throws (with RE2's message) when the pattern is not valid RE2. */
export function compileUserRegex(pattern: string): UserRegex {
  const re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  return {
    extract(text: string): string | undefined {
      const m = re.matcher(text);
      if (!m.find()) return undefined;
      return (re.groupCount() >= 1 ? m.group(1) : null) ?? m.group(0) ?? "";
    },
    test: (text: string): boolean => re.matcher(text).find(),
  };
}
