// A D1 binding that sees every statement before D1 runs it, for tests that count statements, fail one
// (a D1 error at the worst moment) or hold one until the test lets it go (a slow request). Pass it to
// the Worker as `{ ...env, DB: watchD1(env.DB, hook) }`; Durable Objects keep the real binding.

/** How a statement reached D1: on its own, or as one of a batch (one transaction). */
export type StatementVia = "run" | "first" | "all" | "raw" | "batch";

/**
 * Called before each statement runs. Awaiting in it delays the statement; throwing fails it instead
 * of running it — for a batch, the whole batch, as D1 rolls a failed batch back.
 */
export type StatementHook = (sql: string, via: StatementVia) => void | Promise<void>;

// batch() takes only D1's own statements: each wrapper remembers the one it stands for, and its SQL.
const realStatement = new WeakMap<object, { statement: D1PreparedStatement; sql: string }>();

function watchStatement(statement: D1PreparedStatement, sql: string, hook: StatementHook): D1PreparedStatement {
  const watched = {
    bind: (...values: unknown[]) => watchStatement(statement.bind(...values), sql, hook),
    run: async () => {
      await hook(sql, "run");
      return statement.run();
    },
    first: async (column?: string) => {
      await hook(sql, "first");
      return column === undefined ? statement.first() : statement.first(column);
    },
    all: async () => {
      await hook(sql, "all");
      return statement.all();
    },
    raw: async (options?: { columnNames?: boolean }) => {
      await hook(sql, "raw");
      return statement.raw(options as { columnNames: true });
    },
  };
  realStatement.set(watched, { statement, sql });
  return watched as unknown as D1PreparedStatement;
}

export function watchD1(db: D1Database, hook: StatementHook): D1Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => watchStatement(target.prepare(sql), sql, hook);
      if (prop === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          const real = statements.map((s) => realStatement.get(s) ?? { statement: s, sql: "" });
          for (const r of real) await hook(r.sql, "batch");
          return target.batch(real.map((r) => r.statement));
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A promise the test resolves when it chooses: `hold.wait` in a hook, `hold.release()` in the test. */
export function gate(): { wait: Promise<void>; release: () => void } {
  let release!: () => void;
  const wait = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { wait, release };
}
