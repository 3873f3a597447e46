// Pure: the detections of where and how people take part, one function each: the channels an issue
// chooser links to, the chat and forum links of SUPPORT and the README, issue and discussion templates,
// funding platforms, and the README's title as the community's name.
import { parse as parseYaml } from 'yaml';
import { findPersonalData, findPersonalDataIn } from '../text/personal-data.js';
import { fileEvidence, firstOf, splitPath, wholeFileEvidence, type FilesByKind, type Findings, type ReadFile } from './file-findings.js';
import { headingsOf, plainText, urlsIn } from './text-lines.js';
import type { Evidence } from './types.js';

/** A parsed YAML file, or undefined: hostile or broken YAML is ignored, never fatal. */
function yamlOf(text: string): unknown {
  try {
    return parseYaml(text, { schema: 'core', maxAliasCount: 20, uniqueKeys: false, prettyErrors: false });
  } catch {
    return undefined;
  }
}

function lineOf(lines: readonly string[], needle: string): number | undefined {
  const at = lines.findIndex((l) => l.includes(needle));
  return at >= 0 ? at : undefined;
}

// ---- Channels -----------------------------------------------------------------------------------------

/** One `contact_links` entry as a channel (name, address, purpose), or undefined when it is not one or holds contact details. */
function contactChannel(link: unknown): Record<string, unknown> | undefined {
  if (!link || typeof link !== 'object') return undefined;
  const { name, url, about } = link as Record<string, unknown>;
  if (typeof name !== 'string' || typeof url !== 'string' || !/^https?:\/\//.test(url) || name.trim().length === 0) return undefined;
  const channel: Record<string, unknown> = { name: name.trim().slice(0, 200), url };
  if (typeof about === 'string' && about.trim().length > 0 && findPersonalData(about).length === 0)
    channel.purpose = about.trim().slice(0, 300);
  return findPersonalDataIn(channel).length > 0 ? undefined : channel;
}

/** `channels.contact-links`: the `contact_links` of the issue chooser's config.yml, each at its line (high). */
export function detectContactLinks(files: FilesByKind, out: Findings): void {
  const config = firstOf(files, 'issue-config');
  if (!config) return;
  const data = yamlOf(config.text) as { contact_links?: unknown } | undefined;
  const links = Array.isArray(data?.contact_links) ? (data.contact_links as unknown[]) : [];
  const channels: Record<string, unknown>[] = [];
  const evidence: Evidence[] = [];
  for (const link of links.slice(0, 50)) {
    const channel = contactChannel(link);
    if (!channel) continue;
    channels.push(channel);
    evidence.push(fileEvidence(config.path, lineOf(config.lines, channel.url as string), undefined, config.lines));
  }
  if (channels.length > 0) {
    out.proposals.push({
      path: 'platform.channels',
      value: channels,
      confidence: 'high',
      rule: 'channels.contact-links',
      source: 'files',
      evidence,
    });
  }
}

/** Kinds of channel recognised by their address. */
const CHANNEL_KINDS: readonly [RegExp, string][] = [
  [/^https?:\/\/(?:www\.)?(?:discord\.gg|discord\.com\/invite|discordapp\.com\/invite)\//i, 'Discord'],
  [/^https?:\/\/(?:[\w-]+\.)?slack\.com\b|^https?:\/\/join\.slack\.com\//i, 'Slack'],
  [/^https?:\/\/matrix\.to\//i, 'Matrix'],
  [/^https?:\/\/(?:app\.)?gitter\.im\//i, 'Gitter'],
  [/^https?:\/\/[\w-]+\.zulipchat\.com\b/i, 'Zulip'],
  [/^https?:\/\/github\.com\/[\w.-]+\/[\w.-]+\/discussions\b/i, 'GitHub Discussions'],
  [/^https?:\/\/groups\.google\.com\//i, 'Mailing list'],
  [/^https?:\/\/lists\.[\w.-]+\//i, 'Mailing list'],
  [/^https?:\/\/(?:forum|discuss|discourse|community)\.[\w.-]+\b/i, 'Forum'],
  [/^https?:\/\/stackoverflow\.com\/questions\/tagged\//i, 'Stack Overflow'],
  [/^https?:\/\/t\.me\//i, 'Telegram'],
  [/^https?:\/\/(?:www\.|old\.)?reddit\.com\/r\//i, 'Reddit'],
];

function channelKind(url: string): string | undefined {
  return CHANNEL_KINDS.find(([pattern]) => pattern.test(url))?.[1];
}

/** `channels.support-links`: chat and forum links in SUPPORT, then the README, by kind; at most 20 (medium). */
export function detectSupportLinks(files: FilesByKind, out: Findings): void {
  const linked: Record<string, unknown>[] = [];
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  for (const kind of ['support', 'readme'] as const) {
    const file = firstOf(files, kind);
    if (!file) continue;
    for (let i = 0; i < file.lines.length && linked.length < 20; i++) {
      if (file.lines[i]!.length > 4000) continue;
      for (const url of urlsIn(file.lines[i]!)) {
        const name = channelKind(url);
        const key = url.toLowerCase().replace(/\/+$/, '');
        if (!name || seen.has(key)) continue;
        seen.add(key);
        linked.push({ name, url });
        evidence.push(fileEvidence(file.path, i, undefined, file.lines));
      }
    }
  }
  if (linked.length > 0) {
    out.proposals.push({
      path: 'platform.channels',
      value: linked,
      confidence: 'medium',
      rule: 'channels.support-links',
      source: 'files',
      evidence,
    });
  }
}

// ---- Templates, funding, README -----------------------------------------------------------------------

function templateName(file: ReadFile): string {
  const { stem } = splitPath(file.path);
  const fallback = stem.replace(/[-_]+/g, ' ').trim();
  if (file.path.toLowerCase().endsWith('.md')) {
    // Front matter: `name: Bug report` between the first two `---` lines.
    if (file.lines[0]?.trim() === '---') {
      for (let i = 1; i < Math.min(file.lines.length, 40) && file.lines[i]!.trim() !== '---'; i++) {
        const m = /^name:\s*["']?(.+?)["']?\s*$/.exec(file.lines[i]!.slice(0, 300));
        if (m) return m[1]!;
      }
    }
    return fallback;
  }
  const data = yamlOf(file.text) as { name?: unknown } | undefined;
  return typeof data?.name === 'string' && data.name.trim().length > 0 ? data.name.trim().slice(0, 200) : fallback;
}

/** `templates.files`: issue templates and forms, discussion forms and pull request templates, by name, each cited whole. */
export function detectTemplates(files: FilesByKind, out: Findings): void {
  const names: string[] = [];
  const evidence: Evidence[] = [];
  for (const file of files.get('issue-template') ?? []) {
    const form = !file.path.toLowerCase().endsWith('.md');
    const dir = splitPath(file.path).dir;
    const name = dir === '' || dir.toLowerCase() === '.github' ? 'Issue template' : templateName(file);
    names.push(`${form ? 'Issue form' : 'Issue template'}: ${name}`.replace('Issue template: Issue template', 'Issue template'));
    evidence.push(wholeFileEvidence(file));
  }
  for (const file of files.get('discussion-template') ?? []) {
    names.push(`Discussion form: ${templateName(file)}`);
    evidence.push(wholeFileEvidence(file));
  }
  const pr = files.get('pr-template') ?? [];
  if (pr.length > 0) {
    names.push(pr.length === 1 ? 'Pull request template' : `Pull request templates (${pr.length})`);
    for (const file of pr) evidence.push(wholeFileEvidence(file));
  }
  const safe = names.filter((n) => findPersonalData(n).length === 0).slice(0, 30);
  if (safe.length > 0)
    out.proposals.push({ path: 'platform.templates', value: safe, confidence: 'high', rule: 'templates.files', source: 'files', evidence });
}

const FUNDING_PLATFORMS: Readonly<Record<string, string>> = {
  github: 'GitHub Sponsors',
  open_collective: 'Open Collective',
  patreon: 'Patreon',
  ko_fi: 'Ko-fi',
  tidelift: 'Tidelift',
  community_bridge: 'LFX Crowdfunding',
  lfx_crowdfunding: 'LFX Crowdfunding',
  liberapay: 'Liberapay',
  issuehunt: 'IssueHunt',
  otechie: 'Otechie',
  polar: 'Polar',
  buy_me_a_coffee: 'Buy Me a Coffee',
  thanks_dev: 'thanks.dev',
  custom: 'Donations through the project\u2019s own links',
};

/** FUNDING.yml's platforms with a value (never amounts, never account names). */
function fundingSources(text: string): { name: string; index?: number }[] {
  const data = yamlOf(text);
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  const lines = text.split('\n');
  const out: { name: string; index?: number }[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const name = FUNDING_PLATFORMS[key];
    const given = Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined && String(value).trim() !== '';
    if (!name || !given || out.some((o) => o.name === name)) continue;
    const index = lines.findIndex((l) => l.startsWith(`${key}:`));
    out.push({ name, ...(index >= 0 ? { index } : {}) });
  }
  return out;
}

/** `funding.file`: the platforms `.github/FUNDING.yml` gives a value for, each at its line. */
export function detectFunding(files: FilesByKind, out: Findings): void {
  const funding = firstOf(files, 'funding');
  const sources = funding ? fundingSources(funding.text) : [];
  if (!funding || sources.length === 0) return;
  out.proposals.push({
    path: 'measures.funding.sources',
    value: sources.map((s) => s.name),
    confidence: 'high',
    rule: 'funding.file',
    source: 'files',
    evidence: sources.map((s) => fileEvidence(funding.path, s.index, undefined, funding.lines)),
  });
}

/** The README's first level-1 heading, as plain text. */
function readmeTitle(lines: readonly string[]): { text: string; index: number } | undefined {
  const h = headingsOf(lines.slice(0, 200)).find((x) => x.level === 1);
  if (!h) return undefined;
  const text = plainText(h.text);
  if (text.length < 2 || text.length > 100 || findPersonalData(text).length > 0) return undefined;
  return { text, index: h.index };
}

/** `readme.title`: the README's first level-1 heading, as the community's name. */
export function detectReadmeTitle(files: FilesByKind, out: Findings): void {
  const readme = firstOf(files, 'readme');
  const title = readme && readmeTitle(readme.lines);
  if (!readme || !title) return;
  out.proposals.push({
    path: 'community.name',
    value: title.text,
    confidence: 'medium',
    rule: 'readme.title',
    source: 'files',
    evidence: [fileEvidence(readme.path, title.index, undefined, readme.lines)],
  });
}
