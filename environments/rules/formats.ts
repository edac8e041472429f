/**
 * Small predicates shared by the validation rules.
 */
import { AWS_REGIONS } from '../aws-regions';

export function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function matches(value: unknown, pattern: RegExp): value is string {
  return typeof value === 'string' && pattern.test(value);
}

/** An identifier of a pre-existing AWS thing: `<prefix>-` and the legacy 8 or the current 17 hex digits. */
export function isAwsId(value: unknown, prefix: string): value is string {
  return matches(value, new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`));
}

export function isAccountId(value: unknown): value is string {
  return matches(value, /^\d{12}$/);
}

/** A region of environments/aws-regions.ts (a pattern would let `us-east-9` through to the provider). */
export function isRegion(value: unknown): value is string {
  return typeof value === 'string' && AWS_REGIONS.includes(value);
}

/** What isRegion accepts, for failure messages. */
export const KNOWN_REGIONS = 'a known AWS region (environments/aws-regions.ts), e.g. us-east-1';

/** RFC 1123 label: Kubernetes names, environment names. */
export function isDnsLabel(value: unknown): value is string {
  return matches(value, /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
}

/** A Kubernetes label: a (prefixed) name key and a value of at most 63 characters. */
export function isLabel(key: string, value: string): boolean {
  return (
    matches(
      key,
      /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/,
    ) && matches(value, /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/)
  );
}

/** A lowercase PostgreSQL identifier (schemas, tables, roles), at most 63 characters. */
export function isPostgresIdentifier(value: unknown): value is string {
  return matches(value, /^[a-z_][a-z0-9_]{0,62}$/);
}

/** S3 bucket naming rules (the subset that matters: 3–63 chars, lowercase, digits, dots, hyphens). */
export function isS3BucketName(value: unknown): value is string {
  return matches(value, /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
}

export function isIpv4Cidr(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (!m) return false;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  return octets.every((o) => o <= 255) && prefix <= 32;
}

/** Each CIDR's range, worked out once: validation judges the same few dozen CIDRs many times per run. */
const ranges = new Map<string, readonly [number, number] | undefined>();

/** The first and last address of an IPv4 CIDR, as 32-bit numbers; undefined when it is not one. */
export function ipv4Range(cidr: string): readonly [number, number] | undefined {
  if (ranges.has(cidr)) return ranges.get(cidr);
  let range: readonly [number, number] | undefined;
  if (isIpv4Cidr(cidr)) {
    const [address, prefix] = cidr.split('/');
    const start = address.split('.').reduce((n, o) => n * 256 + Number(o), 0);
    const size = 2 ** (32 - Number(prefix));
    const first = start - (start % size);
    range = [first, first + size - 1];
  }
  ranges.set(cidr, range);
  return range;
}

/** True when IPv4 CIDR `outer` holds every address of `inner` (equal counts); false when either is no CIDR. */
export function cidrCovers(outer: string, inner: string): boolean {
  const [o, i] = [ipv4Range(outer), ipv4Range(inner)];
  return o !== undefined && i !== undefined && o[0] <= i[0] && i[1] <= o[1];
}

/** An inclusive range of IPv4 addresses, as 32-bit numbers. */
export type Ipv4Range = readonly [number, number];

/** True when IPv4 CIDRs `a` and `b` share an address; false when either is no CIDR. */
export function cidrsOverlap(a: string, b: string): boolean {
  const [x, y] = [ipv4Range(a), ipv4Range(b)];
  return x !== undefined && y !== undefined && x[0] <= y[1] && y[0] <= x[1];
}

/** The addresses of `range` left once every range of `except` is taken out. */
export function rangeMinus(range: Ipv4Range, except: readonly Ipv4Range[]): Ipv4Range[] {
  let left: Ipv4Range[] = [range];
  for (const [from, to] of except)
    left = left.flatMap(([a, b]): Ipv4Range[] =>
      to < a || b < from
        ? [[a, b]]
        : [...(a < from ? [[a, from - 1] as const] : []), ...(to < b ? [[to + 1, b] as const] : [])],
    );
  return left;
}

/**
 * True when the union of `ranges` holds every address of IPv4 CIDR `target`: together, not one by one (two /17
 * halves cover a /16). The ranges are merged in address order; false when `target` is no CIDR.
 */
export function rangesCover(ranges: readonly Ipv4Range[], target: string): boolean {
  const t = ipv4Range(target);
  if (!t) return false;
  let next = t[0]; // the first address of the target not yet covered
  for (const [from, to] of [...ranges].sort((x, y) => x[0] - y[0])) {
    if (from > next) break;
    next = Math.max(next, to + 1);
    if (next > t[1]) return true;
  }
  return false;
}

/** The address ranges of the IPv4 CIDRs among `cidrs` (anything else is left out: its own check reports it). */
export function cidrRanges(cidrs: readonly string[]): Ipv4Range[] {
  return cidrs.flatMap((cidr) => {
    const range = ipv4Range(cidr);
    return range ? [range] : [];
  });
}

/** Duplicated entries of a list, each reported once. */
export function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}
