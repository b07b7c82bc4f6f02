import { describe, expect, it } from 'vitest';
import { createModerator, type ConversationUpdate, type ThreadFinding } from '../../src/index.js';

const moderator = createModerator();
const START = Date.UTC(2026, 11, 1, 9, 0, 0);

/** Adds `[sender, text]` pairs a minute apart as m1, m2, …; returns every update. */
function run(turns: readonly (readonly [string, string])[], options = {}): ConversationUpdate[] {
  const convo = moderator.conversation(options);
  return turns.map(([sender, text], i) => convo.add({ id: `m${i + 1}`, sender, text, at: START + i * 60_000 }));
}

/** The findings of a conversation rule in the last update's thread. */
function ruleFindings(updates: readonly ConversationUpdate[], ruleId: string): ThreadFinding[] {
  return updates.at(-1)!.thread.findings.filter((f) => f.ruleId === ruleId);
}

function splitContact(updates: readonly ConversationUpdate[]): ThreadFinding[] {
  return ruleFindings(updates, 'conversation/split-contact');
}

// 13800138000 (a Chinese mobile) and (347) 555-0134 written every way the digits view reads,
// split into 2, 3 and 4 messages.
const CN_PIECES: Record<string, readonly (readonly string[])[]> = {
  'ASCII digits': [['1380013', '8000'], ['138', '0013', '8000'], ['138', '00', '138', '000']],
  'full-width digits': [['１３８００１３', '８０００'], ['１３８', '００１３', '８０００'], ['１３８', '００', '１３８', '０００']],
  'Chinese numerals': [['一三八零零一三', '八零零零'], ['一三八', '零零一三', '八零零零'], ['幺三八', '零零', '幺三八', '零零零']],
  'enclosed digits': [['❶❸❽⓿⓿❶❸', '❽⓿⓿⓿'], ['❶❸❽', '⓿⓿❶❸', '❽⓿⓿⓿'], ['❶❸❽', '⓿⓿', '❶❸❽', '⓿⓿⓿']],
  'spelled out': [
    ['one three eight zero zero one three', 'eight zero zero zero'],
    ['one three eight', 'zero zero one three', 'eight zero zero zero'],
    ['one three eight', 'double zero', 'one three eight', 'triple zero'],
  ],
  'spaced and dashed': [['138 - 0013', '- 8000'], ['1 3 8', '0 0 1 3', '8 0 0 0'], ['138-', '00-', '138-', '000']],
  'look-alike letters': [['138OO', '138OOO'], ['138', 'OO13', '8OOO'], ['138', 'OO', '138', 'OOO']],
  'mixed forms': [['138零零', '一三8000'], ['one three eight', '００１３', '八零零零'], ['+86', '138', '0013', '8000']],
};

