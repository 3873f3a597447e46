// GitHub's limits on what a job shows, in one place for the formats and the commands that honour them.

/** A step summary holds at most 1 MiB (1,048,576 bytes) per step; commready stays a little below. */
export const STEP_SUMMARY_MAX_BYTES = 1_000_000;

/** A pull request comment holds at most 65,536 characters; the compact Markdown stays below this. */
export const COMMENT_MAX_CHARS = 60_000;

/** Code scanning rejects a SARIF run with more than 25,000 results. */
export const SARIF_MAX_RESULTS = 25_000;
