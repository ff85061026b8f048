// Types of ledger-entry-validator.js, which scripts/gen-config-validator.mjs generates (not generated itself).
import type { ErrorObject } from 'ajv';

/** Validates one corrections-ledger entry against schemas/corrections.schema.json#/definitions/entry, as Ajv would. */
export declare const validate: {
  (data: unknown): boolean;
  /** The errors of the last call that returned false (allErrors: every one); null after a pass. */
  errors?: ErrorObject[] | null;
};
