/**
 * Words the threat grammar reasons with. They are grouped by the role they play in a clause (a
 * verb of harm, a kind of patient, a frame that changes what a clause means), not by message.
 */

const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  beat: ['beat', 'beats', 'beaten', 'beating'],
  break: ['break', 'breaks', 'broke', 'broken', 'breaking'],
  shoot: ['shoot', 'shoots', 'shot', 'shooting'],
  cut: ['cut', 'cuts', 'cutting'],
  hurt: ['hurt', 'hurts', 'hurting'],
  hit: ['hit', 'hits', 'hitting'],
  slit: ['slit', 'slits', 'slitting'],
  burn: ['burn', 'burns', 'burned', 'burnt', 'burning'],
  find: ['find', 'finds', 'found', 'finding'],
  hang: ['hang', 'hangs', 'hanged', 'hung', 'hanging'],
  get: ['get', 'gets', 'got', 'getting'],
  come: ['come', 'comes', 'came', 'coming'],
  see: ['see', 'sees', 'saw', 'seen', 'seeing'],
  blow: ['blow', 'blows', 'blew', 'blown', 'blowing'],
  run: ['run', 'runs', 'ran', 'running'],
  knife: ['knife', 'knifes', 'knifed', 'knifing'],
  die: ['die', 'dies', 'died', 'dying'],
};

/** Inflected forms of a regular verb: kill → kills, killed, killing. */
function inflect(lemma: string): string[] {
  const irregular = IRREGULAR[lemma];
  if (irregular) return [...irregular];
  const forms = [lemma];
  if (/(s|sh|ch|x|z)$/.test(lemma)) forms.push(`${lemma}es`);
  else forms.push(`${lemma}s`);
  const stem = /e$/.test(lemma) ? lemma.slice(0, -1) : /[^aeiou][aeiou][bdgmnpt]$/.test(lemma) && lemma.length <= 4 ? lemma + lemma.at(-1) : lemma;
  forms.push(`${stem}ed`, `${stem}ing`);
  if (/y$/.test(lemma)) forms.push(`${lemma.slice(0, -1)}ied`);
  return forms;
}

function formsOf(lemmas: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const lemma of lemmas) for (const form of inflect(lemma)) map.set(form, lemma);
  return map;
}

/** Verbs of bodily harm: a threat whenever someone means to do them to a person. */
export const HARM_VERBS = formsOf([
  'kill', 'murder', 'stab', 'shoot', 'strangle', 'choke', 'beat', 'punch', 'hurt', 'harm', 'break', 'smash',
  'slit', 'cut', 'burn', 'torch', 'bury', 'rape', 'slap', 'kick', 'attack', 'bash', 'drown', 'poison', 'hang',
  'lynch', 'execute', 'behead', 'butcher', 'slaughter', 'massacre', 'exterminate', 'annihilate', 'gas', 'nuke',
  'whip', 'batter', 'maim', 'stomp', 'knife', 'gut', 'smack', 'unalive', 'end', 'destroy', 'ruin', 'wreck',
  'hunt', 'skin', 'cripple', 'castrate', 'eliminate', 'exterminate', 'mutilate', 'shank', 'pummel', 'thrash',
  'whoop', 'deck', 'bleed', 'crush', 'hit', 'blow', 'run', 'die', 'abuse', 'chop', 'stone', 'behead', 'shank', 'lynch', 'torture',
  'snap', 'rip', 'slash', 'knock', 'key', 'drag', 'smother', 'suffocate', 'mutilate', 'strangle', 'waste',
  // Street slang and the rest of the everyday vocabulary of beatings and killings.
  'cave', 'pop', 'jump', 'deck', 'clock', 'sock', 'bust', 'merk', 'smoke', 'blast', 'cap', 'dome', 'jab', 'headbutt',
  'maul', 'ambush', 'mug', 'trash', 'vandalize', 'vandalise', 'bomb', 'shred', 'gouge', 'skewer', 'impale', 'tear',
  'stomp', 'spank', 'throttle', 'pound', 'clobber', 'wallop', 'belt', 'thump', 'bludgeon', 'assault', 'shove', 'choke',
  'scald', 'bite', 'sucker', 'slice', 'carve', 'hack', 'flatten', 'level', 'bleed', 'lay', 'rough',
]);

/**
 * Harm verbs that only mean harm with a particle or a person after them (`hit you`, `blow up`,
 * `run over`), or that are mostly everyday (`end`, `hit`, `run`, `crush`, `blow`, `die`).
 */
export const NEEDS_PERSON = new Set([
  'pop', 'jump', 'clock', 'bust', 'smoke', 'blast', 'cap', 'tear', 'pound', 'belt', 'bite', 'slice', 'carve', 'hack', 'flatten',
  'level', 'lay', 'rough', 'shove', 'sucker', 'bomb', 'trash', 'shred', 'deck', 'sock', 'dome', 'jab', 'vandalize', 'vandalise',
  'mug', 'scald', 'snap', 'rip', 'slash', 'key', 'waste', 'end', 'hit', 'run', 'blow', 'crush', 'destroy', 'ruin', 'wreck', 'hunt',
  'deck', 'bleed', 'skin', 'gut', 'die', 'eliminate', 'execute', 'gas', 'nuke', 'break', 'cut', 'burn', 'kick', 'smash',
]);

