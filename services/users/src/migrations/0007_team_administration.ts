import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

const ROLE = sql`enum('owner','manager','finance','sales','viewer')`;

/**
 * Team administration: a membership can be deactivated (kept, with its history, but out of the
 * token and of round-robin), people are invited by e-mail, and every change is recorded.
 */
export const teamAdministration: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('memberships')
      .addColumn('status', sql`enum('active','deactivated')`, (c) => c.notNull().defaultTo('active'))
      .execute();
    await db.schema
      .createTable('invitations')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) =>
        c.notNull().references('dealerships.id').onDelete('cascade'),
      )
      .addColumn('email', 'varchar(254)', (c) => c.notNull())
      .addColumn('name', 'varchar(120)', (c) => c.notNull())
      .addColumn('role', ROLE, (c) => c.notNull())
      // SHA-256 of the link's token: a copy of the table does not let anyone in.
      .addColumn('token_hash', 'char(64)', (c) => c.notNull().unique())
      .addColumn('invited_by', 'varchar(128)', (c) => c.notNull())
      // As they were named when inviting: the invitation still reads right after they leave.
      .addColumn('invited_by_name', 'varchar(120)', (c) => c.notNull())
      .addColumn('created_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addColumn('expires_at', 'datetime(3)', (c) => c.notNull())
      .addColumn('sent_at', 'datetime(3)')
      .addColumn('send_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('accepted_at', 'datetime(3)')
      .addColumn('accepted_user_id', 'varchar(128)')
      .addColumn('revoked_at', 'datetime(3)')
      // Set when accepted, revoked, or replaced by a new invitation after it expired.
      .addColumn('closed_at', 'datetime(3)')
      // One open invitation per e-mail and dealership (NULLs do not collide in a unique index).
      .addColumn('open_email', 'varchar(254)', (c) =>
        c.generatedAlwaysAs(sql`(CASE WHEN closed_at IS NULL THEN email END)`).stored(),
      )
      .addUniqueConstraint('invitations_one_open_per_email', ['dealership_id', 'open_email'])
      .execute();
    await db.schema
      .createIndex('invitations_by_dealership')
      .on('invitations')
      .columns(['dealership_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('member_events')
      .addColumn('id', 'char(36)', (c) => c.primaryKey())
      .addColumn('dealership_id', 'char(36)', (c) =>
        c.notNull().references('dealerships.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'varchar(128)', (c) => c.notNull())
      .addColumn(
        'action',
        sql`enum('invited','joined','role_changed','deactivated','reactivated','ownership_transferred')`,
        (c) => c.notNull(),
      )
      .addColumn('actor_id', 'varchar(128)')
      // The actor's name as it was: the history still reads right after they leave or rename.
      .addColumn('actor_name', 'varchar(120)')
      .addColumn('from_role', ROLE)
      .addColumn('to_role', ROLE)
      .addColumn('at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .execute();
    // The outbox of "give this member's open leads back to round-robin" calls to the leads service.
    await db.schema
      .createTable('member_releases')
      .addColumn('dealership_id', 'char(36)', (c) =>
        c.notNull().references('dealerships.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'varchar(128)', (c) => c.notNull())
      .addColumn('requested_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'datetime(3)', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP(3)`))
      .addColumn('last_error', 'varchar(500)')
      .addPrimaryKeyConstraint('member_releases_pk', ['dealership_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('member_events_by_member')
      .on('member_events')
      .columns(['dealership_id', 'user_id', 'at'])
      .execute();
  },
};
