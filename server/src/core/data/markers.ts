// What WhatsApp writes in place of a message, per export language: copy artifacts, not content.

/** Appended to an edited message, e.g. `… <Ce message a été modifié>`. */
export const EDITED_MARKERS: readonly string[] = ['<Ce message a été modifié>', '<This message was edited>', '<Message modifié>'];

/** The whole text of a deleted message. */
export const DELETED_MESSAGES: readonly string[] = [
  'Ce message a été supprimé', 'Vous avez supprimé ce message', 'Ce message a été supprimé par un admin',
  'This message was deleted', 'You deleted this message', 'This message was deleted by admin',
];

/** Media left out of the export. */
export const MEDIA_MARKERS: readonly string[] = [
  '<Médias omis>', '<Média omis>', '<Fichier omis>', '<Media omitted>', '<Medien ausgeschlossen>',
  'image absente', 'vidéo absente', 'audio omis', 'sticker omis', 'GIF omis', 'image omitted', 'video omitted', 'audio omitted', 'sticker omitted', 'GIF omitted', 'document omitted',
];
