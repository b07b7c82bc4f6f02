/**
 * The last cheap test before compromise: a message is parsed only when the shapes the grammar
 * looks for can occur in it at all (a harm verb near a person, a pursuit verb on the reader, a
 * condition word and a harm, two signs of sexual interest). Rule triggers are single words and
 * fire on ordinary chat ("see you", "review", "cute"); this keeps the 0.6 ms parse for the few
 * messages where a threat is possible.
 */

import { CUE_READS_ASCII, CUES, cuesPossible, type Cue, type ThreatKind } from './cues.js';
import { latinTwin, mayBeTwoByte } from './reading.js';
import { FATE, KNOWS_LIFE, SEXUAL_DEMAND } from './shapes.js';
import { HARM_VERBS, PEOPLE, READER, READER_POSSESSIVE, THIRD_PRONOUNS } from './lexicon.js';

const GROUPS = [...PEOPLE].filter((w) => w.length > 3 && w.endsWith('s')).join('|');
const YOU = String.raw`(?:you|u|ya|your|ur|yourself|urself|y'all|yall)`;
const PERSON =
  String.raw`(?:${YOU}|` +
  String.raw`my (?:ex|neighbou?r|neighbou?rs|boss|landlord|landlady|manager|coworker|co-worker|roommate|flatmate|stepdad|stepmom|ex-\w+)|` +
  String.raw`him|her|them|em|his|their|they|he|she|someone|somebody|anyone|everyone|everybody|people|folks|` +
  String.raw`(?:all|every|those|these|the next) \w+|\w+ (?:people|folks)|` +
  String.raw`\w+'s (?:neck|face|legs|head|skull|jaw|teeth|arms|knees|throat|ass)|` +
  String.raw`(?:that|this|the) (?:\w+ )?(?:guy|girl|man|woman|bitch|bastard|kid|driver|dude|landlord|neighbou?r|boss|prick|idiot)|` +
  String.raw`[a-z]{3,}s (?:should|must|deserve|need|ought|will|are going|gotta|have to)|(?:the |these |those |all )?(?:${GROUPS}))`;
const HARM =
  String.raw`(?:kill\w*|murder\w*|stab\w*|shoot\w*|shot|strangl\w*|chok\w*|beat\w*|punch\w*|hurt\w*|harm\w*|break\w*|broke|smash\w*|` +
  String.raw`slit\w*|cut|burn\w*|bury|buried|rape\w*|slap\w*|kick\w*|attack\w*|bash\w*|drown\w*|poison\w*|hang|hanged|hung|lynch\w*|` +
  String.raw`execut\w*|behead\w*|butcher\w*|slaughter\w*|massacre\w*|extermin\w*|annihilat\w*|gas|nuke\w*|whip\w*|maim\w*|stomp\w*|` +
  String.raw`smack\w*|unaliv\w*|hunt\w*|destroy\w*|ruin\w*|wreck\w*|end|shank\w*|whoop\w*|eliminat\w*|crippl\w*|crush|run \w+ over|hit|` +
  String.raw`mess \w+ up|fuck \w+ up|torch\w*|knife|snap\w*|rip|rips|ripping|slash\w*|knock\w*|key|drag\w*|smother\w*|suffocat\w*|` +
  String.raw`tortur\w*|mutilat\w*|batter\w*|thrash\w*|pummel\w*|bleed|gut|skin|deck|castrat\w*)`;

const SUFFERS =
  String.raw`(?:die|dies|dead|death|deserves? (?:a|the) (?:bullet|beating|kicking|rope)|(?:be|get) wiped off|` +
  String.raw`(?:be|get|got|gets|getting|been) (?:killed|shot|hanged|hung|stabbed|hurt|beaten|beat up|burned|burnt|raped|executed|` +
  String.raw`lynched|gassed|exterminated|slaughtered|murdered|abused|attacked|wiped out|put down|chopped|stoned|beheaded|unalived|` +
  String.raw`jumped|smoked|dealt with|taken out|cut|hit|slit|strangled|choked|drowned|bashed|smashed|whipped|punched|slapped|kicked|` +
  String.raw`destroyed|eliminated|crushed|wrecked|run over|knifed|shanked)|` +
  String.raw`deserve\w*)`;
