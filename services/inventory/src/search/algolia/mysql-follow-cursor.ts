import type { FollowCursor } from '../follow-changes';
import type { IndexCursorStore } from './mysql-cursor-store';

/** The follower's cursor for one consumer, kept in MySQL so every instance and restart shares it. */
export class StoredFollowCursor implements FollowCursor {
  constructor(
    private readonly store: IndexCursorStore,
    private readonly consumer: string,
  ) {}

  async read(): Promise<number | null> {
    return (await this.store.load(this.consumer)) ?? null;
  }

  async write(cursor: number): Promise<void> {
    await this.store.advance(this.consumer, cursor);
  }
}
