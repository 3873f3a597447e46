#!/usr/bin/env node
// npm's `prepare`: builds the package when it is installed from a clone or a git URL, and before `npm pack`
// and `npm publish`. Two constraints shape it:
// - Standard output stays empty: `npm pack` prints the tarball's name there, and tools read it (pre-commit
//   up to 4.6.0 takes its whole stdout as the file name). Every step's output goes to stderr.
// - A git install may run it without devDependencies (npm 11's global git installs put them in the global
//   prefix, not in the clone): then they are installed into this folder first, so that tsc and esbuild exist.
// A build newer than every source is kept as it is, so `npm pack` right after `npm install` builds nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SOURCES = ['src', 'checklists', 'schemas', 'scripts', 'bin', 'package.json', 'tsconfig.json', 'examples'];
/** The build's last output: written after everything else. */
const BUILT = path.join(root, 'dist', 'bundle', 'commready.cjs');

function newest(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, name)));
  return latest;
}

function isCurrent() {
  if (!existsSync(BUILT)) return false;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.every((s) => !existsSync(path.join(root, s)) || newest(path.join(root, s)) <= built);
}

/** Runs a step with its standard output sent to standard error. */
function run(command, args, env = process.env) {
  const r = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`prepare: ${command} ${args.join(' ')} failed${r.error ? `: ${r.error.message}` : ` (exit ${r.status})`}`);
    process.exit(r.status || 1);
  }
}

function canResolve(name) {
  try {
    createRequire(path.join(root, 'package.json')).resolve(name);
    return true;
  } catch {
    return false;
  }
}

if (process.env.COMMREADY_FORCE_BUILD !== '1' && isCurrent()) {
  console.error('prepare: the build is current');
  process.exit(0);
}
if (!canResolve('typescript/package.json') || !canResolve('esbuild')) {
  console.error('prepare: the build tools are missing (an install without devDependencies); installing them here');
  // The install must go into this folder, whatever the outer npm was asked (a global install sets these).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_config_(global|prefix|location|omit|production|only|include)$/i.test(key)),
  );
  run('npm', ['install', '--no-save', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'], env);
}
run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
run(process.execPath, ['scripts/precompile.mjs']);
run(process.execPath, ['scripts/bundle.mjs']);
