// The figures' arithmetic, shared by every bench script: min/median/max of a sample, and how it is printed.

/** min, median, max and n of a list of numbers. */
export const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { n: s.length, min: s[0], median, max: s.at(-1) };
};

/** Milliseconds as seconds with two decimals. */
export const sec = (ms) => (ms / 1000).toFixed(2);

/** `0.42 s (min 0.40, max 0.51, n=5)` for milliseconds, or the same in another unit. */
export const fmt = (st, unit = 's') =>
  unit === 's'
    ? `${sec(st.median)} s (min ${sec(st.min)}, max ${sec(st.max)}, n=${st.n})`
    : `${Math.round(st.median)} ${unit} (min ${Math.round(st.min)}, max ${Math.round(st.max)}, n=${st.n})`;
