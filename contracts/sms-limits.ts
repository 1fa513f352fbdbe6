// Carriers join up to ~10 segments, but each is billed and long texts arrive out of order on
// some phones: past three, the wording belongs in another channel.
/** The most segments one SMS may take: a longer text fails to render, and the designer warns before that. */
export const MAX_SMS_SEGMENTS = 3;
