/** Task kinds that are a phone call to the patient: they carry and honour the patient's call preferences. */
export const CALL_TASK_KINDS: readonly string[] = ['phone-call', 'call'];
