// Keeps V8's young generation small during runs over many plans.
//
// A run over many plans keeps every assessment until it prints them, and V8 grows its young
// generation (new objects) from 1 MB up to 16 MB a half when that much survives, which such a run
// always does: at 16 MB a half the two halves alone are a quarter of a 1,000-plan lint's memory. At
// 4 MB a half the same lint needs about 25 MB less and is no slower (it was measured with
// `--max-semi-space-size`, which only the command line can set). Growth itself is read from a V8
// flag each time the young generation grows; setting it to 1 once the generation reaches 4 MB a half
// stops the growth there.

/**
 * The V8 versions where this was measured and tested: Node 20's. Later V8s may set a floor of 2 on the
 * factor or read caches differently (Node 22's module compile cache); on them this does nothing.
 */
const KNOWN_V8_MAJORS = new Set([11]);
/** The size of both halves at which growth stops. */
const CAP_BYTES = 2 * 4 * 1024 * 1024;

let done = false;

/**
 * Stops the young generation's growth once it has reached the cap. The CLI's process calls it between
 * plans (CliIo.betweenPlans): after the first, so that the build's code caches are already read (V8
 * refuses a code cache read after any flag changes).
 */
export function capYoungGeneration(): void {
  if (done) return;
  done = userSizedIt();
  if (done) return;
  const v8 = process.getBuiltinModule('node:v8');
  const newSpace = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (!newSpace || newSpace.space_size < CAP_BYTES) return;
  done = true;
  if (KNOWN_V8_MAJORS.has(Number(process.versions.v8.split('.')[0]))) v8.setFlagsFromString('--semi-space-growth-factor=1');
}

/** Whoever sized the young generation themselves (node --max-semi-space-size=…, or in NODE_OPTIONS) keeps it. */
function userSizedIt(): boolean {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => /semi[-_]space/.test(arg));
}
