/**
 * Every page drawn with Fluent UI, in one chunk loaded when the first of them opens (lazyFluent).
 * One chunk, not one per page: the bundler then puts all that the first screens share with these
 * pages into one file, so a first visit loads two scripts instead of eight, and the first view's
 * reads do not wait behind scripts for the six connections a browser opens to one server.
 */
export { default as FluentArea } from "./FluentArea";
export { default as SignIn } from "./SignIn";
export { default as LaoShell } from "./LaoShell";
export { default as AdminView } from "./AdminView";
export { default as CodesView } from "./CodesView";
export { default as SubmissionView } from "./SubmissionView";
