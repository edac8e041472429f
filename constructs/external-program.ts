/**
 * hashicorp/external: a data source whose result a local program computes from a query (both string maps), run by
 * Terraform on the machine that plans and applies (https://registry.terraform.io/providers/hashicorp/external/
 * latest/docs/data-sources/external: the query arrives as JSON on stdin, the result is a JSON object of strings on
 * stdout). No prebuilt cdktf binding exists in this repository, so the two blocks are written here.
 */
import { TerraformDataSource, TerraformProvider, Token } from 'cdktf';
import type { Construct } from 'constructs';

const generatorMetadata = { providerName: 'external', providerVersionConstraint: '~> 2.3' };

/** The provider block (it takes no arguments). */
export class ExternalProvider extends TerraformProvider {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      terraformResourceType: 'external',
      terraformGeneratorMetadata: generatorMetadata,
      terraformProviderSource: 'hashicorp/external',
    });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {};
  }
}

export interface ExternalProgramProps {
  /** The command and its arguments. */
  readonly program: readonly string[];
  /** Passed to the program as a JSON object on stdin. */
  readonly query: Readonly<Record<string, string>>;
}

export class ExternalProgram extends TerraformDataSource {
  private readonly props: ExternalProgramProps;

  constructor(scope: Construct, id: string, props: ExternalProgramProps) {
    super(scope, id, { terraformResourceType: 'external', terraformGeneratorMetadata: generatorMetadata });
    this.props = props;
  }

  /** One key of the program's result. */
  result(key: string): string {
    return Token.asString(this.interpolationForAttribute(`result.${key}`));
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { program: [...this.props.program], query: { ...this.props.query } };
  }
}
