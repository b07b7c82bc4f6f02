/**
 * The last cheap test before compromise: a message is parsed only when the shapes the grammar
 * looks for can occur in it at all (a harm verb near a person, a pursuit verb on the reader, a
 * condition word and a harm, two signs of sexual interest). Rule triggers are single words and
 * fire on ordinary chat ("see you", "review", "cute"); this keeps the 0.6 ms parse for the few
 * messages where a threat is possible.
 */

import { HARM_VERBS, PEOPLE, READER, READER_POSSESSIVE, THIRD_PRONOUNS } from './lexicon.js';

const GROUPS = [...PEOPLE].filter((w) => w.length > 3 && w.endsWith('s')).join('|');
const NAMED = [...PEOPLE].filter((w) => w.length > 2).join('|');
const YOU = String.raw`(?:you|u|ya|your|ur|yourself|urself|y'all|yall)`;
const PERSON = String.raw`(?:${YOU}|my (?:ex|neighbou?r|neighbou?rs|boss|landlord|landlady|manager|coworker|co-worker|roommate|flatmate|stepdad|stepmom|ex-\w+)|him|her|them|em|his|their|they|he|she|someone|somebody|anyone|everyone|everybody|people|folks|(?:all|every|those|these|the next) \w+|\w+ (?:people|folks)|\w+'s (?:neck|face|legs|head|skull|jaw|teeth|arms|knees|throat|ass)|(?:that|this|the|some|his|her|their|my) (?:\w+ )?(?:guy|girl|man|woman|bitch|bastard|kid|driver|dude|landlord|neighbou?r|boss|prick|idiot|${NAMED})|[a-z]{3,}s (?:should|must|deserve|need|ought|will|are going|gotta|have to)|(?:the |these |those |all )?(?:${GROUPS}))`;
const HARM = String.raw`(?:kill\w*|murder\w*|stab\w*|shoot\w*|shot|strangl\w*|chok\w*|beat\w*|punch\w*|hurt\w*|harm\w*|break\w*|broke|smash\w*|slit\w*|cut|burn\w*|bury|buried|rape\w*|slap\w*|kick\w*|attack\w*|bash\w*|drown\w*|poison\w*|hang|hanged|hung|lynch\w*|execut\w*|behead\w*|butcher\w*|slaughter\w*|massacre\w*|extermin\w*|annihilat\w*|gas|nuke\w*|whip\w*|maim\w*|stomp\w*|smack\w*|unaliv\w*|hunt\w*|destroy\w*|ruin\w*|wreck\w*|end|shank\w*|whoop\w*|eliminat\w*|crippl\w*|crush|run \w+ over|hit|mess \w+ up|fuck \w+ up|torch\w*|knife|snap\w*|rip|rips|ripping|slash\w*|knock\w*|key|drag\w*|smother\w*|suffocat\w*|tortur\w*|mutilat\w*|batter\w*|thrash\w*|pummel\w*|bleed|gut|skin|deck|castrat\w*)`;

