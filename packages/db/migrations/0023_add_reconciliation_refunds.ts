/* eslint-disable @typescript-eslint/no-explicit-any -- a migration is a frozen snapshot; it must not follow the evolving Database type */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // The reconciliation sweep now refunds a charge that succeeded after its order was cancelled,
  // and records that it did.
  await sql`alter table payment_reconciliation_findings drop constraint payment_reconciliation_findings_action_check`.execute(
    db,
  )
  await sql`alter table payment_reconciliation_findings add constraint payment_reconciliation_findings_action_check check (action in ('signalled_checkout', 'flagged', 'refunded'))`.execute(
    db,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from payment_reconciliation_findings where action = 'refunded'`.execute(db)
  await sql`alter table payment_reconciliation_findings drop constraint payment_reconciliation_findings_action_check`.execute(
    db,
  )
  await sql`alter table payment_reconciliation_findings add constraint payment_reconciliation_findings_action_check check (action in ('signalled_checkout', 'flagged'))`.execute(
    db,
  )
}
