// Runs before the app's modules (a classic script, not deferred). Zod compiles fast parsers with `new Function`
// when it may; the CSP forbids eval (no 'unsafe-eval'), and even zod's probe for it is reported as a violation.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
