/** The languages Descent speaks. The store holds the reader's choice; every message has both. */
export type Lang = 'en' | 'ko';
