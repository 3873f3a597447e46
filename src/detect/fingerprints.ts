// Pure: recognising well-known texts by phrases they always keep: codes of conduct (and their version)
// and licences (as SPDX identifiers). Phrases are matched on lowercased, whitespace-folded text, so line
// wrapping and Markdown do not matter.

export interface TemplateMatch {
  /** What the plan writes, e.g. "Contributor Covenant 2.1". */
  name: string;
  versioned: boolean;
  /** 0-based index of the line that names it, and of the last line of the attribution. */
  index: number;
  endIndex: number;
}

interface CodeOfConduct {
  name: string;
  /** Phrases (lowercase) any of which identifies it. */
  phrases: readonly string[];
}

const CODES_OF_CONDUCT: readonly CodeOfConduct[] = [
  { name: 'Citizen Code of Conduct', phrases: ['citizen code of conduct', 'citizencodeofconduct.org'] },
  { name: 'Django Code of Conduct', phrases: ['djangoproject.com/conduct', 'django code of conduct'] },
  {
    name: 'Python Software Foundation Code of Conduct',
    phrases: ['python.org/psf/conduct', 'psf code of conduct', 'python software foundation code of conduct'],
  },
  { name: 'Rust Code of Conduct', phrases: ['rust-lang.org/policies/code-of-conduct', 'rust code of conduct'] },
  { name: 'Mozilla Community Participation Guidelines', phrases: ['community participation guidelines'] },
  { name: 'Geek Feminism anti-harassment policy', phrases: ['geekfeminism'] },
  { name: 'Ubuntu Code of Conduct', phrases: ['ubuntu.com/community/ethos/code-of-conduct', 'ubuntu code of conduct'] },
];

/** The Contributor Covenant's version from its attribution (`version 2.1`, `/version/2/1/`). */
function covenantVersion(line: string): string | undefined {
  const url = /contributor-covenant\.org\/version\/(\d+)\/(\d+)/.exec(line);
  if (url) return `${url[1]}.${url[2]}`;
  const words = /version\s+(\d+\.\d+)/.exec(line);
  return words ? words[1] : undefined;
}

/** The code of conduct a text adapts, from its attribution lines. */
export function codeOfConductTemplate(lines: readonly string[]): TemplateMatch | undefined {
  let covenantAt: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.toLowerCase();
    if (line.length > 2000) continue;
    if (line.includes('contributor covenant') || line.includes('contributor-covenant.org')) {
      // The attribution sentence and the link may sit on neighbouring lines.
      const near = [line, lines[i + 1]?.toLowerCase() ?? '', lines[i + 2]?.toLowerCase() ?? ''].map((l) => l.slice(0, 2000));
      const version = covenantVersion(near.join(' '));
      if (version) {
        let end = i;
        near.forEach((l, k) => {
          if (/version/.test(l)) end = i + k;
        });
        return { name: `Contributor Covenant ${version}`, versioned: true, index: i, endIndex: end };
      }
      covenantAt ??= i;
      continue;
    }
    for (const coc of CODES_OF_CONDUCT) {
      if (coc.phrases.some((p) => line.includes(p))) return { name: coc.name, versioned: false, index: i, endIndex: i };
    }
  }
  return covenantAt !== undefined ? { name: 'Contributor Covenant', versioned: false, index: covenantAt, endIndex: covenantAt } : undefined;
}

interface Licence {
  id: string;
  /** Every phrase must occur (lowercase, spaces folded). */
  all: readonly string[];
  /** None of these may occur (tells BSD-2 from BSD-3). */
  none?: readonly string[];
}

const LICENCES: readonly Licence[] = [
  { id: 'AGPL-3.0', all: ['gnu affero general public license', 'version 3'] },
  { id: 'LGPL-3.0', all: ['gnu lesser general public license', 'version 3'] },
  { id: 'LGPL-2.1', all: ['gnu lesser general public license', 'version 2.1'] },
  { id: 'GPL-3.0', all: ['gnu general public license', 'version 3, 29 june 2007'] },
  { id: 'GPL-2.0', all: ['gnu general public license', 'version 2, june 1991'] },
  { id: 'Apache-2.0', all: ['apache license', 'version 2.0'] },
  { id: 'MPL-2.0', all: ['mozilla public license', '2.0'] },
  { id: 'EPL-2.0', all: ['eclipse public license', '2.0'] },
  { id: 'BSD-3-Clause', all: ['redistribution and use in source and binary forms', 'neither the name'] },
  { id: 'BSD-2-Clause', all: ['redistribution and use in source and binary forms'], none: ['neither the name'] },
  { id: 'ISC', all: ['permission to use, copy, modify, and/or distribute this software for any purpose'] },
  { id: 'MIT', all: ['permission is hereby granted, free of charge, to any person obtaining a copy'] },
  { id: 'Unlicense', all: ['this is free and unencumbered software released into the public domain'] },
  { id: 'CC0-1.0', all: ['cc0 1.0 universal'] },
  { id: 'CC-BY-4.0', all: ['attribution 4.0 international'] },
  { id: 'Zlib', all: ["this software is provided 'as-is', without any express or implied warranty"] },
];

/** The SPDX identifier of a licence text: its `SPDX-License-Identifier`, else a known text's phrases. */
export function licenceId(text: string): { id: string; index?: number } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < Math.min(lines.length, 50); i++) {
    const m = /SPDX-License-Identifier:\s*([A-Za-z0-9.+-]+(?:\s+(?:OR|AND|WITH)\s+[A-Za-z0-9.+-]+)*)/.exec(lines[i]!.slice(0, 300));
    if (m) return { id: m[1]!, index: i };
  }
  const folded = text.slice(0, 200_000).toLowerCase().replace(/\s+/g, ' ');
  for (const licence of LICENCES) {
    if (licence.all.every((p) => folded.includes(p)) && !(licence.none ?? []).some((p) => folded.includes(p))) return { id: licence.id };
  }
  return undefined;
}
