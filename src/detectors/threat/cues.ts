/**
 * Phrase cues over a sentence's normalised words (`i will`, `you are`, `your`: contractions and
 * chat spellings already read). Each names who acts and on whom, so the shared frames (negation,
 * question, quotation, report) apply to it as to a harm verb.
 */

/** The kinds of threat the rule set reports, one rule each. */
export type ThreatKind = 'violence' | 'intimidation' | 'family' | 'coercion' | 'sexual' | 'third-party';

/** One phrase cue. */
export interface Cue {
  readonly kind: ThreatKind;
  readonly pattern: RegExp;
  readonly agent: string;
  readonly patient: string;
  readonly mood: string;
  /** Change to the rule's base score, for cues weaker than the rule's typical one. */
  readonly delta?: number;
  readonly note: string;
  /** Weak unless the message is hostile (grievance, insult); weaker still in a pickup. */
  readonly needsHostility?: boolean;
  /** Also said in service (a visit to fix the boiler, a courier who knows the building): weak when the message has a service purpose. */
  readonly service?: boolean;
  /** Can be literal advice (`watch your back when lifting`). */
  readonly advice?: boolean;
  /** A negation inside the phrase does not cancel it (`don't test me`). */
  readonly allowsNegation?: boolean;
  readonly negatable?: boolean;
  /** For parts that only count combined with others (coercion's condition, demand and harm; family mentions). */
  readonly role?: string;
}

import { FATE, KNOWS_LIFE, SEXUAL_DEMAND } from './shapes.js';
import { isAsciiPattern } from './reading.js';
import { LiteralFilter } from '../../text/literal-filter.js';

const SP = '(?:i|we)';
const ME = '(?:i|we)(?: \\w+){0,3}?';
const YOU = '(?:you|your)';
const FAMILY =
  '(?:wife|husband|kids|kid|children|child|son|daughter|mom|mum|mother|dad|father|family|sister|brother|bf|gf|boyfriend|girlfriend|' +
  'baby|parents|partner|grandma|grandpa|little girl|little boy|wifey|hubby|fiance|fiancee)';
const PLACE = '(?:place|house|home|door|office|work|building|school|flat|apartment|job|street|shop|store|restaurant|salon|garage|workplace|stall|unit)';
const PICS = '(?:pic|pics|picture|pictures|photo|photos|selfie|selfies|nudes|nudez|noodz|nodes|snaps|video|vid|vids)';
const LOOKS = '(?:pretty|cute|hot|sexy|fine|beautiful|gorgeous|stunning|fit|attractive|adorable|lovely|delicious|thicc|thick|yummy|sexier|prettier)';
const BODYPART = '(?:legs|body|ass|butt|boobs|tits|lips|figure|curves|thighs|feet|bum|chest|booty)';

/** A cue pattern from its alternatives (joined with `|`), between word boundaries. */
const g = (...alternatives: string[]) => new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'g');
/** A gate's regular expression as a cue pattern: the gate and the grammar then agree on the shape. */
const fromGate = (re: RegExp) => new RegExp(re.source, 'g');