describe('conversation/split-contact', () => {
  for (const [disguise, splits] of Object.entries(CN_PIECES)) {
    it.each(splits.map((pieces) => [pieces.length, pieces] as const))(`finds a number of ${disguise} split across %i messages`, (count, pieces) => {
      const updates = run(pieces.map((piece) => ['driver-7', piece] as const));
      // No piece is a phone number on its own.
      for (const update of updates) expect(update.result.findings.filter((f) => f.entity === 'phone')).toEqual([]);
      const found = splitContact(updates);
      expect(found).toHaveLength(1);
      const finding = found[0]!;
      expect(finding).toMatchObject({ category: 'pii', entity: 'phone', since: `m${count}`, sender: 'driver-7' });
      expect(finding.explanation.matched).toMatch(/^\+86138001380{3}$/);
      expect(finding.messages.map((m) => m.id)).toEqual(pieces.map((_, i) => `m${i + 1}`));
      // Each span is the piece in its message, without the separators around it.
      finding.messages.forEach((span, i) => expect(pieces[i]!.slice(span.start, span.end)).toBe(pieces[i]!.replace(/^[\s-]+|[\s-]+$/g, '')));
      expect(finding.score).toBeGreaterThanOrEqual(0.8);
      expect(finding.explanation.steps.at(-1)).toMatchObject({ kind: 'conversation', delta: 0.1 });
    });
  }

  it('finds a number split around another sender\'s short replies, with a context word in the first piece', () => {
    const updates = run([
      ['courier-3', 'text me on 347'],
      ['customer-5', '?'],
      ['courier-3', '555'],
      ['customer-5', 'what'],
      ['courier-3', '0134'],
    ]);
    const [finding] = splitContact(updates).filter((f) => f.category === 'pii');
    expect(finding).toMatchObject({ entity: 'phone', since: 'm5', sender: 'courier-3', text: '0134', start: 0, end: 4 });
    expect(finding!.messages).toEqual([
      { id: 'm1', start: 11, end: 14 },
      { id: 'm3', start: 0, end: 3 },
      { id: 'm5', start: 0, end: 4 },
    ]);
    expect(finding!.message).toBe("Shares a phone number split across 3 messages: '347 555 0134'.");
    expect(finding!.explanation.steps.map((s) => s.kind)).toContain('context');
  });

  it.each([
    ['an email in two pieces', [['seller-2', 'send the invoice to jay.lee'], ['seller-2', '@gmail.com']], 'email', 'jay.lee@gmail.com'],
    ['a spelled-out email', [['seller-2', 'my email is jay dot lee at'], ['seller-2', 'gmail dot com']], 'email', undefined],
    ['an account id after the app', [['driver-1', 'my wechat is'], ['driver-1', 'lao_star325']], 'handle', undefined],
  ] as const)('finds %s', (_, turns, entity, matched) => {
    const [finding] = splitContact(run(turns));
    expect(finding).toMatchObject({ entity, since: 'm2' });
    if (matched) expect(finding!.explanation.matched).toBe(matched);
  });

  describe('hard negatives', () => {
    it('does not join two senders\' digits, however they interleave', () => {
      expect(splitContact(run([['driver-7', '138'], ['customer-1', '0013'], ['driver-7', '8000']]))).toEqual([]);
      expect(splitContact(run([['driver-7', '一三八'], ['customer-1', '零零一三'], ['driver-7', '八零零零'], ['customer-1', '八零零零']]))).toEqual([]);
      expect(splitContact(run([['a', '138 0013'], ['b', '8000'], ['b', '8000'], ['a', 'ok']]))).toEqual([]);
    });

    it("finds only the sender's own number when both senders send digits in turn", () => {
      const updates = run([
        ['driver-7', '138'],
        ['customer-1', '5'],
        ['driver-7', '0013'],
        ['customer-1', '10'],
        ['driver-7', '8000'],
        ['customer-1', '12'],
      ]);
      const found = splitContact(updates);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ sender: 'driver-7', since: 'm5' });
    });

    it.each([
      ['counts', [['driver-6', 'Which unit, 12?'], ['driver-6', '34 boxes?'], ['driver-6', '5 mins']]],
      ['an order number and a quantity', [['customer-4', 'order 13800'], ['customer-4', '138000 was the last one']]],
      ['times', [['driver-2', 'see you at 10'], ['driver-2', '30 tomorrow'], ['driver-2', '2026']]],
      ['Chinese quantities', [['司机-8', '还有十分钟'], ['司机-8', '三号门'], ['司机-8', '一二三四']]],
    ] as const)('does not make a number of %s', (_, turns) => {
      expect(splitContact(run(turns))).toEqual([]);
    });

    it('ends the sequence after more than three messages of others in between', () => {
      const turns: [string, string][] = [['driver-7', '138'], ['x', 'a'], ['x', 'b'], ['x', 'c'], ['x', 'd'], ['driver-7', '00138000']];
      expect(splitContact(run(turns))).toEqual([]);
      expect(splitContact(run(turns.filter((_, i) => i !== 1)))).toHaveLength(1);
    });

    it('does not join pieces that left the window', () => {
      const updates = run([['driver-7', '138'], ['x', 'a'], ['driver-7', '00138000']], { window: { messages: 2 } });
      expect(splitContact(updates)).toEqual([]);
    });
  });
});

