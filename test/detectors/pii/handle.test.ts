import { describe, expect, it } from 'vitest';
import { handleDetector } from '../../../src/detectors/pii/handle.js';
import { piiOptions, piiRule, texts as detectorTexts } from './helpers.js';

const options = piiOptions('handle');
const texts = (detector: typeof handleDetector, text: string) => detectorTexts(detector, text, options);

describe('handle detector', () => {
  it.each([
    ['WeChat: jay_88', 'jay_88'],
    ['my IG is @x_cakes', '@x_cakes'],
    ['TG @mover_uk', '@mover_uk'],
    ['微信号 abc123', 'abc123'],
    ['微信号：zhangwei', 'zhangwei'],
    ['QQ号 12345678', '12345678'],
    ['扣扣 2847 1963 05，加我', '2847 1963 05'],
    ['venmo me @danny-rides-sf', '@danny-rides-sf'],
    ['cashapp $bigtony215', '$bigtony215'],
    ['C@shApp ($jmoves)', '$jmoves'],
    ['my discord is pixelwitch#4471', 'pixelwitch#4471'],
    ['skype: live:.cid.8f2a91c3', 'live:.cid.8f2a91c3'],
    ['whats ur snap? mine is tonyd_44', 'tonyd_44'],
    ['dm me on ig, k.r.i.s.s.e.l.l.s', 'k.r.i.s.s.e.l.l.s'],
    ['W e C h a t: lin_88', 'lin_88'],
    ['W\u200be\u200bC\u200bh\u200ba\u200bt me: tina_moves', 'tina_moves'],
    ['weixin me if you want to talk: dragon_mover', 'dragon_mover'],
    ['小飞机 @hk_banjia_lee', '@hk_banjia_lee'],
    ['绿泡泡搜 xiaowang0915', 'xiaowang0915'],
    ['@rico.vans on insta', '@rico.vans'],
    ['line: nana_0312', 'nana_0312'],
  ])('finds the id in %s', (text, expected) => expect(texts(handleDetector, text)).toEqual([expected]));

  it.each([
    ['add me on WeChat tonight'],
    ['my instagram is private'],
    ['send it via telegram at 5pm'],
    ['IG: 10k followers'],
    ['the line 2b bus'],
    ['oh snap 2 photos'],
    ['QQ群 123456789'],
    ['QQ order 12345678'],
    ['微信支付 200 元'],
    ['V我50'],
    ['@ann Twitter is down'],
    ['reach me on whatsapp, s4me numb3r'],
    ['instagram pics.See if it works'],
    ['facebook.com/john.smith'],
  ])('finds no id in %s', (text) => expect(texts(handleDetector, text)).toEqual([]));

  it("the handle rule's trigger names every list its detector reads", () => {
    const read = [...(options['apps'] as string[]), ...(options['ambiguous'] as string[])];
    expect(read).toContain('@shared/apps');
    expect(read.filter((list) => !piiRule('handle').trigger!.includes(list))).toEqual([]);
  });
});
