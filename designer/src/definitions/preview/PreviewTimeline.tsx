import { type ReactNode, useId } from 'react';
import type { SimulationResult } from '../../../../shared/journey-definitions/simulate';
import { zonedTime } from './zoned-time';

interface PreviewTimelineProps {
  readonly result: SimulationResult;
  readonly timeZone: string;
}

type Row = { at: string; key: string; body: ReactNode };

const channelName = (channel: string) =>
  channel === 'sms' ? 'SMS' : channel.charAt(0).toUpperCase() + channel.slice(1);

/** Every message (as rendered), task and deadline, in time order, and how the journey ends. */
export function PreviewTimeline({ result, timeZone }: PreviewTimelineProps) {
  const id = useId();
  const when = (iso: string) => zonedTime(iso, timeZone);
  const rows: Row[] = [
    ...result.messages.map((message) => ({
      at: message.at,
      key: `m-${message.step}-${message.channel}`,
      body: (
        <article
          className="preview-message"
          aria-label={`Message ${message.key} by ${channelName(message.channel)}`}
        >
          <header>
            <strong>{when(message.at)}</strong> · {channelName(message.channel)} · {message.language} ·{' '}
            {message.readingLevel} · {message.key}
          </header>
          {message.heldSince && (
            <p className="preview-held">Held for the quiet hours since {when(message.heldSince)}</p>
          )}
          {message.subject && <p className="preview-subject">Subject: {message.subject}</p>}
          {message.renderProblem ? (
            <p role="alert">Not sendable: {message.renderProblem}</p>
          ) : (
            <blockquote>{message.text}</blockquote>
          )}
        </article>
      ),
    })),
    ...result.tasks.map((task) => ({
      at: task.at,
      key: `t-${task.step}`,
      body: (
        <p className="preview-task">
          <strong>{when(task.at)}</strong> · Staff task ({task.priority}): {task.title} · due{' '}
          {when(task.dueAt)}
          {task.outcome ? ` · ${task.outcome} on ${when(task.completedAt!)}` : ' · still open'}
        </p>
      ),
    })),
    ...result.deadlines.map((deadline) => ({
      at: deadline.dueAt,
      key: `d-${deadline.id}`,
      body: (
        <p className="preview-deadline">
          <strong>{when(deadline.dueAt)}</strong> · Deadline: {deadline.label} · {deadline.status}
        </p>
      ),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const { final } = result;
  return (
    <section className="preview-timeline" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Timeline ({timeZone})</h3>
      <p aria-label="Final status">
        Final status: <strong>{final.status}</strong> at stage {final.stage}
        {final.dropOff ? ' (dropped off)' : ''}
        {final.endedAt ? `, ${when(final.endedAt)}` : ', still running at the end of the preview'}
      </p>
      {result.notes.map((note) => (
        <p key={note} className="preview-note">
          {note}
        </p>
      ))}
      {rows.length === 0 ? (
        <p>Nothing reaches the patient or staff in this time.</p>
      ) : (
        <ol aria-label="Timeline entries">
          {rows.map((row) => (
            <li key={row.key}>{row.body}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
