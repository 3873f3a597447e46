// The screener's questions, as data. THE METHODOLOGY WILL PROVIDE THESE LATER (with its question data);
// until then they live here. They fill `community.*` and decide the profile, thresholds and what is skipped.
import type { Methodology } from '../methodology/types.js';
import type { QuestionSpec } from './question-model.js';

/** The screener for a methodology: its profiles are the community types to choose from. */
export function screenerQuestions(m: Methodology): QuestionSpec[] {
  const base = { feeds: [], tier: 'core', phaseId: 'screener' } as const;
  return [
    { ...base, id: 'screener.name', required: true, message: "What is the community's name?", fills: [{ path: 'community.name', value: { kind: 'short-text' } }], seconds: 10 },
    {
      ...base,
      id: 'screener.type',
      message: 'What kind of community is it?',
      help: 'The type decides which points do not apply by default.',
      fills: [{ path: 'community.type', value: { kind: 'one-choice', choices: m.profiles.map((p) => ({ value: p.id, name: p.title, description: p.description })) } }],
      seconds: 15,
    },
    {
      ...base,
      id: 'screener.stage',
      message: 'Where is the community today?',
      fills: [
        {
          path: 'community.stage',
          value: {
            kind: 'one-choice',
            choices: [
              { value: 'planning', name: 'Planning', description: 'Not open to members yet' },
              { value: 'launching', name: 'Launching', description: 'Opening, or opened in the last few months' },
              { value: 'running', name: 'Running', description: 'Open and active for a while' },
            ],
          },
        },
      ],
      seconds: 10,
    },
    {
      ...base,
      id: 'screener.opened',
      message: 'When did (or will) it open to members?',
      fills: [{ path: 'community.opened', value: { kind: 'date' } }],
      when: { path: 'community.stage', in: ['launching', 'running'] },
      seconds: 15,
    },
    {
      ...base,
      id: 'screener.formality',
      message: 'Is the community team paid, or are its organisers volunteers?',
      fills: [
        {
          path: 'community.formality',
          value: {
            kind: 'one-choice',
            choices: [
              { value: 'funded', name: 'Paid', description: 'A sponsor funds staff time or a budget' },
              { value: 'volunteer', name: 'Volunteer', description: 'Run by volunteers' },
            ],
          },
        },
      ],
      seconds: 10,
    },
    { ...base, id: 'screener.size', message: 'How many members does it have, or expect in its first year?', fills: [{ path: 'community.size', value: { kind: 'number', minimum: 0, integer: true } }], seconds: 10 },
    {
      ...base,
      id: 'screener.format',
      message: 'Does it meet online, in person, or both?',
      fills: [
        {
          path: 'community.format',
          value: {
            kind: 'one-choice',
            choices: [
              { value: 'online', name: 'Online' },
              { value: 'in-person', name: 'In person' },
              { value: 'hybrid', name: 'Both' },
            ],
          },
        },
      ],
      seconds: 10,
    },
    { ...base, id: 'screener.minors', message: 'Do people under 18 take part?', fills: [{ path: 'community.minors', value: { kind: 'yes-no' } }], seconds: 5 },
    { ...base, id: 'screener.regions', message: 'In which countries or regions are its members?', help: 'Separate them with commas.', fills: [{ path: 'community.regions', value: { kind: 'text-list' } }], seconds: 15 },
  ];
}
