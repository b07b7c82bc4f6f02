/**
 * Message-level frames: cheap regular expressions over the whole reading text that change what a
 * threat-like clause means (a report to support, a game, the news, a joke, a grievance).
 */

/** A plea to support or a statement of fear: the sender is the one being threatened. */
export const SUPPORT_PLEA = new RegExp(
  String.raw`\b(?:please|pls|plz|can you|could you|can u)\s+(?:help|ban|block|remove|do something|report|stop|deal with|look into|make sure|check)\b|` +
    String.raw`\bwhat (?:do|should|can) i do\b|\bhow (?:do|can) i (?:block|report|stop)\b|` +
    String.raw`\bi(?:'m| am)\s+(?:so\s+|really\s+)?(?:scared|terrified|afraid|frightened|not safe)\b|\bi (?:don't|do not) feel safe\b|` +
    String.raw`\bscreenshots? (?:attached|below)\b|\bis (?:that|this) (?:a scam|allowed|normal|ok)\b|\bi want to report\b|` +
    String.raw`\bneed to report\b|\bhi support\b|\bdear support\b|\bi(?:'ve| have) reported\b`,
);

/** News and events reported as past fact. */
export const NEWS = new RegExp(
  String.raw`\b(?:news|article|headline|reported|police said|according to|arrested|was (?:attacked|mugged|stabbed|shot|killed)|` +
    String.raw`got (?:mugged|stabbed|shot|attacked|killed)|last night a)\b`,
);

/** Laughter and jokes, which soften a hypothetical threat between friends. */
export const JOKE = /\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|j\/k|just kidding|kidding)\b/;
/** Laughing emoji: a joke too (kept apart from `JOKE`, which runs on the reading text's Latin-1 twin). */
export const LAUGHING = /😂|🤣|😆/;

/**
 * Grievance and hostility: an order, money or a rating in dispute, an insult, a warning. With
 * these around, "I'll find you" is pursuit; without them it is usually a pickup.
 */
export const HOSTILITY = new RegExp(
  String.raw`\b(?:owe|owes|owed|refund|review|reviews|stars?|rating|rated|1-star|one star|complain\w*|report\w*|dispute|cancel\w*|` +
    String.raw`pay up|pay me|money|deposit|still|wherever|eventually|one way or another|can't hide|cannot hide|regret|sorry|bitch|cunt|` +
    String.raw`fuck\w*|asshole|bastard|idiot|whore|slut|or else|you'll see|watch out|mark my words|i swear|swear to god|coward|cowards|` +
    String.raw`pussy|tough guy|big man|chicken|man enough)\b`,
);
/** Weapon and death emoji: hostility too (kept apart from `HOSTILITY`, which runs on the Latin-1 twin). */
export const HOSTILE_EMOJI = /🔪|🔫|💀|😈|☠/;

/** Meeting up, pickups and deliveries, where "I'll find you" and "I'm outside your door" are service. */
export const LOGISTICS = new RegExp(
  String.raw`\b(?:arrivals?|pick ?up|pickup|drop ?off|gate|entrance|lobby|terminal|platform|station|plate|don't worry|no worries|` +
    String.raw`no problem|reception|parking|car park|meet(?:ing)? point|flight|landed|deliver\w*|order|parcel|package|be there|on my way|` +
    String.raw`omw|eta|minutes|mins|min|airport|arrivals hall|curb|kerb|pickup zone|easier to find|easy to find|wait(?:ing)? at|exit|landmark)\b`,
);

/** Literal advice about bodies and lifting (`watch your back when lifting`). */
export const ADVICE = new RegExp(
  String.raw`\b(?:ice|icy|slippery|wet floor|snow|roads?|out there|lift\w*|carry\w*|bend\w*|stretch\w*|heavy|posture|stairs|boxes|` +
    String.raw`piano|sofa|couch|gym|workout|careful|with your legs|knees)\b`,
);

/** A service purpose (a delivery, directions, a repair, a pickup): a courier who knows the building is no stalker. */
export const SERVICE = new RegExp(
  String.raw`\b(?:deliver\w*|directions|pick ?up|pickup|drop ?off|dropped|parcel|package|fix|fixing|repair\w*|install\w*|inspect\w*|` +
    String.raw`appointment|as agreed|as discussed|boiler|booking|booked|quote|measure\w*|viewing|survey|service|servicing|clean\w*|` +
    String.raw`housekeeping|towels|valet|wash|washed|detailing|collect\w*|drop\w*|bring\w*|return\w*|hand ?over|handing over|rental|` +
    String.raw`rent\w*|front desk|check-?in|(?:your|ur) (?:keys|wallet|phone|card|bag|jacket)|you left|forgot|loads of times|` +
    String.raw`been there before|lunch|coffee|catch up|back in town|there too|same gym|same school|same building|neighbou?rs?)\b`,
);