describe('conversation/split-contact given to move contact off the chat', () => {
  it.each([
    ['a reason before the pieces', [['driver-2', 'chat closes when the trip ends, save this'], ['driver-2', '0412 555'], ['driver-2', '019']]],
    ['a proposal in the first piece', [['seller-1', 'pics get compressed on here, ring me instead'], ['seller-1', '07700 900'], ['seller-1', '123']]],
    ['Chinese', [['师傅-1', '平台虚拟号老掉线，打这个'], ['师傅-1', '138 0013'], ['师傅-1', '8000']]],
    ['the other sender between', [['customer-3', 'the app keeps dropping calls, write this down'], ['driver-1', 'ok'], ['customer-3', '138 0013'], ['customer-3', '8000']]],
  ] as const)('is an off-platform request as well as personal data (%s)', (_, turns) => {
    const found = splitContact(run(turns));
    expect(found.map((f) => f.category).sort()).toEqual(['off-platform', 'pii']);
    const moved = found.find((f) => f.category === 'off-platform')!;
    expect(moved).toMatchObject({ entity: 'phone' });
    expect(moved.score).toBeGreaterThanOrEqual(0.8);
    expect(moved.explanation.steps.at(-1)!.note).toContain('m1');
  });

  it.each([
    ['a number with no reason to move', [['customer-1', 'the number for the gate'], ['customer-1', '138 0013'], ['customer-1', '8000']]],
    ['a reason from the other sender', [['driver-2', 'chat closes when the trip ends'], ['customer-1', '138 0013'], ['customer-1', '8000']]],
  ] as const)('stays personal data only for %s', (_, turns) => {
    const found = splitContact(run(turns));
    expect(found.map((f) => f.category)).toEqual(['pii']);
  });
});

describe('conversation/split-contact: handles, app code words and spelled emails in pieces', () => {
  it.each([
    ['an id split at the underscore after "搜"', [['seller-1', '这里回复慢'], ['seller-1', '搜 lily_'], ['seller-1', '8823']], ['off-platform']],
    ['an @handle in three pieces', [['seller-1', 'way over the attachment limit here, ping me'], ['seller-1', '@threads'], ['seller-1', 'byanna'], ['seller-1', '_official']], ['off-platform']],
    ['a QQ number in spaced digits after 企鹅', [['buyer-1', '文件太大这里发不了'], ['buyer-1', '企鹅'], ['buyer-1', '3 8 2'], ['buyer-1', '9 1 7 4 6 5']], ['off-platform', 'pii']],
    ['an email spelled with 点 and 艾特', [['seller-1', '显示不全，发我这'], ['seller-1', 'xiaoming点chen'], ['seller-1', '艾特qq点com']], ['off-platform', 'pii']],
  ] as const)('joins %s', (_, turns, categories) => {
    const found = splitContact(run(turns));
    expect([...new Set(found.map((f) => f.category))].sort()).toEqual(categories);
    expect(found.every((f) => f.since === `m${turns.length}` && f.messages.length >= 2)).toBe(true);
  });

  it('maps a spelled email back to the pieces as written', () => {
    const [email] = splitContact(run([['seller-1', 'xiaoming点chen'], ['seller-1', '艾特qq点com']])).filter((f) => f.entity === 'email');
    expect(email!.messages).toEqual([{ id: 'm1', start: 0, end: 13 }, { id: 'm2', start: 0, end: 8 }]);
  });

  it.each([
    ['two short words', [['buyer-1', 'ok'], ['buyer-1', 'thanks']]],
    ['a room number after a word', [['guest-1', 'we are in room'], ['guest-1', '4 1 2']]],
    ['a tracking number in pieces', [['seller-1', 'tracking number'], ['seller-1', '1Z 999'], ['seller-1', 'AA1 0123']]],
    ['Chinese prices', [['卖家-1', '一共'], ['卖家-1', '三百八十']]],
  ] as const)('does not join %s into a contact detail', (_, turns) => {
    expect(splitContact(run(turns))).toEqual([]);
  });
});