const HARM_NEAR_PERSON = new RegExp(
  String.raw`\b${HARM}\b(?: \w+){0,4}? ${PERSON}\b|\bput a bullet in\b|\bnobody gets hurt\b|\bno one gets hurt\b|\bnever walk again\b|` +
    String.raw`\b${PERSON}\b[^.!?\n]{0,30}?\b${SUFFERS}\b|` +
    String.raw`\b${HARM}\b(?: \w+){0,3}? (?:the|your|ur|that) (?:\w+ )?(?:door|car|house|window|windows|tires|tyres|truck|van|shop|store|` +
    String.raw`place|home|mosque|church|synagogue|temple|gurdwara|clinic|restaurant|office|garage)\b`,
);
const PURSUIT = new RegExp(
  String.raw`\b(?:find|get|visit|track|hunt|catch|coming for|come for|come back for|coming back for|come after|coming after|go after|` +
    String.raw`going after|waiting for|deal with|sort|handle|take care of)\s+${YOU}\b`,
);
const VEILED = new RegExp(
  String.raw`\b(?:see what happens|(?:you're|you are|ur|u r) lucky (?:i|we)|shut (?:you|u) up|` +
    String.raw`end up in (?:the |a )?(?:hospital|ground|grave|wheelchair|morgue)|teach (?:you|u|him|her|them|that \w+) a lesson|` +
    String.raw`get my hands on|(?:you|u) should be (?:scared|afraid|worried)|` +
    String.raw`(?:should|must|need to|ought to|deserve to) (?:all )?(?:be|get) (?:\w+ ){0,3}?(?:shot|killed|hanged|hung|gassed|burned|` +
    String.raw`executed|lynched|exterminated|beaten|stabbed)|` +
    String.raw`shame if|you(?:'re| are| r)? (?:so |already )?dead|ur dead|dead (?:man|woman)|regret|be sorry|make (?:your|ur) life|` +
    String.raw`make (?:you|u) (?:pay|regret|suffer|bleed|sorry)|` +
    String.raw`(?:you|u)(?:'ll| will| are going to| gonna| r gonna) pay for (?:this|that|it)|happen(?:s|ed)? to|accidents happen|` +
    String.raw`happen on|test me|how brave|days are numbered|see it coming|messing with|watch what happens|what'?s coming|what is coming|` +
    String.raw`asked for it|one eye open|watch (?:your|ur) back|watch yourself|better watch|pay attention|think of me|` +
    String.raw`think about (?:it|that)|be careful|seeing (?:you|u)|see (?:you|u) (?:around|soon)|c u (?:around|soon)|` +
    String.raw`make sure (?:you|u|your \w+|ur \w+) (?:\w+ )?(?:regret|pay|suffer|are sorry|never)|` +
    String.raw`(?:you|u)(?:'ll| will| are going to| gonna| r gonna| going to) pay\b|mark my words|` +
    String.raw`pay(?:ing)? (?:you|u|ya|your \w+|ur \w+) a (?:\w+ )?visit|` +
    String.raw`(?:outside|behind|beside|next to) (?:your|ur) (?:car|van|truck|bike|vehicle)|get (?:out here|outside|down here)|` +
    String.raw`set fire to|set (?:\w+ ){1,2}on fire|` +
    String.raw`(?:go|head|drive|turn up|show up)(?: round| over| down)? (?:to|at) (?:his|her|their) |` +
    String.raw`(?:waiting|parked|standing|sitting|hiding) (?:right )?(?:by|at|next to|outside|near|behind|beside) (?:your|ur) ` +
    String.raw`(?:car|van|truck|bike|vehicle)|` +
    String.raw`come (?:out|outside|downstairs|down here|out here)|step outside|fight me|to my face|` +
    String.raw`(?:your|ur|you're|youre|you are|u r) (?:so |already |fucking |fkn |fuckin |totally )?dead\b(?! (?:right|wrong|tired|` +
    String.raw`serious|set|on|center|centre|last|even|straight|sure|honest|broke|quiet|inside|asleep|weight|easy|simple|cheap|lucky|` +
    String.raw`funny|cute|end|heat|battery|phone)))\b`,
);

