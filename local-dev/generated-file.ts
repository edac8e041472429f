/**
 * A file `npm run local` writes under local/.
 */

export interface GeneratedFile {
  /** Relative to local/. */
  readonly path: string;
  readonly content: string;
  /**
   * 0o600 for what only the developer reads (the applications' .env files); 0o644 for what a container reads (its
   * processes run as other users); 0o755 for scripts. local/ itself is 0o700, so nothing is readable by other users.
   */
  readonly mode: number;
}

export const readable = (path: string, content: string): GeneratedFile => ({ path, content, mode: 0o644 });
export const script = (path: string, content: string): GeneratedFile => ({ path, content, mode: 0o755 });
export const privateFile = (path: string, content: string): GeneratedFile => ({ path, content, mode: 0o600 });
