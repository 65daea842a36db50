// A small, fast seeded PRNG: xoshiro128** (128 bits of state, 32-bit integer ops only, so V8
// keeps everything in registers), seeded from one integer through splitmix32. A forecast split into
// work units gives each unit its own stream of the seed, so a unit draws the same numbers whichever
// worker runs it.

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

/** Without `stream`, the generator of the seed; with it, stream number `stream` (≥ 0) of the seed. */
export function createRandom(seed: number, stream?: number): Random {
  const state = stream === undefined ? seedState(seed) : streamState(seed, stream);
  const random = fromState(state);
  // A stream's first outputs still resemble its seeding: discard them.
  if (stream !== undefined) random.fill(new Float64Array(STREAM_WARM_UP));
  return random;
}

function fromState(state: Int32Array): Random {
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
    return mix32(x);
  });
}

/** Distinct streams get distinct states: the stream number enters two words through a bijective mix. */
function streamState(seed: number, stream: number): Int32Array {
  if (!Number.isInteger(stream) || stream < 0 || stream > 0xffffffff) throw new Error(`stream: expected a whole number ≥ 0, got ${stream}`);
  const base = seedState(seed);
  const state = Int32Array.of(base[0], base[1] ^ mix32(stream), base[2], base[3] ^ mix32(stream ^ 0x5bd1e995));
  if (state.every((word) => word === 0)) state[0] = 1;
  return state;
}

const STREAM_WARM_UP = 16;

/** murmur3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return z ^ (z >>> 16);
}

/** Inverse CDF of the triangular distribution; u in [0, 1). */
export function triangularQuantile(u: number, min: number, mode: number, max: number): number {
  const span = max - min;
  if (span <= 0) return min;
  const split = (mode - min) / span;
  return u < split ? min + Math.sqrt(u * span * (mode - min)) : max - Math.sqrt((1 - u) * span * (max - mode));
}