export const CUES: readonly Cue[] = [
  // Threats by consequence with no harm verb (a fate, no escape, a last warning); the gate's own shapes.
  {
    kind: 'violence',
    pattern: fromGate(FATE),
    agent: 'speaker (implied)',
    patient: 'reader',
    mood: 'veiled',
    delta: -0.05,
    note: 'a threat by consequence, no harm verb',
    allowsNegation: true,
  },
  {
    kind: 'violence',
    pattern: g(
      `${SP}(?: \\w+){0,2}? (?:coming|come|going|go) (?:back )?(?:for|after) (?:you|your (?!${FAMILY})\\w+)` +
        `(?! (?:at|in|around|by|with|tomorrow|later|when|now|first|soon|today|tonight|from|on|outside|downstairs))`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'future',
    delta: -0.25,
    note: '"coming for you" is also a pickup; a threat with hostility around it',
    needsHostility: true,
  },
  {
    kind: 'family',
    pattern: g(`(?:${SP}|someone|somebody|they|people)(?: \\w+){0,3}? (?:go|going|come|coming|be coming) (?:after|for) (?:your|ur) ${FAMILY}`),
    agent: 'speaker',
    patient: "reader's family",
    mood: 'future',
    note: '',
  },
  {
    kind: 'violence',
    pattern: g(
      `(?:(?:would|will) be|it would be|that would be|be) (?:a|such a|a real) (?:shame|pity)`,
      `(?:a|such a) (?:shame|pity) if`,
      `^(?:shame|pity) if`,
    ),
    agent: 'unnamed',
    patient: 'reader',
    mood: 'veiled',
    delta: -0.45,
    note: 'a veiled remark; a threat beside a condition or the family',
  },
  {
    kind: 'intimidation',
    pattern: g(
      `(?:${ME} |^)(?:be |am |will be )?(?:waiting|wait) for (?:you|your \\w+)(?: \\w+){0,2}? ` +
        `(?:after (?:your|the) (?:shift|work|class|classes)|when (?:you|she|he) (?:finish|finishes|leave|leaves|get off|gets off|` +
        `come out|comes out)|in the dark|alone|every (?:night|day|morning))`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'lying in wait',
    delta: -0.1,
    note: 'lying in wait for the reader',
  },
  {
    kind: 'intimidation',
    pattern: fromGate(KNOWS_LIFE),
    agent: 'speaker',
    patient: 'reader',
    mood: "knowledge of the reader's life",
    delta: -0.1,
    note: 'knowing what the reader drives, where they walk, the route they take',
    service: true,
  },
  {
    kind: 'intimidation',
    pattern: g(`${ME} (?:know|knw|remember) where to find (?:you|your \\w+)`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'knowledge of where the reader is',
    delta: -0.1,
    note: '',
    service: true,
  },
  {
    kind: 'sexual',
    pattern: g(`soft lips|(?:your|those) lips|(?:looked|look|looking) at me|into it|deliver yourself`),
    agent: 'speaker',
    patient: 'reader',
    mood: "a remark on the reader's body",
    delta: -0.3,
    note: 'a remark that is sexual with more around it',
  },
  {
    kind: 'sexual',
    pattern: fromGate(SEXUAL_DEMAND),
    agent: 'speaker',
    patient: 'reader',
    mood: 'a sexual demand or remark',
    note: '',
    allowsNegation: true,
  },
  {
    kind: 'violence',
    pattern: g(
      `(?:do not|dont) make me (?:use it|do (?:it|this|something)|come (?:there|over|round|find you|back)|hurt you|find you|` +
        `get (?:up|out|physical|violent)|go after (?:you|your \\w+))`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'conditional on the reader ("don\'t make me")',
    note: '',
    allowsNegation: true,
  },
  {
    kind: 'sexual',
    pattern: g(
      `(?:have|having|had) (?:some )?fun`,
      `a good time`,
      `keep me company`,
      `(?:no one|nobody|noone) (?:will|has to|needs to|would|is going to) (?:know|find out)`,
      `worth your while`,
      `back to mine`,
      `(?:at|to) mine tonight`,
      `come inside`,
      `come in and`,
      `my hotel room`,
      `take you out`,
      `(?:go|going) out with me`,
      `date me`,
      `be my (?:girl|gf|girlfriend|baby)`,
      `come over (?:later|tonight|after)`,
      `just you and me`,
      `just the two of us`,
      `(?:see|come up to|into|in) my (?:bedroom|bed)`,
      `(?:come )?sit (?:with|next to|beside|closer to) me`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'a proposition',
    delta: -0.3,
    note: 'an invitation; harassment with more around it',
    allowsNegation: true,
  },
  {
    kind: 'sexual',
    pattern: g(
      `^(?:babe|sexy|gorgeous|beautiful|cutie|sweetheart|sweetie|darling|princess|baby girl|mami|hottie)`,
      `(?:babe|sexy|gorgeous|hottie|cutie|beautiful|sweetheart|darling|princess|baby girl|mami)$`,
      `tits`,
      `boobs`,
      `titties`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'a pet name or a sexual word',
    delta: -0.35,
    note: 'a pet name; harassment with more around it',
  },
  {
    kind: 'sexual',
    pattern: g(
      `i will (?:pay|tip)(?: you)?(?: (?:double|extra|more|well|good|for (?:it|them|that)|\\$?\\d+))?$`,
      `(?:and|then) i will (?:give you|leave you) (?:5|five|a good|good|extra)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'offers something in return',
    delta: -0.35,
    note: 'an offer in return; harassment only beside a sexual request',
  },
  {
    kind: 'coercion',
    pattern: g(
      `before you (?:report|leave (?:a|that|me|us|any|one)|give|rate|review|complain|dispute|cancel|call the|tell|post|flag|refuse|` +
        `say no)`,
      `^you (?:report|leave|give|rate|review|dispute|complain about|cancel|flag|call the \\w+ on) (?:me|us)`,
      `if i (?:get|see|receive|hear about|find) (?:a |one |another |any |that )?(?:\\w+ )?(?:complaint|review|rating|report|star)`,
      `if (?:my|the) (?:tip|deposit|money|refund|payment|cash|review)(?: \\w+){0,3}? (?:is not|are not|not|does not|has not|is|are)`,
    ),
    agent: 'reader',
    patient: 'reader',
    mood: 'condition',
    role: 'condition',
    note: '',
    allowsNegation: true,
  },
  {
    kind: 'coercion',
    pattern: g(
      `think (?:about|of) (?:your|ur) ${FAMILY}`,
      `tell\\w* everyone`,
      `tell\\w* (?:your|ur) (?:\\w+ )?(?:boss|wife|husband|family|parents|mom|mum|dad|employer|manager|school|friends|church|landlord|partner|bf|gf)`,
      `(?:post|leak|share|send|spread|publish|put|upload|expose|plaster)\\w*(?: \\w+){0,2}? (?:your|those|the) (?:\\w+ ){0,2}?` +
        `(?:number|phone number|socials|secret|secrets|messages|texts|chats)`,
      `(?:say|said|tell \\w+|claim|swear) (?:that )?you (?:assaulted|attacked|hit|touched|groped|stole|robbed|threatened|harassed|raped|abused|scammed)`,
      `(?:stuff|boxes|things|furniture|bags|luggage|order|food|sofa)(?: \\w+){0,3}? (?:stays? |goes |will be |ends up |left )?` +
        `(?:on|in) the (?:curb|kerb|pavement|street|sidewalk|rain|road|bin|trash|dump)`,
      `(?:i am|i will|we are|we will) (?:coming|come) (?:back|round|over)(?: there| for you| tonight| to your \\w+)?$`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'consequence',
    role: 'consequence',
    note: '',
  },
  {
    kind: 'coercion',
    pattern: g(
      `(?:it|this|that|they|the (?:video|recording|pics?|photos?|chats?|screenshots?|messages?|call|footage|clip)|everything)` +
        `(?: \\w+){0,2}? (?:goes|go|going|gets sent|get sent|will go|ends up|end up|is going|gets posted|get posted) ` +
        `(?:to|on|online|public|viral|out)`,
      `(?:i will|i|we|we will) (?:tell|inform|call|email|message|text|contact|write to|report you to) (?:your) (?:\\w+ )?` +
        `(?:boss|wife|husband|family|parents|mom|mum|dad|employer|manager|school|uni|university|agency|landlord|partner|bf|gf|ex|kids|` +
        `church|college|company|hr|clients|customers)`,
      `dox\\w*`,
      `expose you`,
      `(?:nobody|no one|noone) (?:has|needs|will have|have) to (?:know|find out)`,
      `(?:going to|will|it will) cost you`,
      `one call and`,
      `(?:say|tell (?:them|everyone|the \\w+|your \\w+)) (?:that )?(?:the \\w+|it) (?:never arrived|was damaged|was broken|was stolen)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'consequence',
    role: 'consequence',
    note: '',
    allowsNegation: true,
  },
  {
    kind: 'coercion',
    pattern: g(
      `i recorded`,
      `(?:i have|i have got|i got) (?:the|a|your|all the|all your|those) (?:\\w+ )?(?:video|recording|screenshots?|chats|pics|photos|` +
        `messages|texts|footage)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'holds material against the reader',
    role: 'consequence',
    delta: -0.1,
    note: '',
  },
  {
    kind: 'family',
    pattern: g(
      `(?:your|ur) (?:whole |entire |little )?${FAMILY} (?:gets it|will get it|is next|are next|will pay|will suffer|will regret|` +
        `are going to pay|is going to pay)`,
      `(?:will not|wont|never) have a (?:dad|mum|mom|father|mother|parent|home) to(?= \\w)`,
      `(?:(?:be|would be|it would be) a )?(?:shame|pity) if (?:they|he|she|your \\w+)(?: \\w+){0,2}? (?:got|get|were|was) ` +
        `(?:hurt|lost|taken|harmed|sick|injured)`,
    ),
    agent: 'speaker',
    patient: "reader's family",
    mood: 'veiled',
    note: '',
    allowsNegation: true,
  },
  {
    kind: 'third-party',
    pattern: g(
      `(?:should|must|need to|needs to|ought to|going to|will|gonna) (?:\\w+ )?set (?:his|her|their|that|the|those|this) (?:\\w+ ){1,2}on fire`,
      `(?:he|she|they|them|that \\w+|this \\w+|the \\w+|those \\w+|these \\w+|\\w+s) (?:all )?(?:deserve|deserves|deserved) (?:a|the) ` +
        `(?:bullet|beating|kicking|rope|knife)`,
      `(?:should|must|need to|ought to|deserve to) (?:all )?(?:be|get) (?:wiped (?:out|off)|rounded up|strung up|burned alive|` +
        `burnt alive|put down|lined up)`,
    ),
    agent: 'someone',
    patient: 'a third person or group',
    mood: 'called for',
    note: '',
  },
  {
    kind: 'third-party',
    pattern: g(
      `(?:he is|she is|they are|that \\w+ is|the \\w+ is|your \\w+ is) (?:a |so |already )?(?:dead man|dead men|dead woman|dead meat|` +
        `dead|finished|done for)(?: walking)?(?! (?:right|wrong|tired|serious|set|on|last|even|sure|honest|broke|quiet|asleep|easy|end|` +
        `battery|phone))`,
    ),
    agent: 'speaker (implied)',
    patient: 'a third person',
    mood: 'veiled',
    note: '',
  },
  {
    kind: 'violence',
    pattern: g(`(?:you|your \\w+) (?:deserve|deserves|deserved) (?:a|the) (?:bullet|beating|kicking|rope|knife|slap)`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'wished',
    note: '',
  },

  // Intimidation and stalking: the speaker knows where the reader lives, works, sleeps, or watches them.
  {
    kind: 'intimidation',
    pattern: g(
      `${ME} (?:know|knw|remember|found out|figured out|find out|find|found|figure out|look up|looked up|got|have|has) where ${YOU}` +
        `(?: \\w+){0,2}? (?:live|lives|living|work|works|working|stay|stays|staying|sleep|sleeps|park|parks|go|goes|study|studies|` +
        `hang out|are|is|at|play|plays|swim|swims|train|trains|shop|shops|eat|eats)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'knowledge of where the reader is',
    note: '',
    service: true,
  },
  {
    kind: 'intimidation',
    pattern: g(
      `${ME} (?:know|knw|remember|found out|figured out) (?:what|which) (?:car|house|flat|school|building|floor|gym|bus|train|route|` +
        `time|door|office)(?: \\w+){0,3}? you`,
      `${ME} (?:know|knw|remember) (?:what|which) time you`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "knowledge of the reader's places",
    note: '',
    service: true,
  },
  {
    kind: 'intimidation',
    pattern: g(
      `${ME} (?:know|knw|remember|memorized|memorised|saved|kept|noted|wrote down) (?:your|the) (?:\\w+ )?` +
        `(?:door code|gate code|building code|pin|routine|schedule|plate|license plate|number plate|every move|movements)` +
        `(?! (?:is|are|was|has|looks|seems))`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "knowledge of the reader's places",
    note: '',
  },
  {
    kind: 'intimidation',
    pattern: g(
      `${ME} (?:know|knw|remember|memorized|memorised|saved|kept|noted|wrote down) (?:your|the) (?:\\w+ )?` +
        `(?:address|building|house|place|flat|apartment|apt|home|street|car|door|office|workplace|work|school|unit|floor|location|room|` +
        `job|gym)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "knowledge of the reader's places",
    delta: -0.45,
    note: 'knowing a building or a car is also how repeat visits work',
    needsHostility: true,
  },
  {
    kind: 'intimidation',
    pattern: g(
      `(?:${SP} (?:\\w+ )?(?:have|got|still have|still got|kept)|^got|^still got|^have) (?:your|the) (?:\\w+ )?` +
        `(?:address|pickup pin|door code|home address|pin|location|passport|id)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "holds the reader's address",
    delta: -0.35,
    note: 'holding an address is also how deliveries work',
    needsHostility: true,
  },
  {
    kind: 'intimidation',
    pattern: g(
      `${YOU} (?:\\w+ )?(?:address|house|place) (?:from|on|in) (?:the |your )?(?:shipping label|label|booking|profile|app|order|history|form)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "holds the reader's address",
    delta: -0.3,
    note: 'holding an address is also how deliveries work',
    needsHostility: true,
  },
  {
    kind: 'intimidation',
    pattern: g(`${ME} know who you (?:are|really are)|${ME} know (?:you are|your) the one (?:in|at|from|on)|${ME} know (?:your|the) (?:real )?name`),
    agent: 'speaker',
    patient: 'reader',
    mood: "knowledge of the reader's identity",
    note: '',
  },
  {
    kind: 'intimidation',
    pattern: g(`(?:${SP} (?:have |am |was |are |were )?(?:been )?|been )(?:watching|following|stalking|tracking|filming) (?:you|your)`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'watching the reader',
    note: '',
  },
  {
    kind: 'intimidation',
    pattern: g(
      `(?:${SP} |^)(?:saw|seen|watched|spotted) you (?:through|in your|at your|leaving|walking|coming home|last night|this morning|` +
        `in the shower|undress|getting)`,
      `still (?:see|watching|watch) you`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'watching the reader',
    delta: -0.1,
    note: 'seeing the reader: threatening when it is watching, not meeting',
    needsHostility: false,
  },
  {
    kind: 'intimidation',
    pattern: g(`${SP} pay attention|${SP} see everything|${SP} am always watching|you never know who is watching|think of me`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'veiled',
    delta: -0.25,
    note: 'a veiled remark',
    needsHostility: true,
  },
  {
    kind: 'intimidation',
    pattern: g(
      `${ME} (?:be |am |are )?(?:waiting|parked|sitting|standing|outside|coming back|come back|show up|showing up|turn up|drop by|` +
        `stop by|swing by|pay you a visit|visit you|come to|coming to|coming round|coming over to)(?: \\w+){0,3}? (?:your|ur) ` +
        `(?:place|house|home|door|office|work|building|school|flat|apartment|job|street)`,
      `${ME} (?:show up|be outside|come) there`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "at the reader's place",
    delta: -0.4,
    note: "turning up at the reader's place is also how visits work",
    needsHostility: true,
  },
  {
    kind: 'intimidation',
    pattern: g(
      `(?:do not |never )?make me (?:come|drive|go|show up|turn up|come over|come round|come back)(?: \\w+){0,2}? (?:your|ur) ` +
        `(?:place|house|home|door|office|work|building|school|flat|apartment|job|street)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'at the reader\'s place, conditional on the reader ("don\'t make me…")',
    note: '',
    allowsNegation: true,
  },
  {
    kind: 'intimidation',
    pattern: g(`watch (?:your|your own) back|sleep with one eye open|(?:you|you would|you had) better watch (?:out|yourself|it)|watch yourself`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'warning',
    note: '',
    advice: true,
  },
  {
    kind: 'intimidation',
    pattern: g(`you should be (?:scared|afraid|worried|careful|very scared)`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'warning',
    delta: -0.1,
    note: 'a warning',
  },
  {
    kind: 'intimidation',
    pattern: g(`think about (?:it|that)|(?:you had|you would|you) better (?:think|be careful)|be careful`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'warning',
    delta: -0.4,
    note: 'a warning that menaces only with more around it',
  },
  {
    kind: 'intimidation',
    pattern: g(`${SP} will be seeing you|see you (?:around|soon|real soon)`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'veiled',
    delta: -0.45,
    note: 'a farewell that menaces only with hostility around it',
    needsHostility: true,
  },

  // Veiled threats of violence.
  {
    kind: 'violence',
    pattern: g(
      `you are (?:so |already )?(?:dead|a dead man|a dead woman|finished|done for|history)` +
        `(?! (?:tired|right|wrong|serious|set|on|center|centre|last|even|straight|sure|honest|broke|quiet|inside|asleep|weight|easy|` +
        `simple|cheap|lucky|funny|cute|end|with|yet|already|now|for today|by|at|in|the|early|soon))`,
      `your days are numbered`,
      `you will not see it coming`,
      `count your days`,
      `you do not know who you are messing with`,
      `watch what happens`,
    ),
    agent: 'speaker (implied)',
    patient: 'reader',
    mood: 'veiled',
    note: '',
  },
  {
    kind: 'violence',
    pattern: g(
      `(?:you will|you are going to|you gonna|you will really) (?:regret|be sorry)` +
        `(?! (?:not|missing|skipping|passing|waiting|it if you (?:do not|miss|skip)))`,
      `make you (?:regret|pay|suffer|bleed|cry|sorry|wish)`,
      `make your life (?:\\w+ )?(?:hell|miserable|a living hell)`,
      `you will pay for (?:this|that|it)$`,
      `you will pay for (?:this|that)(?= one way)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'future',
    note: '',
  },
  {
    kind: 'family',
    pattern: g(`(?:your|ur) ${FAMILY} (?:will|is going to|are going to|gonna|might|could) (?:regret|pay|get hurt|be sorry|suffer|pay for)`),
    agent: 'speaker',
    patient: "reader's family",
    mood: 'future',
    note: '',
  },
  {
    kind: 'violence',
    pattern: g(
      `(?:would be a|be a|it would be a|would be such a) shame if (?:\\w+ ){0,4}?(?:happened|burned|burnt|broke|got|caught fire|` +
        `went missing|were to|ended up|had an accident|was waiting|were waiting|was outside|showed up|turned up)`,
    ),
    agent: 'unnamed',
    patient: "reader's property",
    mood: 'veiled',
    delta: -0.05,
    note: 'a veiled threat',
  },
  {
    kind: 'violence',
    pattern: g(`(?:and|or) (?:nobody|no one) (?:gets|will get|has to get|needs to get) (?:hurt|harmed|hurt here)`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'conditional on the reader',
    note: '',
    allowsNegation: true,
  },
  {
    kind: 'violence',
    pattern: g(
      `make sure you (?:never|can not|cannot|will not|do not) (?:walk|work|see|talk|drive|sleep)`,
      `you will never (?:walk|see|work|talk) again`,
      `put a bullet (?:in|through) (?:you|your)`,
      `put you in (?:the )?(?:hospital|ground|grave|a wheelchair)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'future',
    note: '',
    allowsNegation: true,
  },
  {
    kind: 'third-party',
    pattern: g(
      `put a bullet (?:in|through) (?:him|her|them|that \\w+|the \\w+|his|her)`,
      `put (?:him|her|them) in (?:the )?(?:hospital|ground|grave)`,
      `(?:should|must|need to|ought to|deserve to) (?:all )?(?:be|get) (?:\\w+ (?:up )?and )?(?:shot|killed|hanged|hung|gassed|burned|` +
        `executed|lynched|exterminated|beaten|stabbed)`,
    ),
    agent: 'someone',
    patient: 'a third person or group',
    mood: 'called for',
    note: '',
  },
  {
    kind: 'violence',
    pattern: g(
      `(?:accidents|something|things|bad things)(?: \\w+){0,2}? happen(?:s|ed)? (?:to|on|in)`,
      `(?:would|will) hate for (?:something|anything) to happen`,
      `something (?:might|could|will|may) happen`,
    ),
    agent: 'unnamed',
    patient: 'reader',
    mood: 'veiled',
    delta: -0.1,
    note: 'a veiled threat',
  },
  {
    kind: 'violence',
    pattern: g(`see what happens`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'veiled',
    delta: -0.5,
    note: '"see what happens" alone is also an instruction; a threat with hostility or a condition around it',
    needsHostility: true,
    allowsNegation: true,
  },
  {
    kind: 'violence',
    pattern: g(
      `see what happens to (?:you|your \\w+)`,
      `(?:you are|you were) lucky (?:i|we)`,
      `shut you up`,
      `end up in (?:the |a )?(?:hospital|ground|grave|wheelchair|morgue|ditch|river)`,
      `teach you a lesson`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'veiled',
    delta: -0.05,
    note: 'a veiled threat',
    allowsNegation: true,
  },
  {
    // Street slang for coming to fight: "pull up on you", "catch these hands", "rearrange your face".
    kind: 'violence',
    pattern: g(
      `(?:pull|pulling|run|running|roll|rolling) up on you`,
      `catch (?:these|my|the) hands`,
      `rearrange your (?:face|teeth|jaw)`,
      `light you up`,
      `curb ?stomp(?:ing|ed)? you`,
      `(?:leave|leaving|go home|carried out|carry you out) (?:on|in) a stretcher`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'future (street slang)',
    delta: -0.05,
    note: 'street slang for coming to fight the reader',
  },
  {
    kind: 'violence',
    pattern: g(`get my hands on you`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'wished',
    delta: -0.2,
    note: 'menacing or sexual, either way unwanted',
  },
  {
    kind: 'third-party',
    pattern: g(`teach (?:him|her|them|that \\w+|the \\w+|those \\w+) a lesson`),
    agent: 'someone',
    patient: 'a third person or group',
    mood: 'called for',
    delta: -0.1,
    note: 'a call to punish someone',
  },
  {
    kind: 'violence',
    pattern: g(`(?:do not|dont) test me|see how brave you are|you want to die|you will get what is coming|you asked for it`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'warning',
    note: '',
    allowsNegation: true,
  },

  // Threats by consequence, with no violent verb: a visit, a wait by the reader's car, a summons outside.
  {
    kind: 'violence',
    pattern: g(
      `make sure (?:you|your \\w+) (?:\\w+ )?(?:regret|pay|suffer|are sorry|will be sorry|never forget)`,
      `(?:you will|you are going to|you going to) pay(?= dearly| big time| for (?:this|that|what)\\b|` +
        ` for it(?= i swear| trust me| mark|$)|$| i swear| trust me| mark)`,
      `mark my words`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'future',
    note: '',
  },
  {
    kind: 'violence',
    pattern: g(
      `(?:${SP}|they|he|she|my \\w+|some \\w+|the boys|people)(?: \\w+){0,3}? (?:pay|paying) (?:you|your \\w+) a ` +
        `(?:little |quick |nice |personal |late night )?visit`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'future',
    delta: -0.05,
    note: 'a visit as a threat',
    service: true,
  },
  {
    kind: 'violence',
    pattern: g(
      `${ME} (?:am |is |will be )?(?:right )?(?:outside|behind|beside|next to) (?:your|ur) (?:car|van|truck|bike|vehicle)`,
      `(?:${ME} (?:am |be |will be |is )?|^)(?:waiting|parked|standing|sitting|hiding) (?:right )?` +
        `(?:by|at|next to|outside|near|behind|beside) (?:your|ur) (?:car|van|truck|bike|vehicle|motorbike|scooter)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "waiting by the reader's car",
    delta: -0.1,
    note: "lying in wait by the reader's car",
    service: true,
  },
  {
    kind: 'violence',
    pattern: g(
      `(?:come|get) (?:out|outside|downstairs|down here|out here)(?: now| right now| then| here)?(?: and (?:say|face|fight|see))?`,
      `step outside`,
      `(?:come and )?fight me`,
      `say (?:that|it|this) to my face`,
      `if you are (?:a |man )?(?:man|brave|tough) enough`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'a challenge to fight',
    delta: -0.45,
    note: 'a summons outside menaces with hostility around it',
    needsHostility: true,
  },
  {
    kind: 'violence',
    pattern: g(
      `(?:you are|your|you) (?:so |already |fucking |fkn |fuckin |totally )?dead(?: meat)?` +
        `(?! (?:right|wrong|tired|serious|set|on|center|centre|last|even|straight|sure|honest|broke|quiet|inside|asleep|weight|easy|` +
        `simple|cheap|lucky|funny|cute|end|heat|battery|phone))(?= (?:mate|man|bro|dude|pal|buddy|m8|son|now|when|if|i swear|trust|bitch|` +
        `fucker|cunt|mf|already|meat)\\b|$)`,
    ),
    agent: 'speaker (implied)',
    patient: 'reader',
    mood: 'veiled',
    note: '',
  },
  {
    kind: 'intimidation',
    pattern: g(
      `${ME} (?:come|coming|go|going|turn up|turning up|show up|showing up|drive|driving|be|pop|popping) (?:round |over |down |up )?` +
        `(?:to|at|outside|by) (?:your|ur) ${PLACE}`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "at the reader's place",
    delta: -0.4,
    note: "turning up at the reader's place is also how visits work",
    needsHostility: true,
    service: true,
  },

  // Intimidation by knowledge: the reader's street, car, plate, gym, or their child's school.
  {
    kind: 'intimidation',
    pattern: g(
      `${ME} (?:know|knw|found out|figured out|remember) (?:you|your \\w+|your \\w+ \\w+) (?:live|lives|living|work|works|stay|stays|` +
        `park|parks|go|goes|train|trains|jog|jogs|walk|walks|drop|drops|study|studies|sleep|sleeps)(?: \\w+){0,2}? ` +
        `(?:at|on|in|to|near|by|off|round|every)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'knowledge of where the reader is',
    delta: -0.05,
    note: '',
    service: true,
  },
  {
    kind: 'intimidation',
    pattern: g(
      `(?:${ME} |^)(?:know|knw|remember|saw|seen|have|got|noted|wrote down|memorized|memorised|clocked|` +
        `took a (?:photo|picture|pic) of) (?:your|ur) (?:\\w+ )?(?:car|plate|plates|license plate|number plate|reg|registration|gym|` +
        `routine|schedule|bike)\\b(?! (?:is|was|are|looks|seems|has|gets)\\b)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "knowledge of the reader's car or routine",
    delta: -0.05,
    note: '',
    service: true,
  },
  {
    kind: 'intimidation',
    pattern: g(
      `(?:your|ur) (?:plate|plates|license plate|number plate|reg|registration|car|address|name|face)(?: number)? (?:is |was |are )?` +
        `(?:on|in) (?:my|the|this) (?:receipt|app|screen|camera|dashcam|phone|photos|notes|list|records)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "holds the reader's details",
    delta: -0.2,
    note: "holding the reader's details is a menace unless it is for the service",
    service: true,
  },
  {
    kind: 'family',
    pattern: g(
      `(?:your|ur) (?:${FAMILY}(?:'s)?|kid s|son s|daughter s|kids') (?:\\w+ )?(?:school|class|nursery|kindergarten|daycare|bus stop|` +
        `route|teacher|swim club|football club|club)`,
      `(?:school|nursery|class) (?:your|ur) ${FAMILY} (?:goes|go|is|attends)`,
    ),
    agent: 'speaker',
    patient: "reader's family",
    mood: "knowledge of the child's school",
    role: 'detail',
    note: '',
  },

  // Arson without a harm verb: "set fire to", "set it on fire".
  {
    kind: 'violence',
    pattern: g(
      `(?:${SP}|someone|somebody)(?: \\w+){0,3}? (?:set fire to|set (?:\\w+ ){1,2}on fire|torch) (?:your|ur)(?: \\w+)?`,
      `(?:${SP}|someone|somebody)(?: \\w+){0,3}? set (?:your|ur) (?:\\w+ ){0,2}on fire`,
    ),
    agent: 'speaker',
    patient: "reader's property",
    mood: 'future',
    delta: -0.05,
    note: '',
  },
  {
    kind: 'third-party',
    pattern: g(
      `(?:${SP}|someone|somebody|people|you)(?: \\w+){0,2}? (?:should|must|need to|needs to|ought to|got to|have to|will|going to) ` +
        `(?:\\w+ )?(?:set fire to|set (?:\\w+ ){1,2}on fire) (?:his|her|their|that|the|this|those|them|him)(?: \\w+)?`,
    ),
    agent: 'someone',
    patient: 'a third person or group',
    mood: 'called for',
    note: '',
  },

  // Incitement: a call for a group to go and do it.
  {
    kind: 'third-party',
    pattern: g(
      `(?:we|we all|everyone|everybody|all of us|lets|let us)(?: \\w+){0,3}? (?:go|drive|head|turn up|show up)(?: round| over| down)? ` +
        `(?:to|at) (?:his|her|their|that \\w+|the \\w+|\\w+ s) (?:\\w+ )?(?:house|place|home|flat|apartment|street|work|garage|` +
        `restaurant|shop|store|office|van|car|church|mosque|temple|synagogue)(?: \\w+){0,3}? (?:and|to) ` +
        `(?:teach|sort|deal|show|beat|smash|burn|torch|wreck|trash|get|set)`,
    ),
    agent: 'someone',
    patient: 'a third person or group',
    mood: 'called for',
    note: '',
  },

  // Coercion's harms that need no violence: reporting the reader to immigration, false accusations, leaked pictures, "trouble".
  {
    kind: 'coercion',
    pattern: g(
      `report (?:you|your \\w+) to (?:the )?(?:immigration|ice|border \\w+|home office|uscis|authorities|tax office|irs|hmrc|labour board|visa office)`,
      `(?:call|calling|phone|ring) (?:immigration|ice|the border \\w+|the home office|the authorities) on you`,
      `get you deported`,
      `have you deported`,
      `(?:you will|you are going to|you get) (?:be |get )?deported`,
      `tell (?:the police|the cops|immigration|ice|everyone|your \\w+) (?:that )?you (?:are|were|did|stole|have|hit|attacked|assaulted|` +
        `touched|groped|harassed)`,
      `(?:report|reporting|check) your (?:visa|status|papers)`,
      `(?:or|otherwise) (?:i am|i will|we are|we will) (?:coming|come) (?:round|over|there|for you|to find you)$`,
      `(?:everyone|everybody|your (?:\\w+ )?\\w+|the whole \\w+|all your \\w+) (?:sees|will see|see|gets|will get|is going to see) ` +
        `(?:the |your |those |my |these )?(?:pics|pictures|photos|videos|vids|nudes)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'consequence',
    role: 'consequence',
    note: '',
  },
  {
    kind: 'coercion',
    pattern: g(
      `(?:your|those|the|these|them|all your|some|my) (?:\\w+ )?(?:pics|pictures|photos|nudes|videos|vids|video|snaps|screenshots)` +
        `(?: of you)?(?: \\w+){0,2}? (?:go|goes|going|will go|get|gets|end up|ends up|will end up|are going|will be|get sent|get posted|` +
        `go out) (?:online|everywhere|viral|public|to|out|on|all over|up)`,
      `(?:post|send|share|leak|upload|show|spread|forward)\\w*(?: \\w+){0,3}? (?:pics|pictures|photos|videos|vids|nudes|screenshots) of you`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'consequence',
    role: 'consequence',
    note: '',
  },
  {
    kind: 'coercion',
    pattern: g(
      `(?:unless|or|if) you (?:want|wanna) (?:trouble|problems|issues|to get hurt|a problem|me to (?:come|find|visit|show))`,
      `there will be (?:trouble|problems|consequences|hell to pay)`,
      `(?:face|suffer) the consequences`,
      `you (?:do not|dont) want (?:trouble|problems|me as an enemy|to find out|to know what)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'consequence',
    role: 'consequence',
    note: '',
  },

  // Sexual harassment: a room, a photo of the body, a remark on the body.
  {
    kind: 'sexual',
    pattern: g(
      `come (?:up )?(?:to|by|round to|over to|back to|up to|into) my (?:hotel )?(?:room|place|flat|house|apartment|hotel|car|van|truck|` +
        `cabin|bed|bedroom)`,
      `(?:want to|wanna|come) (?:have|grab) a drink with me`,
      `drink with me`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'a proposition',
    delta: -0.15,
    note: 'an invitation; harassment with more around it',
    service: true,
  },
  {
    kind: 'sexual',
    pattern: g(
      `(?:pics|pictures|photos|pic|picture|videos|vids|video) of (?:your|ur) (?:\\w+ )?(?:feet|legs|body|butt|ass|chest|boobs|tits|` +
        `thighs|bum|booty|lips|cleavage|underwear)`,
      `(?:feet|foot|booty|butt|body|bikini|underwear|lingerie|bra|thigh) (?:pics|pictures|photos|pic|vids|videos)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "asks for photos of the reader's body",
    note: '',
  },
  {
    kind: 'sexual',
    pattern: g(
      `(?:you|your \\w+) (?:look|looks|looked) (?:so |really |damn |very )?(?:hot|sexy|fine|delicious|thicc|yummy|fit) (?:in|wearing|bending)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "a sexual remark on the reader's body",
    delta: -0.1,
    note: '',
  },
  {
    kind: 'sexual',
    pattern: g(
      `nice (?:body|legs|ass|butt|figure|curves|tits|boobs|rack|thighs|booty|bum|chest|feet)`,
      `(?:your|ur) (?:body|legs|ass|butt|figure|curves|tits|boobs|thighs|booty|bum) (?:in|though|tho|drive|makes|is so|are so)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "a remark on the reader's body",
    delta: -0.3,
    note: 'one remark on the body; harassment with more around it',
  },
  {
    kind: 'sexual',
    pattern: g(
      `in (?:that|your|those|them|this) (?:\\w+ )?(?:uniform|leggings|pants|jeans|skirt|scrubs|tights|top|dress|outfit)`,
      `(?:after|when) (?:your|ur|the) shift`,
      `after work`,
      `just (?:us|the two of us|you and me)`,
      `i will show you (?:something|a good time|what|my)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'intrusive',
    delta: -0.3,
    note: 'a detail that is sexual only beside another sign',
    allowsNegation: true,
  },

  // Calls for death and mass violence against a group.
  {
    kind: 'third-party',
    pattern: g(
      `death to (?:all |the )?\\w+`,
      `(?:genocide|ethnic cleansing|extermination|massacre) (?:of|against) (?:all |the )?\\w+`,
      `(?:wish|wishing|hope) (?:him|her|them|they|he|she) (?:death|dead|dies|die)`,
      `(?:should|must|need to|deserve to|ought to) (?:all )?(?:be )?(?:dead|rot|burn in hell|die|be wiped out|be exterminated|be gassed|not exist)`,
    ),
    agent: 'speaker',
    patient: 'a group',
    mood: 'called for',
    note: '',
  },
  {
    kind: 'violence',
    pattern: g(`(?:wish|wishing|hope) (?:you|your) (?:death|dead|die|dies|a slow death)|slow death (?:to|for) (?:you|people like you)`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'wished',
    note: '',
  },

  // Family: the reader's people, named with a detail only someone watching would know.
  {
    kind: 'family',
    pattern: g(
      `(?:your|ur) ${FAMILY}(?:'s)?(?: \\w+){0,2}? (?:name is|drives|goes to|school|works|is at|walks|plays|takes|leaves|gets home|` +
        `comes home|looks|is the one|bus|class|picks|alone|parks|arrives|gets off|finishes|starts|sleeps|lives|stays|jogs|runs)`,
    ),
    agent: 'speaker',
    patient: "reader's family",
    mood: 'knowledge of the family',
    role: 'detail',
    note: '',
  },
  {
    kind: 'family',
    pattern: g(
      `(?:your|ur) ${FAMILY}(?:'s)?(?: \\w+){1,8}? (?:every|each) (?:night|morning|day|evening|week|weekday|monday|tuesday|wednesday|` +
        `thursday|friday|saturday|sunday)`,
      `(?:your|ur) ${FAMILY}(?:'s)?(?: \\w+){1,6}? (?:at|by|around) \\d`,
    ),
    agent: 'speaker',
    patient: "reader's family",
    mood: "knowledge of the family's routine",
    role: 'detail',
    note: '',
  },
  {
    kind: 'family',
    pattern: g(
      `nice (?:\\w+ )?(?:kids|family|wife|daughter|son|family photos|photos|truck|car|house|little house|place)` +
        `(?: you (?:have|got)| he has got| she has got| he has| she has| on the fridge)?`,
      `tell (?:your|ur) (?:${FAMILY}|boss)`,
      `${ME} (?:know|saw|seen|remember) (?:your|ur) ${FAMILY}`,
    ),
    agent: 'speaker',
    patient: "reader's family",
    mood: 'mentioned',
    role: 'mentioned',
    delta: -0.2,
    note: 'a remark about the family, menacing only with more around it',
  },

  // Coercion: conditions on what the reader does, and harms that follow.
  {
    kind: 'coercion',
    pattern: g(
      `if (?:you|your \\w+|that \\w+|this \\w+) (?:\\w+ ){0,2}?(?:report|leave|give|rate|dispute|complain|cancel|review|tell|call|` +
        `do not pay|do not|post|flag|contact|go to)`,
      `(?:report|cancel on|rate|review|dispute|flag|complain about|leave|give) (?:me|us)(?: \\w+){0,5}? and`,
      `(?:another|one more|any more|anything (?:under|less than|below)) (?:[\\w-]+ ){0,2}?(?:star|stars|review|complaint|rating)?(?: \\w+){0,3}? and`,
      `keep (?:\\w+ing)(?: \\w+){0,3}? and`,
      `(?:leave|give|post) (?:me |us )?(?:a |one |that )?(?:bad|negative|low|1|one|2|two|1-star|one-star|2-star|poor)(?: star| stars)? ` +
        `(?:review|rating|feedback|stars?)?(?: \\w+){0,2}? and`,
      `if (?:that|the|this|your) (?:review|complaint|rating|report|dispute)`,
      `unless`,
      `either`,
    ),
    agent: 'reader',
    patient: 'reader',
    mood: 'condition',
    role: 'condition',
    note: '',
    allowsNegation: true,
  },
  {
    kind: 'coercion',
    pattern: g(`or else|think twice about|(?:or|otherwise) (?:you will|you are going to) (?:see|regret|find out)`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'condition and harm',
    role: 'condition and harm',
    note: '',
  },
  {
    kind: 'coercion',
    pattern: g(
      `(?:give|rate|leave) (?:me|us) (?:a )?(?:5|five|full|good|perfect)`,
      `(?:change|remove|delete|take down|take back|edit|update|withdraw|drop|retract|pull) (?:the|that|your|this|my) (?:\\w+ )?` +
        `(?:review|rating|complaint|report|dispute|claim|comment|post|star|stars)`,
      `(?:pay|refund|release|transfer) (?:me|up|the|what|it|my)`,
      `refund now`,
      `open up`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'demand',
    role: 'demand',
    note: '',
  },
  {
    kind: 'coercion',
    pattern: g(
      `(?:post|leak|share|send|spread|publish|put|upload|expose|dox|plaster|show|hang|forward)\\w*(?: \\w+){0,2}? ` +
        `(?:your|ur|those|the) (?:\\w+ ){0,2}?(?:address|pics|pictures|photos|nudes|videos|video|vids|recordings|recording|footage|face|` +
        `info|details|source code|secrets|location|passport|customer list)`,
      `(?:post|put|spread) \\d+ \\w+ (?:ave|avenue|st|street|rd|road|ln|lane|ct|court|dr|drive|way|close)`,
      `(?:your|ur) (?:\\w+ )?(?:pics|photos|nudes|videos|address|number|secrets|passport(?: copy| scan| photo)?|id card|documents) ` +
        `(?:go|goes|going|will go|end up|ends up|get|gets|will be)`,
      `end(?:ed|s)? up online`,
      `tell (?:your|ur) (?:boss|wife|husband|family|parents|mom|dad|employer|school|everyone|friends)`,
      `${SP} (?:will )?tell everyone`,
      `report you for`,
      `leave you (?:a|with a) (?:1|one|bad|2)`,
      `${SP} (?:will )?keep (?:the|your|ur) (?:deposit|money|stuff|things|bags|payment)`,
      `(?:your|ur|the) (?:next )?(?:order|food|stuff|boxes|package|parcel|things|furniture|bags|luggage)(?: \\w+){0,4}? ` +
        `(?:in the bin|in the trash|on the sidewalk|on the street|lost|missing|broken|damaged)`,
      `(?:unload|dump|throw|leave|drop)(?: \\w+){0,2}? (?:your|ur|the) (?:stuff|boxes|things|furniture|bags|order)`,
      `comes back`,
      `would be a shame`,
      `be a shame if`,
      `remember your (?:door code|address|face)`,
      `you will see what happens`,
      `we will see`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'consequence',
    role: 'consequence',
    note: '',
  },

  // Sexual harassment: remarks on the reader's body, propositions, photo requests, checks they are alone.
  {
    kind: 'sexual',
    pattern: g(
      `(?:you are|your|you) (?:so |really |very |looking |look |looked |lookin |damn |sound |seem |sounded )?${LOOKS}`,
      `(?:damn|mmm|wow) (?:you are|your) ${LOOKS}`,
      `(?:hey|hi|hello|morning|night) (?:gorgeous|beautiful|sexy|cutie|babe|baby|sweetheart|hottie|sweetie|darling|princess)`,
      `(?:you have|you have got|you got) (?:the |such |a |some )?(?:\\w+ )?(?:prettiest|pretty|beautiful|nice|sexy|gorgeous|amazing|` +
        `great|hot|perfect) (?:eyes|smile|legs|body|lips|ass|figure|skin|hair)`,
      `(?:your|those|that) ${BODYPART}(?: \\w+){0,2}? (?:look|looks|looked|are|is)`,
      `you look(?:ed)? (?:so |really )?(?:good|great|amazing|hot|sexy|nice|fine|delicious) (?:in|bending|wearing|today|tonight|when)`,
      `cute (?:pic|photo|profile|picture)`,
      `美女`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: "a remark on the reader's looks",
    delta: -0.3,
    note: 'one remark on looks; harassment with more around it',
  },
  {
    kind: 'sexual',
    pattern: g(
      `(?:send|show|share|trade|swap|got any|have any|get) (?:me |us )?(?:\\w+ ){0,3}?(?:nudes|nudez|noodz|nodes|nude pics|naked pics|naked)`,
      `(?:your|ur) (?:\\w+ )?(?:nudes|noodz|nudez)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'asks for sexual images',
    note: '',
  },
  {
    kind: 'sexual',
    pattern: g(
      `(?:see|get|seeing|getting) you naked`,
      `(?:look|looks|looked) (?:\\w+ )?(?:better |good |great )?without (?:any |your )?clothes`,
      `(?:want|wanna|would love|love) to (?:touch|kiss|taste|feel|undress) you`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'a sexual remark',
    note: '',
  },
  {
    kind: 'sexual',
    pattern: g(
      `(?:want|wanna|would love|love) to see (?:more of )?you`,
      `(?:can not|cannot|ca not) stop thinking about (?:you|your body)`,
      `just for me`,
      `our (?:little )?secret`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'a sexual remark',
    delta: -0.1,
    note: 'a remark that is sexual with more around it',
    allowsNegation: true,
  },
  {
    kind: 'sexual',
    pattern: g(`nudes|noodz|nudez|naked`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'talks of sexual images',
    delta: -0.3,
    note: 'sexual images mentioned, not asked for',
  },
  {
    kind: 'sexual',
    pattern: g(
      `send (?:me |us )?(?:\\w+ ){0,3}?${PICS}(?: \\w+){0,2}? (?:of you|of yourself|of urself|of what you|wearing|in the|in your|in that)`,
      `send (?:me |us )?(?:a few |some |more )?selfies`,
      `${PICS} of (?:you|yourself|urself) (?:wearing|in)`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'asks for photos of the reader',
    delta: -0.2,
    note: 'a photo request; harassment with more around it',
  },
  {
    kind: 'sexual',
    pattern: g(
      `(?:want to|do you want to|you want to|care to|let us|come|like to) (?:grab a drink|get a drink|get drinks|have a drink|` +
        `have dinner|come back|come over|come round|hang out|chill|spend the night|stay the night|do a|go out|meet up|party)`,
      `stay the night`,
      `spend the night`,
      `let me come (?:by|over|round)`,
      `hook up`,
      `hookup`,
      `(?:are )?you single`,
      `(?:are )?you free tonight`,
      `sit in the front with me`,
      `get you alone`,
      `come (?:round |over )?alone`,
      `show you around (?:\\w+ )?(?:tonight|later)`,
      `private session`,
      `other services`,
      `if you are nice to me`,
      `leave the (?:back |front )?door (?:unlocked|open) for me`,
      `^(?:you|u) up`,
      `dinner\\b`,
      `back to (?:my|the) (?:place|truck|car|room|hotel|van)`,
      `at my place`,
      `to my place`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'a proposition',
    delta: -0.15,
    note: 'an invitation; harassment with more around it',
  },
  {
    kind: 'sexual',
    pattern: g(`(?:and|then) i will (?:pay (?:you )?(?:double|extra|more)|approve|tip you|release|give you)`),
    agent: 'speaker',
    patient: 'reader',
    mood: 'offers something in return',
    delta: -0.35,
    note: 'an offer in return; harassment only beside a sexual request',
  },
  {
    kind: 'sexual',
    pattern: g(
      `(?:are you|you are|you) (?:home )?alone`,
      `when you are alone`,
      `(?:do not|dont) tell (?:your|ur) (?:bf|boyfriend|husband|hubby|gf|girlfriend|wife|partner)`,
      `(?:your|ur) (?:husband|bf|boyfriend|hubby) (?:is )?(?:not |never )?(?:home|around|away|in)`,
      `left my number on your`,
      `in (?:that|your|those) (?:robe|towel|dress|bikini|shorts|underwear|lingerie|nightie|pajamas|pyjamas)`,
      `bending over`,
      `what (?:you are|your|are you) wearing`,
      `一个人`,
    ),
    agent: 'speaker',
    patient: 'reader',
    mood: 'intrusive',
    delta: -0.25,
    note: "an intrusion into the reader's privacy; harassment with more around it",
    allowsNegation: true,
  },
];

/** For each cue, whether its pattern reads only ASCII and so runs on the text's `latinTwin`. */
export const CUE_READS_ASCII: readonly boolean[] = CUES.map((cue) => isAsciiPattern(cue.pattern));

// Built on the first message that reaches the cues: reading the cues' literals costs tens of
// milliseconds, which a moderator whose messages never get this far should not pay at start-up.
let cueFilter: LiteralFilter | undefined;

/**
 * Which cues can match a text at all (1), from the literals their patterns need (one of which
 * every match contains). `latin` is the text an ASCII cue runs on; the cues that read other
 * characters (`美女`, `一个人`) are always reported possible. Sound by construction: a cue left
 * out cannot match (test/text/literal-filter.test.ts checks it against the patterns).
 */
export function cuesPossible(latin: string): Uint8Array {
  cueFilter ??= new LiteralFilter(CUES.map((cue, i) => (CUE_READS_ASCII[i] ? cue.pattern : undefined)));
  return cueFilter.mayMatch(latin);
}
