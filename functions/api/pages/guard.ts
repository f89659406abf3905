/**
 * The secretariat pages' guard: login required, and forms carry a CSRF token.
 * One place that binds the pages to the auth middleware (functions/api/middleware/).
 */
export { requireSecretariatPage } from "../middleware/auth.js";
export { csrfToken, verifyCsrf } from "../../../shared/web/csrf.js";
