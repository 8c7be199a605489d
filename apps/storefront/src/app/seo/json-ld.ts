/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` become JSON escapes, so no
 * text in it (a dealer's description with `</script>` in it) can end the script element, and the
 * line separators JavaScript once refused are escaped too. Parsers read the same values.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
