/**
 * Attachments leave the mail as files: their names are the sender's and may try to climb out
 * of the folder (`../../.bashrc`), hide their real extension (`invoice.pdf\u202Eexe.txt`) or
 * name a device (`CON`). What we suggest is a plain name in the chosen folder.
 */

const MAX_NAME_LENGTH = 120;
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff<>:"/\\|?*]/g;
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** A safe file name for an attachment: its last path part, unsafe characters replaced, never empty. */
export function attachmentFileName(filename: string, index: number): string {
  const last = filename.split(/[/\\]/).pop() ?? '';
  let name = last.replace(UNSAFE_CHARACTERS, '_').replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (WINDOWS_DEVICES.test(name)) name = `_${name}`;
  if (name.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
  }
  return name === '' ? `attachment-${index + 1}` : name;
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|x-yaml|yaml|csv|x-sh|x-httpd-php|ld\+json)\b|[^;]*\+(json|xml)\b)/i;

/**
 * Whether an attachment reads as text in an editor: a text content type, or (senders often say
 * `application/octet-stream`) bytes that are valid UTF-8 without NUL bytes.
 */
export function isTextAttachment(contentType: string, data: Buffer): boolean {
  if (data.includes(0)) return false;
  if (TEXT_TYPES.test(contentType.trim())) return true;
  try {
    // `stream`: a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(0, 64 * 1024), { stream: true });
    return data.length > 0;
  } catch {
    return false;
  }
}
