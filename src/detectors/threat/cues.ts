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
  /** Can be literal advice (`watch your back when lifting`). */
  readonly advice?: boolean;
  /** A negation inside the phrase does not cancel it (`don't test me`). */
  readonly allowsNegation?: boolean;
  readonly negatable?: boolean;
  /** For parts that only count combined with others (coercion's condition, demand and harm; family mentions). */
  readonly role?: string;
}

const SP = '(?:i|we)';
const ME = '(?:i|we)(?: \\w+){0,3}?';
const YOU = '(?:you|your)';
const PLACE = '(?:address|building|house|place|flat|apartment|apt|home|street|car|door code|door|office|workplace|work|school|plate|unit|gate code|floor|routine|schedule|pin|location|room|license plate|number plate|job|gym|new place|building code|door number)';
const FAMILY = '(?:wife|husband|kids|kid|children|child|son|daughter|mom|mum|mother|dad|father|family|sister|brother|bf|gf|boyfriend|girlfriend|baby|parents|partner|grandma|grandpa|little girl|little boy|wifey|hubby|fiance|fiancee)';
const PICS = '(?:pic|pics|picture|pictures|photo|photos|selfie|selfies|nudes|nudez|noodz|nodes|snaps|video|vid|vids)';
const LOOKS = '(?:pretty|cute|hot|sexy|fine|beautiful|gorgeous|stunning|fit|attractive|adorable|lovely|delicious|thicc|thick|yummy|sexier|prettier)';
const BODYPART = '(?:legs|body|ass|butt|boobs|tits|lips|figure|curves|thighs|feet|bum|chest|booty)';

const g = (source: string) => new RegExp(`\\b(?:${source})\\b`, 'g');

