import {
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Dialect,
  type Driver,
  type Kysely,
} from 'kysely';

/**
 * A Kysely dialect that speaks PostgreSQL SQL through its own driver: PGlite and our pipelined
 * node-postgres driver share Kysely's compiler, adapter and introspector, so every query is
 * compiled the same way on both back ends.
 */
export abstract class PostgresFamilyDialect implements Dialect {
  abstract createDriver(): Driver;
  createAdapter() {
    return new PostgresAdapter();
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
