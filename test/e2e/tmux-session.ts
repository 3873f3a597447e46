// Drives the built binary in a real pseudo-terminal through tmux (a private tmux server per session):
// wait for each prompt on screen before sending keys, since keys sent ahead are lost or echoed raw.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
}

export class TmuxSession {
  private readonly socket = `commready-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly pidFile: string;

  /** Starts `node bin/commready.cjs ...args` in `cwd`; the shell prints EXIT=<code> when it ends. */
  constructor(
    readonly cwd: string,
    args: readonly string[],
    env: Record<string, string> = {},
  ) {
    this.pidFile = path.join(cwd, `.pid-${this.socket}`);
    const bin = path.resolve('bin/commready.cjs');
    const quoted = [bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const exports = Object.entries({ NO_COLOR: '1', FORCE_COLOR: '0', ...env })
      .map(([k, v]) => `${k}='${v}'`)
      .join(' ');
    // The inner shell writes its pid, then becomes node, so signals can be sent to node itself.
    const command = `cd '${cwd}' && env ${exports} sh -c 'echo $$ > ${this.pidFile}; exec "$0" "$@"' '${process.execPath}' ${quoted}; echo EXIT=$?; sleep 120`;
    this.tmux(['new-session', '-d', '-x', '110', '-y', '45', command]);
  }

  private tmux(args: readonly string[]): string {
    const r = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', timeout: 10_000 });
    if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`);
    return r.stdout;
  }

  screen(): string {
    return this.tmux(['capture-pane', '-p', '-J', '-S', '-300']).replace(/\s+$/gm, '');
  }

  /** The pane's title, which an OSC 0 or 2 sequence written to the terminal sets. */
  title(): string {
    return this.tmux(['display-message', '-p', '#{pane_title}']).trim();
  }

  /** Polls the screen (with its scrollback) every 50 ms until `pattern` appears. */
  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the screen shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Moves the open list's pointer down to `label`, one key at a time, checking the screen each time. */
  async pick(label: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const pointer = new RegExp(`❯ ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm');
    let last = '';
    for (;;) {
      const screen = this.screen();
      if (pointer.test(screen.split('\n').slice(-25).join('\n'))) break;
      if (Date.now() > deadline) throw new Error(`could not reach '${label}'; the screen shows:\n${screen}`);
      // One key per visible change: a key sent while the list redraws can be lost.
      if (screen !== last) {
        last = screen;
        this.keys('Down');
      }
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    this.keys('Enter');
  }

  keys(...keys: string[]): void {
    this.tmux(['send-keys', ...keys]);
  }

  type(text: string): void {
    this.tmux(['send-keys', '-l', text]);
  }

  /** node's own process id. */
  pid(): number {
    return Number(readFileSync(this.pidFile, 'utf8').trim());
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { timeout: 5_000 });
  }
}
