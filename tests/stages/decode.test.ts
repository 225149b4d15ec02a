import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decode, sniffDeclaredCharset } from '../../src/stages/decode.js';
import { detectEncoding } from '../../src/stages/detect-encoding.js';
import { defaultOptions } from '../../src/options.js';
import { doc } from '../helpers.js';

const KO = '메타의 인공지능(AI) 연구 책임자가 돌연 퇴사를 선언했다. 올해 AI에 90조원이 넘는 돈을 투자한다는 계획을 세운 메타의 AI 전략에도 상당한 차질이 빚어질 전망이다.';
const JA = '東京都は二十日、新しい感染症対策の方針を発表した。専門家によると、今後数週間で状況が大きく変わる可能性があるという。';
const ZH = '据新华社报道，国家统计局今天发布的数据显示，今年前三季度国内生产总值同比增长百分之五，经济运行总体平稳。';

function decoded(bytes: Uint8Array, encoding?: string) {
  const d = doc(bytes);
  decode(d, { ...defaultOptions(), encoding });
  return d;
}

describe('decode', () => {
  it('reads a UTF-8 BOM, UTF-16 LE and BE BOM', () => {
    const utf8 = decoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(KO)]));
    expect([utf8.raw, utf8.encoding, utf8.encodingSource]).toEqual([KO, 'utf-8', 'bom']);
    const le = decoded(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(KO, 'utf-16le')]));
    expect([le.raw, le.encoding, le.encodingSource]).toEqual([KO, 'utf-16le', 'bom']);
    const be = decoded(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(KO, 'utf-16be')]));
    expect([be.raw, be.encoding]).toEqual([KO, 'utf-16be']);
  });

  it('honours a declared charset in <meta> and <?xml?>', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"></head><body><p>${KO}</p></body></html>`;
    const d = decoded(iconv.encode(html, 'cp949'));
    expect([d.encoding, d.encodingSource]).toEqual(['cp949', 'declared']);
    expect(d.raw).toContain(KO);
    expect(sniffDeclaredCharset(Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><a/>'))).toBe('Shift_JIS');
    expect(sniffDeclaredCharset(Buffer.from('<meta charset="gb2312">'))).toBe('gb2312');
  });

  it('prefers valid UTF-8 over a stale declared charset, and says so', () => {
    const d = decoded(Buffer.from(`<meta charset="euc-kr"><p>${KO}</p>`));
    expect(d.encoding).toBe('utf-8');
    expect(d.findings.map((f) => f.code)).toContain('declared-charset-ignored');
  });

  it.each([
    ['cp949', KO],
    ['gb18030', KO],
    ['gb18030', ZH],
    ['shift_jis', JA],
    ['euc-jp', JA],
    ['big5', '據新華社報道，國家統計局今天發佈的數據顯示，今年前三季度國內生產總值同比增長百分之五，經濟運行總體平穩。'],
    ['windows-1252', 'Le café était déjà fermé; the naïve façade’s “résumé” — 3 €.'],
  ])('guesses %s for undeclared text', (encoding, text) => {
    const bytes = iconv.encode(text.repeat(3), encoding);
    expect(detectEncoding(bytes)).toBe(encoding);
    const d = decoded(bytes);
    expect(d.raw).toBe(text.repeat(3));
    expect(d.encodingSource).toBe('detected');
  });

  it('decodes with a forced --encoding even when another guess would win', () => {
    const d = decoded(iconv.encode('café', 'windows-1252'), 'windows-1252');
    expect([d.raw, d.encodingSource]).toEqual(['café', 'forced']);
  });

  it('reports invalid byte sequences in a declared encoding', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="shift_jis"><p>'), Buffer.from([0x81, 0x20, 0xff]), Buffer.from('</p>')]);
    const d = decoded(bytes);
    expect(d.findings.find((f) => f.code === 'decode-replaced')).toBeTruthy();
  });

  it('skips empty and binary files with a reason', () => {
    expect(decoded(new Uint8Array(0)).findings[0].code).toBe('empty');
    const png = decoded(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect([png.status, png.findings[0].code, png.findings[0].args?.reason]).toEqual(['skipped', 'binary', 'PNG image']);
    const random = decoded(Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));
    expect(random.status).toBe('skipped');
  });
});
