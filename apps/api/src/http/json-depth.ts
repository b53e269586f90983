/**
 * Where raw JSON text first opens a container at depth `maxDepth` (the root is depth 0), as a dotted field path
 * (`petitioner.a.a…`, `title.0.0…`), or null when it does not. Runs on the text before JSON.parse, which itself
 * recurses (V8 overflows on a few thousand nested objects) and so could only say "malformed", not where.
 * One pass, no recursion, no allocation beyond the open containers; malformed text is left to JSON.parse.
 */
export function jsonDepthExceededAt(text: string, maxDepth: number): string | null {
  /** Per open container: '{' or '[' and the segment of the child being read (a key, or an index). */
  const open: { kind: '{' | '['; segment: string | number }[] = [];
  let lastString = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c /* \ */) i++;
      lastString = text.slice(start, i + 1);
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (open.length >= maxDepth) return open.map((o) => o.segment).join('.');
      open.push({ kind: c === 0x7b ? '{' : '[', segment: c === 0x7b ? '' : 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      open.pop();
    } else if (c === 0x3a /* : */) {
      const top = open.at(-1);
      if (top?.kind === '{') top.segment = decodeKey(lastString);
    } else if (c === 0x2c /* , */) {
      const top = open.at(-1);
      if (top?.kind === '[') top.segment = (top.segment as number) + 1;
    }
  }
  return null;
}

function decodeKey(literal: string): string {
  try {
    const key: unknown = JSON.parse(literal);
    return typeof key === 'string' ? key : '';
  } catch {
    return '';
  }
}