const INTIMIDATION = new RegExp(
  String.raw`\b(?:i|we|i've|ive|i'll|ill|i'm|im|we'll|we've)\b[^.!?\n]{0,14}?\b(?:know|knw|knew|know what|know which|remember\w*|` +
    String.raw`memori[sz]ed|saved|found out|figured out|find|found|look up|noted)\b(?: \w+)?\s(?:where (?:you|u|ur|your)|who (?:you|u)|` +
    String.raw`(?:which|what) (?:flat|house|school|building|floor|car|one|time|bus|train|gym|route)|` +
    String.raw`(?:you're|youre|ur|you are) the one)\b|` +
    String.raw`\b(?:know|remember) (?:your|ur) (?:\w+ )?(?:address|building|house|place|car|door|office|school|routine|schedule|name|plate)\b|` +
    String.raw`\b(?:got|have|kept|still have|still got)\s+(?:your|ur|the)\s+(?:\w+\s+)?(?:address|pin|door code|location|passport|id)\b|` +
    String.raw`\b(?:your|ur)\s+(?:\w+\s+)?address (?:from|on|in)\b|` +
    String.raw`\b(?:watching|following|stalking|tracking|saw|seen|spotted|still see|still c|can see)\s+(?:you|u)\b|` +
    String.raw`\bmake me (?:come|drive|go|show|turn)\b|\b(?:show up|be outside|come) there\b|\bwatch (?:your|ur) back\b|\bw a t c h\b|` +
    String.raw`\b(?:know|knw|remember|found out|figured out)\s+(?:you|u|your \w+|ur \w+)\s+(?:live|lives|living|work|works|stay|stays|` +
    String.raw`park|parks|go|goes|train|trains|jog|walk|walks|drop|drops|study|sleep)\b|` +
    String.raw`\b(?:your|ur)\s+(?:plate|plates|license plate|number plate|reg|registration|car|address|name|face)(?: number)?` +
    String.raw`(?:'s| is| was| are)?\s+(?:on|in)\s+(?:my|the|this)\b|` +
    String.raw`\b(?:know|knw|remember|saw|seen|have|got|noted|clocked|wrote down|memori[sz]ed)\s+(?:your|ur)\s+(?:\w+\s+)?` +
    String.raw`(?:car|plate|plates|reg|registration|gym|routine|schedule)\b|` +
    String.raw`\b(?:your|ur)\s+(?:kids?|son|daughter|child|children|little \w+)(?:'s|s')?\s+(?:\w+\s+)?(?:school|nursery|class|daycare)\b|` +
    String.raw`\b(?:come|coming|go|going|turn up|show up|be|pop)\s+(?:round |over |down |up )?(?:to|at|outside|by)\s+(?:your|ur)\s+` +
    String.raw`(?:shop|store|restaurant|salon|garage|workplace|stall|place|house|home|work|office)\b`,
);
const AT_PLACE = /\b(?:outside|at|to|by|back to)\s+(?:your|ur)\s+(?:place|house|home|door|office|work|building|school|flat|apartment|job|street)\b|\bshow up\b/;
const HOSTILE = new RegExp(
  String.raw`\b(?:owe|refund|review|stars?|rating|1-star|complain\w*|report\w*|dispute|cancel\w*|pay up|pay me|money|deposit|regret|` +
    String.raw`bitch|cunt|fuck\w*|asshole|bastard|whore|or else|or i|or we|unless|if you|if u|tonight|2am|3am|midnight|alone)\b`,
);
const FAMILY = new RegExp(
  String.raw`\b(?:your|ur)\s+(?:\w+\s+)?(?:wife|husband|kids?|children|child|son|daughter|mom|mum|mother|dad|father|family|sister|` +
    String.raw`brother|bf|gf|boyfriend|girlfriend|baby|parents|partner|grandma|grandpa|wifey|hubby)(?:'s)?\b|` +
    String.raw`\bnice (?:\w+ )?(?:kids|family)\b`,
);
const COERCION = new RegExp(
  String.raw`\b(?:(?:it|this|that|they|the (?:video|recording|pics?|photos?|chats?|screenshots?|messages?|call|footage|clip)|` +
    String.raw`everything)(?: \w+){0,2}? (?:goes|go|going|gets sent|get sent|will go|ends up|end up|is going|gets posted|` +
    String.raw`get posted) (?:to|on|online|public|viral|out)|` +
    String.raw`(?:i'?ll|i will|i|we|we'?ll|we will|or i) (?:tell|inform|call|email|message|text|contact|write to|report (?:you|u) to) ` +
    String.raw`(?:your|ur) (?:\w+ )?(?:boss|wife|husband|family|parents|mom|mum|dad|employer|manager|school|uni|university|agency|` +
    String.raw`landlord|partner|bf|gf|ex|kids|church|college|company|hr|clients|customers)|` +
    String.raw`dox\w*|expose (?:you|u)|(?:nobody|no one|noone) (?:has|needs|will have|have) to (?:know|find out)|` +
    String.raw`(?:gonna|going to|will|it'?ll) cost (?:you|u)|one call and|i recorded|` +
    String.raw`(?:i have|i've got|i got|ive got) (?:the|a|your|ur|all the|all your|those) (?:\w+ )?(?:video|recording|screenshots?|chats|` +
    String.raw`pics|photos|messages|texts|footage)|` +
    String.raw`(?:say|tell (?:them|everyone|the \w+|your \w+)) (?:that )?(?:the \w+|it|you|u) (?:never arrived|was damaged|was broken|` +
    String.raw`was stolen|stole|touched|hit|attacked)|` +
    String.raw`or else|think twice|(?:would|be) a shame|shame if|report (?:you|u) for|leave (?:you|u) a|keep the (?:deposit|money)|` +
    String.raw`(?:stuff|boxes|things|furniture|bags|order|food)(?: \w+){0,3}? (?:in the bin|in the trash|on the sidewalk|on the street)|` +
    String.raw`(?:order|food|stuff|package|parcel|boxes|things)(?: \w+){0,4}? "?(?:lost|missing|broken|damaged)|comes back|up online|` +
    String.raw`tell (?:your|ur) (?:boss|wife|husband|family|parents|mom|dad|employer|school|everyone|friends)|` +
    String.raw`(?:post|leak|share|send|spread|publish|put|upload|expose|dox|plaster|show|forward)\w*(?: \w+){0,2}? (?:your|ur|those|the) ` +
    String.raw`(?:\w+ ){0,2}?(?:address|pics|pictures|photos|nudes|face|info|details|source code|secrets|secret|location|passport|` +
    String.raw`customer list|number|phone number|socials|messages|texts|chats)|` +
    String.raw`(?:post|put|spread) \d+ \w+|tell(?:ing)? everyone|` +
    String.raw`tell(?:ing)? (?:your|ur) (?:\w+ )?(?:boss|wife|husband|family|parents|mom|mum|dad|employer|manager|school|friends|church|` +
    String.raw`landlord|partner|bf|gf)|` +
    String.raw`(?:say|said|tell \w+|claim|swear) (?:that )?(?:you|u) (?:assaulted|attacked|hit|touched|groped|stole|robbed|threatened|` +
    String.raw`harassed|raped|abused|scammed)|` +
    String.raw`(?:stuff|boxes|things|furniture|bags|luggage|order|food|sofa)(?: \w+){0,3}? (?:stays? |goes |will be |ends up |left )?` +
    String.raw`(?:on|in) the (?:curb|kerb|pavement|street|sidewalk|rain|road|bin|trash|dump)|` +
    String.raw`(?:i'?m|i am|i'?ll|i will|we'?re|we'?ll) (?:coming|come) (?:back|round|over)\b|` +
    String.raw`before (?:you|u) (?:report|leave (?:a|that|me|us|any|one)|give|rate|review|complain|dispute|cancel|call the|tell|post|flag|refuse|say no)|` +
    String.raw`(?:your|ur) (?:\w+ )?(?:pics|photos|nudes|address|number|secrets) (?:go|goes|going|will|end|get)|` +
    String.raw`(?:unload|dump|throw|drop)(?: \w+){0,2}? (?:your|ur|the) (?:stuff|boxes|things|furniture|bags|order)|` +
    String.raw`remember (?:your|ur) (?:door|address|face)|you(?:'ll| will) see what happens|we(?:'ll| will) see|` +
    String.raw`report (?:you|u|your \w+) to|` +
    String.raw`(?:call|calling|phone|ring) (?:immigration|ice|the border \w+|the home office|the authorities) on|deport\w*|` +
    String.raw`tell (?:the police|the cops|immigration|ice|everyone) (?:that )?(?:you|u)|(?:your|ur) (?:visa|status|papers)|` +
    String.raw`(?:pics|pictures|photos|nudes|videos|vids|video|snaps|screenshots)(?: of (?:you|u))?(?: \w+){0,2}? ` +
    String.raw`(?:go|goes|going|get|gets|end up|ends up|will|are going) (?:online|everywhere|viral|public|to|out|on|all over|up)|` +
    String.raw`(?:pics|pictures|photos|videos|vids|nudes) of (?:you|u)|(?:want|wanna) (?:trouble|problems|issues|a problem)|` +
    String.raw`there(?:'ll| will) be (?:trouble|problems|consequences|hell)|the consequences|` +
    String.raw`or (?:i'm|im|i am|i'll|ill|i will|we're|we'll|we are) (?:coming|come) (?:round|over|there|for)|` +
    String.raw`(?:sees|see|will see|gets) (?:the |your |ur |those |my )?(?:pics|pictures|photos|videos|nudes)|` +
    String.raw`(?:don't|dont|do not) want (?:trouble|problems|me as))\b`,
);

