/**
 * Where our webview pages' own files live in the extension: shipped in the .vsix as they are,
 * not bundled (a package test checks they are there).
 */
export const WEBVIEW_MEDIA_FOLDER = ['media', 'webview'] as const;

/** The stylesheet and script every page loads. */
export const WEBVIEW_FILES = { style: 'webview.css', script: 'webview.js' } as const;