const SUFFERS = String.raw`(?:die|dies|dead|death|deserves? (?:a|the) (?:bullet|beating|kicking|rope)|(?:be|get) wiped off|(?:be|get|got|gets|getting|been) (?:killed|shot|hanged|hung|stabbed|hurt|beaten|beat up|burned|burnt|raped|executed|lynched|gassed|exterminated|slaughtered|murdered|abused|attacked|wiped out|put down|chopped|stoned|beheaded|unalived|jumped|smoked|dealt with|taken out|cut|hit|slit|strangled|choked|drowned|bashed|smashed|whipped|punched|slapped|kicked|destroyed|eliminated|crushed|wrecked|run over|knifed|shanked)|deserve\w*)`;
const HARM_NEAR_PERSON = new RegExp(
  String.raw`\b${HARM}\b(?: \w+){0,4}? ${PERSON}\b|\bput a bullet in\b|\bnobody gets hurt\b|\bno one gets hurt\b|\bnever walk again\b|\b${PERSON}\b[^.!?\n]{0,30}?\b${SUFFERS}\b|\b${HARM}\b(?: \w+){0,3}? (?:the|your|ur|that) (?:\w+ )?(?:door|car|house|window|windows|tires|tyres|truck|van|shop|store|place|home|mosque|church|synagogue|temple|gurdwara|clinic|restaurant|office|garage)\b`,
);
// Every alternative of HARM_NEAR_PERSON needs one of these words; testing them first keeps the
// person-first alternative (which tries at every word) off text with no harm or death in it.
const HARM_WORD = new RegExp(
  String.raw`\b(?:${HARM}|die|dies|dead|death|deserve|bullet|wiped off|put a bullet|gets hurt|walk again|abus|wiped|put down|chop|stoned|jumped|smoked|dealt|taken out|run over)`,
);
const PURSUIT = new RegExp(String.raw`\b(?:find|get|visit|track|hunt|catch|coming for|come for|come back for|coming back for|come after|coming after|go after|going after|waiting for|deal with|sort|handle|take care of)\s+${YOU}\b`);
const VEILED = /\b(?:see what happens|(?:you're|you are|ur|u r) lucky (?:i|we)|shut (?:you|u) up|end up in (?:the |a )?(?:hospital|ground|grave|wheelchair|morgue)|teach (?:you|u|him|her|them|that \w+) a lesson|get my hands on|(?:you|u) should be (?:scared|afraid|worried)|(?:should|must|need to|ought to|deserve to) (?:all )?(?:be|get) (?:\w+ ){0,3}?(?:shot|killed|hanged|hung|gassed|burned|executed|lynched|exterminated|beaten|stabbed)|shame if|you(?:'re| are| r)? (?:so |already )?dead|ur dead|dead (?:man|woman)|regret|be sorry|make (?:your|ur) life|make (?:you|u) (?:pay|regret|suffer|bleed|sorry)|(?:you|u)(?:'ll| will| are going to| gonna| r gonna) pay for (?:this|that|it)|happen(?:s|ed)? to|accidents happen|happen on|test me|how brave|days are numbered|see it coming|messing with|watch what happens|what'?s coming|what is coming|asked for it|one eye open|watch (?:your|ur) back|watch yourself|better watch|pay attention|think of me|think about (?:it|that)|be careful|seeing (?:you|u)|see (?:you|u) (?:around|soon)|c u (?:around|soon)|make sure (?:you|u|your \w+|ur \w+) (?:\w+ )?(?:regret|pay|suffer|are sorry|never)|(?:you|u)(?:'ll| will| are going to| gonna| r gonna| going to) pay\b|mark my words|pay(?:ing)? (?:you|u|ya|your \w+|ur \w+) a (?:\w+ )?visit|(?:outside|behind|beside|next to) (?:your|ur) (?:car|van|truck|bike|vehicle)|get (?:out here|outside|down here)|set fire to|set (?:\w+ ){1,2}on fire|(?:go|head|drive|turn up|show up)(?: round| over| down)? (?:to|at) (?:his|her|their) |(?:waiting|parked|standing|sitting|hiding) (?:right )?(?:by|at|next to|outside|near|behind|beside) (?:your|ur) (?:car|van|truck|bike|vehicle)|come (?:out|outside|downstairs|down here|out here)|step outside|fight me|to my face|(?:your|ur|you're|youre|you are|u r) (?:so |already |fucking |fkn |fuckin |totally )?dead\b(?! (?:right|wrong|tired|serious|set|on|center|centre|last|even|straight|sure|honest|broke|quiet|inside|asleep|weight|easy|simple|cheap|lucky|funny|cute|end|heat|battery|phone)))\b/;
// Threats by consequence with no harm verb: a fate for the reader, a warning, no escape.
export const FATE = /\b(?:(?:wish|wished) (?:you|u) (?:were|was|had) never been born|never (?:been )?born|(?:won'?t|will not|wont|never) (?:make it|get|be getting|be coming|be going|come|go) (?:back )?(?:home|out of here|out alive)|(?:won'?t|will not|wont) be so lucky|make (?:you|u|ya) disappear|disappear for good|(?<!\b(?:when|once|if|after|until|till|before|as|whether|unless|are|r) )(?:you(?:'re| are|re| r)?|ur|u r) (?:so |fucking |fkn |already )?(?:finished|done for|history|done)\b(?! (?:with|yet|already|now|for today|for the day|by|at|in|the|early|soon|here|there|\?))|(?:can'?t|cannot|can not|cant|won'?t be able to|will not be able to) hide|nowhere to (?:hide|run)|you can run but|pray (?:we|i|that we|that i) never|(?:hope|pray) (?:i|we) (?:don'?t|never|do not|dont) (?:catch|find|see|meet)|catch (?:you|u|ya) (?:outside|alone|slipping|lacking|on your own|one day|in the street|around here)|put (?:you|u|ya) in (?:the |a )?(?:hospital|ground|grave|wheelchair|ambulance|icu|coffin|body bag)|in a body bag|six feet under|(?:won'?t|will not|wont) (?:look|be) so (?:nice|pretty|good|shiny|clean) (?:after|by|when|once)|(?:last|final) warning|(?:this|it) (?:isn'?t|is not|aint|ain'?t) over|when (?:you|u) least expect|(?:look|looking|watch) over (?:your|ur) shoulder|count (?:your|ur) days|enjoy (?:it|your \w+|ur \w+) while (?:you|u) (?:can|still can)|(?:get|getting|got) what(?:'s| is)? (?:coming|you deserve|u deserve)|had it coming|(?:deal with|sort|take care of|handle) (?:you|u|ya)(?: \w+)? (?:myself|personally|properly|the old|my way|outside)|(?:don'?t|do not|dont) (?:push|cross|try) me|(?:cross|push) me (?:again|one more))\b/;

const INTIMIDATION = new RegExp(
  String.raw`\b(?:i|we|i've|ive|i'll|ill|i'm|im|we'll|we've)\b[^.!?\n]{0,14}?\b(?:know|knw|knew|know what|know which|remember\w*|memori[sz]ed|saved|found out|figured out|find|found|look up|noted)\b(?: \w+)?\s(?:where (?:you|u|ur|your)|who (?:you|u)|(?:which|what) (?:flat|house|school|building|floor|car|one|time|bus|train|gym|route)|(?:you're|youre|ur|you are) the one)\b|\b(?:know|remember) (?:your|ur) (?:\w+ )?(?:address|building|house|place|car|door|office|school|routine|schedule|name|plate)\b|\b(?:got|have|kept|still have|still got)\s+(?:your|ur|the)\s+(?:\w+\s+)?(?:address|pin|door code|location|passport|id)\b|\b(?:your|ur)\s+(?:\w+\s+)?address (?:from|on|in)\b|\b(?:watching|following|stalking|tracking|saw|seen|spotted|still see|still c|can see)\s+(?:you|u)\b|\bmake me (?:come|drive|go|show|turn)\b|\b(?:show up|be outside|come) there\b|\bwatch (?:your|ur) back\b|\bw a t c h\b|\b(?:know|knw|remember|found out|figured out)\s+(?:you|u|your \w+|ur \w+)\s+(?:live|lives|living|work|works|stay|stays|park|parks|go|goes|train|trains|jog|walk|walks|drop|drops|study|sleep)\b|\b(?:your|ur)\s+(?:plate|plates|license plate|number plate|reg|registration|car|address|name|face)(?: number)?(?:'s| is| was| are)?\s+(?:on|in)\s+(?:my|the|this)\b|\b(?:know|knw|remember|saw|seen|have|got|noted|clocked|wrote down|memori[sz]ed)\s+(?:your|ur)\s+(?:\w+\s+)?(?:car|plate|plates|reg|registration|gym|routine|schedule)\b|\b(?:your|ur)\s+(?:kids?|son|daughter|child|children|little \w+)(?:'s|s')?\s+(?:\w+\s+)?(?:school|nursery|class|daycare)\b|\b(?:come|coming|go|going|turn up|show up|be|pop)\s+(?:round |over |down |up )?(?:to|at|outside|by)\s+(?:your|ur)\s+(?:shop|store|restaurant|salon|garage|workplace|stall|place|house|home|work|office)\b`,
);
// Knowledge of the reader's life: what they drive, the route they take, where they walk alone.
export const KNOWS_LIFE = /\b(?:(?:same|the) (?:route|way|path|bus|train) (?:every|each)|(?:see|seen|saw) (?:your|ur) (?:light|lights|car|scooter|bike|van) (?:on|off|parked|outside|there|again)|(?:sitting|standing|parked|waiting|watching) (?:right )?(?:across|opposite|outside|down) (?:the street |the road )?(?:from )?(?:your|ur) (?:office|house|place|work|shop|building|flat|door|school)|(?:found|find|track\w*) (?:you|u) (?:anyway|again|everywhere|wherever)|(?:new|more|other|fake) accounts|(?:think|thought) (?:you're|youre|ur|you are|u r) safe|(?:you|u) (?:won'?t|will not|wont|can'?t|cannot) (?:see|get away from|escape|block|leave) me|(?:lets|let) me in(?:to)? (?:the|your|ur) building|know who (?:he|she|they) (?:is|are)|(?:lock|locked) (?:your|ur) (?:doors?|gate|windows?)|(?:plays|walks|waits|goes|sits) (?:in|at|to|by) (?:that|the) \w+ alone|know|knw|remember|learned|memori[sz]ed|seen|saw|noticed|clocked)\b(?: \w+){0,2}? (?:what|which) (?:car |vehicle |bike )?(?:you|u) (?:drive|ride|park|wear|look like)\b|\b(?:know|knw|remember|learned|memori[sz]ed)\b (?:the |your |ur )?(?:route|way|path|bus|train|time|times|hours|schedule|routine|days)(?: \w+)? (?:you|u) (?:take|leave|get|finish|walk|go|use|catch|come)\b|\b(?:followed|tailed|trailed|watched|noticed|noticing|been watching)\s+(?:you|u|your \w+|ur \w+)\b|\b(?:can|could) see (?:your|ur) (?:window|windows|balcony|bedroom|door|house|place|flat|light|lights|car)\b|\b(?:your|ur) (?:\w+ )?(?:address|plate|number|details|location|photo|face)\b(?: \w+){0,2}? (?:right )?(?:here )?(?:on|in) (?:my|the|this) (?:screen|phone|notes|app|system|records|list|receipt)\b|\bwhere to find (?:you|u)\b|\b(?:saw|seen|spotted) (?:you|u)(?: \w+){0,6}? (?:in|with|wearing) (?:your|ur|that|those|the) (?:\w+ )?(?:coat|jacket|dress|top|shirt|hoodie|skirt|jeans|hat|shoes|uniform|boots|leggings|shorts)\b|\b(?:every|each) (?:day|night|morning|evening|time) (?:you|u) (?:leave|walk|go|come|get)\b/;
const AT_PLACE = /\b(?:outside|at|to|by|back to)\s+(?:your|ur)\s+(?:place|house|home|door|office|work|building|school|flat|apartment|job|street)\b|\bshow up\b/;
const HOSTILE = /\b(?:owe|refund|review|stars?|rating|1-star|complain\w*|report\w*|dispute|cancel\w*|pay up|pay me|money|deposit|regret|bitch|cunt|fuck\w*|asshole|bastard|whore|or else|or i|or we|unless|if you|if u|tonight|2am|3am|midnight|alone)\b/;
const FAMILY = /\b(?:your|ur)\s+(?:\w+\s+)?(?:wife|husband|kids?|children|child|son|daughter|mom|mum|mother|dad|father|family|sister|brother|bf|gf|boyfriend|girlfriend|baby|parents|partner|grandma|grandpa|wifey|hubby)(?:'s)?\b|\bnice (?:\w+ )?(?:kids|family)\b/;
const COERCION = /\b(?:(?:it|this|that|they|the (?:video|recording|pics?|photos?|chats?|screenshots?|messages?|call|footage|clip)|everything)(?: \w+){0,2}? (?:goes|go|going|gets sent|get sent|will go|ends up|end up|is going|gets posted|get posted) (?:to|on|online|public|viral|out)|(?:i'?ll|i will|i|we|we'?ll|we will|or i) (?:tell|inform|call|email|message|text|contact|write to|report (?:you|u) to) (?:your|ur) (?:\w+ )?(?:boss|wife|husband|family|parents|mom|mum|dad|employer|manager|school|uni|university|agency|landlord|partner|bf|gf|ex|kids|church|college|company|hr|clients|customers)|dox\w*|expose (?:you|u)|(?:nobody|no one|noone) (?:has|needs|will have|have) to (?:know|find out)|(?:gonna|going to|will|it'?ll) cost (?:you|u)|one call and|i recorded|(?:i have|i've got|i got|ive got) (?:the|a|your|ur|all the|all your|those) (?:\w+ )?(?:video|recording|screenshots?|chats|pics|photos|messages|texts|footage)|(?:say|tell (?:them|everyone|the \w+|your \w+)) (?:that )?(?:the \w+|it|you|u) (?:never arrived|was damaged|was broken|was stolen|stole|touched|hit|attacked)|or else|think twice|(?:would|be) a shame|shame if|report (?:you|u) for|leave (?:you|u) a|keep the (?:deposit|money)|(?:stuff|boxes|things|furniture|bags|order|food)(?: \w+){0,3}? (?:in the bin|in the trash|on the sidewalk|on the street)|(?:order|food|stuff|package|parcel|boxes|things)(?: \w+){0,4}? "?(?:lost|missing|broken|damaged)|comes back|up online|tell (?:your|ur) (?:boss|wife|husband|family|parents|mom|dad|employer|school|everyone|friends)|(?:post|leak|share|send|spread|publish|put|upload|expose|dox|plaster|show|forward)\w*(?: \w+){0,2}? (?:your|ur|those|the) (?:\w+ ){0,2}?(?:address|pics|pictures|photos|nudes|face|info|details|source code|secrets|secret|location|passport|customer list|number|phone number|socials|messages|texts|chats)|(?:post|put|spread) \d+ \w+|tell(?:ing)? everyone|tell(?:ing)? (?:your|ur) (?:\w+ )?(?:boss|wife|husband|family|parents|mom|mum|dad|employer|manager|school|friends|church|landlord|partner|bf|gf)|(?:say|said|tell \w+|claim|swear) (?:that )?(?:you|u) (?:assaulted|attacked|hit|touched|groped|stole|robbed|threatened|harassed|raped|abused|scammed)|(?:stuff|boxes|things|furniture|bags|luggage|order|food|sofa)(?: \w+){0,3}? (?:stays? |goes |will be |ends up |left )?(?:on|in) the (?:curb|kerb|pavement|street|sidewalk|rain|road|bin|trash|dump)|(?:i'?m|i am|i'?ll|i will|we'?re|we'?ll) (?:coming|come) (?:back|round|over)\b|before (?:you|u) (?:report|leave|give|rate|review|complain|dispute|cancel|call|tell|post|flag)|(?:your|ur) (?:\w+ )?(?:pics|photos|nudes|address|number|secrets) (?:go|goes|going|will|end|get)|(?:unload|dump|throw|drop)(?: \w+){0,2}? (?:your|ur|the) (?:stuff|boxes|things|furniture|bags|order)|remember (?:your|ur) (?:door|address|face)|you(?:'ll| will) see what happens|we(?:'ll| will) see|report (?:you|u|your \w+) to|(?:call|calling|phone|ring) (?:immigration|ice|the border \w+|the home office|the authorities) on|deport\w*|tell (?:the police|the cops|immigration|ice|everyone) (?:that )?(?:you|u)|(?:your|ur) (?:visa|status|papers)|(?:pics|pictures|photos|nudes|videos|vids|video|snaps|screenshots)(?: of (?:you|u))?(?: \w+){0,2}? (?:go|goes|going|get|gets|end up|ends up|will|are going) (?:online|everywhere|viral|public|to|out|on|all over|up)|(?:pics|pictures|photos|videos|vids|nudes) of (?:you|u)|(?:want|wanna) (?:trouble|problems|issues|a problem)|there(?:'ll| will) be (?:trouble|problems|consequences|hell)|the consequences|or (?:i'm|im|i am|i'll|ill|i will|we're|we'll|we are) (?:coming|come) (?:round|over|there|for)|(?:sees|see|will see|gets) (?:the |your |ur |those |my )?(?:pics|pictures|photos|videos|nudes)|(?:don't|dont|do not) want (?:trouble|problems|me as))\b/;

/** Sexual demands and remarks that are harassment on their own: photos in underwear, sit on my lap, nice tits. */
export const SEXUAL_DEMAND = /\b(?:(?:pic|pics|photo|photos|picture|pictures|selfie|selfies|video|vid)s? of (?:you|u|yourself|urself) (?:in|wearing|without|from|after) (?:your |ur |a |the |just )?(?:bra|underwear|lingerie|bikini|panties|knickers|thong|nothing|towel|undies|shower|bath|bed|pyjamas|pajamas)|topless|(?:without|with no|no) (?:the|your|ur|a|any)? ?(?:rest|clothes|uniform|bra|panties|knickers|underwear)(?= (?:on|next time|tonight|this time|pls|please|ok)|[.!?,]|$)|with me in it|(?:my|the) (?:room|bed|hotel|place)(?:,| at| tonight at)? \d{1,2}(?::\d\d)? ?(?:pm|am)?|(?:take|taking|took|get|getting) (?:your|ur|that|the|those) (?:top|shirt|bra|clothes|pants|dress|panties|knickers|undies) off|without (?:those|these|your|ur|any|the) clothes|(?:sit|sitting) on my (?:lap|face|knee|dick|cock)|nice (?:tits|boobs|rack|ass|arse|butt|booty)|show me (?:your|ur|some) (?:body|tits|boobs|ass|butt|legs|feet|chest|skin|bra)|(?:see|pics? of|photos? of|pictures? of) (?:your|ur) (?:feet|toes|tits|boobs)|(?:want|wanna|would love|love|like|dying) to (?:touch|kiss|taste|feel|lick|undress|fuck|bang|smash|spank) (?:you|u)|(?:touch|kiss|taste|lick|undress|fuck|bang) (?:you|u) so (?:bad|badly|much|hard)|(?:spend|stay) the night with me|(?:come|get) (?:in|into|up)(?: \w+)? (?:to )?my (?:bed|bedroom)|(?:your|ur) (?:legs|body|ass|arse|tits|boobs|lips|curves|butt) (?:drive|drives|make|makes|made|are driving|is driving|got me)|(?:pay|paying|give you|\$\d+) (?:\w+ )?(?:a|per|each|for (?:a|each|every)) (?:pic|photo|picture|video|vid|feet pic))\b/;
const SEXUAL_STRONG = new RegExp(String.raw`${SEXUAL_DEMAND.source}|\b(?:nudes|nudez|noodz|nodes|naked|nude pics|without (?:any |your |ur )?clothes|(?:touch|kiss|taste|undress) (?:you|u)|(?:pics|pictures|photos|pic|picture|videos|vids|video) of (?:your|ur) (?:\w+ )?(?:feet|legs|body|butt|ass|chest|boobs|tits|thighs|bum|booty|lips|cleavage|underwear)|(?:feet|foot|booty|butt|bikini|underwear|lingerie|bra|thigh) (?:pics|pictures|photos|pic|vids|videos))\b`);
const SEXUAL_SIGNALS: readonly RegExp[] = [
  /\b(?:you(?:'re| are| r)?|ur|u r|u)\s+(?:so |really |very |looking |look |looked |lookin |damn |sound |seem |sounded )?(?:pretty|cute|hot|sexy|fine|beautiful|gorgeous|stunning|fit|attractive|adorable|delicious|thicc)\b|\bcute (?:pic|photo|profile)|\b(?:hey|hi|hello|morning|night) (?:gorgeous|beautiful|sexy|cutie|babe|baby|sweetheart|hottie|sweetie|darling|princess)\b|\b(?:you have|you've got|you got|u have|u got) (?:the |such |a |some )?(?:\w+ )?(?:prettiest|pretty|beautiful|nice|sexy|gorgeous|amazing|great|hot|perfect) (?:eyes|smile|legs|body|lips|ass|figure|skin|hair)\b|\b(?:your|ur|those|that)\s+(?:legs|body|ass|butt|boobs|tits|lips|thighs|curves|booty|figure)\b|\blook(?:ed|s)? (?:so |really )?(?:good|great|amazing|hot|sexy|fine|delicious) (?:in|bending|wearing)|美女|\bcute\b|(?:^|, ?)(?:babe|sexy|gorgeous|beautiful|cutie|sweetheart|sweetie|darling|princess|baby ?girl|mami|hottie)\b|\b(?:babe|sexy|gorgeous|hottie|cutie)[.!?]*$|\b(?:tits|boobs|titties)\b|\bnice (?:body|legs|ass|butt|figure|curves|tits|boobs|rack|thighs|booty|bum|chest|feet)\b/,
  /\b(?:(?:have|having|had) (?:some )?fun|a good time|keep me company|(?:no one|nobody|noone) (?:will|has to|needs to|would|is going to) (?:know|find out)|worth (?:your|ur) while|our (?:little )?secret|just between us)\b/,
  /\b(?:back to mine|(?:at|to) mine tonight|come inside|come in and|my hotel room|take (?:you|u) out|(?:go|going) out with me|date me|be my (?:girl|gf|girlfriend|baby)|drink|drinks|dinner|hook up|hookup|come alone|thinking about (?:you|u)|just for me|our secret|naked|without (?:any |your |ur )?clothes|(?:see|get) (?:you|u) naked|(?:are )?(?:you|u) single|(?:are )?(?:you|u) free tonight|sit in the front with me|get you alone|stay the night|spend the night|my place|come over|come round|come by|come back to|back to the truck|back to my|private session|other services|nice to me|u up|you up|show you around|show u around|unlocked for me|hook up|hookup|let me come|come (?:up )?(?:to|by|round to|over to|back to|up to|into) my (?:hotel )?(?:room|place|flat|house|apartment|hotel|car|van|truck|cabin|bed|bedroom)|drink with me)\b/,
  /\b(?:pic|pics|picture|pictures|photo|photos|selfie|selfies|snaps|video|vid|videos)\s+of\s+(?:you|u|yourself|urself|what)|\bsend (?:me )?(?:a |some |more |a few )?(?:pic|pics|selfie|selfies|photos)\b|\bwhat (?:ur|you're|youre|you are|are you|r u|are u|r you) wearing\b|\bselfies\b/,
  /\balone\b|\bjust (?:us|the two of us|you and me)\b|\b(?:after|when) (?:your|ur|the) shift\b|\bafter work\b|\bdon'?t tell (?:your|ur) (?:bf|boyfriend|husband|hubby|gf|girlfriend|wife|partner)\b|\b(?:your|ur) (?:husband|bf|boyfriend|hubby) (?:is )?(?:not |never )?(?:home|away|around)\b|一个人/,
  /\b(?:soft lips|(?:your|ur|those) lips|(?:looked|look|looking) at me|into it|deliver (?:yourself|urself)|robe|towel|bikini|shorts|underwear|bending over|left my number on|eyeing me|wearing|in that dress|uniform|leggings|scrubs|tights|skirt|yoga pants|work pants|jeans|pants|outfit|dress)\b/,
  /\b(?:i'll|i will|ill) show (?:you|u) (?:something|a good time|what|my)\b|\b(?:and|then) (?:i'll|i will|ill) (?:pay (?:you )?(?:double|extra|more)|approve|tip|release|give you)\b/,
  /😏|😘|😍|🥵|😉|😜|💋|👅|🍆|🍑|;\)|;-\)/,
];

/** Which kinds of threat the message can hold at all; the grammar looks only for those. */
export interface GateFlags {
  readonly harm: boolean;
  readonly intimidation: boolean;
  readonly family: boolean;
  readonly coercion: boolean;
  readonly sexual: boolean;
}

/** The gate's verdict per kind, or undefined when the message cannot hold a threat (and is not parsed). */
const PASSIVE_AUX: ReadonlySet<string> = new Set(['be', 'get', 'gets', 'got', 'getting', 'been', 'being']);
const SUBJECTS: ReadonlySet<string> = new Set(['he', "he's", 'she', "she's", 'they', "they're", 'someone', 'somebody', 'whoever', 'anyone']);
// Words naming a person a harm can be done to, for the word-by-word check below.
const TARGETS: ReadonlySet<string> = new Set([...READER, ...READER_POSSESSIVE, ...THIRD_PRONOUNS, 'his', 'their', 'her', "y'all", ...PEOPLE]);

/**
 * A harm verb of the lexicon with a person among the next five words (`cave your head in`, `pop
 * you`, `stab that cop`): read word by word with set lookups, so the lexicon's every verb counts
 * without a regular expression listing them all.
 */
export function harmWordNearPerson(reading: string): boolean {
  const words = reading.match(/[a-z]+(?:'[a-z]+)?/g);
  if (!words) return false;
  for (let i = 0; i < words.length; i++) {
    if (!HARM_VERBS.has(words[i]!)) continue;
    // "he's getting his hands broken", "they deserve to get run over": a person before a passive harm.
    if (i > 0 && PASSIVE_AUX.has(words[i - 1]!) || (i > 1 && PASSIVE_AUX.has(words[i - 2]!))) {
      for (let j = Math.max(0, i - 8); j < i; j++) if (TARGETS.has(words[j]!) || SUBJECTS.has(words[j]!)) return true;
    }
    for (let j = i + 1; j <= i + 5 && j < words.length; j++) {
      const w = words[j]!;
      if (TARGETS.has(w) || (w.endsWith("'s") && TARGETS.has(w.slice(0, -2)))) return true;
    }
  }
  return false;
}

export function gate(reading: string): GateFlags | undefined {
  const veiled = VEILED.test(reading) || FATE.test(reading);
  const harm = veiled || harmWordNearPerson(reading) || (HARM_WORD.test(reading) && HARM_NEAR_PERSON.test(reading)) || PURSUIT.test(reading);
  const intimidation = veiled || INTIMIDATION.test(reading) || KNOWS_LIFE.test(reading) || (AT_PLACE.test(reading) && HOSTILE.test(reading));
  const family = FAMILY.test(reading);
  // Any other menace already makes coercion possible; its large pattern is only needed alone.
  const coercion = harm || intimidation || family || COERCION.test(reading);
  let sexual = SEXUAL_STRONG.test(reading);
  if (!sexual) {
    let signals = 0;
    for (const signal of SEXUAL_SIGNALS) if (signal.test(reading) && ++signals >= 2) break;
    sexual = signals >= 2;
  }
  if (!harm && !intimidation && !family && !coercion && !sexual) return undefined;
  return { harm, intimidation, family, coercion, sexual };
}

/**
 * Whether the gate would let the text through at all (`gate(text) !== undefined`), stopping at
 * the first shape found: a sentence of a long message needs only the yes or no.
 */
export function gatePasses(reading: string): boolean {
  if (VEILED.test(reading) || FATE.test(reading)) return true;
  if (harmWordNearPerson(reading) || (HARM_WORD.test(reading) && HARM_NEAR_PERSON.test(reading))) return true;
  if (PURSUIT.test(reading) || INTIMIDATION.test(reading) || KNOWS_LIFE.test(reading) || (AT_PLACE.test(reading) && HOSTILE.test(reading))) return true;
  if (FAMILY.test(reading) || COERCION.test(reading) || SEXUAL_STRONG.test(reading)) return true;
  let signals = 0;
  for (const signal of SEXUAL_SIGNALS) if (signal.test(reading) && ++signals >= 2) return true;
  return false;
}

/** Whether one sentence shows any sign of sexual interest (a message needs two to be parsed). */
export function sexualSign(text: string): boolean {
  return SEXUAL_STRONG.test(text) || SEXUAL_SIGNALS.some((signal) => signal.test(text));
}
