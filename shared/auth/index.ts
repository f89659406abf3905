// Auth: secretariat users, login links, sessions and API tokens.
export * from "./sessions.js";
export * from "./users.js";
