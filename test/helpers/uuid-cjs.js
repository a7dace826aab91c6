/**
 * uuid ≥ 12 ships only as ES modules, which jest's CommonJS runtime cannot require; the Office
 * tooling under test uses only v4(), which Node's crypto provides natively.
 */
const { randomUUID } = require("crypto");

module.exports = { v4: () => randomUUID() };
