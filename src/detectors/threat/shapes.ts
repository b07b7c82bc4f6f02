/**
 * Shapes of threat that need no harm verb, shared by the gate (a cheap test on the reading text)
 * and the grammar's cues (on the sentence's normalised words), so the two agree on what they see.
 * Each alternative accepts both the typed form (`won't`, `ur`) and the normalised one (`will not`,
 * `your`).
 */

/** Threats by consequence with no harm verb: a fate for the reader, a warning, no escape. */
export const FATE = new RegExp(
  String.raw`\b(?:(?:is going to|will|gonna|going to|might|could|may) have (?:a|an) (?:\w+ ){0,2}?accident|` +
    String.raw`(?:bullet|bat|knife|gun|blade|axe|hammer|crowbar|machete|shovel)(?: \w+){0,6}? (?:(?:with|has|got) )?(?:your|ur) name` +
    String.raw`(?:'s| is)? (?:on|written on|carved on) it|` +
    String.raw`wait (?:till|until|til|'til) (?:i|we) (?:see|catch|find|get) (?:you|u|ya)|(?:won'?t|will not|wont) see me (?:coming|but)|` +
    String.raw`settle (?:it|this|things) (?:the old|another|my|outside)|` +
    String.raw`(?:know|guess|see|remember) what happens to (?:\w+ ){0,3}?(?:who|that|like you)|` +
    String.raw`deserves? (?:whatever|what)(?:'s| is)? coming|` +
    String.raw`know (?:a guy|people|someone|some people|guys) who (?:can|could|will|would|do)|` +
    String.raw`(?:coming|come|be there|show up|turn up|see you)(?: \w+){0,4}? with (?:a|my) (?:hammer|knife|bat|gun|crowbar|machete|axe|` +
    String.raw`blade|shotgun|pistol)|` +
    String.raw`bring(?:ing)? (?:a|my|the) (?:knife|gun|bat|hammer|crowbar|machete|axe|blade)(?! set| sharpener| block| roll)|` +
    String.raw`one with (?:your|ur) name on it|` +
    String.raw`say (?:goodbye|bye|bye bye) to (?:your|ur) (?:\w+ )?(?:kneecaps|knees|legs|teeth|face|car|windows|kids|family|life|` +
    String.raw`fingers|hands|shop|house)|` +
    String.raw`good luck (?:hiding|running|getting away|sleeping|walking home)|` +
    String.raw`(?:won'?t|will not|wont|never) (?:see|live to see|make it to) (?:tomorrow|the morning|the weekend|another day|next week|` +
    String.raw`your birthday|christmas|the end of)|` +
    String.raw`(?:eat|eating|drink|drinking|sip|sipping)(?: your \w+)? through a straw|` +
    String.raw`(?:your|ur) (?:so |fucking )?(?:finished|done for|dead meat)(?= (?:mate|bro|pal|m8|dude|man|now|mf|bitch|buddy)\b|$)|` +
    String.raw`(?:no idea|don'?t know|do not know|dont know) what(?:'s| is) coming|` +
    String.raw`(?:find out|see|learn|show you) what happens (?:when|to) (?:you|u|people)|` +
    String.raw`(?:wish|wished) (?:you|u) (?:were|was|had) never been born|never (?:been )?born|` +
    String.raw`(?:won'?t|will not|wont|never) (?:make it|get|be getting|be coming|be going|come|go) (?:back )?(?:home|out of here|out alive)|` +
    String.raw`(?:won'?t|will not|wont) be so lucky|make (?:you|u|ya) disappear|disappear for good|` +
    String.raw`(?<!\b(?:when|once|if|after|until|till|before|as|whether|unless|are|r) )(?:you(?:'re| are|re| r)?|ur|u r) ` +
    String.raw`(?:so |fucking |fkn |already )?(?:finished|done for|history|done)\b` +
    String.raw`(?! (?:with|yet|already|now|for today|for the day|by|at|in|the|early|soon|here|there|\?))|` +
    String.raw`(?:can'?t|cannot|can not|cant|won'?t be able to|will not be able to) hide|nowhere to (?:hide|run)|you can run but|` +
    String.raw`pray (?:we|i|that we|that i) never|(?:hope|pray) (?:i|we) (?:don'?t|never|do not|dont) (?:catch|find|see|meet)|` +
    String.raw`catch (?:you|u|ya) (?:outside|alone|slipping|lacking|on your own|one day|in the street|around here)|` +
    String.raw`put (?:you|u|ya) in (?:the |a )?(?:hospital|ground|grave|wheelchair|ambulance|icu|coffin|body bag)|in a body bag|` +
    String.raw`six feet under|(?:won'?t|will not|wont) (?:look|be) so (?:nice|pretty|good|shiny|clean) (?:after|by|when|once)|` +
    String.raw`(?:last|final) warning|(?:this|it) (?:isn'?t|is not|aint|ain'?t) over|when (?:you|u) least expect|` +
    String.raw`(?:look|looking|watch) over (?:your|ur) shoulder|count (?:your|ur) days|` +
    String.raw`enjoy (?:it|your \w+|ur \w+) while (?:you|u) (?:can|still can)|` +
    String.raw`(?:get|getting|got) what(?:'s| is)? (?:coming|you deserve|u deserve)|had it coming|` +
    String.raw`(?:deal with|sort|take care of|handle) (?:you|u|ya)(?: \w+)? (?:myself|personally|properly|the old|my way|outside)|` +
    String.raw`(?:don'?t|do not|dont) (?:push|cross|try) me|(?:cross|push) me (?:again|one more))\b`,
);

