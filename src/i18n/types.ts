import type { Lang } from './lang';

/** A table of messages, each in every language. */
export type Messages = Record<string, Record<Lang, string>>;
