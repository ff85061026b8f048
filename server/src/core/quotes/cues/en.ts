import { basicNorm, inflect, phrases, words, type SpacedLexicon } from '../lexicon.js';

// Verbs that are mostly nouns ("a report", "a tweet"): their past tense is unambiguous, their
// bare and -s forms count only in a verbal context (see weakVerbs).
const NOUNISH = `state report post text comment answer claim counter joke cry laugh reply protest email remark note sigh
  repeat charge demand tweet promise pledge vow quip+ boast blast snap+`;

// Verbs of saying and writing, general English news usage (not tuned to any article). Verbs that
// are mostly nouns keep only their past tense ("reported", not "reports"): see inflect().
const VERBS = new Set([
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'write', 'writes', 'wrote', 'writing', 'written',
  'read', 'reads', 'speak', 'speaks', 'spoke', 'quoted', 'continued', 'sing', 'sings', 'sang', 'sung',
  ...inflect(`add explain argue insist warn confirm deny acknowledge announce assert clarify conclude declare
    emphasize emphasise indicate mention predict recall respond stress suggest testify ask complain
    exclaim urge retort concede observe recount lament muse marvel scoff plead contend allege reason reiterate affirm
    assure tout brag gush wonder threaten agree disagree proclaim interject confide confess disclose reveal elaborate
    underscore speculate advise insist recall chide blast slam mock insist shout yell scream whisper explain
    acknowledge admonish reassure inform remind caution admit+ regret+`),
  ...inflect(NOUNISH, true),
  ...inflect('chant accuse', false), 'found', 'finds', 'warns',
]);
const NAMING_BASE = 'call dub label brand term nickname describe characterize characterise deem';
const WEAK = new Set([...inflect(NOUNISH), ...inflect(NAMING_BASE)].filter((w) => !VERBS.has(w) && !w.endsWith('ed') && !w.endsWith('ing')));

export const en: SpacedLexicon = {
  lang: 'en',
  cjk: false,
  cased: true,
  norm: basicNorm,
  minSpeechLength: 4,
  proDrop: false,
  verbs: VERBS,
  weakVerbs: WEAK,
  weakNaming: new Set(inflect(NAMING_BASE).filter((w) => WEAK.has(w))),
  objectVerbs: new Set([...inflect('tell urge warn remind inform assure advise accuse blast slam mock chide admonish reassure caution ask'), 'told']),
  phrases: phrases('point out | points out | pointed out | pointing out | put it | went on | goes on | chimed in | spoke out | shot back | fired back | weighed in'),
  according: phrases('according to | in the words of | quoting | citing | per | as quoted by | as reported by | courtesy of'),
  nouns: words(`statement statements remark remarks comment comments words claim claims allegation allegations assertion
    assertions warning warnings promise promises pledge vow message tweet tweets post posts letter speech interview
    testimony description characterization accusation accusations charge charges insistence argument admission
    suggestion declaration announcement response reply answer question quip joke complaint criticism retort rebuke plea
    appeal prediction boast memo email op-ed view views belief assessment verdict conclusion quote quotes
    commentary testimony`),
  possessorAfterNoun: false,
  possessives: words('his her their its my our your'),
  naming: new Set(inflect(NAMING_BASE, true)),
  termMarkers: words(`so-called called dubbed nicknamed termed labeled labelled branded word words term terms phrase
    phrases slogan slogans hashtag motto mantra catchphrase label nickname moniker buzzword expression notion concept`),
  titleMarkers: words(`book books novel memoir film films movie movies song songs album show shows series sitcom
    documentary podcast program programme play musical poem article column op-ed essay headline titled entitled
    headlined magazine episode segment opera painting exhibit exhibition game tv`),
  asMarkers: words(`known described characterized characterised referred branded labeled labelled dubbed billed
    portrayed cast framed viewed seen regarded touted depicted identified listed styled marketed`),
  determiners: words('a an the this that these those its his her their our my your some any no every each another such what'),
  pronouns: words('he she they i we it you who'),
  trim: words(`also later previously then has had have would will did does do was were is are once again reportedly
    recently publicly privately often never simply further repeatedly earlier first finally just even still only and
    but or however so yet when as while because that if in on at who which since after before though although who
    has subsequently similarly likewise herself himself themselves itself monday tuesday wednesday thursday friday
    saturday sunday today yesterday tonight january february march april may june july august september october
    november december`),
  stops: words('and but or because although though if where whether unless until in on at to during after before while when that who which with for about as from via through by over amid since this last on'),
  titles: words(`mr mrs ms dr president sen senator rep representative gov governor ceo chairman chairwoman chair minister
    secretary spokesman spokeswoman spokesperson judge justice mayor general gen director chief prof professor king
    queen prince princess pope candidate nominee leader adviser advisor manager attorney commissioner officer
    ambassador lawmaker founder executive head analyst economist researcher coach vice sheriff detective lt col
    colonel sgt capt captain admiral councilman councilwoman chancellor premier`),
  style: { clause: (n) => `${n} said`, comma: ',', commaInside: true, stop: '.', placeholder: '[Name]' },
  variants: (low) => (low.endsWith("'s") ? [low, low.slice(0, -2)] : [low]),
  selfSpeaker: () => false,
};
