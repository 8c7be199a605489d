// The tenancy lint rule: statements on a service's tenant tables go through `forDealership(db, id)`
// (libs/server/mysql), which starts each one with its dealership condition. A statement written on
// the database directly, a join of a tenant table by name, or raw SQL naming one is refused; so is
// `acrossDealerships(db)` outside the few files a service names with their reasons. Both functions
// (and the DealershipQueries type) count only when imported from @showroom/server-mysql.

const LIBRARY = '@showroom/server-mysql';
const BUILDER = 'forDealership';
const BUILDER_TYPE = 'DealershipQueries';
const ESCAPE_HATCH = 'acrossDealerships';

/** Kysely methods whose first argument names the table a statement reads or writes. */
const STATEMENT_METHODS = new Set([
  'selectFrom',
  'updateTable',
  'deleteFrom',
  'insertInto',
  'replaceInto',
  'mergeInto',
]);

/** Methods that bring a further table into a statement; a tenant table comes in scoped, not by name. */
const JOIN_METHODS = new Set([
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'crossJoinLateral',
  'using',
]);

/** The table names a table argument gives: `'leads'`, `'leads as l'`, `['a', 'b as x']`, a const of one. */
function tableNames(node, scope) {
  if (!node) return [];
  if (node.type === 'ArrayExpression') return node.elements.flatMap((element) => tableNames(element, scope));
  if (node.type === 'Identifier') {
    const [definition] = findVariable(scope, node.name)?.defs ?? [];
    const constant = definition?.type === 'Variable' && definition.parent?.kind === 'const';
    return constant && definition.node.init?.type !== 'Identifier'
      ? tableNames(definition.node.init, scope)
      : [];
  }
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression')
    return tableNames(node.expression, scope);
  let text;
  if (node.type === 'Literal' && typeof node.value === 'string') text = node.value;
  else if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
    text = node.quasis[0].value.cooked;
  if (text === undefined) return [];
  const table = text.trim().split(/\s+as\s+/i)[0];
  return [table.split('.').pop()];
}

/** The SQL text of a `sql` template or `sql.raw('…')`, with each interpolation as a placeholder. */
function rawSqlText(node) {
  if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === 'sql') {
    return node.quasi.quasis.map((q) => q.value.cooked).join(' ? ');
  }
  return undefined;
}

