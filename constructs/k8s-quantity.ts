/**
 * Kubernetes resource quantities (`500m`, `0.5`, `2`, `256Mi`, `1Gi`, `1e3`) as plain numbers, so that config rules
 * can compare them. Follows the quantity grammar of k8s.io/apimachinery/pkg/api/resource.
 */
const suffixes: Readonly<Record<string, number>> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The value in base units (cores, bytes), or undefined when `text` is not a quantity. */
export function parseQuantity(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^([+]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei))?$/.exec(text);
  if (!m) return undefined;
  const base = Number(m[1]);
  return m[2] ? base * 10 ** Number(m[2].slice(1)) : base * suffixes[m[3] ?? ''];
}