export const CUES: readonly Cue[] = [
  // Intimidation and stalking: the speaker knows where the reader lives, works, sleeps, or watches them.
  { kind: 'intimidation', pattern: g(`${ME} (?:know|knw|remember|found out|figured out|find out|find|found|figure out|look up|looked up|got|have|has) where ${YOU}(?: \\w+){0,2}? (?:live|lives|living|work|works|working|stay|stays|staying|sleep|sleeps|park|parks|go|goes|study|studies|hang out|are|is|at)`), agent: 'speaker', patient: 'reader', mood: 'knowledge of where the reader is', note: '' },
  { kind: 'intimidation', pattern: g(`${ME} (?:know|knw|remember|found out|figured out) (?:what|which) (?:car|house|flat|school|building|floor|gym|bus|train|route|time|door|office)(?: \\w+){0,3}? you|${ME} (?:know|knw|remember) (?:what|which) time you`), agent: 'speaker', patient: 'reader', mood: "knowledge of the reader's places", note: '' },
  { kind: 'intimidation', pattern: g(`${ME} (?:know|knw|remember|memorized|memorised|saved|kept|noted|wrote down) (?:your|the) (?:\\w+ )?${PLACE}`), agent: 'speaker', patient: 'reader', mood: "knowledge of the reader's places", note: '' },
  { kind: 'intimidation', pattern: g(`(?:${SP} (?:\\w+ )?(?:have|got|still have|still got|kept)|^got|^still got|^have) (?:your|the) (?:\\w+ )?(?:address|pickup pin|door code|home address|pin|location|passport|id)`), agent: 'speaker', patient: 'reader', mood: "holds the reader's address", delta: -0.35, note: 'holding an address is also how deliveries work', needsHostility: true },
  { kind: 'intimidation', pattern: g(`${YOU} (?:\\w+ )?(?:address|house|place) (?:from|on|in) (?:the |your )?(?:shipping label|label|booking|profile|app|order|history|form)`), agent: 'speaker', patient: 'reader', mood: "holds the reader's address", delta: -0.3, note: 'holding an address is also how deliveries work', needsHostility: true },
  { kind: 'intimidation', pattern: g(`${ME} know who you (?:are|really are)|${ME} know (?:you are|your) the one (?:in|at|from|on)|${ME} know (?:your|the) (?:real )?name`), agent: 'speaker', patient: 'reader', mood: "knowledge of the reader's identity", note: '' },
  { kind: 'intimidation', pattern: g(`(?:${SP} (?:have |am |was |are |were )?(?:been )?|been )(?:watching|following|stalking|tracking|filming) (?:you|your)`), agent: 'speaker', patient: 'reader', mood: 'watching the reader', note: '' },
  { kind: 'intimidation', pattern: g(`(?:${SP} |^)(?:saw|seen|watched|spotted|see|can see) you (?:through|from|in your|at your|leaving|walking|coming home|last night|this morning|in the shower|undress)|still (?:see|watching|watch) you`), agent: 'speaker', patient: 'reader', mood: 'watching the reader', delta: -0.1, note: 'seeing the reader: threatening when it is watching, not meeting', needsHostility: false },
  { kind: 'intimidation', pattern: g(`${SP} pay attention|${SP} see everything|${SP} am always watching|you never know who is watching|think of me`), agent: 'speaker', patient: 'reader', mood: 'veiled', delta: -0.25, note: 'a veiled remark', needsHostility: true },
  { kind: 'intimidation', pattern: g(`${ME} (?:be |am |are )?(?:waiting|parked|sitting|standing|outside|coming back|come back|show up|showing up|turn up|drop by|stop by|swing by|pay you a visit|visit you|come to|coming to|coming round|coming over to)(?: \\w+){0,3}? (?:your|ur) (?:place|house|home|door|office|work|building|school|flat|apartment|job|street)|${ME} (?:show up|be outside|come) there`), agent: 'speaker', patient: 'reader', mood: "at the reader's place", delta: -0.4, note: "turning up at the reader's place is also how visits work", needsHostility: true },
  { kind: 'intimidation', pattern: g(`make me (?:come|drive|go|show up|turn up|come over|come round|come back)(?: \\w+){0,2}? (?:your|ur) (?:place|house|home|door|office|work|building|school|flat|apartment|job|street)`), agent: 'speaker', patient: 'reader', mood: "at the reader's place", note: '', allowsNegation: true },
  { kind: 'intimidation', pattern: g(`watch (?:your|your own) back|sleep with one eye open|(?:you|you would|you had) better watch (?:out|yourself|it)|watch yourself`), agent: 'speaker', patient: 'reader', mood: 'warning', note: '', advice: true },
  { kind: 'intimidation', pattern: g(`think about (?:it|that)|(?:you had|you would|you) better (?:think|be careful)|be careful`), agent: 'speaker', patient: 'reader', mood: 'warning', delta: -0.4, note: 'a warning that menaces only with more around it' },
  { kind: 'intimidation', pattern: g(`${SP} will be seeing you|see you (?:around|soon|real soon)`), agent: 'speaker', patient: 'reader', mood: 'veiled', delta: -0.45, note: 'a farewell that menaces only with hostility around it', needsHostility: true },

  // Veiled threats of violence.
  { kind: 'violence', pattern: g(`you are (?:so |already )?(?:dead|a dead man|a dead woman|finished|done for|history)(?! tired)|your days are numbered|you will not see it coming|count your days|you do not know who you are messing with|watch what happens`), agent: 'speaker (implied)', patient: 'reader', mood: 'veiled', note: '' },
  { kind: 'violence', pattern: g(`(?:you will|you are going to|you gonna|you will really) (?:regret|be sorry)|make you (?:regret|pay|suffer|bleed|cry|sorry|wish)|make your life (?:\\w+ )?(?:hell|miserable|a living hell)|you will pay for (?:this|that|it)$|you will pay for (?:this|that)(?= one way)`), agent: 'speaker', patient: 'reader', mood: 'future', note: '' },
  { kind: 'family', pattern: g(`(?:your|ur) ${FAMILY} (?:will|is going to|are going to|gonna|might|could) (?:regret|pay|get hurt|be sorry|suffer|pay for)`), agent: 'speaker', patient: "reader's family", mood: 'future', note: '' },
  { kind: 'violence', pattern: g(`(?:would be a|be a|it would be a|would be such a) shame if (?:\\w+ ){0,4}?(?:happened|burned|burnt|broke|got|caught fire|went missing|were to|ended up|had an accident)`), agent: 'unnamed', patient: "reader's property", mood: 'veiled', delta: -0.05, note: 'a veiled threat' },
  { kind: 'violence', pattern: g(`(?:and|or) (?:nobody|no one) (?:gets|will get|has to get|needs to get) (?:hurt|harmed|hurt here)`), agent: 'speaker', patient: 'reader', mood: 'conditional on the reader', note: '', allowsNegation: true },
  { kind: 'violence', pattern: g(`make sure you (?:never|can not|cannot|will not|do not) (?:walk|work|see|talk|drive|sleep)|you will never (?:walk|see|work|talk) again|put a bullet (?:in|through) (?:you|your)|put you in (?:the )?(?:hospital|ground|grave|a wheelchair)`), agent: 'speaker', patient: 'reader', mood: 'future', note: '', allowsNegation: true },
  { kind: 'third-party', pattern: g(`put a bullet (?:in|through) (?:him|her|them|that \\w+|the \\w+|his|her)|put (?:him|her|them) in (?:the )?(?:hospital|ground|grave)|(?:should|must|need to|ought to|deserve to) (?:all )?(?:be|get) (?:\\w+ (?:up )?and )?(?:shot|killed|hanged|hung|gassed|burned|executed|lynched|exterminated|beaten|stabbed)`), agent: 'someone', patient: 'a third person or group', mood: 'called for', note: '' },
  { kind: 'violence', pattern: g(`(?:accidents|something|things|bad things)(?: \\w+){0,2}? happen(?:s|ed)? (?:to|on|in)|(?:would|will) hate for (?:something|anything) to happen|something (?:might|could|will|may) happen`), agent: 'unnamed', patient: 'reader', mood: 'veiled', delta: -0.1, note: 'a veiled threat' },
  { kind: 'violence', pattern: g(`(?:do not|dont) test me|see how brave you are|you want to die|you will get what is coming|you asked for it`), agent: 'speaker', patient: 'reader', mood: 'warning', note: '', allowsNegation: true },

  // Calls for death and mass violence against a group.
  { kind: 'third-party', pattern: g(`death to (?:all |the )?\\w+|(?:genocide|ethnic cleansing|extermination|massacre) (?:of|against) (?:all |the )?\\w+|(?:wish|wishing|hope) (?:him|her|them|they|he|she) (?:death|dead|dies|die)|(?:should|must|need to|deserve to|ought to) (?:all )?(?:be )?(?:dead|rot|burn in hell|die|be wiped out|be exterminated|be gassed|not exist)`), agent: 'speaker', patient: 'a group', mood: 'called for', note: '' },
  { kind: 'violence', pattern: g(`(?:wish|wishing|hope) (?:you|your) (?:death|dead|die|dies|a slow death)|slow death (?:to|for) (?:you|people like you)`), agent: 'speaker', patient: 'reader', mood: 'wished', note: '' },

  // Family: the reader's people, named with a detail only someone watching would know.
  { kind: 'family', pattern: g(`(?:your|ur) ${FAMILY}(?:'s)?(?: \\w+){0,2}? (?:name is|drives|goes to|school|works|is at|walks|plays|takes|leaves|gets home|comes home|looks|is the one|bus|class|picks|alone|parks|arrives|gets off|finishes|starts|sleeps|lives|stays|jogs|runs)`), agent: 'speaker', patient: "reader's family", mood: 'knowledge of the family', role: 'detail', note: '' },
  { kind: 'family', pattern: g(`(?:your|ur) ${FAMILY}(?:'s)?(?: \\w+){1,8}? (?:every|each) (?:night|morning|day|evening|week|weekday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:your|ur) ${FAMILY}(?:'s)?(?: \\w+){1,6}? (?:at|by|around) \\d`), agent: 'speaker', patient: "reader's family", mood: "knowledge of the family's routine", role: 'detail', note: '' },
  { kind: 'family', pattern: g(`nice (?:\\w+ )?(?:kids|family|wife|daughter|son|family photos|photos|truck|car|house|little house|place)(?: you (?:have|got)| he has got| she has got| he has| she has| on the fridge)?|tell (?:your|ur) (?:${FAMILY}|boss)|${ME} (?:know|saw|seen|remember) (?:your|ur) ${FAMILY}`), agent: 'speaker', patient: "reader's family", mood: 'mentioned', role: 'mentioned', delta: -0.2, note: 'a remark about the family, menacing only with more around it' },

  // Coercion: conditions on what the reader does, and harms that follow.
  { kind: 'coercion', pattern: g(`if (?:you|your \\w+|that \\w+|this \\w+) (?:\\w+ ){0,2}?(?:report|leave|give|rate|dispute|complain|cancel|review|tell|call|do not pay|do not|post|flag|contact|go to)|(?:report|cancel on|rate|review|dispute|flag|complain about|leave|give) (?:me|us)(?: \\w+){0,5}? and|(?:another|one more|any more|anything (?:under|less than|below)) (?:[\\w-]+ ){0,2}?(?:star|stars|review|complaint|rating)?(?: \\w+){0,3}? and|keep (?:\\w+ing)(?: \\w+){0,3}? and|(?:leave|give|post) (?:me |us )?(?:a |one |that )?(?:bad|negative|low|1|one|2|two|1-star|one-star|2-star|poor)(?: star| stars)? (?:review|rating|feedback|stars?)?(?: \\w+){0,2}? and|if (?:that|the|this|your) (?:review|complaint|rating|report|dispute)|unless|either`), agent: 'reader', patient: 'reader', mood: 'condition', role: 'condition', note: '', allowsNegation: true },
  { kind: 'coercion', pattern: g(`or else|think twice about|(?:or|otherwise) (?:you will|you are going to) (?:see|regret|find out)`), agent: 'speaker', patient: 'reader', mood: 'condition and harm', role: 'condition and harm', note: '' },
  { kind: 'coercion', pattern: g(`(?:give|rate|leave) (?:me|us) (?:a )?(?:5|five|full|good|perfect)|(?:change|remove|delete|take down|take back|edit|update|withdraw|drop|retract|pull) (?:the|that|your|this|my) (?:\\w+ )?(?:review|rating|complaint|report|dispute|claim|comment|post)|(?:pay|refund|release|transfer) (?:me|up|the|what|it|my)|open up`), agent: 'speaker', patient: 'reader', mood: 'demand', role: 'demand', note: '' },
  { kind: 'coercion', pattern: g(`(?:post|leak|share|send|spread|publish|put|upload|expose|dox|plaster|show|hang|forward)\\w*(?: \\w+){0,2}? (?:your|ur|those|the) (?:\\w+ ){0,2}?(?:address|pics|pictures|photos|nudes|face|info|details|source code|secrets|location|passport|customer list)|(?:post|put|spread) \\d+ \\w+ (?:ave|avenue|st|street|rd|road|ln|lane|ct|court|dr|drive|way|close)|(?:your|ur) (?:\\w+ )?(?:pics|photos|nudes|address|number|secrets) (?:go|goes|going|will go|end up|ends up|get|gets|will be)|end(?:ed|s)? up online|tell (?:your|ur) (?:boss|wife|husband|family|parents|mom|dad|employer|school|everyone|friends)|report you for|leave you (?:a|with a) (?:1|one|bad|2)|${SP} (?:will )?keep (?:the|your|ur) (?:deposit|money|stuff|things|bags|payment)|(?:your|ur|the) (?:next )?(?:order|food|stuff|boxes|package|parcel|things|furniture|bags|luggage)(?: \\w+){0,4}? (?:in the bin|in the trash|on the sidewalk|on the street|lost|missing|broken|damaged)|(?:unload|dump|throw|leave|drop)(?: \\w+){0,2}? (?:your|ur|the) (?:stuff|boxes|things|furniture|bags|order)|comes back|would be a shame|be a shame if|remember your (?:door code|address|face)|you will see what happens|we will see`), agent: 'speaker', patient: 'reader', mood: 'consequence', role: 'consequence', note: '' },

  // Sexual harassment: remarks on the reader's body, propositions, photo requests, checks they are alone.
  { kind: 'sexual', pattern: g(`(?:you are|your|you) (?:so |really |very |looking |look |looked |lookin |damn |sound |seem |sounded )?${LOOKS}|(?:damn|mmm|wow) (?:you are|your) ${LOOKS}|(?:hey|hi|hello|morning|night) (?:gorgeous|beautiful|sexy|cutie|babe|baby|sweetheart|hottie|sweetie|darling|princess)|(?:you have|you have got|you got) (?:the |such |a |some )?(?:\\w+ )?(?:prettiest|pretty|beautiful|nice|sexy|gorgeous|amazing|great|hot|perfect) (?:eyes|smile|legs|body|lips|ass|figure|skin|hair)|(?:your|those|that) ${BODYPART}(?: \\w+){0,2}? (?:look|looks|looked|are|is)|you look(?:ed)? (?:so |really )?(?:good|great|amazing|hot|sexy|nice|fine|delicious) (?:in|bending|wearing|today|tonight|when)|cute (?:pic|photo|profile|picture)|美女`), agent: 'speaker', patient: 'reader', mood: "a remark on the reader's looks", delta: -0.3, note: 'one remark on looks; harassment with more around it' },
  { kind: 'sexual', pattern: g(`send (?:me |us )?(?:\\w+ ){0,3}?(?:nudes|nudez|noodz|nodes|nude pics|naked)|(?:nudes|noodz|nudez)`), agent: 'speaker', patient: 'reader', mood: 'asks for sexual images', note: '' },
  { kind: 'sexual', pattern: g(`send (?:me |us )?(?:\\w+ ){0,3}?${PICS}(?: \\w+){0,2}? (?:of you|of yourself|of urself|of what you|wearing|in the|in your|in that)|send (?:me |us )?(?:a few |some |more )?selfies|${PICS} of (?:you|yourself|urself) (?:wearing|in)`), agent: 'speaker', patient: 'reader', mood: 'asks for photos of the reader', delta: -0.2, note: 'a photo request; harassment with more around it' },
  { kind: 'sexual', pattern: g(`(?:want to|do you want to|you want to|care to|let us|come|like to) (?:grab a drink|get a drink|get drinks|have a drink|have dinner|come back|come over|come round|hang out|chill|spend the night|stay the night|do a|go out|meet up|party)|stay the night|spend the night|let me come (?:by|over|round)|hook up|hookup|(?:are )?you single|(?:are )?you free tonight|sit in the front with me|get you alone|come (?:round |over )?alone|show you around (?:\\w+ )?(?:tonight|later)|private session|other services|if you are nice to me|leave the (?:back |front )?door (?:unlocked|open) for me|^(?:you|u) up|dinner\\b|back to (?:my|the) (?:place|truck|car|room|hotel|van)|at my place|to my place`), agent: 'speaker', patient: 'reader', mood: 'a proposition', delta: -0.15, note: 'an invitation; harassment with more around it' },
  { kind: 'sexual', pattern: g(`(?:and|then) i will (?:pay (?:you )?(?:double|extra|more)|approve|tip you|release|give you)`), agent: 'speaker', patient: 'reader', mood: 'offers something in return', delta: -0.35, note: 'an offer in return; harassment only beside a sexual request' },
  { kind: 'sexual', pattern: g(`(?:are you|you are|you) (?:home )?alone|when you are alone|(?:do not|dont) tell (?:your|ur) (?:bf|boyfriend|husband|hubby|gf|girlfriend|wife|partner)|(?:your|ur) (?:husband|bf|boyfriend|hubby) (?:is )?(?:not |never )?(?:home|around|away|in)|left my number on your|in (?:that|your|those) (?:robe|towel|dress|bikini|shorts|underwear|lingerie|nightie|pajamas|pyjamas)|bending over|what (?:you are|your) wearing|一个人`), agent: 'speaker', patient: 'reader', mood: 'intrusive', delta: -0.25, note: "an intrusion into the reader's privacy; harassment with more around it", allowsNegation: true },
];