const SEXUAL_STRONG = new RegExp(
  String.raw`${SEXUAL_DEMAND.source}|` +
    String.raw`\b(?:nudes|nudez|noodz|nodes|naked|nude pics|without (?:any |your |ur )?clothes|(?:touch|kiss|taste|undress) (?:you|u)|` +
    String.raw`(?:pics|pictures|photos|pic|picture|videos|vids|video) of (?:your|ur) (?:\w+ )?(?:feet|legs|body|butt|ass|chest|boobs|` +
    String.raw`tits|thighs|bum|booty|lips|cleavage|underwear)|(?:feet|foot|booty|butt|bikini|underwear|lingerie|bra|` +
    String.raw`thigh) (?:pics|pictures|photos|pic|vids|videos))\b`,
);
// Each sign is its ASCII pattern, run on the reading text's Latin-1 twin (see `latinTwin`), and
// for three of them the words outside ASCII that are the same sign, run on the text itself.
const SIGNAL_PATTERNS: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:you(?:'re| are| r)?|ur|u r|u)\s+(?:so |really |very |looking |look |looked |lookin |damn |sound |seem |sounded )?` +
      String.raw`(?:pretty|cute|hot|sexy|fine|beautiful|gorgeous|stunning|fit|attractive|adorable|delicious|thicc)\b|` +
      String.raw`\bcute (?:pic|photo|profile)|` +
      String.raw`\b(?:hey|hi|hello|morning|night) (?:gorgeous|beautiful|sexy|cutie|babe|baby|sweetheart|hottie|sweetie|darling|princess)\b|` +
      String.raw`\b(?:you have|you've got|you got|u have|u got) (?:the |such |a |some )?(?:\w+ )?(?:prettiest|pretty|beautiful|nice|sexy|` +
      String.raw`gorgeous|amazing|great|hot|perfect) (?:eyes|smile|legs|body|lips|ass|figure|skin|hair)\b|` +
      String.raw`\b(?:your|ur|those|that)\s+(?:legs|body|ass|butt|boobs|tits|lips|thighs|curves|booty|figure)\b|` +
      String.raw`\blook(?:ed|s)? (?:so |really )?(?:good|great|amazing|hot|sexy|fine|delicious) (?:in|bending|wearing)|\bcute\b|` +
      String.raw`(?:^|, ?)(?:babe|sexy|gorgeous|beautiful|cutie|sweetheart|sweetie|darling|princess|baby ?girl|mami|hottie)\b|` +
      String.raw`\b(?:babe|sexy|gorgeous|hottie|cutie)[.!?]*$|\b(?:tits|boobs|titties)\b|` +
      String.raw`\bnice (?:body|legs|ass|butt|figure|curves|tits|boobs|rack|thighs|booty|bum|chest|feet)\b`,
  ),
  new RegExp(
    String.raw`\b(?:(?:have|having|had) (?:some )?fun|a good time|keep me company|` +
      String.raw`(?:no one|nobody|noone) (?:will|has to|needs to|would|is going to) (?:know|find out)|worth (?:your|ur) while|` +
      String.raw`our (?:little )?secret|just between us)\b`,
  ),
  new RegExp(
    String.raw`\b(?:(?:see|come (?:up )?to|into|in) my (?:bedroom|bed)|(?:come )?sit (?:with|next to|beside|closer to) me|back to mine|` +
      String.raw`(?:at|to) mine tonight|come inside|come in and|my hotel room|take (?:you|u) out|(?:go|going) out with me|date me|` +
      String.raw`be my (?:girl|gf|girlfriend|baby)|drink|drinks|dinner|hook up|hookup|come alone|thinking about (?:you|u)|just for me|` +
      String.raw`our secret|naked|without (?:any |your |ur )?clothes|(?:see|get) (?:you|u) naked|(?:are )?(?:you|u) single|` +
      String.raw`(?:are )?(?:you|u) free tonight|sit in the front with me|get you alone|stay the night|spend the night|my place|` +
      String.raw`come over|come round|come by|come back to|back to the truck|back to my|private session|other services|nice to me|u up|` +
      String.raw`you up|show you around|show u around|unlocked for me|hook up|hookup|let me come|` +
      String.raw`come (?:up )?(?:to|by|round to|over to|back to|up to|into) my (?:hotel )?(?:room|place|flat|house|apartment|hotel|car|` +
      String.raw`van|truck|cabin|bed|bedroom)|` +
      String.raw`drink with me)\b`,
  ),
  new RegExp(
    String.raw`\b(?:pic|pics|picture|pictures|photo|photos|selfie|selfies|snaps|video|vid|videos)\s+of\s+(?:you|u|yourself|urself|what)|` +
      String.raw`\bsend (?:me )?(?:a |some |more |a few )?(?:pic|pics|selfie|selfies|photos)\b|` +
      String.raw`\bwhat (?:ur|you're|youre|you are|are you|r u|are u|r you) wearing\b|\bselfies\b`,
  ),
  new RegExp(
    String.raw`\balone\b|\bjust (?:us|the two of us|you and me)\b|\b(?:after|when) (?:your|ur|the) shift\b|\bafter work\b|` +
      String.raw`\bdon'?t tell (?:your|ur) (?:bf|boyfriend|husband|hubby|gf|girlfriend|wife|partner)\b|` +
      String.raw`\b(?:your|ur) (?:husband|bf|boyfriend|hubby) (?:is )?(?:not |never )?(?:home|away|around)\b`,
  ),
  new RegExp(
    String.raw`\b(?:soft lips|(?:your|ur|those) lips|(?:looked|look|looking) at me|into it|deliver (?:yourself|urself)|robe|towel|` +
      String.raw`bikini|shorts|underwear|bending over|left my number on|eyeing me|wearing|in that dress|uniform|leggings|scrubs|tights|` +
      String.raw`skirt|yoga pants|work pants|jeans|pants|outfit|dress)\b`,
  ),
  new RegExp(
    String.raw`\b(?:i'll|i will|ill) show (?:you|u) (?:something|a good time|what|my)\b|` +
      String.raw`\b(?:and|then) (?:i'll|i will|ill) (?:pay (?:you )?(?:double|extra|more)|approve|tip|release|give you)\b`,
  ),
  /;\)|;-\)/,
];
const WIDE_SIGNALS: ReadonlyMap<number, RegExp> = new Map([
  [0, /美女/],
  [4, /一个人/],
  [7, /😏|😘|😍|🥵|😉|😜|💋|👅|🍆|🍑/],
]);

