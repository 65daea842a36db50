// A small, fast seeded PRNG: xoshiro128** (128 bits of state, 32-bit integer ops only, so V8
// keeps everything in registers), seeded from one integer through splitmix32.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Fills `target` with uniforms in [0, 1); the fast path for hot loops. */
  fill(target: Float64Array): void;
  uniform(min: number, max: number): number;
  triangular(min: number, mode: number, max: number): number;
  /** Normal by Box–Muller. */
  normal(mean?: number, sd?: number): number;
}

const TO_UNIT = 2 ** -32;

export function createRandom(seed: number): Random {
  const state = seedState(seed);
  const fill = (target: Float64Array): void => {
    let [s0, s1, s2, s3] = state;
    for (let i = 0; i < target.length; i++) {
      const m = Math.imul(s1, 5);
      const result = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      target[i] = (result >>> 0) * TO_UNIT;
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
  };
  const one = new Float64Array(1);
  const next = (): number => {
    fill(one);
    return one[0];
  };
  return {
    next,
    fill,
    uniform: (min, max) => min + (max - min) * next(),
    triangular: (min, mode, max) => triangularQuantile(next(), min, mode, max),
    normal: (mean = 0, sd = 1) => {
      const u = 1 - next(); // (0, 1]: keeps the log finite
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

/** splitmix32 spreads any seed over the four state words, which must not all be zero. */
function seedState(seed: number): Int32Array {
  let x = seed | 0;
  return Int32Array.from({ length: 4 }, () => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return z ^ (z >>> 16);
  });
}

/** Inverse CDF of the triangular distribution; u in [0, 1). */
export function triangularQuantile(u: number, min: number, mode: number, max: number): number {
  const span = max - min;
  if (span <= 0) return min;
  const split = (mode - min) / span;
  return u < split ? min + Math.sqrt(u * span * (mode - min)) : max - Math.sqrt((1 - u) * span * (max - mode));
}