describe('conversation/cancel-and-continue', () => {
  it.each([
    ['English', [['driver-4', 'Just cancel it on your end'], ['customer-8', 'Why?'], ['driver-4', 'add me, same name, same price']]],
    ['Chinese', [['司机-4', '你先把订单取消一下'], ['客户-8', '为什么？'], ['司机-4', '加我，同名']]],
    ['proposal first', [['driver-4', 'add me on whatsapp'], ['customer-8', 'hm'], ['driver-4', 'and cancel the order']]],
  ] as const)('finds a request to cancel and a proposal in different messages (%s)', (_, turns) => {
    const [finding] = ruleFindings(run(turns), 'conversation/cancel-and-continue');
    expect(finding).toMatchObject({ category: 'off-platform', since: 'm3', sender: turns[0]![0] });
    expect(finding!.messages.map((m) => m.id)).toEqual(['m1', 'm3']);
    expect(finding!.score).toBeGreaterThanOrEqual(0.8);
    expect(finding!.explanation.steps[1]!.note).toContain('m1');
  });

  it.each([
    ['a cancel alone', [['customer-1', 'I need to cancel the order, sorry, plans changed'], ['driver-2', 'ok no problem']]],
    ['a cancel and a proposal from two senders', [['customer-1', 'can you cancel the order?'], ['driver-2', 'add me, same name']]],
    ['both in one message (the per-message rule)', [['driver-2', 'cancel the order and add me on wechat'], ['customer-1', 'no']]],
  ] as const)('is not %s', (_, turns) => {
    expect(ruleFindings(run(turns), 'conversation/cancel-and-continue')).toEqual([]);
  });

  it('counts shared contact data as a weaker proposal than an off-platform request', () => {
    const [finding] = ruleFindings(run([['driver-4', 'cancel it please'], ['driver-4', 'my number is 138 0013 8000']]), 'conversation/cancel-and-continue');
    expect(finding!.score).toBe(0.6);
    expect(finding!.explanation.steps.at(-1)).toMatchObject({ delta: -0.2 });
  });
});

describe('conversation/cancel-and-continue: the service carried on after a cancel', () => {
  it.each([
    ['an amount on arrival, the other sender confirming between', [['rider-2', 'can you cancel it on your side? the app sends you the long way'], ['driver-5', 'ok, cancelled'], ['rider-2', 'still taking me? 30 is fine when we get there']]],
    ['the provider carrying on', [['cleaner-1', 'cancel the booking on your end, they hold the deposit'], ['client-3', 'done'], ['cleaner-1', 'same date, same crew, leave 90 under the mat']]],
    ['a contract withdrawn', [['client-7', 'please withdraw from the contract on your end'], ['writer-2', 'why?'], ['client-7', "I'll pay you directly on friday"]]],
    ['把-construction', [['客户-1', '把这单取消吧'], ['师傅-2', '行'], ['客户-1', '按电话里说的价，多给你二十块']]],
    ['点一下取消', [['乘客-1', '订单你那边点一下取消'], ['司机-2', '好了'], ['乘客-1', '照常来']]],
    ['关掉', [['卖家-1', '单子先关掉吧，审核太慢'], ['买家-2', '好'], ['卖家-1', '尾款老方式，跟上次一样']]],
    ['code-mixed', [['卖家-1', '这单先 cancel 一下'], ['买家-2', '嗯'], ['卖家-1', '照样发货，扫你码']]],
  ] as const)('finds a cancel and a continuation with no app named (%s)', (_, turns) => {
    const [finding] = ruleFindings(run(turns), 'conversation/cancel-and-continue');
    expect(finding).toMatchObject({ category: 'off-platform', since: 'm3' });
    expect(finding!.messages.map((m) => m.id)).toEqual(['m1', 'm3']);
    expect(finding!.score).toBeGreaterThanOrEqual(0.7);
  });

  it.each([
    ['a cancel for a reason, then a refund', [['customer-1', 'can you cancel the booking? wrong address'], ['cleaner-2', 'done, the refund goes back to your card'], ['customer-1', 'thanks, I will book again in the app']]],
    ['a continuation with no cancel', [['driver-1', 'on my way'], ['rider-2', 'great, see you when you arrive']]],
    ['a cancel, then only thanks', [['顾客-1', '把这单取消吧，买错了'], ['卖家-2', '好的，已取消'], ['顾客-1', '谢谢']]],
    ['the continuation before the cancel', [['cleaner-2', 'same crew as last time'], ['customer-1', 'actually please cancel the booking, we are moving']]],
    ['a rebooking in the app', [['customer-1', "please cancel the booking, I'm sick"], ['cleaner-2', 'cancelled'], ['customer-1', "thanks, I'll rebook in the app, same crew if possible"]]],
    ['booking again on arrival', [['rider-1', 'sorry I have to cancel the ride'], ['driver-2', 'no worries'], ['rider-1', "I'll book again when I get there"]]],
    ['the other order still coming', [['customer-1', 'cancel it please, I ordered twice'], ['seller-2', 'done, the other order is still coming tomorrow']]],
    ['照常 in the app', [['顾客-1', '不好意思，订单取消一下，地址填错了'], ['商家-2', '好的已取消'], ['顾客-1', '好，照常在app上下']]],
    ['a refund in days', [['customer-1', 'cancel the order please'], ['seller-2', "done, I'll pay you back in 3 days through the refund"]]],
  ] as const)('is not %s', (_, turns) => {
    expect(ruleFindings(run(turns), 'conversation/cancel-and-continue')).toEqual([]);
    expect(run(turns).at(-1)!.thread.categories['off-platform']?.verdict ?? 'allow').toBe('allow');
  });
});

