// Lookups in a synthesized template for the stack tests: a resource's logical id by prefix, the app's functions.
import type { Template } from "aws-cdk-lib/assertions";
import type { Resource } from "./synth.js";

/** The logical id of the first resource of this type whose id starts with prefix. */
export const idOf = (t: Template, type: string, prefix: string) =>
  Object.keys(t.findResources(type)).find((id) => id.startsWith(prefix))!;

/** The logical id of one of the five functions, by its name (send-worker → sendworker…). */
export const functionId = (t: Template, name: string) => idOf(t, "AWS::Lambda::Function", name.replace("-", ""));

/** The app's own functions (APP_ENV aws), not the helpers CDK adds. */
export const lambdas = (t: Template) =>
  (Object.values(t.findResources("AWS::Lambda::Function")) as Resource[]).filter(
    (f) => f.Properties.Environment?.Variables?.APP_ENV === "aws",
  );
