// Holds each mutated folder to its own mutation score, from the report of one Stryker run
// (`npm run test:mutation`): one run shares its start-up and its test runs between the folders, where a
// run per folder would pay both twice. Exits 1 when a folder is below its threshold.
import { readFileSync } from 'node:fs';

const THRESHOLDS = { 'src/scoring/': 90, 'src/validation/': 80 };
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const report = JSON.parse(readFileSync(process.argv[2] ?? 'test-results/mutation.json', 'utf8'));
let failed = false;
for (const [folder, threshold] of Object.entries(THRESHOLDS)) {
  let detected = 0;
  let undetected = 0;
  for (const [file, { mutants }] of Object.entries(report.files)) {
    if (!file.replaceAll('\\', '/').startsWith(folder)) continue;
    for (const { status } of mutants) {
      if (DETECTED.has(status)) detected++;
      else if (UNDETECTED.has(status)) undetected++;
    }
  }
  const total = detected + undetected;
  const score = total === 0 ? 0 : (100 * detected) / total;
  const ok = total > 0 && score >= threshold;
  failed ||= !ok;
  console.log(
    `${folder}: ${score.toFixed(2)}% (${detected} of ${total} mutants detected), threshold ${threshold}%: ${ok ? 'met' : 'MISSED'}`,
  );
}
process.exit(failed ? 1 : 0);