/** How many signs of sexual interest the text shows (each sign counted once), stopping at `enough`. */
function signals(latin: string, text: string, enough: number): number {
  let count = 0;
  for (let k = 0; k < SIGNAL_PATTERNS.length && count < enough; k++) {
    if (SIGNAL_PATTERNS[k]!.test(latin) || WIDE_SIGNALS.get(k)?.test(text) === true) count++;
  }
  return count;
}

/** Which kinds of threat the message can hold at all; the grammar looks only for those. */
export interface GateFlags {
  readonly harm: boolean;
  readonly intimidation: boolean;
  readonly family: boolean;
  readonly coercion: boolean;
  readonly sexual: boolean;
  /** Let through by the cues alone (no shape matched): every sentence is parsed, the message being short. */
  readonly byCues?: boolean;
}

type Kind = 'harm' | 'intimidation' | 'family' | 'coercion' | 'sexual';

const PASSIVE_AUX: ReadonlySet<string> = new Set(['be', 'get', 'gets', 'got', 'getting', 'been', 'being']);
const SUBJECTS: ReadonlySet<string> = new Set(['he', "he's", 'she', "she's", 'they', "they're", 'someone', 'somebody', 'whoever', 'anyone']);
// Words naming a person a harm can be done to, for the word-by-word check below.
const TARGETS: ReadonlySet<string> = new Set([
  ...READER, ...READER_POSSESSIVE, ...THIRD_PRONOUNS, 'his', 'their', 'her', "y'all", ...PEOPLE,
  'door', 'car', 'house', 'window', 'windows', 'tires', 'tyres', 'truck', 'van', 'shop', 'store', 'mosque', 'church',
  'synagogue', 'temple', 'gurdwara', 'clinic', 'restaurant', 'office', 'garage', 'school', 'mall', 'club', 'station',
]);
const DEATH: ReadonlySet<string> = new Set(['die', 'dies', 'dead', 'death', 'deserve', 'deserves']);

