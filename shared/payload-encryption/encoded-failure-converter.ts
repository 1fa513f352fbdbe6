import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Loaded by path (`failureConverterPath`) because workflow code converts failures inside its
 * sandbox too; the workflow bundle must be built with the same path. Message and stack trace move
 * into an encoded attribute payload, which the codec then encrypts: an error can quote a phone
 * number or an address, and a failure's message field is otherwise stored in clear.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
