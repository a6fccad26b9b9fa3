// Web chrome that scrapers leave in article chunks, as data: one list per language, each
// pattern with the kind of widget it betrays (the kind names the reason in the message).
// Line patterns match a whole line once trimmed and stripped of a leading bullet; phrase
// patterns match anywhere in a line, so they must be specific enough never to hit prose.

export type BoilerplateKind =
  | 'app-banner' | 'share' | 'comments' | 'language-menu' | 'original-link'
  | 'disclaimer' | 'placeholder' | 'tweet' | 'navigation' | 'structure' | 'custom';

export interface BoilerplatePattern {
  readonly kind: BoilerplateKind;
  readonly pattern: RegExp;
}

export interface BoilerplatePhrase extends BoilerplatePattern {
  /**
   * A piece of text every match of the pattern holds (lower-case ASCII letters and spaces, at
   * least three, read in any case): a line holding no phrase's cue skips the patterns, which
   * cost several times more than looking for the cues. A test checks each cue against every
   * text its pattern can match.
   */
  readonly cue: string;
}

export interface BoilerplateLanguage {
  /** Whole-line patterns (the line trimmed, bullet removed). */
  readonly lines: readonly BoilerplatePattern[];
  /** Phrases that make a line boilerplate wherever they stand in it. */
  readonly phrases: readonly BoilerplatePhrase[];
}

const A = "['’]";

