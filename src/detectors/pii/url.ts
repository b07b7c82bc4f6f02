import { noOptions, type Detector, type DetectorMatch } from '../types.js';
import { eachMatch } from '../../text/regex.js';

/** A site where a link names one person's profile, chat or payment page, and the path shape that does. */
interface ProfileSite {
  readonly label: string;
  readonly hosts: readonly string[];
  /** The path after `host/` that names a person (matched against the lower-cased link). */
  readonly path: RegExp;
}

const USER = String.raw`[a-z0-9][a-z0-9._-]{1,49}`;
const user = (prefix = '') => new RegExp(String.raw`^${prefix}(${USER})`);

// Paths on these sites that are pages of the site itself, not of a person.
const SITE_PAGES = new Set([
  'help', 'login', 'signup', 'about', 'privacy', 'terms', 'policies', 'policy', 'settings', 'search', 'explore', 'home',
  'marketplace', 'groups', 'events', 'watch', 'share', 'sharer', 'hashtag', 'p', 'reel', 'reels', 'stories', 'tv', 'accounts',
  'i', 'intent', 'jobs', 'company', 'school', 'feed', 'pages', 'business', 'ads', 'legal', 'support', 'download', 'features',
  'pricing', 'blog', 'status', 'web', 'messages', 'notifications', 'gaming', 'live', 'shorts', 'results', 'channel', 'c',
  'user', 'u', 'in', 'add', 'ti', 'r', 'send', 'paypalme', 'profile', 'users', 'invite', 'discover', 'trending', 'topics',
]);

const SITES: readonly ProfileSite[] = [
  { label: 'Facebook', hosts: ['facebook.com', 'fb.com', 'fb.me', 'm.facebook.com'], path: /^(?:profile\.php\?id=(\d+)|([a-z0-9.]{5,50}))/ },
  { label: 'Messenger', hosts: ['m.me'], path: user() },
  { label: 'Instagram', hosts: ['instagram.com', 'instagr.am'], path: user() },
  { label: 'X', hosts: ['twitter.com', 'x.com'], path: user() },
  { label: 'TikTok', hosts: ['tiktok.com'], path: user('@') },
  { label: 'LinkedIn', hosts: ['linkedin.com'], path: user('in/') },
  { label: 'Telegram', hosts: ['t.me', 'telegram.me'], path: user() },
  { label: 'WhatsApp', hosts: ['wa.me'], path: /^(\d{7,15})/ },
  { label: 'WhatsApp', hosts: ['api.whatsapp.com'], path: /^send\?phone=(\d{7,15})/ },
  { label: 'Snapchat', hosts: ['snapchat.com'], path: user('add/') },
  { label: 'YouTube', hosts: ['youtube.com'], path: new RegExp(String.raw`^(?:@|c/|user/|channel/)(${USER})`) },
  { label: 'GitHub', hosts: ['github.com', 'gitlab.com'], path: user() },
  { label: 'Behance', hosts: ['behance.net'], path: user() },
  { label: 'Dribbble', hosts: ['dribbble.com'], path: user() },
  { label: 'Calendly', hosts: ['calendly.com'], path: user() },
  { label: 'PayPal', hosts: ['paypal.me'], path: user() },
  { label: 'PayPal', hosts: ['paypal.com'], path: user('paypalme/') },
  { label: 'Venmo', hosts: ['venmo.com'], path: new RegExp(String.raw`^(?:u/)?(${USER})`) },
  { label: 'Cash App', hosts: ['cash.app'], path: user('\\$') },
  { label: 'Revolut', hosts: ['revolut.me'], path: user() },
  { label: 'Linktree', hosts: ['linktr.ee'], path: user() },
  { label: 'Ko-fi', hosts: ['ko-fi.com', 'buymeacoffee.com', 'patreon.com', 'onlyfans.com', 'fansly.com'], path: user() },
  { label: 'Weibo', hosts: ['weibo.com', 'weibo.cn'], path: new RegExp(String.raw`^(?:u/)?(${USER})`) },
  { label: 'Xiaohongshu', hosts: ['xiaohongshu.com'], path: user('user/profile/') },
  { label: 'Douyin', hosts: ['douyin.com'], path: user('user/') },
  { label: 'Pinterest', hosts: ['pinterest.com'], path: user() },
  { label: 'Reddit', hosts: ['reddit.com'], path: user('(?:u|user)/') },
  { label: 'Medium', hosts: ['medium.com'], path: user('@') },
  { label: 'Threads', hosts: ['threads.net'], path: user('@') },
  { label: 'Discord', hosts: ['discord.gg'], path: user() },
  { label: 'Discord', hosts: ['discord.com'], path: user('(?:users|invite)/') },
  { label: 'LINE', hosts: ['line.me'], path: user('ti/p/~?') },
  { label: 'VK', hosts: ['vk.com'], path: user() },
  { label: 'Etsy', hosts: ['etsy.com'], path: user('shop/') },
];

const BY_HOST = new Map<string, ProfileSite[]>();
for (const site of SITES) for (const host of site.hosts) BY_HOST.set(host, [...(BY_HOST.get(host) ?? []), site]);

const LINK = /(?<![a-z0-9.@-])(?:https?:\/\/)?(?:www\.|m\.|mobile\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})\/(\S+)/g;

/**
 * Links to one person's profile, chat or payment page on a social, messaging or payment site
 * (facebook.com/name, linkedin.com/in/name, t.me/name, wa.me/number, paypal.me/name). Links
 * to a site's own pages (help, marketplace, a post) and to other sites are not personal data.
 */
export const urlDetector: Detector = {
  name: 'url',
  optionsSchema: noOptions,
  description: 'A link to a personal profile, chat or payment page.',
  placeholders: ['site'],
  precheck: (text) => text.includes('/'),
  detect({ views }) {
    const plain = views.plain.text;
    const out: DetectorMatch[] = [];
    for (const match of eachMatch(LINK, plain)) {
      const sites = BY_HOST.get(match[1]!);
      if (!sites) continue;
      const rest = match[2]!;
      for (const site of sites) {
        const path = site.path.exec(rest);
        if (!path) continue;
        const name = path[1] ?? path[2] ?? '';
        if (SITE_PAGES.has(name) || name.length < 2) continue;
        const pathEnd = path.index + path[0].length;
        // Trailing punctuation ends a sentence, not the link.
        const trimmed = path[0].replace(/[.,;:!?)]+$/, '');
        const end = match.index + match[0].length - rest.length + Math.min(pathEnd, trimmed.length);
        out.push({ view: 'plain', start: match.index, end, entity: 'url', values: { site: site.label } });
        break;
      }
    }
    return out;
  },
};
