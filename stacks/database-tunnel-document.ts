/**
 * The Session Manager document the workflows open the database tunnel with: port forwarding through the tunnel host
 * to the environment's RDS endpoint and port only. AWS's `AWS-StartPortForwardingSessionToRemoteHost` lets the caller
 * pick any host and port the tunnel host reaches; this one fixes the port and accepts only the instance's endpoint.
 * Schema: AWS Systems Manager User Guide, "Session document schema" (sessionType Port, properties type
 * LocalPortForwarding with host, portNumber, localPortNumber, as in AWS-StartPortForwardingSessionToRemoteHost).
 */
import { SsmDocument } from '@cdktf/provider-aws/lib/ssm-document';
import { Construct } from 'constructs';

export interface DatabaseTunnelDocumentProps {
  readonly name: string;
  readonly region: string;
  /** RDS instance identifiers whose endpoint may be the host (the live one, and the one a restore replaces). */
  readonly instanceIdentifiers: readonly string[];
  readonly port: number;
}

/** The document's name: one per environment, named after it. */
export const databaseTunnelDocumentName = (environment: string): string => `${environment}-database-tunnel`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `<identifier>.<account hash>.<region>.rds.amazonaws.com`, the form of every RDS instance endpoint. */
export function rdsEndpointPattern(identifiers: readonly string[], region: string): string {
  return `^(${identifiers.map(escapeRegExp).join('|')})\\.[a-z0-9]+\\.${escapeRegExp(region)}\\.rds\\.amazonaws\\.com$`;
}

export class DatabaseTunnelDocument extends Construct {
  readonly document: SsmDocument;

  constructor(scope: Construct, id: string, props: DatabaseTunnelDocumentProps) {
    super(scope, id);
    const content = {
      schemaVersion: '1.0',
      description: `Port forwarding to the database endpoint on ${props.port} only`,
      sessionType: 'Port',
      parameters: {
        host: {
          type: 'String',
          description: 'The RDS endpoint of the environment',
          allowedPattern: rdsEndpointPattern(props.instanceIdentifiers, props.region),
        },
        localPortNumber: {
          type: 'String',
          description: 'Port on the runner',
          allowedPattern: '^[0-9]{1,5}$',
        },
      },
      properties: {
        type: 'LocalPortForwarding',
        host: '{{ host }}',
        portNumber: String(props.port),
        localPortNumber: '{{ localPortNumber }}',
      },
    };
    this.document = new SsmDocument(this, 'document', {
      name: props.name,
      documentType: 'Session',
      documentFormat: 'JSON',
      content: JSON.stringify(content, null, 2),
    });
  }
}
