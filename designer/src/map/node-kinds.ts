import type { BlueprintNodeKind } from './blueprint-types';

interface KindWording {
  /** Printed on every node, so the map reads without the legend. */
  word: string;
  /** What the legend says the kind means. */
  meaning: string;
}

/** In the order the legend lists them: where a patient is, then what moves them on. */
export const NODE_KINDS: Record<BlueprintNodeKind, KindWording> = {
  stage: { word: 'Stage', meaning: 'where a patient can be' },
  end: { word: 'End', meaning: 'where the journey closes' },
  timer: { word: 'Timer', meaning: 'waits on the clock' },
  wait: { word: 'Waits for', meaning: 'an event, with a timeout' },
  branch: { word: 'Decision', meaning: 'takes a path by a condition' },
  message: { word: 'Message', meaning: 'sent to the patient' },
  task: { word: 'Staff task', meaning: 'work for a person, such as an escalation' },
};
