// Pure: exports of a community's conversations, read into threads of posts that keep only who posted,
// when, and in what capacity (a bot, the host team, a regular post). Bodies are never kept. Two shapes
// are read: the JSON `gh issue list --state all --json number,author,createdAt,closedAt,comments` prints
// (or `gh pr list` with the same fields), and Discourse topics (`/t/{id}.json` with its `post_stream`),
// a list of them, or a flat list of posts with their `topic_id`.
import { isBot } from './identities.js';

export interface Post {
  author: string;
  /** Unix seconds. */
  at: number;
  bot: boolean;
  /** Staff, an admin, a moderator, or (GitHub) an owner, member or collaborator of the repository. */
  host: boolean;
  /** A regular post: not a whisper, a small action, a moderator action or a deleted post. */
  regular: boolean;
}

export interface Thread {
  id: string;
  opener: Post;
  replies: Post[];
}

export type ExportKind = 'issues' | 'forum';

export interface ExportData {
  kind: ExportKind;
  threads: Thread[];
  /** Records the export held more than once (an issue by its number, a post by its id), counted once. */
  duplicates: number;
}

/** The export does not have the shape expected: the first problem, in words, and how many there were. */
export class ExportShapeError extends Error {
  override name = 'ExportShapeError';
}

const MAX_THREADS = 1_000_000;

function record(x: unknown): Record<string, unknown> | undefined {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}

function timeOf(value: unknown, where: string): number {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value))
    throw new ExportShapeError(`${where} is not a date and time (ISO 8601)`);
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new ExportShapeError(`${where} is not a date and time (ISO 8601)`);
  return Math.floor(ms / 1000);
}

/** GitHub's ghost user stands for deleted accounts: one login, many people; they count as one unknown member. */
const HOST_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

/** `gh issue list --json number,author,createdAt,closedAt,comments` output. */
export function parseGitHubIssues(data: unknown): ExportData {
  if (!Array.isArray(data))
    throw new ExportShapeError(
      'expected a JSON array of issues, as `gh issue list --json number,author,createdAt,closedAt,comments` prints',
    );
  if (data.length > MAX_THREADS) throw new ExportShapeError(`more than ${MAX_THREADS} issues`);
  const hosts = new Set<string>();
  const threads: Thread[] = [];
  // Overlapping pages of an export repeat issues: each repeat would count its newcomer and posts again.
  const seen = new Set<string>();
  let duplicates = 0;
  data.forEach((raw, i) => {
    const issue = record(raw);
    const where = `item ${i + 1}`;
    if (!issue) throw new ExportShapeError(`${where} is not an object`);
    const number = issue.number;
    if (typeof number === 'number' || typeof number === 'string') {
      if (seen.has(String(number))) {
        duplicates++;
        return;
      }
      seen.add(String(number));
    }
    const author = loginOf(issue.author, `${where}: author`);
    const opener: Post = {
      author: author.login,
      at: timeOf(issue.createdAt, `${where}: createdAt`),
      bot: author.bot,
      host: false,
      regular: true,
    };
    const replies: Post[] = [];
    const comments = issue.comments ?? [];
    if (!Array.isArray(comments)) throw new ExportShapeError(`${where}: comments is not a list`);
    comments.forEach((c, k) => {
      const comment = record(c);
      const at = `${where}: comment ${k + 1}`;
      if (!comment) throw new ExportShapeError(`${at} is not an object`);
      const who = loginOf(comment.author, `${at}: author`);
      const host = typeof comment.authorAssociation === 'string' && HOST_ASSOCIATIONS.has(comment.authorAssociation);
      if (host) hosts.add(who.login);
      const minimized = comment.isMinimized === true;
      replies.push({ author: who.login, at: timeOf(comment.createdAt, `${at}: createdAt`), bot: who.bot, host, regular: !minimized });
    });
    threads.push({ id: typeof number === 'number' || typeof number === 'string' ? String(number) : String(i + 1), opener, replies });
  });
  // An issue's author has no association in this export: a login seen as a member anywhere is one.
  for (const t of threads) {
    if (hosts.has(t.opener.author)) t.opener.host = true;
    for (const r of t.replies) if (hosts.has(r.author)) r.host = true;
  }
  return { kind: 'issues', threads, duplicates };
}

