import {
  AliasNode,
  IdentifierNode,
  OperationNodeTransformer,
  RawNode,
  TableNode,
  type FromNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/** The table a FROM item reads (`leads` or `leads as l`), or undefined for a derived table. */
function tableNameOf(from: OperationNode): string | undefined {
  const table = AliasNode.is(from) ? from.node : from;
  return TableNode.is(table) ? table.table.identifier.name : undefined;
}

class UseIndexTransformer extends OperationNodeTransformer {
  constructor(
    private readonly table: string,
    private readonly indexes: readonly string[],
  ) {
    super();
  }

  protected override transformFrom(node: FromNode): FromNode {
    const transformed = super.transformFrom(node);
    return {
      ...transformed,
      froms: transformed.froms.map((from) => (tableNameOf(from) === this.table ? this.hinted(from) : from)),
    };
  }

  /** `<from> use index (`a`, `b`)`, the table and its alias compiled as Kysely would. */
  private hinted(from: OperationNode): RawNode {
    const separators = this.indexes.slice(1).map(() => ', ');
    return RawNode.create(
      ['', ' use index (', ...separators, ')'],
      [from, ...this.indexes.map((index) => IdentifierNode.create(index))],
    );
  }
}

/**
 * MySQL's `USE INDEX (…)` on every read of `table` in a query (its subqueries included):
 * `query.withPlugin(useIndexes('leads', ['leads_by_email']))`.
 *
 * Why: before each statement the optimizer estimates, index by index, how many rows each usable
 * index would read. Every index of a tenant table begins with `dealership_id`, so every one of them
 * is usable and estimated, and on a hot path that planning can cost more than the lookup (ADR 0015).
 * The hint limits the estimates to the indexes named. Name only indexes that serve the statement.
 */
export function useIndexes(table: string, indexes: readonly string[]): KyselyPlugin {
  if (indexes.length === 0) throw new Error(`useIndexes('${table}') needs at least one index`);
  const transformer = new UseIndexTransformer(table, indexes);
  return {
    transformQuery: ({ node }: PluginTransformQueryArgs): RootOperationNode =>
      transformer.transformNode(node),
    transformResult: async ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> =>
      result,
  };
}