describe('conversation/repeated-after-refusal: pitches after a refusal for the app', () => {
  it.each([
    ['undercutting the quote', [['driver-1', "app quote is 40 huh, I'd do 25"], ['rider-2', "no thanks, I'll book through the app"], ['driver-1', '20 and I throw in the tolls']]],
    ['a private arrangement', [['tutor-1', 'we could do it the old-fashioned way, saves us both'], ['parent-2', "I'd rather keep booking on the app"], ['tutor-1', 'last offer, 15 off']]],
    ['少你N', [['骑手-1', '平台要扣我15个点，少你5块'], ['顾客-2', '不用了 我就在平台拍'], ['骑手-1', '少10块']]],
    ['便宜三成', [['司机-1', '下次要用车还找我呗'], ['乘客-2', '不用了，在app上叫就行'], ['司机-1', 'app上叫不一定是我，找我便宜三成']]],
  ] as const)('finds a pitch renewed after the other sender chose the app (%s)', (_, turns) => {
    const [finding] = ruleFindings(run(turns), 'conversation/repeated-after-refusal');
    expect(finding).toMatchObject({ category: 'off-platform', since: 'm3', sender: turns[0]![0] });
    expect(finding!.messages.map((m) => m.id)).toEqual(['m1', 'm3']);
    expect(finding!.explanation.steps[1]!.note).toContain('for the app');
  });

  it.each([
    ['a refusal for the app alone', [['plumber-1', 'I can come thursday for 80 bucks'], ['customer-2', "no thanks, I'll reschedule in the app"], ['plumber-1', 'ok']]],
    ['haggling, then paying in the app', [['seller-1', '50 is my lowest'], ['buyer-2', '45?'], ['seller-1', '48, good price'], ['buyer-2', "ok I'll pay through the app"]]],
    ['a refusal of a price that does not name the app', [['seller-1', '50 bucks'], ['buyer-2', 'no, too much'], ['seller-1', '45 then, last price']]],
    ['the pitch from the one who refused', [['courier-1', 'I can ship it for 12 yuan'], ['buyer-2', '不用了，平台的物流就行，便宜点吗']]],
    ['the same price on the app', [['seller-1', '这个 200 块'], ['buyer-2', '不用了，我在平台买'], ['seller-1', '好的，平台上也是 200 块']]],
    ['a promo code of the app', [['seller-1', 'selling for 50 bucks'], ['buyer-2', "no thanks, I'll buy on the app"], ['seller-1', "it's 50 on the app too, discount code SAVE10 works there"]]],
  ] as const)('is not %s', (_, turns) => {
    expect(ruleFindings(run(turns), 'conversation/repeated-after-refusal')).toEqual([]);
  });
});

