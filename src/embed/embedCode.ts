// The code an author pastes into a page: an <iframe>, or a <div> and public/embed.js. Pure
// strings, no DOM, so that the dialog's snippet, its preview and the unit tests share one source;
// public/embed.js (plain JavaScript, no build) repeats the default attributes, and a unit test
// holds the two together.

/**
 * default: the frame keeps Descent's own origin (never the host page's), so its scripts and fonts
 * are same-origin requests that any static host serves. strict: an opaque origin; every file
 * becomes a CORS request, so the server must send `Access-Control-Allow-Origin: *`.
 */
export type EmbedSandbox = 'default' | 'strict';

/**
 * Scripts run (it is an app); popups open the full app from "Open in Descent" and leave the
 * sandbox, so that tab is an ordinary page. No allow-top-navigation: the frame can never
 * navigate the host page, and no allow-forms, -modals or -downloads: it needs none.
 */
export const EMBED_SANDBOX: Readonly<Record<EmbedSandbox, string>> = {
  default: 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox',
  strict: 'allow-scripts allow-popups allow-popups-to-escape-sandbox',
};
export const EMBED_ALLOW = 'fullscreen';
const EMBED_STYLE = 'border:0';
export const EMBED_LOADING = 'lazy';
/** The title embed.js gives a frame whose element names none. */
export const EMBED_SCRIPT_DEFAULT_TITLE = 'Descent';
export const EMBED_DEFAULT_WIDTH = '100%';
/** The iframe's height, and the script embed's before the frame reports its own. */
export const EMBED_DEFAULT_HEIGHT = '520';

export interface FrameOptions {
  readonly src: string;
  readonly title: string;
  readonly width: string;
  readonly height: string;
  readonly sandbox?: EmbedSandbox;
}

/** An attribute's name and value, in the order the snippet prints them. */
export type Attribute = readonly [name: string, value: string];

/**
 * The iframe's attributes, in order: the snippet is printed from them and the dialog's preview
 * is built from them, so that what the author sees is what a reader gets.
 */
export function frameAttributes({ src, title, width, height, sandbox = 'default' }: FrameOptions): Attribute[] {
  return [
    ['src', src],
    ['title', title],
    ['width', width],
    ['height', height],
    ['style', EMBED_STYLE],
    ['loading', EMBED_LOADING],
    ['sandbox', EMBED_SANDBOX[sandbox]],
    ['allow', EMBED_ALLOW],
  ];
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `name="value"`. An address keeps its "&"s as they are: its query is percent-encoded and every
 * name in it is followed by "=", so no character reference can form, and the author reads the
 * same address the preview loads. Its quotes are percent-encoded instead of escaped.
 */
function printAttribute([name, value]: Attribute): string {
  const isAddress = name === 'src' || name === 'data-descent';
  return `${name}="${isAddress ? value.replace(/"/g, '%22').replace(/</g, '%3C').replace(/>/g, '%3E') : escapeAttribute(value)}"`;
}

function printElement(tag: string, attributes: readonly Attribute[]): string {
  return `<${tag} ${attributes.map(printAttribute).join(' ')}></${tag}>`;
}

/** The <iframe> an author pastes. */
export function iframeSnippet(options: FrameOptions): string {
  return printElement('iframe', frameAttributes(options));
}

/** Where public/embed.js lives for an app served at `appAddress` (its page, any sub-folder). */
export function embedScriptUrl(appAddress: string): string {
  try {
    return new URL('embed.js', appAddress).href;
  } catch {
    return 'embed.js';
  }
}

export interface ScriptOptions {
  readonly src: string;
  readonly title: string;
  readonly height: string;
}

/** The placeholder's attributes: the scene, the frame's title and its height before it reports one. */
export function placeholderAttributes({ src, title, height }: ScriptOptions): Attribute[] {
  return [
    ['data-descent', src],
    ['data-title', title],
    ['data-height', height],
  ];
}

/**
 * The one-line script embed, as chart sites write it: a placeholder that public/embed.js turns
 * into the default iframe, full width, whose height then follows the frame's resize messages.
 */
export function scriptSnippet(options: ScriptOptions, scriptUrl: string): string {
  return `${printElement('div', placeholderAttributes(options))}<script src="${scriptUrl.replace(/"/g, '%22')}" async></script>`;
}
