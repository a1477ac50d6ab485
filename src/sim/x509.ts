/**
 * A small X.509 reader (DER inside PEM), enough for kube-apiserver's client-certificate
 * authentication: who the certificate names (subject CN and O), who issued it, when it is valid, and
 * the identifiers kube-apiserver logs. No dependency; never throws on bad input.
 *
 * Trust follows Go's crypto/x509 `Certificate.Verify` as kube-apiserver calls it (apiserver
 * pkg/authentication/request/x509/x509.go: roots = the client CA bundle, KeyUsages = [ClientAuth]):
 * the leaf's validity period first, then a root whose subject is the leaf's issuer, then the extended
 * key usage. Signatures are not checked here (see `verifyClientCertificate`).
 */

/** A DER element: tag byte, where its content starts and ends in the buffer. */
interface Der {
  tag: number;
  start: number;
  end: number;
  /** The whole element (header and content), for exact comparisons of names. */
  headerStart: number;
}

type Read<T> = { ok: true; value: T } | { ok: false; error: string };

const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  SEQUENCE: 0x30,
  SET: 0x31,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
} as const;

/** Reads the element at `at`; undefined when the bytes are not DER this reader understands. */
function readDer(buf: Uint8Array, at: number, limit = buf.length): Der | undefined {
  if (at + 2 > limit) return undefined;
  const tag = buf[at]!;
  if ((tag & 0x1f) === 0x1f) return undefined; // high tag numbers: not used by certificates
  let len = buf[at + 1]!;
  let p = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p++]!;
  }
  if (p + len > limit) return undefined;
  return { tag, start: p, end: p + len, headerStart: at };
}

