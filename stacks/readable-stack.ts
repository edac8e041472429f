/**
 * A stack whose resources get readable Terraform addresses (see logical-ids.ts): every stack of this app extends it.
 */
import { TerraformElement, TerraformStack } from 'cdktf';
import type { Node } from 'constructs';
import { LogicalIdRegistry } from './logical-ids';

export abstract class ReadableAddressStack extends TerraformStack {
  private readonly logicalIds = new LogicalIdRegistry();

  protected allocateLogicalId(element: TerraformElement | Node): string {
    const node = TerraformElement.isTerraformElement(element) ? element.node : element;
    const components = node.scopes.slice(node.scopes.indexOf(this) + 1).map((scope) => scope.node.id);
    return components.length > 0 ? this.logicalIds.allocate(components) : '';
  }
}
