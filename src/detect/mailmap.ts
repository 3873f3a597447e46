// Pure: git's .mailmap, parsed and applied as git does (mailmap.c: read_mailmap_line, add_mapping,
// map_user). commready reads the file from the commit it detects on and applies it itself, to commit
// authors and to Co-authored-by trailers alike (git maps neither trailers nor, outside a bare repository,
// anything but the work tree's file), so two runs on one commit agree wherever they run.

interface MailmapTarget {
  name?: string;
  email?: string;
}

interface MailmapEntry extends MailmapTarget {
  /** Entries that apply only to one commit name, keyed by that name folded. */
  byName?: Map<string, MailmapTarget>;
}

export interface Mailmap {
  /** Keyed by the commit e-mail address, folded as git folds it (ASCII case). */
  readonly entries: ReadonlyMap<string, MailmapEntry>;
}

export const EMPTY_MAILMAP: Mailmap = { entries: new Map() };

/** git compares mailmap names and addresses with strcasecmp: ASCII letters only. */
export function foldAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** `Name <email> rest`: git's parse_name_and_email. */
function nameAndEmail(text: string, allowEmptyEmail: boolean): { name?: string; email?: string; rest?: string } | undefined {
  const left = text.indexOf('<');
  if (left < 0) return undefined;
  const right = text.indexOf('>', left + 1);
  if (right < 0) return undefined;
  if (!allowEmptyEmail && right === left + 1) return undefined;
  const name = text.slice(0, left).trim();
  const rest = text.slice(right + 1);
  return { ...(name ? { name } : {}), email: text.slice(left + 1, right), ...(rest.length > 0 ? { rest } : {}) };
}

/** Parses a .mailmap text; lines git would ignore are ignored. */
export function parseMailmap(text: string): Mailmap {
  const entries = new Map<string, MailmapEntry>();
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('#')) continue;
    const first = nameAndEmail(line, false);
    if (!first) continue;
    const second = first.rest !== undefined ? nameAndEmail(first.rest, true) : undefined;
    let newName = first.name;
    let newEmail: string | undefined = first.email;
    let oldName = second?.name;
    let oldEmail = second?.email;
    if (oldEmail === undefined) {
      oldEmail = newEmail;
      newEmail = undefined;
      oldName = undefined;
    }
    const key = foldAscii(oldEmail!);
    let entry = entries.get(key);
    if (!entry) entries.set(key, (entry = {}));
    if (oldName === undefined) {
      if (newName !== undefined) entry.name = newName;
      if (newEmail !== undefined) entry.email = newEmail;
    } else {
      entry.byName ??= new Map();
      entry.byName.set(foldAscii(oldName), {
        ...(newName !== undefined ? { name: newName } : {}),
        ...(newEmail !== undefined ? { email: newEmail } : {}),
      });
    }
    newName = undefined;
  }
  return { entries };
}

/** The identity after the mailmap: git's map_user. */
export function applyMailmap(map: Mailmap, name: string, email: string): { name: string; email: string } {
  if (map.entries.size === 0) return { name, email };
  const entry = map.entries.get(foldAscii(email));
  if (!entry) return { name, email };
  const target: MailmapTarget = entry.byName?.get(foldAscii(name)) ?? entry;
  return { name: target.name ?? name, email: target.email ?? email };
}
