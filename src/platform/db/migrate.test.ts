import { describe, expect, it } from 'vitest';
import { droppedElsewhere } from './index.js';

// The messages PostgreSQL gave in CI when a test dropped its schema while another migrated.
describe('a migration racing a schema dropped elsewhere', () => {
  it('reads again when another schema or a table of it vanished during introspection', () => {
    expect(droppedElsewhere('error: schema "t_9a1" does not exist', 't_b2c')).toBe(true);
    expect(
      droppedElsewhere('error: relation "t_1d45a4cd8472.inbound_channels" does not exist', 't_b2c'),
    ).toBe(true);
    expect(droppedElsewhere('error: relation "t_9a1.cases" does not exist', undefined)).toBe(true);
  });

  it('fails at once when the missing schema or table is its own, or the error is another', () => {
    expect(droppedElsewhere('error: schema "t_b2c" does not exist', 't_b2c')).toBe(false);
    expect(droppedElsewhere('error: relation "t_b2c.cases" does not exist', 't_b2c')).toBe(false);
    expect(droppedElsewhere('error: relation "cases" does not exist', 't_b2c')).toBe(false);
    expect(droppedElsewhere('error: syntax error at or near "from"', 't_b2c')).toBe(false);
    expect(droppedElsewhere(undefined, 't_b2c')).toBe(false);
  });
});
