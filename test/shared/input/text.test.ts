import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, stripBom } from '../../../shared/input/text';
import { readSessionFile } from '../../../shared/export/import';

const json = '{"id":"s-é","kwh":1,"status":"COMPLETED","start_date_time":"2024-01-01T00:00:00Z"}';
const utf16le = (text: string, bom: boolean): Uint8Array =>
  Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
};

describe('the text rule', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(decodeText(Buffer.from(json))).toBe(json);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]))).toBe(json);
  });

  it('reads UTF-16 files with a BOM, little- and big-endian', () => {
    expect(detectEncoding(utf16le(json, true))).toEqual({ encoding: 'utf-16le', bom: 2 });
    expect(decodeText(utf16le(json, true))).toBe(json);
    expect(decodeText(utf16be(json))).toBe(json);
  });

  it('recognises UTF-16 JSON without a BOM by its first bytes', () => {
    expect(decodeText(utf16le(json, false))).toBe(json);
  });

  it('a UTF-16 file opens as the session it holds', () => {
    const read = readSessionFile(decodeText(utf16le(json, true)), 'windows.json');
    expect(read.ok && read.value.session.ids.id).toBe('s-é');
  });

  it('strips a BOM from text decoded elsewhere, and nothing else', () => {
    expect(stripBom('\uFEFF{}')).toBe('{}');
    expect(stripBom('{}\uFEFF')).toBe('{}\uFEFF');
  });
});
