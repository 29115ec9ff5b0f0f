import type { Lang } from '../../state/store';

/** A table of messages, each in every language. */
export type Messages = Record<string, Record<Lang, string>>;