function loginOf(author: unknown, where: string): { login: string; bot: boolean } {
  if (author === null || author === undefined) return { login: 'ghost', bot: false };
  const a = record(author);
  if (!a || typeof a.login !== 'string' || a.login.length === 0) throw new ExportShapeError(`${where} has no login`);
  return { login: a.login.toLowerCase(), bot: a.is_bot === true || isBot(a.login, a.login) };
}

/** Discourse: a topic, a list of topics (or `{ topics: [...] }`), or posts with their topic (`{ posts: [...] }`). */
export function parseDiscourse(data: unknown): ExportData {
  const top = record(data);
  let topics: unknown[] | undefined;
  let posts: unknown[] | undefined;
  if (Array.isArray(data)) {
    if (data.length > 0 && record(data[0])?.post_stream !== undefined) topics = data;
    else posts = data;
  } else if (top?.post_stream !== undefined) topics = [top];
  else if (Array.isArray(top?.topics)) topics = top.topics as unknown[];
  else if (Array.isArray(top?.posts)) posts = top.posts as unknown[];
  else throw new ExportShapeError('expected a Discourse topic (with post_stream), a list of topics, or a list of posts with topic_id');
  const byTopic = new Map<string, { n: number; post: Post }[]>();
  // A topic exported twice, or a post in two pages of a list, is one post: by its id, else its number in the topic.
  const seen = new Set<string>();
  let duplicates = 0;
  const addPost = (raw: unknown, where: string, topicId?: unknown): void => {
    const p = record(raw);
    if (!p) throw new ExportShapeError(`${where} is not an object`);
    const topic = topicId ?? p.topic_id;
    if (typeof topic !== 'number' && typeof topic !== 'string') throw new ExportShapeError(`${where} has no topic_id`);
    const key = postKey(p, topic);
    if (key !== undefined) {
      if (seen.has(key)) {
        duplicates++;
        return;
      }
      seen.add(key);
    }
    if (typeof p.username !== 'string' || p.username.length === 0) throw new ExportShapeError(`${where} has no username`);
    const n = typeof p.post_number === 'number' ? p.post_number : Number.MAX_SAFE_INTEGER;
    const username = p.username.toLowerCase();
    const systemUser = typeof p.user_id === 'number' && p.user_id < 0;
    const post: Post = {
      author: username,
      at: timeOf(p.created_at, `${where}: created_at`),
      bot: systemUser || isBot(username, username),
      host: p.staff === true || p.admin === true || p.moderator === true,
      regular:
        (p.post_type === undefined || p.post_type === 1) && (p.deleted_at === undefined || p.deleted_at === null) && p.hidden !== true,
    };
    const list = byTopic.get(String(topic)) ?? [];
    list.push({ n, post });
    byTopic.set(String(topic), list);
  };
  if (topics) {
    if (topics.length > MAX_THREADS) throw new ExportShapeError(`more than ${MAX_THREADS} topics`);
    topics.forEach((t, i) => {
      const topic = record(t);
      const stream = record(topic?.post_stream);
      if (!topic || !stream || !Array.isArray(stream.posts)) throw new ExportShapeError(`topic ${i + 1} has no post_stream.posts`);
      const id = topic.id ?? i + 1;
      (stream.posts as unknown[]).forEach((p, k) => addPost(p, `topic ${i + 1}: post ${k + 1}`, id));
    });
  } else {
    if (posts!.length > MAX_THREADS * 10) throw new ExportShapeError(`more than ${MAX_THREADS * 10} posts`);
    posts!.forEach((p, k) => addPost(p, `post ${k + 1}`));
  }
  const threads: Thread[] = [];
  for (const [id, list] of byTopic) {
    list.sort((a, b) => a.n - b.n || a.post.at - b.post.at);
    const [opener, ...replies] = list.map((x) => x.post);
    if (opener) threads.push({ id, opener, replies });
  }
  return { kind: 'forum', threads, duplicates };
}

/** What tells a Discourse post from every other: its id, else its number within its topic; neither, nothing. */
function postKey(p: Record<string, unknown>, topic: number | string): string | undefined {
  if (typeof p.id === 'number' || typeof p.id === 'string') return `id\u0000${String(p.id)}`;
  if (typeof p.post_number === 'number') return `n\u0000${String(topic)}\u0000${p.post_number}`;
  return undefined;
}
