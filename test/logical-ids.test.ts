/**
 * Terraform addresses are readable construct paths, and two paths may never collapse onto one address.
 */
import { LogicalIdRegistry } from '../stacks/logical-ids';

describe('logical ids', () => {
  test('join the construct path below the stack with underscores', () => {
    const ids = new LogicalIdRegistry();
    expect(ids.allocate(['database', 'instance'])).toBe('database_instance');
    expect(ids.allocate(['cluster', 'namespace-payload-cms'])).toBe('cluster_namespace_payload_cms');
  });

  test('are stable: the same path gets the same id again', () => {
    const ids = new LogicalIdRegistry();
    expect(ids.allocate(['database', 'kms', 'key'])).toBe(ids.allocate(['database', 'kms', 'key']));
  });

  test('fail when two paths collapse onto the same address', () => {
    const ids = new LogicalIdRegistry();
    ids.allocate(['a_b', 'c']);
    expect(() => ids.allocate(['a', 'b_c'])).toThrow(
      /"a_b\/c" and "a\/b_c" both map to the Terraform name "a_b_c"/,
    );
  });
});