/**
 * Harm verbs that are everyday with things (`knock on your door`, `drag your boxes`, `key in your
 * pin`): a threat only when the reader or a person is the one it is done to.
 */
export const PERSON_ONLY = new Set([
  'knock', 'drag', 'snap', 'rip', 'waste', 'pop', 'jump', 'clock', 'bust', 'smoke', 'blast', 'cap', 'tear', 'pound', 'belt', 'bite',
  'slice', 'carve', 'hack', 'flatten', 'level', 'lay', 'rough', 'shove', 'sucker', 'bomb', 'trash', 'shred', 'deck', 'sock', 'dome',
  'jab', 'scald',
]);
/** Harm verbs whose only threatening patient is property (`key your car`, `slash your tyres`). */
export const PROPERTY_ONLY = new Set(['key', 'trash', 'vandalize', 'vandalise']);

/** Verbs that are a threat only with the reader as patient and hostility around them. */
export const PURSUIT_VERBS = formsOf(['find', 'get', 'visit', 'track', 'follow', 'stalk']);

/** Object pronouns and nouns naming the reader. */
export const READER = new Set(['you', 'u', 'ya', 'ye', 'yourself', 'urself', 'yourselves', 'thee', "y'all", 'yall']);
/** Possessives naming the reader. */
export const READER_POSSESSIVE = new Set(['your', 'ur', 'yo', 'yer', 'thy']);
/** People close to the reader. */
export const FAMILY = new Set([
  'wife', 'husband', 'kids', 'kid', 'children', 'child', 'son', 'sons', 'daughter', 'daughters', 'mom', 'mum',
  'mother', 'dad', 'father', 'family', 'sister', 'brother', 'bf', 'gf', 'boyfriend', 'girlfriend', 'baby',
  'babies', 'parents', 'grandma', 'grandmother', 'grandpa', 'grandfather', 'partner', 'fiance', 'fiancee',
  'girl', 'boy', 'little', 'ma', 'pa', 'mommy', 'daddy', 'wifey', 'hubby', 'missus', 'folks', 'nan', 'nana',
]);
/** Parts of the reader's body and life, which make `your` the reader. */
export const BODY = new Set([
  'legs', 'leg', 'neck', 'face', 'teeth', 'head', 'skull', 'arms', 'arm', 'knees', 'knee', 'throat', 'bones',
  'fingers', 'jaw', 'nose', 'ribs', 'ass', 'arse', 'life', 'hands', 'hand', 'back', 'kneecaps', 'spine',
  'eyes', 'brains', 'guts', 'heart', 'body', 'tongue', 'mouth', 'butt', 'balls', 'throat',
]);
/** The reader's property. */
export const PROPERTY = new Set([
  'car', 'house', 'place', 'home', 'door', 'truck', 'windows', 'window', 'tires', 'tyres', 'stuff', 'dog',
  'cat', 'flat', 'apartment', 'shop', 'store', 'van', 'bike', 'phone', 'business', 'office', 'things', 'pets',
  'garage', 'boxes', 'furniture', 'belongings', 'windshield', 'windscreen', 'mirror', 'mirrors', 'lights',
  'garden', 'fence', 'mailbox', 'motorbike', 'scooter', 'laptop', 'tv', 'stuff', 'property', 'vehicle', 'ride',
]);
/** Things that, as the object of a harm verb, make it an idiom or literal (`kill time`, `kill the engine`). */
export const IDIOM_OBJECTS = new Set([
  'it', 'this', 'that', 'time', 'workout', 'engine', 'process', 'lights', 'light', 'game', 'mood', 'vibe',
  'bug', 'task', 'job', 'test', 'exam', 'interview', 'traffic', 'price', 'prices', 'deal', 'record', 'leg',
  'ice', 'bank', 'news', 'party', 'set', 'show', 'level', 'boss', 'app', 'server', 'connection', 'heat',
]);
/** Object pronouns for people other than the speaker and the reader. */
export const THIRD_PRONOUNS = new Set([
  'him', 'her', 'them', 'em', "'em", 'themselves', 'himself', 'herself', 'everyone', 'everybody', 'anyone', 'anybody', 'all',
]);
/** Nouns for people and groups; with `the`, `that`, `those`, `every`, `all` they name a third person or group. */
export const PEOPLE = new Set([
  'guy', 'guys', 'girl', 'girls', 'man', 'men', 'woman', 'women', 'kid', 'kids', 'child', 'children', 'boy',
  'boys', 'lady', 'ladies', 'dude', 'dudes', 'driver', 'drivers', 'courier', 'couriers', 'cop', 'cops',
  'people', 'person', 'persons', 'one', 'ones', 'folks', 'bitch', 'bitches', 'bastard', 'bastards', 'whore',
  'whores', 'idiot', 'idiots', 'prick', 'cunt', 'faggot', 'faggots', 'fags', 'queer', 'queers', 'tranny',
  'trannies', 'gays', 'lesbians', 'muslims', 'muslim', 'jews', 'jew', 'christians', 'christian', 'immigrants',
  'refugees', 'arabs', 'asians', 'blacks', 'whites', 'liberals', 'libtards', 'politicians', 'reporters',
  'niggers', 'nigger', 'niggas', 'traitors', 'infidels', 'kafirs', 'atheists', 'hindus', 'sikhs', 'migrants',
  'foreigners', 'illegals', 'communists', 'feminists', 'homos', 'retards', 'rats', 'pigs', 'animals',
  'monkeys', 'apes', 'scum', 'vermin', 'savages', 'pedos', 'pedophiles', 'rapists', 'terrorists', 'thugs',
  'customer', 'customers', 'neighbor', 'neighbour', 'neighbors', 'neighbours', 'boss', 'landlord', 'ex',
  'russians', 'indians', 'chinese', 'mexicans', 'africans', 'americans', 'europeans', 'albanians', 'serbs',
  'koreans', 'gypsies', 'roma', 'catholics', 'mormons', 'buddhists', 'disabled', 'autistic', 'blind', 'deaf',
  'seller', 'sellers', 'buyer', 'buyers', 'rider', 'riders', 'mover', 'movers', 'client', 'clients',
]);
/** Words that mark a group rather than one person. */
export const GROUP_MARKERS = new Set(['all', 'every', 'those', 'these', 'them', 'em', "'em", 'everyone', 'everybody', 'people']);