function findVariable(scope, name) {
  for (let s = scope; s; s = s.upper) {
    const variable = s.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/** What a local name stands for when it is imported from the library (under any local name). */
function libraryName(scope, localName) {
  const definitions = findVariable(scope, localName)?.defs ?? [];
  const [definition] = definitions;
  if (
    definitions.length !== 1 ||
    definition.type !== 'ImportBinding' ||
    definition.parent.source.value !== LIBRARY
  )
    return undefined;
  return definition.node.imported?.name;
}

/** The library function a call calls, if it calls one. */
function libraryCallee(call, scope) {
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier') return undefined;
  return libraryName(scope, call.callee.name);
}

/** The library type an identifier is annotated with (`tenant: DealershipQueries<DB>` → `DealershipQueries`). */
function annotatedLibraryType(identifier, scope) {
  const type = identifier?.typeAnnotation?.typeAnnotation;
  if (type?.type !== 'TSTypeReference' || type.typeName.type !== 'Identifier') return undefined;
  return libraryName(scope, type.typeName.name);
}

/**
 * What a receiver is: 'scoped' (a forDealership scope), 'across' (the escape hatch) or undefined
 * (anything else: a Kysely, a transaction, an expression builder…).
 */
function receiverKind(receiver, scope) {
  const direct = libraryCallee(receiver, scope);
  if (direct === BUILDER) return 'scoped';
  if (direct === ESCAPE_HATCH) return 'across';
  if (receiver.type !== 'Identifier') return undefined;
  const variable = findVariable(scope, receiver.name);
  for (const definition of variable?.defs ?? []) {
    if (annotatedLibraryType(definition.name, scope) === BUILDER_TYPE) return 'scoped';
    if (definition.type === 'Variable' && definition.parent?.kind === 'const') {
      const initial = libraryCallee(definition.node.init, scope);
      if (initial === BUILDER) return 'scoped';
      if (initial === ESCAPE_HATCH) return 'across';
    }
  }
  return undefined;
}

const scopedQueries = {
  meta: {
    type: 'problem',
    docs: { description: 'Statements on tenant tables go through forDealership(db, dealershipId).' },
    schema: [
      {
        type: 'object',
        properties: {
          tenantTables: { type: 'array', items: { type: 'string' } },
          allowAcrossDealerships: { type: 'boolean' },
        },
        required: ['tenantTables'],
        additionalProperties: false,
      },
    ],
    messages: {
      unscoped:
        "'{{table}}' is a tenant table: start this statement from forDealership(db, dealershipId).{{method}}(…), which adds the dealership condition.",
      joinByName:
        "'{{table}}' is a tenant table: join it as forDealership(db, dealershipId).table('{{table}}').as(…), which carries its own dealership condition.",
      rawSql:
        "Raw SQL names the tenant table '{{table}}': write the statement with forDealership(db, dealershipId) so it is scoped to one dealership.",
      acrossNotAllowed:
        'acrossDealerships(db) reaches every dealership; it is allowed only in the files named in this service’s eslint.config.mjs (tenancy → acrossDealerships), each with its reason.',
    },
  },
  create(context) {
    const [{ tenantTables, allowAcrossDealerships = false }] = context.options;
    const tenant = new Set(tenantTables);
    const tablePattern = new RegExp(
      `\\b(?:from|join|update|into|table)\\s+\`?(${tenantTables.map((t) => t.replace(/\W/g, '')).join('|')})\`?(?![\\w.])`,
      'i',
    );
    const reportRaw = (node, text) => {
      const match = tenantTables.length > 0 ? tablePattern.exec(text) : null;
      if (match) context.report({ node, messageId: 'rawSql', data: { table: match[1] } });
    };

    return {
      CallExpression(node) {
        const callee = node.callee;
        const scope = context.sourceCode.getScope(node);
        if (libraryCallee(node, scope) === ESCAPE_HATCH && !allowAcrossDealerships) {
          context.report({ node, messageId: 'acrossNotAllowed' });
          return;
        }
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        const method = callee.property.name;

        // sql.raw('…'), sql.table('leads'), db.dynamic.table('leads')
        if (callee.object.type === 'Identifier' && callee.object.name === 'sql') {
          const [argument] = node.arguments;
          if (method === 'table' || method === 'id') {
            const table = tableNames(argument, scope).find((t) => tenant.has(t));
            if (table) context.report({ node, messageId: 'rawSql', data: { table } });
          } else if (method === 'raw' && argument?.type === 'Literal' && typeof argument.value === 'string') {
            reportRaw(node, argument.value);
          }
          return;
        }
        if (
          method === 'table' &&
          callee.object.type === 'MemberExpression' &&
          callee.object.property.name === 'dynamic'
        ) {
          const table = tableNames(node.arguments[0], scope).find((t) => tenant.has(t));
          if (table) context.report({ node, messageId: 'unscoped', data: { table, method: 'selectFrom' } });
          return;
        }

        const isStatement = STATEMENT_METHODS.has(method);
        if (!isStatement && !JOIN_METHODS.has(method)) return;
        const table = tableNames(node.arguments[0], scope).find((t) => tenant.has(t));
        if (!table) return;
        if (!isStatement) {
          context.report({ node, messageId: 'joinByName', data: { table } });
          return;
        }
        const kind = receiverKind(callee.object, scope);
        // The hatch's own call is reported where it is not allowed; its statements pass.
        if (kind === 'scoped' || kind === 'across') return;
        context.report({ node, messageId: 'unscoped', data: { table, method } });
      },
      TaggedTemplateExpression(node) {
        const text = rawSqlText(node);
        if (text !== undefined) reportRaw(node, text);
      },
    };
  },
};

export const tenancyPlugin = {
  meta: { name: 'showroom-tenancy' },
  rules: { 'scoped-queries': scopedQueries },
};

/** Test files check stored rows as they are, and migrations change every dealership's rows at once. */
const UNCHECKED = ['**/*.test.ts', 'src/test/**', 'src/migrations/**'];

/**
 * The flat-config blocks for one service (spread them into its eslint.config.mjs):
 * - `tenantTables`: every table with a `dealership_id` column;
 * - `acrossDealerships`: `{ 'src/file.ts': 'why it reaches every dealership' }`, the only files
 *   where `acrossDealerships(db)` is allowed (the reason is for the reader; keep the list short).
 */
export function tenancy({ tenantTables, acrossDealerships = {} }) {
  for (const [file, reason] of Object.entries(acrossDealerships)) {
    if (typeof reason !== 'string' || reason.trim().length < 10) {
      throw new Error(`tenancy: say why ${file} reaches every dealership`);
    }
  }
  const rule = (allowAcrossDealerships) => ({
    'showroom-tenancy/scoped-queries': ['error', { tenantTables, allowAcrossDealerships }],
  });
  const blocks = [
    {
      files: ['**/*.ts'],
      ignores: UNCHECKED,
      plugins: { 'showroom-tenancy': tenancyPlugin },
      rules: rule(false),
    },
  ];
  const named = Object.keys(acrossDealerships);
  if (named.length > 0) blocks.push({ files: named, ignores: UNCHECKED, rules: rule(true) });
  return blocks;
}
