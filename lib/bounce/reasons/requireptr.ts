import type { PhraseTable } from '../reasons';

/** requireptr: the sending IP has no (or a mismatching) reverse DNS record. Soft, sender problem. RFC 7372 X.7.25. */
export const requireptr: PhraseTable = {
  reason: 'requireptr',
  phrases: [
    // Sisimai Reason/RequirePTR (go-sisimai reason/why-requireptr.go)
    'access denied. ip name lookup failed',
    'all mail servers must have a ptr record with a valid reverse dns entry',
    'bad dns ptr resource record',
    'cannot find your hostname',
    'cannot resolve your address.',
    'client host rejected: cannot find your hostname', // Yahoo!
    'fix reverse dns for ',
    'ips with missing ptr records',
    'no ptr record found.',
    'please get a custom reverse dns name from your isp for your host',
    'ptr record setup',
    'reverse dns failed',
    'reverse dns required',
    'sender ip reverse lookup rejected',
    'the corresponding forward dns entry does not point to the sending ip', // Google
    'the ip address sending this message does not have a ptr record setup', // Google
    'this system will not accept messages from servers/devices with no reverse dns',
    'unresolvable relay host name',
    'we do not accept mail from hosts with dynamic ip or generic dns ptr-records',
    // Gmail / Google Workspace SMTP errors (support.google.com/a/answer/3726730, Sisimai Rhost/Google)
    ' have a ptr record, or the ptr record',
    'does not have a ptr record',
    'does not match the ip address of the hostname',
    'does not meet ipv6 sending guidelines regarding ptr records',
    // GoDaddy IB108
    'reverse dns for this ip failed',
  ],
  sequences: [
    ['domain ', ' mismatches client ip'],
    ['dns lookup failure: ', ' try again later'],
    ['reverse dns lookup for host ', ' failed permanently'],
    ['server access ', ' forbidden by invalid rdns record of your mail server'],
    ['service permits ', ' unverifyable sending ips'],
  ],
  decisive: [
    // Facebook response codes (facebook.com/postmaster/response_codes; Sisimai Rhost/Facebook)
    ' dns-p3',
    ' dns-t2',
  ],
  replies: [
    // Gmail sender guidelines (support.google.com/mail/answer/81126; Sisimai Rhost/Google)
    { phrase: 'does not have a ptr record', reply: '421', status: '4.7.0' },
    { phrase: ' have a ptr record, or the ptr record', reply: '421', status: '4.7.23' },
    { phrase: 'does not meet ipv6 sending guidelines regarding ptr records and authentication', reply: '550', status: '5.7.1' },
    { phrase: 'does not have a ptr record', reply: '550', status: '5.7.25' },
    { phrase: 'does not match the ip address of the hostname', reply: '550', status: '5.7.25' },
  ],
};
