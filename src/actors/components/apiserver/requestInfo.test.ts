import { describe, expect, it } from 'vitest';
import { parseRequestInfo } from './requestInfo';

describe('parseRequestInfo reads the query as URLSearchParams does', () => {
  it.each([
    'fieldSelector=spec.nodeName%3Dworker-1&watch=true',
    'fieldManager=kubectl-client-side-apply&fieldValidation=Strict',
    'a=1&a=2&b',
    'q=%2B+%20&=v&k=&a==b',
    // what decodeURIComponent refuses: a stray `%`, an encoded lone surrogate
    '&&x=%zz',
    'k=%ED%A0%80',
  ])('%s', (search) => {
    const { query } = parseRequestInfo('GET', `/api/v1/pods?${search}`);
    expect(JSON.stringify(query)).toBe(JSON.stringify(Object.fromEntries(new URLSearchParams(search))));
  });

  it('keeps `__proto__` as a field', () => {
    const { query } = parseRequestInfo('GET', '/api/v1/pods?__proto__=x&watch=1');
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
    expect(Object.entries(query)).toEqual([
      ['__proto__', 'x'],
      ['watch', '1'],
    ]);
    expect(parseRequestInfo('GET', '/api/v1/pods?__proto__=x&watch=1').verb).toBe('watch');
  });

  it('decodes the field selector of a watch', () => {
    const info = parseRequestInfo('GET', '/api/v1/pods?fieldSelector=spec.nodeName%3Dworker-1&watch=true');
    expect(info.verb).toBe('watch');
    expect(info.fieldSelector).toEqual([{ field: 'spec.nodeName', operator: '=', value: 'worker-1' }]);
  });
});
