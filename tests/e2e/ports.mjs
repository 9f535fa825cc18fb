// The ports the end-to-end tests use, from E2E_PORT (default 8090), so that two runs on one
// machine (two worktrees) can each have their own: the app, the app under a strict CSP, the
// example host page, a third origin for the embed tests, and the servers specs start themselves.
const base = Number(process.env.E2E_PORT ?? 8090);

export const PORTS = {
  app: base,
  csp: base + 1,
  host: base + 2,
  third: base + 3,
  release: base + 4,
  subPath: base + 5,
};

export const origin = (port) => `http://127.0.0.1:${port}`;