/** The children of a constructed element. */
function children(buf: Uint8Array, el: Der): Der[] | undefined {
  const out: Der[] = [];
  let p = el.start;
  while (p < el.end) {
    const c = readDer(buf, p, el.end);
    if (!c) return undefined;
    out.push(c);
    p = c.end;
  }
  return out;
}

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function oid(buf: Uint8Array, el: Der): string {
  const b = buf.subarray(el.start, el.end);
  if (b.length === 0) return '';
  const parts = [Math.floor(b[0]! / 40), b[0]! % 40];
  let v = 0;
  for (const x of b.subarray(1)) {
    v = v * 128 + (x & 0x7f);
    if (!(x & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  subjectKeyId: '2.5.29.14',
  basicConstraints: '2.5.29.19',
  authorityKeyId: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  anyExtendedKeyUsage: '2.5.29.37.0',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

export interface DistinguishedName {
  commonName: string;
  /** Every O value, in the order the certificate lists them (they become the user's groups). */
  organizations: string[];
  /** The encoded name, hex: names are compared byte for byte, as Go's CertPool does. */
  der: string;
}

export interface Certificate {
  /** Decimal, as kube-apiserver logs it (`SN=%d`). */
  serialNumber: string;
  subject: DistinguishedName;
  issuer: DistinguishedName;
  /** RFC 3339, whole seconds. */
  notBefore: string;
  notAfter: string;
  /** Hex; empty when the extension is absent. */
  subjectKeyId: string;
  authorityKeyId: string;
  isCA: boolean;
  /** Extended key usage OIDs; empty when the extension is absent (then any usage is allowed). */
  extKeyUsage: string[];
  /** The subjectPublicKey bits, hex (compared with a private key's public half). */
  publicKey: string;
}

function text(buf: Uint8Array, el: Der): string {
  return new TextDecoder().decode(buf.subarray(el.start, el.end));
}

function readName(buf: Uint8Array, el: Der): DistinguishedName | undefined {
  const rdns = children(buf, el);
  if (!rdns || el.tag !== TAG.SEQUENCE) return undefined;
  let commonName = '';
  const organizations: string[] = [];
  for (const rdn of rdns) {
    for (const atv of children(buf, rdn) ?? []) {
      const [type, value] = children(buf, atv) ?? [];
      if (!type || !value || type.tag !== TAG.OID) return undefined;
      const t = oid(buf, type);
      if (t === OID.commonName) commonName = text(buf, value);
      else if (t === OID.organization) organizations.push(text(buf, value));
    }
  }
  return { commonName, organizations, der: hex(buf.subarray(el.headerStart, el.end)) };
}

/** UTCTime (YYMMDDHHMMSSZ, years 1950–2049) or GeneralizedTime (YYYYMMDDHHMMSSZ) → RFC 3339. */
function readTime(buf: Uint8Array, el: Der): string | undefined {
  const s = text(buf, el);
  const m =
    el.tag === TAG.UTC_TIME
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s)
      : el.tag === TAG.GENERALIZED_TIME
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s)
        : null;
  if (!m) return undefined;
  const year = el.tag === TAG.UTC_TIME ? (Number(m[1]) < 50 ? 2000 : 1900) + Number(m[1]) : Number(m[1]);
  return `${String(year).padStart(4, '0')}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}

function readExtensions(buf: Uint8Array, el: Der, cert: Certificate): boolean {
  // [3] EXPLICIT Extensions ::= SEQUENCE OF Extension
  const [seq] = children(buf, el) ?? [];
  for (const ext of (seq && children(buf, seq)) ?? []) {
    const parts = children(buf, ext);
    const id = parts?.[0];
    const value = parts?.at(-1);
    if (!id || !value || id.tag !== TAG.OID || value.tag !== TAG.OCTET_STRING) return false;
    const inner = readDer(buf, value.start, value.end);
    if (!inner) return false;
    switch (oid(buf, id)) {
      case OID.subjectKeyId:
        cert.subjectKeyId = hex(buf.subarray(inner.start, inner.end));
        break;
      case OID.authorityKeyId: {
        const keyId = (children(buf, inner) ?? []).find((c) => c.tag === 0x80); // [0] IMPLICIT keyIdentifier
        if (keyId) cert.authorityKeyId = hex(buf.subarray(keyId.start, keyId.end));
        break;
      }
      case OID.basicConstraints: {
        const ca = (children(buf, inner) ?? [])[0];
        cert.isCA = ca?.tag === TAG.BOOLEAN && buf[ca.start] !== 0;
        break;
      }
      case OID.extKeyUsage:
        cert.extKeyUsage = (children(buf, inner) ?? []).map((c) => oid(buf, c));
        break;
    }
  }
  return true;
}

/** Parses one DER certificate. */
export function parseCertificate(der: Uint8Array): Read<Certificate> {
  const fail = { ok: false as const, error: 'x509: malformed certificate' };
  const root = readDer(der, 0);
  if (!root || root.tag !== TAG.SEQUENCE || root.end !== der.length) return fail;
  const [tbs] = children(der, root) ?? [];
  const f = tbs && children(der, tbs);
  if (!f) return fail;
  const fields = f[0]?.tag === 0xa0 ? f.slice(1) : f; // [0] EXPLICIT version
  const [serial, , issuerEl, validity, subjectEl, spki, ...rest] = fields;
  if (!serial || serial.tag !== TAG.INTEGER || !issuerEl || !validity || !subjectEl || !spki) return fail;
  const [nb, na] = children(der, validity) ?? [];
  const notBefore = nb && readTime(der, nb);
  const notAfter = na && readTime(der, na);
  const issuer = readName(der, issuerEl);
  const subject = readName(der, subjectEl);
  const key = (children(der, spki) ?? [])[1];
  if (!notBefore || !notAfter || !issuer || !subject || key?.tag !== TAG.BIT_STRING) return fail;
  let sn = 0n;
  for (const b of der.subarray(serial.start, serial.end)) sn = sn * 256n + BigInt(b);
  const cert: Certificate = {
    serialNumber: sn.toString(),
    subject,
    issuer,
    notBefore,
    notAfter,
    subjectKeyId: '',
    authorityKeyId: '',
    isCA: false,
    extKeyUsage: [],
    publicKey: hex(der.subarray(key.start + 1, key.end)), // skip the unused-bits byte
  };
  const extensions = rest.find((e) => e.tag === 0xa3);
  if (extensions && !readExtensions(der, extensions, cert)) return fail;
  return { ok: true, value: cert };
}

/** Go's encoding/base64 StdEncoding (padding required; CR and LF are skipped, as Go's decoder does). */
export function decodeBase64(s: string): Read<Uint8Array> {
  const clean = s.replace(/[\r\n]/g, '');
  const bad = clean.search(/[^A-Za-z0-9+/=]/);
  const pad = clean.indexOf('=');
  const at =
    bad >= 0
      ? bad
      : pad >= 0 && (pad < clean.length - 2 || /[^=]/.test(clean.slice(pad)))
        ? pad
        : clean.length % 4 !== 0
          ? clean.length - (clean.length % 4)
          : -1;
  // base64.CorruptInputError: "illegal base64 data at input byte N"
  if (at >= 0) return { ok: false, error: `illegal base64 data at input byte ${at}` };
  const bin = atob(clean);
  return { ok: true, value: Uint8Array.from(bin, (c) => c.charCodeAt(0)) };
}

/** The DER payloads of the PEM blocks with this label (`CERTIFICATE`, `EC PRIVATE KEY`, ...), in order. */
export function pemBlocks(pem: string, label: RegExp): Uint8Array[] {
  const out: Uint8Array[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (const m of pem.matchAll(re)) {
    if (!label.test(m[1]!)) continue;
    const d = decodeBase64(m[2]!.replace(/\s+/g, ''));
    if (d.ok) out.push(d.value);
  }
  return out;
}

/** The certificates of a PEM bundle; malformed blocks are skipped, as Go's AppendCertsFromPEM does. */
export function parseCertificatesPem(pem: string): Certificate[] {
  return pemBlocks(pem, /^CERTIFICATE$/).flatMap((der) => {
    const c = parseCertificate(der);
    return c.ok ? [c.value] : [];
  });
}

/**
 * The public half stored with an EC private key (SEC 1 `EC PRIVATE KEY`, or the same inside PKCS #8
 * `PRIVATE KEY`), hex; undefined when the key is not one this reader understands (e.g. RSA).
 */
export function ecPublicKeyOfPrivateKey(pem: string): string | undefined {
  const [der] = pemBlocks(pem, /^(EC )?PRIVATE KEY$/);
  if (!der) return undefined;
  const find = (el: Der | undefined): string | undefined => {
    const parts = el && el.tag === TAG.SEQUENCE ? children(der, el) : undefined;
    if (!parts) return undefined;
    // SEC 1: version 1, privateKey, [0] parameters, [1] publicKey BIT STRING
    const pub = parts.find((p) => p.tag === 0xa1);
    const bits = pub && readDer(der, pub.start, pub.end);
    if (bits?.tag === TAG.BIT_STRING) return hex(der.subarray(bits.start + 1, bits.end));
    // PKCS #8: version, algorithm, privateKey OCTET STRING holding the SEC 1 structure
    const inner = parts.find((p) => p.tag === TAG.OCTET_STRING);
    return inner ? find(readDer(der, inner.start, inner.end)) : undefined;
  };
  return find(readDer(der, 0));
}

const colonHex = (h: string): string => (h.toUpperCase().match(/../g) ?? []).join(':');

/** apiserver pkg/authentication/request/x509/x509.go certificateIdentifier. */
export function certificateIdentifier(c: Certificate): string {
  return `SN=${c.serialNumber}, SKID=${colonHex(c.subjectKeyId)}, AKID=${colonHex(c.authorityKeyId)}`;
}

/** crypto/x509 verify.go isValid: the Expired CertificateInvalidError, or undefined when `at` is inside. */
function validityError(c: Certificate, at: string): string | undefined {
  const now = Date.parse(at);
  const prefix = 'x509: certificate has expired or is not yet valid: ';
  if (now < Date.parse(c.notBefore)) return `${prefix}current time ${at} is before ${c.notBefore}`;
  if (now > Date.parse(c.notAfter)) return `${prefix}current time ${at} is after ${c.notAfter}`;
  return undefined;
}

export type ClientCertVerdict = { trusted: true } | { trusted: false; reason: string };

/**
 * Whether kube-apiserver accepts this client certificate, checked as Go's Verify does it (verify.go:
 * the leaf's validity, then chain building to a root of the client CA bundle whose subject equals
 * the leaf's issuer and which is itself valid, then the ClientAuth extended key usage). On failure
 * the reason is the authenticator's error (x509.go: `verifying certificate <id> failed: <err>`),
 * which kube-apiserver logs before answering 401.
 *
 * Not modelled: signature verification (a certificate forged with the CA's name but another key
 * would pass here) and intermediate CAs.
 */
export function verifyClientCertificate(
  cert: Certificate,
  roots: readonly Certificate[],
  at: string,
): ClientCertVerdict {
  const failed = (err: string): ClientCertVerdict => ({
    trusted: false,
    reason: `verifying certificate ${certificateIdentifier(cert)} failed: ${err}`,
  });
  const expired = validityError(cert, at);
  if (expired) return failed(expired);
  const parents = roots.filter((r) => r.subject.der === cert.issuer.der);
  const valid = parents.find((r) => !validityError(r, at));
  if (!valid) {
    const parentExpired = parents[0] && validityError(parents[0], at);
    return failed(parentExpired ?? 'x509: certificate signed by unknown authority');
  }
  const usages = cert.extKeyUsage;
  if (usages.length > 0 && !usages.includes(OID.clientAuth) && !usages.includes(OID.anyExtendedKeyUsage))
    return failed('x509: certificate specifies an incompatible key usage');
  return { trusted: true };
}
