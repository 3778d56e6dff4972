import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import '../i18n';
import { WHOLE_AREA } from '../indicators/figures';
import { isPeriod, ObservationForm } from './ObservationForm';

const REGIONS = [{ id: 'org-hhht', name: '呼和浩特市' }];
const SAVE = /保\s*存/;

function setup({ unit = '%', additive = false, onSubmit = vi.fn().mockResolvedValue(undefined) } = {}) {
  const user = userEvent.setup();
  render(
    <ObservationForm unit={unit} additive={additive} wholeArea regions={REGIONS} onSubmit={onSubmit} now={new Date('2026-03-01')} />,
  );
  return { user, onSubmit };
}

const serverError = (code: string, message: string) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions: { code } }] });

describe('记录观测值 form', () => {
  it('refuses to send without a value, saying so in Chinese', async () => {
    const { user, onSubmit } = setup();
    await user.click(screen.getByRole('button', { name: SAVE }));
    expect(await screen.findByText('请填写数值')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a period that is neither a year nor a plan period', async () => {
    const { user, onSubmit } = setup();
    await user.clear(screen.getByLabelText('期次'));
    await user.type(screen.getByLabelText('期次'), '25年');
    await user.click(screen.getByRole('button', { name: SAVE }));
    expect(await screen.findByText(/^期次应为年份（如 2025）或规划期（如 2021-2025），年份在 1949 到 2100 之间/)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a rate above 100 %', async () => {
    const { user, onSubmit } = setup();
    await user.type(screen.getByLabelText('数值（%）'), '120');
    await user.click(screen.getByRole('button', { name: SAVE }));
    expect(await screen.findByText('数值不能大于 100')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a negative quantity of an additive unit', async () => {
    const { user, onSubmit } = setup({ unit: '万亩', additive: true });
    await user.type(screen.getByLabelText('数值（万亩）'), '-5');
    await user.click(screen.getByRole('button', { name: SAVE }));
    expect(await screen.findByText('数值不能小于 0')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends last year for the whole area by default, with the value and the trimmed source', async () => {
    const { user, onSubmit } = setup();
    await user.type(screen.getByLabelText('数值（%）'), '61.5');
    await user.type(screen.getByLabelText('数据来源'), '  2025年统计公报  ');
    await user.click(screen.getByRole('button', { name: SAVE }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({ period: '2025', value: 61.5, regionId: WHOLE_AREA, source: '2025年统计公报' });
  });

  it('shows the server refusing the value at the value field, in Chinese, and keeps what was typed', async () => {
    const { user } = setup({
      onSubmit: vi.fn().mockRejectedValue(serverError('BAD_USER_INPUT', 'value: 99.0 % is out of range (a rate in % lies between 0 and 100)')),
    });
    await user.type(screen.getByLabelText('数值（%）'), '99');
    await user.click(screen.getByRole('button', { name: SAVE }));
    expect(await screen.findByText('数值超出该单位的允许范围（比率在 0 到 100% 之间，数量不能为负）')).toBeInTheDocument();
    expect(screen.getByText('以下内容不符合要求：数值')).toBeInTheDocument();
    expect(screen.getByLabelText('数值（%）')).toHaveValue('99');
  });

  it('shows a region outside the plan at the region field', async () => {
    const { user } = setup({
      onSubmit: vi.fn().mockRejectedValue(serverError('BAD_USER_INPUT', 'regionId: region x is outside the territory of the plan’s issuer y')),
    });
    await user.type(screen.getByLabelText('数值（%）'), '60');
    await user.click(screen.getByRole('button', { name: SAVE }));
    expect(await screen.findByText('该地区不在本规划的范围内')).toBeInTheDocument();
  });

  it('shows FORBIDDEN from the server as a message above the form', async () => {
    const { user } = setup({ onSubmit: vi.fn().mockRejectedValue(serverError('FORBIDDEN', 'zjt.reporter may not record')) });
    await user.type(screen.getByLabelText('数值（%）'), '60');
    await user.click(screen.getByRole('button', { name: SAVE }));
    expect(await screen.findByText('您没有权限执行此操作，未做任何更改。')).toBeInTheDocument();
  });
});

describe('period rule (as indicator-service)', () => {
  it('accepts a year or a forward range of years, with a hyphen or a dash', () => {
    expect(['2025', '2021-2025', '2021—2025'].every(isPeriod)).toBe(true);
    expect(['2025Q1', '2025-2021', '1900', '2025年'].some(isPeriod)).toBe(false);
  });
});