export const FRENCH: BoilerplateLanguage = {
  lines: [
    { kind: 'app-banner', pattern: /^scan(?:nez|ner)? pour t[ée]l[ée]charger\b.{0,60}$/i },
    { kind: 'app-banner', pattern: /^qr ?code$/i },
    { kind: 'app-banner', pattern: /^autres options de t[ée]l[ée]chargement$/i },
    { kind: 'app-banner', pattern: new RegExp(`^ne pas (?:me )?rappeler aujourd${A}hui$`, 'i') },
    { kind: 'app-banner', pattern: new RegExp(`^t[ée]l[ée]charge[rz]? l${A}app(?:lication)?\\b.{0,40}$`, 'i') },
    { kind: 'app-banner', pattern: /^ouvrir dans l['’]app(?:lication)?$/i },
    { kind: 'share', pattern: new RegExp(`^partage[rz]?(?: (?:l${A}|cet |ce |sur |via )[^.!?]{0,30})?\\s*:?$`, 'i') },
    { kind: 'share', pattern: /^(?:linkedin|facebook|twitter|x|whatsapp|telegram|reddit|pinterest|e-?mail|messenger|flipboard|copier le lien|lien copi[ée])$/i },
    { kind: 'share', pattern: /^(?:reposter|republier|r[ée]compense|[ée]pingler|j['’]aime|suivre|s['’]abonner|enregistrer|signaler)$/i },
    { kind: 'comments', pattern: /^(?:\d+ )?commentaires?$/i },
    { kind: 'comments', pattern: /^\d{1,4}\s?\/\s?\d{2,5}$/ },
    { kind: 'comments', pattern: /^aucun commentaire(?: pour le moment)?\.?$/i },
    { kind: 'comments', pattern: /^(?:laisser|laissez|[ée]crire|ajouter) un commentaire\.?$/i },
    { kind: 'comments', pattern: /^soyez le premier à commenter\.?$/i },
    { kind: 'original-link', pattern: new RegExp(`^voir (?:l${A}original|la traduction|plus|moins)$`, 'i') },
    { kind: 'original-link', pattern: /^lire (?:la suite|aussi|plus)\s*:?$/i },
    { kind: 'placeholder', pattern: /^(?:cr[ée]ation|g[ée]n[ée]ration) du r[ée]sum[ée] en cours\W*$/i },
    { kind: 'placeholder', pattern: /^(?:chargement|r[ée]sum[ée]) en cours\W*$/i },
    { kind: 'placeholder', pattern: /^chargement\W*$/i },
    { kind: 'navigation', pattern: /^(?:communaut[ée]|accueil|menu|rechercher|connexion|s['’]inscrire|se connecter|retour en haut)$/i },
  ],
  phrases: [
    { kind: 'disclaimer', pattern: /cette page peut (?:inclure|contenir) du contenu (?:de|provenant de) tiers/i, cue: 'page peut' },
    { kind: 'disclaimer', pattern: /ne fournit aucun conseil financier/i, cue: 'eil financier' },
    { kind: 'disclaimer', pattern: /lorsque vous achetez via (?:des|nos) liens/i, cue: 'tez via ' },
    { kind: 'disclaimer', pattern: /commission d['’]affiliation/i, cue: 'affiliation' },
    { kind: 'disclaimer', pattern: /(?:contient|contenir) des liens (?:d['’]affiliation|affili[ée]s)/i, cue: 'affili' },
    { kind: 'disclaimer', pattern: /notre blog est aliment[ée] par (?:les|ses) lecteurs/i, cue: 'og est aliment' },
    { kind: 'placeholder', pattern: /^(?:cr[ée]ation|g[ée]n[ée]ration) du r[ée]sum[ée] en cours/i, cue: 'ation du r' },
  ],
};

export const ENGLISH: BoilerplateLanguage = {
  lines: [
    { kind: 'app-banner', pattern: /^scan (?:to|and) download\b.{0,60}$/i },
    { kind: 'app-banner', pattern: /^(?:download|get|open in) (?:the|our) app\b.{0,40}$/i },
    { kind: 'app-banner', pattern: /^(?:more download options|don['’]t remind me today|not now)$/i },
    { kind: 'share', pattern: /^share(?: (?:this|the) (?:article|post|story|page))?(?: on \w+)?\s*:?$/i },
    { kind: 'share', pattern: /^(?:repost|retweet|reward|tip|pin|like|follow|subscribe|save|report|copy link|link copied)$/i },
    { kind: 'comments', pattern: /^(?:\d+ )?comments?$/i },
    { kind: 'comments', pattern: /^no comments(?: yet)?\.?$/i },
    { kind: 'comments', pattern: /^(?:leave|write|add|post) a (?:comment|reply)\.?$/i },
    { kind: 'comments', pattern: /^be the first to comment\.?$/i },
    { kind: 'original-link', pattern: /^(?:see|view|show) (?:the )?(?:original|translation|more|less)$/i },
    { kind: 'original-link', pattern: /^(?:read more|continue reading|related articles?)\s*:?$/i },
    { kind: 'placeholder', pattern: /^(?:generating|creating) (?:the )?summary\W*$/i },
    { kind: 'placeholder', pattern: /^loading\W*$/i },
    { kind: 'navigation', pattern: /^(?:community|home|menu|search|sign in|sign up|log in|back to top)$/i },
  ],
  phrases: [
    { kind: 'disclaimer', pattern: /this page may (?:include|contain) third[- ]party content/i, cue: 'rty content' },
    { kind: 'disclaimer', pattern: /does not (?:provide|constitute) (?:any )?(?:financial|investment) advice/i, cue: ' advice' },
    { kind: 'disclaimer', pattern: /(?:we|may) (?:may )?earn (?:an? )?(?:affiliate )?commission/i, cue: 'earn ' },
    { kind: 'disclaimer', pattern: /(?:contains|may contain) affiliate links/i, cue: 'affiliate links' },
    { kind: 'disclaimer', pattern: /when you buy through (?:links|our links)/i, cue: 'buy through ' },
  ],
};

export const LANGUAGES: readonly BoilerplateLanguage[] = [FRENCH, ENGLISH];

/**
 * Names of languages as language menus write them (each in its own language, plus the French
 * and English names). A run of these is a language menu.
 */
export const LANGUAGE_NAMES: readonly string[] = [
  'English', 'Français', 'Francais', 'Español', 'Espanol', 'Deutsch', 'Italiano', 'Português', 'Portugues', 'Nederlands',
  'Polski', 'Türkçe', 'Turkce', 'Русский', 'Українська', 'Ελληνικά', 'Čeština', 'Română', 'Magyar', 'Svenska', 'Norsk',
  'Dansk', 'Suomi', 'Български', 'Hrvatski', 'Slovenčina', 'עברית', 'العربية', 'فارسی', 'हिन्दी', 'বাংলা', 'ไทย',
  'Tiếng Việt', 'Bahasa Indonesia', 'Bahasa Melayu', 'Filipino', 'Tagalog', '日本語', '한국어', '中文', '简体中文', '繁體中文',
  '繁体中文', 'Anglais', 'Espagnol', 'Allemand', 'Italien', 'Portugais', 'Russe', 'Chinois', 'Japonais', 'Coréen', 'Arabe',
  'German', 'Spanish', 'French', 'Italian', 'Portuguese', 'Russian', 'Chinese', 'Japanese', 'Korean', 'Arabic', 'Ukrainian',
  'Vietnamese', 'Indonesian', 'Turkish', 'Dutch', 'Polish',
];

/** Months as embedded tweets sign them (`— Name (@handle) January 21, 2025`), English and French. */
export const TWEET_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];
