/** Web addresses in a patient's message: the patient's own links (unsubscribe, portal). */
const LINK = /(https?:\/\/[^\s<>"]+)/g;

/**
 * A message as the patient got it, for staff to read. Links stay visible but are plain text:
 * following a patient's unsubscribe link from the console would unsubscribe the patient.
 */
export function InertText({ text }: { text: string }) {
  return (
    <>
      {text.split(LINK).map((part, index) =>
        index % 2 === 1 ? (
          <span key={index} className="inert-link" title="The patient's link; not followed from the console.">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
