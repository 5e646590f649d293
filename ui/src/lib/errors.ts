import { toApiError } from "./api";

/** Where an error from Rust belongs in a form: next to one of its fields, or above the form. */
export type FormErrors = { fields: Record<string, string>; general: string | null };

/** The text to show for an error from a command (or anything thrown): the app's own message, or
 *  what IPC said when the call itself failed. */
export function errorMessage(error: unknown): string {
  return toApiError(error).message;
}

export const noErrors = (): FormErrors => ({ fields: {}, general: null });

/**
 * Sorts an error into a form's fields. `fieldNames` maps Rust's field names to the form's own
 * (a review's `title` is the review form's `reviewTitle`); an unknown field goes above the form.
 */
export function formErrors(error: unknown, fieldNames: Record<string, string>): FormErrors {
  const apiError = toApiError(error);
  const formField = apiError.field ? fieldNames[apiError.field] : undefined;
  if (apiError.kind === "invalid" && formField) {
    return { fields: { [formField]: apiError.message }, general: null };
  }
  return { fields: {}, general: apiError.message };
}
