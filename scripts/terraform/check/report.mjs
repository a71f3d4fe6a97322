// How scripts/terraform/check.mjs reports: one `ok`/`FAIL` line per checked thing as it finishes, the time
// each phase took, and the closing summary whose last line, `terraform: N passed, M failed`, is what
// scripts/test.mjs counts.

/** Milliseconds as `12.3s`. */
export const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

/** Every line of `text` behind `pad`, for output quoted under a result line. */
export function indent(text, pad = '       | ') {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

/** Collects results and phase times; prints each result as it is recorded. */
export function createReport() {
  const results = [];
  const phaseTimes = {};

  /** One checked thing: `ok`, how long it took, and what to show (on failure, what went wrong). */
  function record(phase, name, ok, ms, detail = '') {
    results.push({ phase, name, ok, ms, detail });
    const mark = ok ? 'ok  ' : 'FAIL';
    console.log(`  ${mark} ${phase.padEnd(8)} ${name} (${secs(ms)})${detail && ok ? ` ${detail}` : ''}`);
    if (!ok && detail) console.log(indent(detail));
  }

  /** Runs one phase under a heading, timing it; an exception is recorded as a failure of the phase. */
  async function phase(name, fn) {
    console.log(`\n== terraform ${name}`);
    const t0 = Date.now();
    try {
      await fn();
    } catch (err) {
      record(name, 'internal error', false, Date.now() - t0, err?.stack ?? String(err));
    }
    phaseTimes[name] = (phaseTimes[name] ?? 0) + (Date.now() - t0);
  }

  /** Prints the summary (phases in `order`) and returns the number of failures. */
  function summary(order, started) {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log('\n== terraform summary');
    for (const p of order) {
      if (phaseTimes[p] === undefined) continue;
      const inPhase = results.filter((r) => r.phase === p);
      const ok = inPhase.filter((r) => r.ok).length;
      console.log(`  ${p.padEnd(9)} ${secs(phaseTimes[p]).padStart(7)}  ${ok}/${inPhase.length} ok`);
    }
    console.log(`  wall time ${secs(Date.now() - started)}`);
    for (const r of results.filter((x) => !x.ok)) console.log(`  FAILED ${r.phase} ${r.name}`);
    console.log(`terraform: ${passed} passed, ${failed} failed`);
    return failed;
  }

  return { record, phase, summary };
}
