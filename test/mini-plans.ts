// Plans for the small test methodology (test/fixtures/mini) shared by several test files.

/** A plan that meets every item of the mini methodology on 2026-07-01. */
export const COMPLETE_MINI_PLAN = `
community: { name: Complete, type: customer }
custom:
  purpose: Members help each other ship better software.
  people: [Ana, Bo, Cy]
  host: Ana
  rules_url: https://acme.example/rules
  sponsor: Acme
assessment:
  first.values: { status: met, reviewed: 2026-06-01 }
  second.review: { status: met, reviewed: 2026-06-01 }
`;
