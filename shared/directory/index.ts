/** Directory: organisations (kommuner), people, bodies and their members, CSV import of a list. */
export * from "../store/directory.js";
export { getPeople, updatePerson } from "../store/people.js";
export * from "./member-csv.js";
export * from "./remove-member.js";