describe('conversation/repeated-after-refusal', () => {
  it.each([
    ['English', [['driver-1', 'add me on whatsapp'], ['customer-2', "no thanks, I'll use the app"], ['driver-1', 'come on, just add me']]],
    ['Chinese', [['司机-1', '加个微信吧'], ['客户-2', '不用了'], ['司机-1', '加我嘛']]],
    ['a refusal in other words', [['driver-1', 'add me on whatsapp'], ['customer-2', 'please stop'], ['driver-1', 'text me then, same number']]],
  ] as const)('finds a request made again after the other sender said no (%s)', (_, turns) => {
    const [finding] = ruleFindings(run(turns), 'conversation/repeated-after-refusal');
    expect(finding).toMatchObject({ category: 'off-platform', since: 'm3', sender: turns[0]![0] });
    expect(finding!.messages.map((m) => m.id)).toEqual(['m1', 'm3']);
    expect(finding!.score).toBeGreaterThanOrEqual(0.75);
    expect(finding!.explanation.steps.some((s) => s.note.includes('said no in m2'))).toBe(true);
  });

  it('raises the score with every further request', () => {
    const updates = run([
      ['driver-1', 'add me on whatsapp'],
      ['customer-2', 'no'],
      ['driver-1', 'add me'],
      ['driver-1', 'add me pls'],
    ]);
    const [finding] = ruleFindings(updates, 'conversation/repeated-after-refusal');
    expect(finding!.messages.map((m) => m.id)).toEqual(['m1', 'm3', 'm4']);
    expect(finding!.score).toBeGreaterThan(ruleFindings(updates.slice(0, 3), 'conversation/repeated-after-refusal')[0]!.score);
  });

  it.each([
    ['no refusal in between', [['driver-1', 'add me on whatsapp'], ['customer-2', 'ok'], ['driver-1', 'add me']]],
    ['"no problem" is not a refusal', [['driver-1', 'add me on whatsapp'], ['customer-2', 'no problem'], ['driver-1', 'add me']]],
    ['the refusal came first', [['customer-2', 'no'], ['driver-1', 'add me on whatsapp'], ['driver-1', 'add me']]],
  ] as const)('is not found with %s', (_, turns) => {
    expect(ruleFindings(run(turns), 'conversation/repeated-after-refusal')).toEqual([]);
  });
});

describe('conversation/escalation', () => {
  it.each([
    ['English', [['driver-7', 'you stupid bitch'], ['customer-1', 'excuse me?'], ['driver-7', 'you have a nice body, come to my place tonight'], ['driver-7', 'I know where you live. I will go after your family']]],
    ['Chinese', [['司机-7', '你这个贱人'], ['客户-1', '？'], ['司机-7', '美女身材真好，晚上陪我喝一杯'], ['司机-7', '我知道你家在哪，我会去找你家人算账']]],
  ] as const)('scores insult, then sexual remark, then threat from one sender as a block (%s)', (_, turns) => {
    const updates = run(turns);
    const two = ruleFindings(updates.slice(0, 3), 'conversation/escalation')[0]!;
    expect(two).toMatchObject({ category: 'threat', score: 0.6, since: 'm3' });
    const [three] = ruleFindings(updates, 'conversation/escalation');
    expect(three).toMatchObject({ category: 'threat', since: 'm4', severity: 'critical' });
    expect(three!.score).toBeGreaterThanOrEqual(0.85);
    expect(three!.messages.map((m) => m.id)).toEqual(['m1', 'm3', 'm4']);
    expect(three!.explanation.steps[1]!.note).toBe('hostility rising: insult (m1) → sexual remark (m3) → threat (m4)');
  });

  it.each([
    ['falling', [['rider-2', "hurry up or you'll regret it"], ['rider-2', 'idiot']]],
    ['two senders, one kind each', [['rider-2', 'idiot'], ['customer-5', "you'll regret this"]]],
    ['one kind, repeated', [['rider-2', 'idiot'], ['rider-2', 'you moron']]],
  ] as const)('is not found when hostility is %s', (_, turns) => {
    expect(ruleFindings(run(turns), 'conversation/escalation')).toEqual([]);
  });
});

