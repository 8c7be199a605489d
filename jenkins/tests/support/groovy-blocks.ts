// A tiny, tolerant reader of Groovy's block structure, enough for a declarative Jenkinsfile:
// every `head { body }` becomes a Block (`stage('Lint')`, `when`, `post`, `success`, `timeout(...)`),
// with comments and string contents kept out of the way of the brace matching.
// It is not a Groovy parser: npm-groovy-lint (CodeNarc) checks the syntax; this reads the shape.

export interface Block {
  /** What precedes the `{`, comments removed, whitespace collapsed: `stage('Lint')`, `when`. */
  head: string;
  /** The text between the braces, comments removed. */
  body: string;
  /** Offsets of the head's start, `{` and `}` in the source. */
  start: number;
  open: number;
  close: number;
  children: Block[];
  parent: Block | null;
}

/** The source with comments replaced by spaces (same length, same line breaks). */
export function stripComments(source: string): string {
  return scan(source).noComments;
}

interface Scanned {
  /** Comments blanked. */
  noComments: string;
  /** Comments and string/regex contents blanked: only code structure is left. */
  structure: string;
}

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

function scan(source: string): Scanned {
  let noComments = '';
  let structure = '';
  let i = 0;
  let lastCode = ''; // last non-space code character, to tell a regex /.../ from a division
  const take = (end: number, kind: 'code' | 'comment' | 'string') => {
    const text = source.slice(i, end);
    noComments += kind === 'comment' ? blank(text) : text;
    structure += kind === 'code' ? text : blank(text);
    if (kind === 'code' && text.trim()) lastCode = text.trim().slice(-1);
    if (kind === 'string') lastCode = 'x';
    i = end;
  };
  // End (exclusive) of a string or regex that started before `from`; one-line ones stop at a newline.
  const until = (from: number, terminator: string, oneLine: boolean) => {
    let j = from;
    while (j < source.length) {
      if (source[j] === '\\') {
        j += 2;
        continue;
      }
      if (source.startsWith(terminator, j)) return j + terminator.length;
      if (oneLine && source[j] === '\n') return j;
      j++;
    }
    return source.length;
  };
  while (i < source.length) {
    const rest = source.slice(i, i + 3);
    if (rest.startsWith('//')) {
      const newline = source.indexOf('\n', i);
      take(newline === -1 ? source.length : newline, 'comment');
    } else if (rest.startsWith('/*')) {
      const end = source.indexOf('*/', i + 2);
      take(end === -1 ? source.length : end + 2, 'comment');
    } else if (rest === "'''" || rest === '"""') {
      take(i + 3, 'code');
      const end = until(i, rest, false);
      take(Math.max(i, end - 3), 'string');
      take(end, 'code');
    } else if (
      rest[0] === "'" ||
      rest[0] === '"' ||
      (rest[0] === '/' && '~(,=!&|?:[{;'.includes(lastCode || '('))
    ) {
      const quote = rest[0];
      take(i + 1, 'code');
      const end = until(i, quote, true);
      const closed = source[end - 1] === quote && end - 1 >= i;
      take(closed ? end - 1 : end, 'string');
      take(end, 'code');
    } else {
      take(i + 1, 'code');
    }
  }
  return { noComments, structure };
}

/** Parses the blocks of a Groovy source. The root block has head '' and spans the whole text. */
export function parseBlocks(source: string): Block {
  const { noComments, structure } = scan(source);
  const root: Block = {
    head: '',
    body: noComments,
    start: 0,
    open: -1,
    close: source.length,
    children: [],
    parent: null,
  };
  let current = root;
  let depth = 0; // ( and [ nesting, so that multi-line arguments stay in one head
  let headStart = 0;
  for (let i = 0; i < structure.length; i++) {
    const ch = structure[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === ';' || (ch === '\n' && depth === 0)) headStart = i + 1;
    else if (ch === '{') {
      const block: Block = {
        head: noComments.slice(headStart, i).replace(/\s+/g, ' ').trim(),
        body: '',
        start: headStart,
        open: i,
        close: -1,
        children: [],
        parent: current,
      };
      current.children.push(block);
      current = block;
      depth = 0;
      headStart = i + 1;
    } else if (ch === '}') {
      if (current.parent) {
        current.close = i;
        current.body = noComments.slice(current.open + 1, i);
        current = current.parent;
      }
      depth = 0;
      headStart = i + 1;
    }
  }
  return root;
}

/** Every block under `block`, depth first, in source order. */
export function descendants(block: Block): Block[] {
  return block.children.flatMap((child) => [child, ...descendants(child)]);
}

/** The first child whose head is `head` (or matches it). */
export function child(block: Block, head: string | RegExp): Block | undefined {
  return block.children.find((c) => (typeof head === 'string' ? c.head === head : head.test(c.head)));
}

/** The body of a block without its child blocks: the statements written directly in it. */
export function ownStatements(block: Block): string[] {
  const offset = block.open + 1;
  let text = '';
  let at = offset;
  for (const c of block.children) {
    text += block.body.slice(at - offset, c.start - offset) + '\n';
    at = c.close + 1;
  }
  text += block.body.slice(at - offset);
  return text
    .split(/\n|;/)
    .map((line) => line.trim())
    .filter(Boolean);
}
