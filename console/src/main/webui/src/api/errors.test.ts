import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import i18n from '../i18n';
import { describeError, fieldsOf } from './errors';

const graphqlError = (code: string, message: string) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions: { code } }] });

describe('describeError turns API error codes into Chinese messages for staff', () => {
  it('FORBIDDEN says the user may not do it and that nothing changed', () => {
    const problem = describeError(graphqlError('FORBIDDEN', 'not allowed: reviewProgressReport'));
    expect(problem.code).toBe('FORBIDDEN');
    expect(problem.message).toBe('您没有权限执行此操作，未做任何更改。');
    expect(problem.detail).toBe('not allowed: reviewProgressReport');
  });

  it('BAD_USER_INPUT names the fields the server named, in Chinese, and keeps each rule for its field', () => {
    const problem = describeError(
      graphqlError('BAD_USER_INPUT', 'percent: must be less than or equal to 100; summary: must not be blank'),
    );
    expect(problem.message).toBe('以下内容不符合要求：完成进度、工作进展');
    expect(problem.fields).toEqual({ percent: 'must be less than or equal to 100', summary: 'must not be blank' });
  });

  it('CONFLICT asks to look at the other change and redo, and points at the field', () => {
    const problem = describeError(
      graphqlError('CONFLICT', 'period: organization 1 already reported on task 2 for 2026Q1; a new report is possible once that one is returned'),
    );
    expect(problem.message).toBe('该记录已被他人修改，请查看最新内容后重新操作。');
    expect(Object.keys(problem.fields)).toEqual(['period']);
  });

  it.each([
    ['NOT_FOUND', '要找的记录不存在或已被删除。'],
    ['UNAVAILABLE', '相关服务暂时不可用，未做任何更改，请稍后重试。'],
    ['SUBGRAPH_TIMEOUT', '部分数据暂时无法获取，请稍后刷新。'],
    ['GRAPHQL_VALIDATION_FAILED', '页面版本与服务器不一致，请刷新页面。'],
    ['SOMETHING_NEW', '系统出现错误，请稍后重试或联系管理员。'],
  ])('%s → %s', (code, message) => {
    expect(describeError(graphqlError(code, 'x')).message).toBe(message);
  });

  it('HTTP 401 (expired session) asks to sign in again', () => {
    const error = new ServerError('401', { response: new Response('', { status: 401 }), bodyText: '' });
    expect(describeError(error)).toMatchObject({ code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录。' });
  });

  it('a failed fetch says the server cannot be reached', () => {
    expect(describeError(new TypeError('Failed to fetch')).message).toBe('无法连接服务器，请检查网络后重试。');
  });

  it('follows the English switch', async () => {
    await i18n.changeLanguage('en');
    expect(describeError(graphqlError('FORBIDDEN', 'x')).message).toBe('You may not do this; nothing was changed.');
  });
});

describe('fieldsOf', () => {
  it('takes the last segment of a property path and ignores text that names no field', () => {
    expect(fieldsOf('input.leadOrgIds[0]: unknown organization')).toEqual({ leadOrgIds: 'unknown organization' });
    expect(fieldsOf('Something went wrong')).toEqual({});
  });
});