/** Knowledge of the reader's life: what they drive, the route they take, where they walk alone. */
export const KNOWS_LIFE = new RegExp(
  String.raw`\b(?:found (?:your|ur) (?:facebook|instagram|insta|profile|account|socials|linkedin|tiktok|address|house|place|family)|` +
    String.raw`know (?:you're|you are|ur|youre|u r) (?:home )?alone|know (?:when |what time )?(?:your|ur) (?:shift|class|classes|work|` +
    String.raw`lesson|train|bus|session)(?: \w+)? (?:ends|finishes|starts|leaves|is over)|` +
    String.raw`(?:see|saw|watch|watching|watched) (?:you|u) (?:through|from|in) (?:your|ur|the) (?:window|windows|curtains|blinds)|` +
    String.raw`eyes on (?:you|u|your \w+|ur \w+)|` +
    String.raw`(?:took|taken|got|have|snapped) (?:a )?(?:photo|pic|picture|snap|video) of (?:your|ur) (?:plate|car|house|door|face|kids|` +
    String.raw`building|bike)|know (?:which|what) (?:flat|house|car|door|one|room|unit|building|floor) (?:is )?(?:yours|urs)|` +
    String.raw`(?:same|the) (?:route|way|path|bus|train) (?:every|each)|` +
    String.raw`(?:see|seen|saw) (?:your|ur) (?:light|lights|car|scooter|bike|van) (?:on|off|parked|outside|there|again)|` +
    String.raw`(?:sitting|standing|parked|waiting|watching) (?:right )?(?:across|opposite|outside|down) (?:the street |the road )?(?:from )?` +
    String.raw`(?:your|ur) (?:office|house|place|work|shop|building|flat|door|school)|` +
    String.raw`(?:found|find|track\w*) (?:you|u) (?:anyway|again|everywhere|wherever)|` +
    String.raw`(?:new|more|other|fake) accounts|(?:think|thought) (?:you're|youre|ur|you are|u r|your) safe|` +
    String.raw`(?:you|u) (?:won'?t|will not|wont|can'?t|cannot) (?:see|get away from|escape|block|leave) me|` +
    String.raw`(?:lets|let) me in(?:to)? (?:the|your|ur) building|know who (?:he|she|they) (?:is|are)|` +
    String.raw`(?:lock|locked) (?:your|ur) (?:doors?|gate|windows?)|` +
    String.raw`(?:plays|walks|waits|goes|sits) (?:in|at|to|by) (?:that|the) \w+ alone)\b|` +
    String.raw`\b(?:know|knw|remember|learned|memori[sz]ed|seen|saw|noticed|clocked)\b(?: \w+){0,2}? (?:what|which) ` +
    String.raw`(?:car |vehicle |bike )?(?:you|u) (?:drive|ride|park|wear|look like)\b|` +
    String.raw`\b(?:know|knw|remember|learned|memori[sz]ed)\b (?:the |your |ur )?(?:route|way|path|bus|train|time|times|hours|schedule|` +
    String.raw`routine|days)(?: \w+)? (?:you|u) (?:take|leave|get|finish|walk|go|use|catch|come)\b|` +
    String.raw`\b(?:followed|tailed|trailed|watched|noticed|noticing|been watching)\s+(?:you|u|your \w+|ur \w+)\b|` +
    String.raw`\b(?:can|could) see (?:your|ur) (?:window|windows|balcony|bedroom|door|house|place|flat|light|lights|car)\b|` +
    String.raw`\b(?:your|ur) (?:\w+ )?(?:address|plate|number|details|location|photo|face)\b(?: \w+){0,2}? (?:right )?(?:here )?` +
    String.raw`(?:on|in) (?:my|the|this) (?:screen|phone|notes|app|system|records|list|receipt)\b|` +
    String.raw`\bwhere to find (?:you|u)\b|` +
    String.raw`\b(?:saw|seen|spotted) (?:you|u)(?: \w+){0,6}? (?:in|with|wearing) (?:your|ur|that|those|the) (?:\w+ )?` +
    String.raw`(?:coat|jacket|dress|top|shirt|hoodie|skirt|jeans|hat|shoes|uniform|boots|leggings|shorts)\b|` +
    String.raw`\b(?:every|each) (?:day|night|morning|evening|time) (?:you|u) (?:leave|walk|go|come|get)\b`,
);

