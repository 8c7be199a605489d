// Reads a declarative Jenkinsfile's stages and answers "does this stage run for this build?" by
// evaluating their `when` conditions the way Jenkins does, for the conditions this repository uses:
// branch, changeRequest, buildingTag, tag (GLOB / REGEXP / EQUALS), not, allOf, anyOf.
// Anything else (expression { }, environment ...) is reported as not understood, never guessed.
import { type Block, child, ownStatements, parseBlocks } from './groovy-blocks';

export interface Stage {
  name: string;
  block: Block;
  /** Enclosing stages, outermost first. */
  parents: Stage[];
  when: Block | undefined;
  /** Declares its own `agent`. */
  hasAgent: boolean;
}

export interface Build {
  /** BRANCH_NAME as a multibranch job sets it: `master`, `PR-42`, or the tag name. */
  branch: string;
  changeRequest: boolean;
  tag?: string;
}

export const BUILDS: Record<string, Build> = {
  'pull request': { branch: 'PR-42', changeRequest: true },
  'feature branch': { branch: 'feature/lead-inbox', changeRequest: false },
  master: { branch: 'master', changeRequest: false },
  'tag beta-*': { branch: 'beta-2026.11.28', changeRequest: false, tag: 'beta-2026.11.28' },
  'tag v*': { branch: 'v0.4.2', changeRequest: false, tag: 'v0.4.2' },
};

const STAGE_HEAD = /^stage\s*\(\s*(['"])(.+?)\1\s*\)$/;

export class Pipeline {
  readonly root: Block;
  readonly pipeline: Block;
  readonly stages: Stage[];

  constructor(readonly source: string) {
    this.root = parseBlocks(source);
    const pipeline = child(this.root, 'pipeline');
    if (!pipeline) throw new Error('no `pipeline { }` block');
    this.pipeline = pipeline;
    this.stages = [];
    const visit = (block: Block, parents: Stage[]) => {
      for (const c of block.children) {
        const match = STAGE_HEAD.exec(c.head);
        if (match) {
          const stage: Stage = {
            name: match[2],
            block: c,
            parents,
            when: child(c, 'when'),
            hasAgent: child(c, 'agent') !== undefined || ownStatements(c).some((s) => /^agent\b/.test(s)),
          };
          this.stages.push(stage);
          visit(c, [...parents, stage]);
        } else {
          visit(c, parents);
        }
      }
    };
    visit(pipeline, []);
  }

  stage(name: string): Stage | undefined {
    return this.stages.find((s) => s.name === name);
  }

  /** Whether the stage runs for the build (its `when` and those of the stages around it). */
  runs(stage: Stage, build: Build): boolean {
    return [...stage.parents, stage].every((s) => (s.when ? evaluate(s.when, build) : true));
  }

  /** Names of the stages that run for the build, in order. */
  runFor(build: Build): string[] {
    return this.stages.filter((s) => this.runs(s, build)).map((s) => s.name);
  }

  /** The pipeline-level block with this head (`options`, `environment`, `post`, `triggers`, ...). */
  section(head: string): Block | undefined {
    return child(this.pipeline, head);
  }
}

export class UnknownCondition extends Error {}

/** All conditions of a `when` (or allOf) block hold. */
export function evaluate(block: Block, build: Build): boolean {
  const leaves = ownStatements(block)
    .filter((statement) => !/^before(Agent|Input|Options)\b/.test(statement))
    .map((statement) => leaf(statement, build));
  return [...leaves, ...block.children.map((c) => nested(c, build))].every(Boolean);
}

function nested(block: Block, build: Build): boolean {
  if (block.head === 'not') return !evaluate(block, build);
  if (block.head === 'allOf') return evaluate(block, build);
  if (block.head === 'anyOf')
    return [
      ...ownStatements(block).map((statement) => leaf(statement, build)),
      ...block.children.map((c) => nested(c, build)),
    ].some(Boolean);
  throw new UnknownCondition(`condition \`${block.head} { }\` is not understood by this check`);
}

function leaf(statement: string, build: Build): boolean {
  let m: RegExpExecArray | null;
  if (/^buildingTag\s*\(\s*\)$/.test(statement)) return build.tag !== undefined;
  if ((m = /^changeRequest\s*(?:\((.*)\))?$/.exec(statement))) {
    if (m[1]?.trim()) throw new UnknownCondition(`changeRequest(${m[1]}) is not understood by this check`);
    return build.changeRequest;
  }
  if ((m = /^branch\s*\(?\s*(.*?)\s*\)?$/.exec(statement))) return matches(build.branch, m[1]);
  if ((m = /^tag\s*\(?\s*(.*?)\s*\)?$/.exec(statement)))
    return build.tag !== undefined && (m[1] === '' || matches(build.tag, m[1]));
  throw new UnknownCondition(`condition \`${statement}\` is not understood by this check`);
}

/** `'master'`, `pattern: 'v*', comparator: 'GLOB'` (Jenkins' default comparator is GLOB). */
function matches(value: string, args: string): boolean {
  const literal = /^(['"])(.*)\1$/.exec(args);
  const pattern = literal ? literal[2] : /pattern\s*:\s*(['"])(.*?)\1/.exec(args)?.[2];
  if (pattern === undefined) throw new UnknownCondition(`cannot read the pattern of \`${args}\``);
  const comparator = /comparator\s*:\s*(['"])(\w+)\1/.exec(args)?.[2] ?? 'GLOB';
  if (comparator === 'EQUALS') return value === pattern;
  if (comparator === 'REGEXP') return new RegExp(`^(?:${pattern})$`).test(value);
  if (comparator === 'GLOB') return globToRegExp(pattern).test(value);
  throw new UnknownCondition(`comparator ${comparator}`);
}

/** Ant-style glob as Jenkins' GLOB comparator: `*` stays within a path segment, `**` crosses them. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** The text a stage runs: its own body (nested stages included). */
export function stageText(stage: Stage): string {
  return stage.block.body;
}
