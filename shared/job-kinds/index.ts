/** Job kinds: what each kind of scheduled job does, and the tick that runs the due ones. */
export * from "./handlers.js";
export * from "./tick.js";
