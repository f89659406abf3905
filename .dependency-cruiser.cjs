/**
 * The house rules (DESIGN §4): arrows point down only, functions → shared domains → store/ports,
 * emails is a leaf. Run by `npm test` (npm run lint:deps); a breach fails CI.
 */
const domains = "(directory|meetings|invitations|sending|minutes|auth|jobs|abuse)";
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "No import loops.", from: {}, to: { circular: true } },
    {
      name: "domain-face-only",
      severity: "error",
      comment: "Outside shared/, import a domain's face (shared/<domain>/index.ts), never its inner files.",
      from: { pathNot: "^shared/" },
      to: { path: `^shared/${domains}/(?!index\\.ts$)` },
    },
    {
      name: "domain-face-only-between-domains",
      severity: "error",
      comment: "From another domain (or shared/'s top-level modules), import a domain's face only.",
      from: { path: "^shared/([^/]+)" },
      to: { path: `^shared/${domains}/(?!index\\.ts$)`, pathNot: "^shared/$1/" },
    },
    {
      name: "dynamodb-only-in-store",
      severity: "error",
      comment: "Only shared/store talks to DynamoDB (local setup, bench and tests may start or inspect it).",
      from: { path: "^(shared|functions|emails)/", pathNot: "^shared/store/" },
      to: { path: "@aws-sdk/(client-dynamodb|lib-dynamodb|util-dynamodb)" },
    },
    {
      name: "emails-is-a-leaf",
      severity: "error",
      comment: "emails/ takes a plain email model and returns MIME; it imports nothing of ours above it.",
      from: { path: "^emails/" },
      to: { path: "^(shared|functions|local|infra|bench)/" },
    },
    {
      name: "no-lambda-to-lambda",
      severity: "error",
      comment: "functions/<a> never imports functions/<b>.",
      from: { path: "^functions/([^/]+)/" },
      to: { path: "^functions/", pathNot: "^functions/$1/" },
    },
    {
      name: "shared-never-imports-up",
      severity: "error",
      comment: "Domains and the store never import a Lambda, the local runner, the bench or tests.",
      from: { path: "^(shared|emails)/" },
      to: { path: "^(functions|local|bench|test|infra)/" },
    },
    {
      name: "store-is-below-domains",
      severity: "error",
      comment: "The store knows keys and items, not domain services.",
      from: { path: "^shared/store/" },
      to: { path: `^shared/${domains}/` },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
