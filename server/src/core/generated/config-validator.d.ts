// Types of config-validator.js, which scripts/gen-config-validator.mjs generates (not generated itself).
import type { ErrorObject } from 'ajv';

/** Validates a parsed .copydesk.yaml / .copydesk.json against schemas/copydesk.schema.json, as ajv.compile() would. */
export declare const validate: {
  (data: unknown): boolean;
  /** The errors of the last call that returned false (allErrors: every one); null after a pass. */
  errors?: ErrorObject[] | null;
};
export default validate;
