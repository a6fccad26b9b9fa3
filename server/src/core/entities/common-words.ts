// Words that are written with a capital without being names: sentence starters, titles,
// demonyms, months, days and chat filler, French and English, folded (see foldKey).
const WORDS = `
a à afin ainsi alors apres au aucun aucune aujourd aussi autant autre autres aux avant avec
bref car ce ceci cela celle celui cependant certes ces cet cette chaque chez comme comment d dans de des desormais
donc dont du elle elles en encore enfin ensuite entre est et etre eux face finalement grace il ils ici
je la le les leur leurs lui ma mais malgre me meme mes moi mon ne ni non nos notre nous on or ou oui par parce
parfois pas peut plus pour pourquoi pourtant puis quand que quel quelle quelles quels qui quoi sa sans se selon ses
si sinon soit son sont sous sur ta te tes toi ton tous tout toute toutes toujours tres tu un une vers voici voila vos
votre vous y ca c est ceux
the a an and but or if when while as of in on at to for with by from into about after before this that these those
it its he she we they you i my our your their his her them there here what which who why how yes no not all some
any each every many much more most other such so then than thus also however therefore meanwhile moreover
announcing breaking update news note edit voir lire partager suivre commentaire commentaires reponse
nouveau nouvelle attention important urgent bonjour salut merci bravo hello hi thanks hmm ok okay lol ex cf nb ps
ceo pdg dg cto cfo coo vp president presidente ministre directeur directrice fondateur fondatrice
monsieur madame mr mrs ms dr prof
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
january february march april may june july august september october november december
lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday
americain americains americaine americaines chinois chinoise chinoises europeen europeens europeenne europeennes
francais francaise francaises anglais anglaise allemand allemands russe russes japonais english french spanish german espanol
etat etats gouvernement projet programme loi article page source sources image video photo
data centers center
`;

export const COMMON_CAPITALISED: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