// Words that HARM_NEAR_PERSON's alternatives need besides the lexicon's harm verbs.
const HARM_EXTRA: ReadonlySet<string> = new Set([
  'die', 'dies', 'dead', 'death', 'deserve', 'deserves', 'deserved', 'bullet', 'wiped', 'walk', 'dealt', 'taken', 'put', 'abuse',
  'chop', 'stoned', 'jumped', 'smoked', 'hung', 'knife',
]);

// Harm words by their stem, for the forms the sets above do not list.
const HARM_STEM = new RegExp(
  String.raw`^(?:kill|murder|stab|shoot|strangl|beat|punch|hurt|harm|break|smash|burn|rape|slap|kick|attack|bash|drown|poison|lynch|` +
    String.raw`execut|behead|butcher|slaughter|massacre|extermin|annihilat|nuke|whip|maim|stomp|smack|unaliv|hunt|destroy|ruin|wreck|` +
    String.raw`shank|whoop|eliminat|crippl|torch|abus|chop)`,
);

/** Whether any word is a harm verb of the lexicon (or a word HARM_NEAR_PERSON needs): set lookups, not a regular expression. */
function hasHarmWord(reading: string): boolean {
  const words = reading.match(/[a-z]+/g);
  if (!words) return false;
  for (const w of words) if (HARM_VERBS.has(w) || HARM_EXTRA.has(w) || HARM_STEM.test(w)) return true;
  return false;
}

