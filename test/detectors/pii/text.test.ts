import { describe, expect, it } from 'vitest';
import { addressDetector } from '../../../src/detectors/pii/address.js';
import { emailDetector } from '../../../src/detectors/pii/email.js';
import { isIpv6, ipDetector } from '../../../src/detectors/pii/ip.js';
import { urlDetector } from '../../../src/detectors/pii/url.js';
import { run, texts } from './helpers.js';

describe('email detector', () => {
  it.each([
    ['mail jo.lee@mail.com today', 'jo.lee@mail.com'],
    ['ＪＯ＠ＭＡＩＬ.ＣＯＭ', 'ＪＯ＠ＭＡＩＬ.ＣＯＭ'],
    ['kim88 at hotmail dot com', 'kim88 at hotmail dot com'],
    ['movers.dan(at)yahoo(dot)com', 'movers.dan(at)yahoo(dot)com'],
    ['name[@]mail.de', 'name[@]mail.de'],
    ['ann {at} proton {dot} me', 'ann {at} proton {dot} me'],
    ['j o . l e e @ m a i l . c o m', 'j o . l e e @ m a i l . c o m'],
    ['sam dot trades at gmail, thanks', 'sam dot trades at gmail'],
    ['3156620847@qq.com', '3156620847@qq.com'],
  ])('finds %s', (text, expected) => expect(texts(emailDetector, text)).toEqual([expected]));

  it.each([
    ['email me at work'],
    ['see you at home dot'],
    ['no not at all. It is fine'],
    ['v1.2@3.4'],
    ['the gram @muscle.movers.atx'],
    ['meet me at gmail headquarters'],
  ])('finds no email in %s', (text) => expect(texts(emailDetector, text)).toEqual([]));
});

describe('address detector', () => {
  it.each([
    ['pickup 1842 W Belmont Ave, thanks', '1842 W Belmont Ave'],
    ['at twelve Oak Street', 'twelve Oak Street'],
    ['thirty eight Fernhill Road', 'thirty eight Fernhill Road'],
    ['12 Quarry Rd btw', '12 Quarry Rd'],
    ['Rm 1402, 88 Queensway', 'Rm 1402, 88 Queensway'],
    ['it is 58 Harbour View Rd, unit 1203', '58 Harbour View Rd, unit 1203'],
    ['350 5th Ave', '350 5th Ave'],
    ['新地址：上海市浦东新区张杨路500号1806室', '上海市浦东新区张杨路500号1806室'],
    ['地址改到朝阳区望京街10号院3号楼1202', '朝阳区望京街10号院3号楼1202'],
    ['阳光小区5栋2单元302室', '阳光小区5栋2单元302室'],
  ])('finds %s', (text, expected) => expect(texts(addressDetector, text)).toEqual([expected]));

  it.each([
    ['3rd floor, no lift'],
    ['it is a 10 min walk'],
    ['3 in a row'],
    ['the 405 freeway'],
    ['he lives on Oak Street'],
    ['631K followers but drive a honda'],
    ['2064 Supreme Court hearing'],
    ['One World Government End'],
    ['地铁3号线'],
    ['10号到货'],
    ['36路公交车'],
  ])('finds no address in %s', (text) => expect(texts(addressDetector, text)).toEqual([]));
});

describe('ip detector', () => {
  it.each([
    ['my ip 73.162.45.201', '73.162.45.201'],
    ['root@172.104.58.19', '172.104.58.19'],
    ['2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::8a2e:370:7334'],
    ['fe80:0:0:0:202:b3ff:fe1e:8329', 'fe80:0:0:0:202:b3ff:fe1e:8329'],
  ])('finds %s', (text, expected) => expect(texts(ipDetector, text)).toEqual([expected]));

  it.each([['8.8.8.8'], ['v1.2.3.4'], ['256.1.1.1'], ['1.2.3.4.5'], ['01.02.03.04'], ['12:30:45'], ['10:15']])('finds no ip in %s', (text) => {
    expect(run(ipDetector, text).filter((m) => (m.score ?? 1) >= 0.5)).toEqual([]);
  });

  it.each([
    ['::1', true],
    ['2001:db8::1', true],
    ['1:2:3:4:5:6:7:8', true],
    ['12:30:45', false],
    ['a::b::c', false],
  ])('isIpv6(%s) is %s', (text, expected) => expect(isIpv6(text)).toBe(expected));

  it('scores private and version-like addresses low', () => {
    expect(run(ipDetector, 'router 192.168.1.1')[0]!.score).toBeLessThan(0.3);
    expect(run(ipDetector, 'build 5.0.1.227')[0]!.score).toBeLessThan(0.5);
  });
});

describe('url detector', () => {
  it.each([
    ['facebook.com/marcus.deals.77, cheaper', 'facebook.com/marcus.deals.77'],
    ['https://www.instagram.com/lucy.cleans/', 'https://www.instagram.com/lucy.cleans'],
    ['linkedin.com/in/priya-raman-ux', 'linkedin.com/in/priya-raman-ux'],
    ['t.me/vanman_dave.', 't.me/vanman_dave'],
    ['wa.me/447700900734', 'wa.me/447700900734'],
    ['paypal.me/tomharris', 'paypal.me/tomharris'],
    ['cash.app/$jmoves', 'cash.app/$jmoves'],
    ['calendly.com/ryan-okafor', 'calendly.com/ryan-okafor'],
  ])('finds %s', (text, expected) => expect(texts(urlDetector, text)).toEqual([expected]));

  it.each([
    ['facebook.com/marketplace'],
    ['instagram.com/p/Cx12AbC'],
    ['linkedin.com/company/acme'],
    ['example.com/about'],
    ['twitter.com'],
  ])('finds no personal link in %s', (text) => expect(texts(urlDetector, text)).toEqual([]));
});
