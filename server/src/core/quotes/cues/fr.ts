import { basicNorm, phrases, words, type SpacedLexicon } from '../lexicon.js';

// Regular -er verbs in the forms news uses: participle (a déclaré), present (déclare, déclarent),
// passé simple (déclara), imperfect (déclarait) and present participle (déclarant).
const ER = `déclarer affirmer ajouter expliquer indiquer préciser souligner estimer assurer annoncer confirmer rétorquer
  insister dénoncer marteler commenter déplorer raconter résumer regretter avouer exclamer plaider tweeter observer
  argumenter confier demander témoigner fustiger ironiser nuancer glisser lâcher tonner insister assener asséner
  avertir répliquer signaler relever rappeler noter lancer martèle jurer protester accuser clamer constater interroger
  reconnaître`;
function er(): string[] {
  const out: string[] = [];
  for (const v of ER.split(/\s+/)) {
    if (!v.endsWith('er')) continue;
    const s = v.slice(0, -2);
    out.push(s + 'é', s + 'e', s + 'ent', s + 'a', s + 'ait', s + 'ant');
  }
  return out;
}
const IRREGULAR = words(`dit dis disent disait disant dira dirait reconnu reconnaît reconnait reconnaissent répondu répond
  répondent répondait conclu conclut écrit écrivait écrivent écrivant averti avertit prévenu prévient poursuivi poursuit
  admis admet promis promet soutenu soutient rappelle rappellent martèle martèlent lança relève relèvent jeté`);
const AMBIGUOUS = words('juge note lance avance lâche glisse commente observe demande'); // mostly nouns/other senses
const PRONOUN = /-(?:t-)?(il|elle|ils|elles|on)$/;

export const fr: SpacedLexicon = {
  lang: 'fr',
  cjk: false,
  cased: true,
  norm: basicNorm,
  minSpeechLength: 4,
  proDrop: false,
  weakVerbs: new Set(),
  weakNaming: new Set(),
  objectVerbs: new Set(),
  verbs: new Set([...er(), ...IRREGULAR].filter((w) => !AMBIGUOUS.has(w))),
  phrases: phrases("a-t-il dit | a-t-elle dit | fait savoir | fait valoir | a fait savoir"),
  according: phrases("selon | d'après | de l'avis de | aux yeux de | cité par | citant"),
  nouns: words(`déclaration déclarations propos paroles mots affirmation affirmations allégation allégations accusation
    accusations message tweet lettre discours communiqué réponse avertissement promesse aveu critique`),
  possessorAfterNoun: true,
  possessives: words('son sa ses leur leurs'),
  naming: words('qualifié qualifie qualifiait qualifiant appelé appelle surnommé baptisé traité traite décrit'),
  termMarkers: words(`dit dite dits dites surnommé surnommée baptisé baptisée appelé appelée nommé nommée mot terme
    expression slogan formule soi-disant prétendu prétendue fameux fameuse notion concept hashtag`),
  titleMarkers: words(`livre film roman chanson album émission série documentaire pièce article tribune intitulé intitulée
    ouvrage magazine podcast essai spectacle`),
  asMarkers: words('comme'),
  determiners: words("le la les l' un une des du ce cet cette ces son sa ses leur leurs notre votre"),
  pronouns: words('il elle ils elles on je nous'),
  trim: words(`aussi également encore ensuite alors déjà et mais donc a avait ont t avaient aurait lui-même elle-même
    pour sa part quant à lui`),
  stops: words("et mais ou car lorsque quand si dans lors à au aux en devant sur pendant après avant que qui auprès depuis selon mardi lundi mercredi jeudi vendredi samedi dimanche"),
  titles: words(`m mme président présidente ministre premier porte-parole secrétaire général générale directeur directrice
    pdg maire sénateur sénatrice député députée chef juge procureur docteur professeur patron patronne ambassadeur`),
  style: { clause: (n) => `a déclaré ${n}`, comma: ',', commaInside: false, stop: '.', placeholder: '[Nom]' },
  variants: (low) => {
    const m = PRONOUN.exec(low);
    const base = m ? low.slice(0, m.index) : low;
    return base === low ? [low] : [low, base];
  },
  selfSpeaker: (low) => PRONOUN.test(low),
};
