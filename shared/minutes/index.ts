/** Minutes (referat): drafting, approving and scheduling the distribution of a meeting's minutes. */
export * from "./minutes.js";
