// A lint worker thread's entry (src/cli/assess-in-workers.ts): the build loaded as the bin loads it, the
// bundle with lint's code cache when it is current, else the modules of dist/.
'use strict';

async function start() {
  const loader = require('./load-bundle.cjs');
  loader.setCacheCommand(['lint']);
  const bundle = loader.compileBundle();
  const { serveAssessments } = bundle ? bundle.run() : await import('../dist/cli/assess-worker.js');
  await serveAssessments();
}
void start();
