import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { describeHistoryValue } from './history';

const names = new Map([
  ['id-hhht', '呼和浩特市'],
  ['id-zjt', '自治区住房和城乡建设厅'],
]);
const t = i18n.t.bind(i18n);

describe('an indicator history entry in words', () => {
  it('names regions and responsible organizations instead of their ids', () => {
    expect(describeHistoryValue('regionId', 'id-hhht', names, '万亩', t)).toBe('呼和浩特市');
    expect(describeHistoryValue('regionId', null, names, '万亩', t)).toBe('全区域');
    expect(describeHistoryValue('responsibleOrgIds', '["id-zjt","id-x"]', names, '万亩', t)).toBe('自治区住房和城乡建设厅、（其他单位）');
  });

  it('lists regional target rows as region and value with the unit', () => {
    expect(describeHistoryValue('rows', '[{"regionId":"id-hhht","value":30}]', names, '万亩', t)).toBe('呼和浩特市 30万亩');
  });

  it('translates the nature and writes values with their unit', () => {
    expect(describeHistoryValue('nature', 'BINDING', names, '%', t)).toBe('约束性');
    expect(describeHistoryValue('value', '61.5', names, '%', t)).toBe('61.5%');
  });
});
