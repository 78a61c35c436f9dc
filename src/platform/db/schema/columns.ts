/** How the row types declare a timestamp or a JSON column. */
import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Json = ColumnType<unknown, string, string>;
/** A timestamp the database fills in by default. */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