/** Sexual demands and remarks that are harassment on their own: photos in underwear, sit on my lap, nice tits. */
export const SEXUAL_DEMAND = new RegExp(
  String.raw`\b(?:(?:looking|look|staring|stare|stop looking) at (?:your|ur) (?:ass|butt|tits|boobs|legs|body|chest|thighs|booty)|` +
    String.raw`wear (?:something|anything|nothing) (?:short|tight|sexy|revealing|skimpy|low|see-through|less|for me)|` +
    String.raw`(?:let me|lemme|wanna|want to|can i|i want to) see (?:those|your|ur|them|that) (?:legs|tits|boobs|ass|butt|body|feet|thighs|curves)|` +
    String.raw`(?:sexy|hot|fine) when (?:you|u) (?:bend|bent|lean|walk|dance|wear)|` +
    String.raw`(?:look|looks|looked|be) (?:even |so |much )?(?:better|good|great|hotter|sexier) (?:naked|without (?:clothes|it|them|those|the))|` +
    String.raw`(?:pic|pics|photo|photos|picture|pictures|selfie|selfies|video|vid)s? of (?:you|u|yourself|urself) ` +
    String.raw`(?:in|wearing|without|from|after) (?:your |ur |a |the |just )?(?:bra|underwear|lingerie|bikini|panties|knickers|thong|` +
    String.raw`nothing|towel|undies|shower|bath|bed|pyjamas|pajamas)|` +
    String.raw`topless|` +
    String.raw`(?:without|with no|no) (?:the|your|ur|a|any)? ?(?:rest|clothes|uniform|bra|panties|knickers|underwear)` +
    String.raw`(?= (?:on|next time|tonight|this time|pls|please|ok)|[.!?,]|$)|` +
    String.raw`with me in it|(?:my|the) (?:room|bed|hotel|place)(?:,| at| tonight at)? \d{1,2}(?::\d\d)? ?(?:pm|am)?|` +
    String.raw`(?:take|taking|took|get|getting) (?:your|ur|that|the|those) (?:top|shirt|bra|clothes|pants|dress|panties|knickers|undies) off|` +
    String.raw`without (?:those|these|your|ur|any|the) clothes|(?:sit|sitting) on my (?:lap|face|knee|dick|cock)|` +
    String.raw`nice (?:tits|boobs|rack|ass|arse|butt|booty)|` +
    String.raw`show me (?:your|ur|some|those|them|that) (?:body|tits|boobs|ass|butt|legs|feet|chest|skin|bra)|` +
    String.raw`(?:see|pics? of|photos? of|pictures? of) (?:your|ur) (?:feet|toes|tits|boobs)|` +
    String.raw`(?:want|wanna|would love|love|like|dying) to (?:touch|kiss|taste|feel|lick|undress|fuck|bang|smash|spank) (?:you|u)|` +
    String.raw`(?:touch|kiss|taste|lick|undress|fuck|bang) (?:you|u) so (?:bad|badly|much|hard)|(?:spend|stay) the night with me|` +
    String.raw`(?:come|get) (?:in|into|up)(?: \w+)? (?:to )?my (?:bed|bedroom)|` +
    String.raw`(?:your|ur) (?:legs|body|ass|arse|tits|boobs|lips|curves|butt) (?:drive|drives|make|makes|made|are driving|is driving|got me)|` +
    String.raw`(?:pay|paying|give you|\$\d+) (?:\w+ )?(?:a|per|each|for (?:a|each|every)) (?:pic|photo|picture|video|vid|feet pic))\b`,
);
