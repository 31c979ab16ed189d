import { describe, expect, it } from 'vitest';
import { isSafeNoticeUrl } from '../../lib/pages/notice-link';

describe('isSafeNoticeUrl', () => {
  it('allows only the webmails over https', () => {
    expect(isSafeNoticeUrl('https://mail.google.com/mail/u/0/#inbox/1')).toBe(true);
    expect(isSafeNoticeUrl('https://outlook.office.com/mail/id/AAQ')).toBe(true);
    expect(isSafeNoticeUrl('http://mail.google.com/')).toBe(false);
    expect(isSafeNoticeUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeNoticeUrl('https://mail.google.com.evil.example/')).toBe(false);
    expect(isSafeNoticeUrl('https://constructor/')).toBe(false);
    expect(isSafeNoticeUrl('')).toBe(false);
  });
});