/** Subjects that make the speaker the agent. */
/** Verbs before "I won't" that make the negation a dare: "think I won't…?", "bet I wouldn't". */
export const DARE_VERBS = new Set(['think', 'thinking', 'thought', 'bet', 'believe']);
export const SPEAKER_SUBJECTS = new Set(['i', 'we', 'me', 'us', 'ima', 'imma']);
/** Subjects that make an unnamed someone the agent (`someone should…`). */
export const SOMEONE_SUBJECTS = new Set(['someone', 'somebody', 'anyone', 'anybody', 'people', 'sb']);
/** Subjects that negate the clause on their own (`nobody's gonna hurt you`). */
export const NEGATIVE_SUBJECTS = new Set(['nobody', 'noone', 'none', 'nothing', 'no']);
/** Negation words. */
export const NEGATIONS = new Set([
  'not', "n't", 'never', 'no', 'nobody', 'noone', 'nothing', 'neither', 'nor', 'nah', 'dont', 'wont', 'wouldnt', 'cant', 'couldnt',
  'aint', 'didnt', 'isnt',
]);

/** Auxiliaries that put the act in the future. */
export const FUTURE = new Set(['will', 'shall', "'ll", 'gonna', 'going', 'gon', 'finna', 'about', 'ima', 'imma', 'wil']);
/** Auxiliaries of wish or intent. */
export const DESIRE = new Set([
  'want', 'wanna', 'wish', 'hope', 'plan', 'intend', 'fantasize', 'fantasise', 'dream', 'like', 'love', 'swear', 'promise', 'gotta',
  'got', 'have', 'need', 'ought', 'deserve', 'deserves', 'deserved', 'try', 'dare',
]);
/** Modal auxiliaries: could and would are hypothetical, should and must call for the act. */
export const MODALS = new Set(['would', "'d", 'could', 'can', 'might', 'may', 'should', 'must', 'shoulda', 'woulda', 'coulda']);
export const CALLS_FOR = new Set(['should', 'must', 'shoulda', 'need', 'needs', 'ought', 'deserve', 'deserves', 'deserved', 'gotta', 'have']);

/** Words that open a new clause and what they say about it. */
export const CLAUSE_OPENERS = new Set([
  'and', 'but', 'or', 'so', 'because', 'cause', 'cuz', 'coz', 'unless', 'if', 'when', 'then', 'otherwise', 'else', 'while', 'until',
  'till', 'before', 'after', 'or else', 'either', 'once',
]);

/** Verbs of saying and reporting, which make what follows someone else's words. */
export const REPORT_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'texted', 'texts', 'wrote', 'writes', 'messaged', 'messages',
  'threatened', 'threatens', 'threatening', 'claimed', 'claims', 'saying', 'yelled', 'shouted', 'screamed',
  'sent', 'asked', 'warned', 'called', 'dmed', 'dm', 'replied', 'commented', 'posted', 'mentioned', 'kept',
  'keeps', 'goes', 'went',
]);

/** Nouns that are not a person, so a subject made of them makes the clause an idiom (`this traffic is killing me`). */
export const PERSON_PRONOUN_SUBJECTS = new Set([
  'i', 'we', 'you', 'u', 'he', 'she', 'they', 'someone', 'somebody', 'anyone', 'anybody', 'nobody', 'people', 'ya', 'ima', 'imma',
  'y\'all',
]);
