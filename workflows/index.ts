// Every workflow the worker registers; the worker bundles this file into Temporal's sandbox.
export { appointmentReminderWorkflow } from './appointment-reminder/appointment-reminder.workflow';
