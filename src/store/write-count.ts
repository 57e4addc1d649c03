/**
 * The committed writes of an embedded store, counted as its statements run. An embedded store has one connection,
 * which only this process holds (its lock): statements run one at a time, and those between BEGIN and COMMIT are
 * that transaction's. So a count of the transactions that committed a write, and of the writes made outside one,
 * changes exactly when what a reader can see changes, and no sooner: while a write transaction is open, the
 * committed state (what every read outside it sees) is the one before it. The read cache keeps answers until
 * this count changes, and answers from them while a long write holds the connection.
 *
 * A statement is taken for a read when it begins with SELECT, EXPLAIN, SHOW, SET or VALUES, or is a WITH that
 * names no INSERT, UPDATE, DELETE or MERGE; anything else counts as a write (when unsure, a write: that costs a
 * cache refill, never a stale answer). A failed write counts too.
 */

const READ = /^\s*(select|explain|show|set|values|begin|start\s+transaction|savepoint|release)\b/i;
const WITH = /^\s*with\b/i;
const WRITE_IN_WITH = /\b(insert|update|delete|merge)\b/i;

export class WriteCount {
  private n = 0;
  private inTransaction = false;
  private wrote = false;

  /** The number of writes committed so far. */
  get value(): number {
    return this.n;
  }

  /** Called after each statement has run (or failed), in the order they ran. */
  saw(statement: string): void {
    const s = statement.trimStart().slice(0, 32).toLowerCase();
    if (/^(begin|start\s+transaction)\b/.test(s)) {
      this.inTransaction = true;
      this.wrote = false;
      return;
    }
    if (/^(commit|end)\b/.test(s)) {
      if (this.wrote) this.n++;
      this.inTransaction = false;
      this.wrote = false;
      return;
    }
    if (/^rollback\b/.test(s) && !/^rollback\s+to\b/.test(s)) {
      this.inTransaction = false;
      this.wrote = false;
      return;
    }
    if (isRead(statement)) return;
    if (this.inTransaction) this.wrote = true;
    else this.n++;
  }
}

export function isRead(statement: string): boolean {
  if (READ.test(statement)) return true;
  return WITH.test(statement) && !WRITE_IN_WITH.test(statement);
}
