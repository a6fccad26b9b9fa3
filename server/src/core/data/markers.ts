// What WhatsApp writes in place of a message, per export language: copy artifacts, not content.

/** Appended to an edited message, e.g. `… <Ce message a été modifié>`. */
export const EDITED_MARKERS: readonly string[] = ['<Ce message a été modifié>', '<This message was edited>', '<Message modifié>'];

/** The whole text of a deleted message. */
export const DELETED_MESSAGES: readonly string[] = [
  'Ce message a été supprimé', 'Vous avez supprimé ce message', 'Ce message a été supprimé par un admin',
  'This message was deleted', 'You deleted this message', 'This message was deleted by admin',
];

/**
 * Whether a message's whole text, trimmed and in any case, is one of `texts`. Lower-casing never
 * shortens a text: one longer than every entry is not lower-cased to be looked up.
 */
export function wholeTextOf(texts: readonly string[]): (text: string) => boolean {
  const folded = new Set(texts.map((s) => s.trim().toLowerCase()));
  const longest = Math.max(...[...folded].map((s) => s.length));
  return (text) => {
    const trimmed = text.trim();
    return trimmed.length <= longest && folded.has(trimmed.toLowerCase());
  };
}

/** Media left out of the export. */
export const MEDIA_MARKERS: readonly string[] = [
  '<Médias omis>', '<Média omis>', '<Fichier omis>', '<Media omitted>', '<Medien ausgeschlossen>',
  'image absente', 'vidéo absente', 'audio omis', 'sticker omis', 'GIF omis', 'image omitted', 'video omitted', 'audio omitted', 'sticker omitted', 'GIF omitted', 'document omitted',
];
