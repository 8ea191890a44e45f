/**
 * How long a visitor's typed field may be, by field name: the server's schemas refuse longer, so the
 * widgets' forms stop the visitor at the same length (one contract, one home).
 */
export const fieldLimits: Readonly<Record<string, number>> = {
  name: 100,
  firstName: 100,
  lastName: 100,
  email: 200,
};

/** A prechat or form field with no limit of its own. */
export const defaultFieldLimit = 1000;
