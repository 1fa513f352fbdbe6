import { useId } from 'react';
import type { SimulationResult } from '../../../../shared/journey-definitions/simulate';
import { calendarMonths, marksByLocalDay } from './calendar-days';

interface PreviewCalendarProps {
  readonly result: SimulationResult;
  readonly startAt: number;
  readonly months: number;
  readonly timeZone: string;
}

const monthName = (month: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

/** Month grids of the patient's days, a dot per message, task and deadline on its local day. */
export function PreviewCalendar({ result, startAt, months, timeZone }: PreviewCalendarProps) {
  const id = useId();
  const marks = marksByLocalDay(result, timeZone);
  return (
    <section className="preview-calendar" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Calendar ({timeZone})</h3>
      <p className="preview-legend">
        <span className="dot dot-message" /> message <span className="dot dot-task" /> staff task{' '}
        <span className="dot dot-deadline" /> deadline
      </p>
      <div className="preview-months">
        {calendarMonths(startAt, months, timeZone).map(({ month, weeks }) => (
          <table key={month} className="preview-month" aria-label={monthName(month)}>
            <caption>{monthName(month)}</caption>
            <thead>
              <tr>
                {weekdays.map((day) => (
                  <th key={day} scope="col">
                    {day}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((week, index) => (
                <tr key={index}>
                  {week.map((date, column) => {
                    const day = date ? marks.get(date) : undefined;
                    const said = day
                      ? [
                          day.message && plural(day.message, 'message'),
                          day.task && plural(day.task, 'task'),
                          day.deadline && plural(day.deadline, 'deadline'),
                        ].filter(Boolean)
                      : [];
                    return (
                      <td
                        key={date ?? `pad-${column}`}
                        aria-label={date && said.length > 0 ? `${date}: ${said.join(', ')}` : undefined}
                      >
                        {date && <span className="preview-day">{Number(date.slice(8))}</span>}
                        {day &&
                          (['message', 'task', 'deadline'] as const).flatMap((kind) =>
                            Array.from({ length: day[kind] }, (_, n) => (
                              <span key={`${kind}-${n}`} className={`dot dot-${kind}`} aria-hidden="true" />
                            )),
                          )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}
