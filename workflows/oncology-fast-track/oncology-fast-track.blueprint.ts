import type { Blueprint, BlueprintEdge, BlueprintNode } from '../../contracts/blueprint';
import type { StageEventType } from './oncology-fast-track.contract';
import { EVENT_RULES, eventRuleOf, type CardStage } from './oncology-fast-track.pathway';

const STAGE_LABELS: Record<CardStage, string> = {
  'waiting-list': 'On the waiting list (clock started)',
  'initial-diagnostics': 'Initial diagnostics: confirm or rule out',
  'in-depth-diagnostics': 'In-depth diagnostics: type, stage, spread',
  'treatment-planning': 'Waiting for the consilium plan',
  'awaiting-treatment': 'Plan set: waiting for treatment',
  'in-treatment': 'In treatment',
  'ruled-out': 'Card closed: cancer ruled out (back to the GP)',
  'treatment-finished': 'Card closed: treatment finished',
};

const OPEN_STAGES = [
  'waiting-list',
  'initial-diagnostics',
  'in-depth-diagnostics',
  'treatment-planning',
  'awaiting-treatment',
  'in-treatment',
] as const satisfies readonly CardStage[];
const CLOSED_STAGES = ['ruled-out', 'treatment-finished'] as const satisfies readonly CardStage[];

const messageNode = (stage: CardStage): BlueprintNode => ({
  id: `tell-${stage}`,
  kind: 'message',
  label: `Next step to the patient (${stage})`,
  setting: `messages.${stage}`,
});

/** Every event leads through the message announcing its stage: derived from the pathway rules, never retyped. */
const eventEdges: BlueprintEdge[] = (Object.keys(EVENT_RULES) as StageEventType[]).flatMap((event) => {
  const rule = eventRuleOf(event, true);
  return rule.acceptedIn.map((from) => ({ from, to: `tell-${rule.leadsTo}`, label: event, event }));
});

/**
 * The card as the designer draws it. Deadlines run beside the stages: each is armed by a
 * milestone and met by others (see the `profiles` setting), so they form one watch loop.
 */
export const oncologyFastTrackBlueprint: Blueprint = {
  start: 'waiting-list',
  nodes: [
    ...OPEN_STAGES.map((stage): BlueprintNode => ({ id: stage, kind: 'stage', label: STAGE_LABELS[stage] })),
    ...CLOSED_STAGES.map((stage): BlueprintNode => ({ id: stage, kind: 'end', label: STAGE_LABELS[stage] })),
    { id: 'cancelled', kind: 'end', label: 'Cancelled by an operator', dropOff: true },
    ...[...OPEN_STAGES, ...CLOSED_STAGES].map(messageNode),
    {
      id: 'deadline-clock',
      kind: 'timer',
      label: "Deadline clocks of the card's profile",
      description:
        'Each deadline of the profile (DiLO or NHS England) starts at its milestone and is met by another; it runs on the wall clock, also while the journey is paused.',
      setting: 'profile',
    },
    {
      id: 'deadline-warning',
      kind: 'task',
      label: 'Warn the coordinator before a deadline',
      description:
        'A routine staff task, once per deadline, the configured number of days before it falls due.',
      setting: 'warnDaysBefore',
    },
    {
      id: 'deadline-breach',
      kind: 'task',
      label: 'Escalate a missed deadline',
      description:
        'An urgent staff task, once per deadline, and a breach recorded with how late the milestone came.',
      setting: 'profiles',
    },
  ],
  edges: [
    { from: 'waiting-list', to: 'tell-waiting-list', label: 'on enrolment' },
    { from: 'tell-waiting-list', to: 'waiting-list', label: 'waits for the specialist visit' },
    ...eventEdges,
    ...OPEN_STAGES.filter((stage) => stage !== 'waiting-list').map((stage) => ({
      from: `tell-${stage}`,
      to: stage,
    })),
    ...CLOSED_STAGES.map((stage) => ({ from: `tell-${stage}`, to: stage })),
    ...OPEN_STAGES.map((stage) => ({ from: stage, to: 'cancelled', label: 'operator cancels' })),
    { from: 'waiting-list', to: 'deadline-clock', label: 'clock start arms the first deadlines' },
    {
      from: 'waiting-list',
      to: 'deadline-clock',
      label: 'clock start recorded when the referral had none',
      event: 'clock-started',
    },
    { from: 'deadline-clock', to: 'ruled-out', label: 'FDS stops: patient told', event: 'patient-informed' },
    {
      from: 'deadline-clock',
      to: 'deadline-clock',
      label: 'CWT adjustment (reason required)',
      event: 'clock-adjustment',
    },
    { from: 'deadline-clock', to: 'deadline-clock', label: 'delay reason recorded', event: 'delay-reason' },
    { from: 'deadline-clock', to: 'deadline-warning', label: 'warning time reached, milestone missing' },
    { from: 'deadline-clock', to: 'deadline-breach', label: 'due time passed, milestone missing' },
    { from: 'deadline-warning', to: 'deadline-clock', label: 'keeps watching' },
    { from: 'deadline-breach', to: 'deadline-clock', label: 'keeps watching until met or the card closes' },
  ],
};