/**
 * A harm verb of the lexicon with a person among the next five words (`cave your head in`, `pop
 * you`, `stab that cop`): read word by word with set lookups, so the lexicon's every verb counts
 * without a regular expression listing them all.
 */
export function harmWordNearPerson(reading: string): boolean {
  const words = reading.match(/[a-z]+(?:'[a-z]+)?/g);
  if (!words) return false;
  for (let i = 0; i < words.length; i++) {
    if (DEATH.has(words[i]!)) {
      // "you will die", "they all deserve…": the person before it is the one it happens to.
      for (let j = Math.max(0, i - 4); j < i; j++) if (TARGETS.has(words[j]!) || SUBJECTS.has(words[j]!)) return true;
    }
    if (!HARM_VERBS.has(words[i]!)) continue;
    // "he's getting his hands broken", "they deserve to get run over": a person before a passive harm.
    if (words.slice(Math.max(0, i - 3), i).some((w) => PASSIVE_AUX.has(w))) {
      for (let j = Math.max(0, i - 8); j < i; j++) if (TARGETS.has(words[j]!) || SUBJECTS.has(words[j]!)) return true;
    }
    for (let j = i + 1; j <= i + 5 && j < words.length; j++) {
      const w = words[j]!;
      if (TARGETS.has(w) || (w.endsWith("'s") && TARGETS.has(w.slice(0, -2)))) return true;
    }
  }
  return false;
}

/**
 * Whether a hand-written shape lets the message through, and with which of the two flags the
 * grammar reads from it: a message let through is tried for intimidation, family and coercion
 * anyway, so their large patterns are needed only to decide a message with neither harm nor a
 * sexual sign.
 */
function shapeGate(latin: string, reading: string): GateFlags | undefined {
  const harm =
    VEILED.test(latin) ||
    FATE.test(latin) ||
    harmWordNearPerson(latin) ||
    (hasHarmWord(latin) && HARM_NEAR_PERSON.test(latin)) ||
    PURSUIT.test(latin);
  const sexual = SEXUAL_STRONG.test(latin) || signals(latin, reading, 2) >= 2;
  if (!harm && !sexual) {
    const other =
      INTIMIDATION.test(latin) ||
      KNOWS_LIFE.test(latin) ||
      (AT_PLACE.test(latin) && HOSTILE.test(latin)) ||
      FAMILY.test(latin) ||
      COERCION.test(latin);
    if (!other) return undefined;
  }
  return { harm, intimidation: true, family: true, coercion: true, sexual };
}

// The shapes a sentence passes by: each of these alone; HARM_NEAR_PERSON beside a harm word and
// AT_PLACE with HOSTILE; SEXUAL_STRONG; or two SEXUAL_SIGNALS.
const ALONE: readonly RegExp[] = [VEILED, FATE, PURSUIT, INTIMIDATION, KNOWS_LIFE, FAMILY, COERCION];

/**
 * Whether a hand-written shape matches one sentence, stopping at the first: picking sentences
 * needs only the yes or no (the cues decide for the whole message in `gate`). `latin` is the
 * sentence in the reading text's `latinTwin`.
 */
export function gatePasses(latin: string, reading: string): boolean {
  if (harmWordNearPerson(latin)) return true;
  for (const pattern of ALONE) if (pattern.test(latin)) return true;
  if ((hasHarmWord(latin) && HARM_NEAR_PERSON.test(latin)) || (AT_PLACE.test(latin) && HOSTILE.test(latin))) return true;
  if (SEXUAL_STRONG.test(latin)) return true;
  return signals(latin, reading, 2) >= 2;
}

/** Whether one sentence shows any sign of sexual interest (a message needs two to be parsed). */
export function sexualSign(latin: string, text: string): boolean {
  return SEXUAL_STRONG.test(latin) || signals(latin, text, 1) >= 1;
}

// Chat spellings and contractions as the grammar's sentence line reads them, so the cues can be
// tried on the raw message before it is parsed.
const CHAT_WORDS: Readonly<Record<string, string>> = {
  u: 'you', ya: 'you', yu: 'you', ur: 'your', yr: 'your', urself: 'yourself', r: 'are', im: 'i am', ima: 'i am going to',
  imma: 'i am going to', ill: 'i will', ive: 'i have', youre: 'you are', dont: 'do not', wont: 'will not', cant: 'can not',
  didnt: 'did not', isnt: 'is not', aint: 'is not', gonna: 'going to', wanna: 'want to', gotta: 'got to', em: 'them',
  c: 'see', n: 'and', cuz: 'because', coz: 'because', pls: 'please', plz: 'please', ppl: 'people', da: 'the', b4: 'before',
};

const CONTRACTION = new RegExp(
  String.raw`\b(won't|can't|ain't|won’t|can’t|ain’t)\b|['’](ll|re|ve|m|d)\b|` +
    String.raw`\b(it|he|she|that|there|what|who|where|here|how)['’]s\b|n['’]t\b`,
  'g',
);
const IRREGULAR_NOT: Readonly<Record<string, string>> = {
  "won't": 'will not',
  "can't": 'can not',
  "ain't": 'is not',
  'won’t': 'will not',
  'can’t': 'can not',
  'ain’t': 'is not',
};
const SUFFIXES: Readonly<Record<string, string>> = { ll: ' will', re: ' are', ve: ' have', m: ' am', d: ' would' };

/** The reading text as words the cues read: contractions expanded, chat spellings read, punctuation gone. */
export function gateText(reading: string): string {
  const text = reading
    .replace(CONTRACTION, (m, irregular: string | undefined, suffix: string | undefined, pronoun: string | undefined) =>
      irregular ? IRREGULAR_NOT[irregular]! : pronoun ? `${pronoun} is` : suffix ? SUFFIXES[suffix]! : ' not',
    )
    .replace(/[^a-z0-9'$\u3400-\u9fff]+/g, ' ');
  // Only the chat spellings themselves are visited, not every word; and a word such as
  // "constructor" is not looked up on the object's prototype.
  return text.replace(CHAT_WORD, (w) => CHAT_WORDS[w]!);
}

// One of CHAT_WORDS as a whole word (after the replacements above, words are runs of a-z and 0-9).
const CHAT_WORD = new RegExp(String.raw`\b(?:${Object.keys(CHAT_WORDS).join('|')})\b`, 'g');

const CUE_GATE_MAX = 300;

// A cue with a role, a large discount or a need for hostility is one sign among others; two such
// signs (or one full cue) make the message worth parsing.
// A sexual cue short of a demand is a sign too: harassment takes two of them.
const weak = (cue: Cue) => cue.role !== undefined || (cue.delta ?? 0) <= -0.3 || cue.needsHostility === true || (cue.kind === 'sexual' && (cue.delta ?? 0) < 0);

function flagFor(kind: ThreatKind): Kind {
  switch (kind) {
    case 'violence':
    case 'third-party':
      return 'harm';
    case 'sexual':
      return 'sexual';
    case 'family':
      return 'family';
    case 'coercion':
      return 'coercion';
    case 'intimidation':
      return 'intimidation';
  }
}

/** The kinds whose cues match the message's words before parsing (one full cue, or two signs). */
function cueGate(text: string): Partial<Record<Kind, boolean>> | undefined {
  const found: Partial<Record<Kind, boolean>> = {};
  const signs: Kind[] = [];
  let any = false;
  // A copy whatever the text holds: V8's replacements can store a one-byte text's result two-byte.
  const latin = latinTwin(text, true);
  const may = cuesPossible(latin);
  for (let i = 0; i < CUES.length; i++) {
    if (may[i] === 0) continue;
    const cue = CUES[i]!;
    cue.pattern.lastIndex = 0;
    if (!cue.pattern.test(CUE_READS_ASCII[i] ? latin : text)) continue;
    const flag = flagFor(cue.kind);
    if (weak(cue)) signs.push(flag);
    else {
      found[flag] = true;
      any = true;
    }
  }
  if (signs.length >= 2) for (const flag of signs) (found[flag] = true), (any = true);
  return any ? found : undefined;
}

/** The gate's verdict per kind, or undefined when the message cannot hold a threat (and is not parsed). */
export function gate(reading: string, twoByte = mayBeTwoByte(reading), latin = latinTwin(reading, twoByte)): GateFlags | undefined {
  // A message a shape lets through is parsed anyway: every kind's cues are then tried on it (they
  // are looked up by their literals, so the unlikely ones cost little).
  const shapes = shapeGate(latin, reading);
  if (shapes) return shapes;
  const cues = reading.length <= CUE_GATE_MAX ? cueGate(gateText(reading)) : undefined;
  if (!cues) return undefined;
  const flag = (k: Kind) => Boolean(cues[k]);
  const harm = flag('harm');
  const intimidation = flag('intimidation');
  const family = flag('family');
  return { harm, intimidation, family, coercion: flag('coercion') || harm || intimidation || family, sexual: flag('sexual'), byCues: true };
}
