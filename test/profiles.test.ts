import { BUILT_IN, builtInProfile, parseProfile, parseProfileText, ProfileError } from '../src/core/profiles';
import mof from '../src/core/profiles/mof-2020.json';

describe('profiles', () => {
  it('validates every built-in profile against the schema', () => {
    for (const id of Object.keys(BUILT_IN)) {
      expect(parseProfile(JSON.parse(JSON.stringify(BUILT_IN[id])), id)).toEqual(builtInProfile(id));
      expect(builtInProfile(id)!.id).toBe(id);
    }
  });

  it('carries the mof-2020 and hubei weights as data', () => {
    expect(builtInProfile('mof-2020')!.levels.map((l) => [l.keys.join('+'), l.weight])).toEqual([
      ['产出', 50],
      ['效益', 30],
      ['满意度', 10],
      ['预算执行', 10],
    ]);
    const hubei = builtInProfile('hubei')!;
    expect(hubei.levels.map((l) => [l.keys.join('+'), l.weight])).toEqual([
      ['预算执行', 20],
      ['产出', 40],
      ['效益+满意度', 40],
    ]);
    expect(hubei.qualitative).toEqual({ achieved: 0.8, partial: 0.5 });
  });

  it.each([
    ['a string total', { ...mof, total: '一百' }, '/total must be number'],
    ['an unknown level key', { ...mof, levels: [{ keys: ['其他'], weight: 10 }] }, '/levels/0/keys/0 must be equal to one of the allowed values'],
    ['an unknown field', { ...mof, bonus: 5 }, 'must NOT have additional properties (bonus)'],
    ['a bad severity', { ...mof, severity: { 'basic.sum': 'fatal' } }, "/severity/basic.sum must be equal to one of the allowed values"],
  ])('refuses %s with a message naming the file and the field', (_what, data, msg) => {
    expect(() => parseProfile(data, 'bureau.json')).toThrow(ProfileError);
    expect(() => parseProfile(data, 'bureau.json')).toThrow(new RegExp(`^规则配置无效 invalid profile bureau\\.json: .*${msg.replace(/[()./]/g, '\\$&')}`));
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseProfileText('{ total: 100', 'bureau.json')).toThrow(/^规则配置不是有效的 JSON invalid profile bureau\.json: /);
  });

  it('sorts grade bands from the top', () => {
    const p = parseProfile({ ...mof, grades: [{ grade: '差', min: 0 }, { grade: '优', min: 90 }] }, 'x');
    expect(p.grades.map((g) => g.grade)).toEqual(['优', '差']);
  });
});