describe('who said it', () => {
  // 'flagged': the victim's message is flagged alone and the thread sets it aside; 'clean': the
  // message rules already read it as reported speech, and the thread must not raise it either.
  it.each([
    ['repeats a threat word for word', 'flagged', [['driver-9', 'Give me 5 stars or else. I know where you live.'], ['customer-3', 'I know where you live??']]],
    ['quotes a threat with a quote marker (Chinese)', 'flagged', [['司机-5', '给个好评，不然小心点，我知道你住哪。'], ['客户-6', '你说“我知道你住哪”，我已经截图了。']]],
    ['repeats a threat word for word (Chinese)', 'flagged', [['司机-5', '我知道你住哪'], ['客户-6', '我知道你住哪？？']]],
    ['quotes an insult to report it', 'clean', [['driver-1', 'move it, stupid bitch'], ['customer-2', "you called me a stupid bitch, I'm reporting you"]]],
    ['quotes an insult to report it (Chinese)', 'clean', [['司机-1', '你这个贱人'], ['客户-2', '你骂我贱人，我要投诉']]],
    ['turns an off-platform request down', 'flagged', [['driver-1', 'add me on wechat, easier to talk there'], ['customer-2', "no I'm not adding you on wechat"]]],
  ] as const)('does not count it against a victim who %s (alone: %s)', (_, alone, turns) => {
    const [update1, update2] = run(turns);
    const victims = update2!.thread.findings.filter((f) => f.sender === turns[1]![0]);
    if (alone === 'flagged') {
      expect(update2!.result.verdict).not.toBe('allow');
      expect(victims.length).toBeGreaterThan(0);
    } else {
      expect(update2!.result.verdict).toBe('allow');
      expect(victims).toEqual([]);
    }
    for (const finding of victims) {
      expect(finding.score).toBeLessThanOrEqual(0.2);
      expect(finding.explanation.steps.at(-1)!.note).toMatch(/^who said it: /);
    }
    // The thread is the offender's: its verdict is the first message's.
    expect(update1!.thread.verdict).not.toBe('allow');
    expect(update2!.thread.verdict).toBe(update1!.thread.verdict);
    // The message's own result is untouched.
    expect(update2!.result).toEqual(moderator.moderate(turns[1]![1]));
  });

  it('does not excuse a threat of the second sender\'s own', () => {
    const [, update] = run([['driver-9', 'I know where you live.'], ['customer-3', 'I will kill you if you come here']]);
    const own = update!.thread.findings.filter((f) => f.sender === 'customer-3');
    expect(own.some((f) => f.score >= 0.85)).toBe(true);
  });

  it("keeps a victim's quoted threat out of their escalation", () => {
    const updates = run([
      ['driver-9', 'you idiot'],
      ['customer-3', 'stop it, idiot'],
      ['driver-9', 'I know where you live.'],
      ['customer-3', 'I know where you live?? reporting you'],
    ]);
    expect(ruleFindings(updates, 'conversation/escalation').map((f) => f.sender)).toEqual(['driver-9']);
  });
});

describe('policy', () => {
  it('turns the conversation rules off with disable', () => {
    const quiet = createModerator({ disable: ['conversation/escalation', 'conversation/split-contact'] });
    const convo = quiet.conversation();
    const turns = [['d', 'you idiot'], ['d', "you'll regret this"], ['d', '138'], ['d', '00138000']];
    const last = turns.map(([sender, text], i) => convo.add({ id: `m${i}`, sender: sender!, text: text!, at: START + i })).at(-1)!;
    expect(last.thread.findings.filter((f) => f.ruleSet === 'conversation')).toEqual([]);
    const none = createModerator({ disable: ['conversation'] }).conversation();
    none.add({ id: 'a', sender: 'd', text: 'cancel it', at: START });
    expect(none.add({ id: 'b', sender: 'd', text: 'add me on wechat', at: START }).thread.findings.some((f) => f.ruleSet === 'conversation')).toBe(false);
  });

  it('reads refusals and proposals from the vocabulary an overrides file extends', () => {
    const overrides = `overrides: german-refusals
lists:
  conversation/refusals:
    add: [nein danke]
  conversation/contact-proposals:
    add: [schreib mir]
`;
    const turns = [['driver-1', 'add me on whatsapp'], ['customer-2', 'nein danke'], ['driver-1', 'schreib mir']] as const;
    expect(ruleFindings(run(turns), 'conversation/repeated-after-refusal')).toEqual([]);
    const extended = createModerator({ overrides }).conversation();
    const updates = turns.map(([sender, text], i) => extended.add({ id: `m${i + 1}`, sender, text, at: START + i }));
    expect(ruleFindings(updates, 'conversation/repeated-after-refusal')).toHaveLength(1);
  });

  it('names an unknown conversation list as an unknown list', () => {
    expect(() => createModerator({ overrides: 'overrides: x\nlists:\n  conversation/refusal: [nope]\n' })).toThrow(/did you mean "conversation\/refusals"/);
  });
});
