import { describe, expect, it } from 'vitest';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import '../i18n';
import { ImportPlanDocumentDocument, type ImportPlanDocumentMutation } from '../gql/graphql';
import { MeContext, type Me } from '../auth/me';
import { ImportPage, readBase64, readTextFile } from './ImportPage';

type Answer = ImportPlanDocumentMutation['importPlanDocument'];

const org = (id: string, name: string) => ({ __typename: 'Organization' as const, id, code: id, name });
const ZJJ = org('sl.zjj', '示例市住房和城乡建设局');
const FGW = org('sl.fgw', '示例市发展和改革委员会');
const MZJ = org('sl.mzj', '示例市民政局');
const MZT = org('nmg.mzt', '内蒙古自治区民政厅');
const match = (input: string, organization: ReturnType<typeof org> | null, candidates: ReturnType<typeof org>[] = []) => ({
  __typename: 'OrgNameMatch' as const,
  input,
  organization,
  candidates: organization ? [organization, ...candidates] : candidates,
});
interface Section {
  __typename: 'ImportedSection';
  number: string;
  heading: string;
  level: number;
  taskCount: number;
  children: Section[];
}
const section = (number: string, heading: string, taskCount: number, children: Section[] = []): Section => ({
  __typename: 'ImportedSection' as const,
  number,
  heading,
  level: 1,
  taskCount,
  children,
});

const TEXT = '示例市老旧小区改造三年行动任务分工方案（2025—2027年）\n（一）摸清改造底数。\n责任单位：市住房和城乡建设局';

function dryRunAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    __typename: 'PlanImport',
    plan: null,
    title: '示例市老旧小区改造三年行动任务分工方案（2025—2027年）',
    kind: 'TASK_DIVISION',
    issuerName: '示例市人民政府办公室',
    issuer: org('sl.bgs', '示例市人民政府办公室'),
    issuerMatch: null,
    docNumber: '示政办发〔2025〕12号',
    issuedOn: '2025-03-18',
    periodStart: 2025,
    periodEnd: 2027,
    outline: [
      section('一、', '主要目标', 0),
      section('二、', '重点任务', 0, [section('（一）', '摸清改造底数', 1), section('（二）', '编制年度改造计划', 1)]),
    ],
    tasks: [
      {
        __typename: 'ImportedTask',
        number: '（一）',
        title: '摸清改造底数',
        leadOrgs: [match('市住房和城乡建设局', ZJJ)],
        cooperatingOrgs: [match('市民政局', null, [MZJ, MZT]), match('各街道办事处', null)],
        deadline: { __typename: 'Deadline', date: '2025-06-30', ongoing: false, text: '2025年6月30日前' },
        milestones: [{ __typename: 'ImportedMilestone', dueDate: '2025-12-31', description: '完成加装80部' }],
      },
      {
        __typename: 'ImportedTask',
        number: '（二）',
        title: '编制年度改造计划',
        leadOrgs: [match('市住房和城乡建设局', ZJJ)],
        cooperatingOrgs: [match('市发展和改革委员会', FGW)],
        deadline: { __typename: 'Deadline', date: null, ongoing: true, text: '长期坚持' },
        milestones: [],
      },
    ],
    indicators: [
      {
        __typename: 'ImportedIndicator',
        name: '老旧小区改造后物业管理覆盖率',
        unit: '%',
        comparator: 'AT_LEAST',
        baseline: { __typename: 'ImportedMeasure', value: 52, year: 2024 },
        target: { __typename: 'ImportedMeasure', value: 85, year: 2027 },
        leadOrgs: [],
      },
    ],
    regionalTables: [
      {
        __typename: 'ImportedTable',
        title: '示例市老旧小区改造任务分解表',
        unit: '个',
        periods: ['2025年', '2026年'],
        rows: [
          { __typename: 'ImportedRow', regionName: '东城区', region: { __typename: 'Organization', id: 'sl.dcq', name: '示例市东城区人民政府' }, values: [30, 35] },
          { __typename: 'ImportedRow', regionName: '西城区', region: { __typename: 'Organization', id: 'sl.xcq', name: '示例市西城区人民政府' }, values: [25, 30] },
        ],
        totals: [55, 70],
        totalsMatch: false,
      },
    ],
    unresolvedNames: ['市民政局', '各街道办事处'],
    proposedOrganizations: [],
    warnings: [],
    text: TEXT,
    ...overrides,
  };
}

const PLANNER: Me = {
  __typename: 'Viewer',
  username: 'planner',
  roles: ['planner'],
  orgs: [{ __typename: 'Organization', id: 'nmg', code: 'nmg', name: '内蒙古自治区人民政府' }],
};

type Mock = MockLink.MockedResponse<ImportPlanDocumentMutation>;

/** A mocked importPlanDocument answering `result` for the given dryRun, recording the variables it was sent. */
function importMock(dryRun: boolean, result: Mock['result'], sent: object[] = []): Mock {
  return {
    request: {
      query: ImportPlanDocumentDocument,
      variables: (vars: Record<string, unknown>) => {
        if (vars.dryRun !== dryRun) return false;
        sent.push(vars);
        return true;
      },
    },
    result,
  };
}

function PlanStub() {
  return <div>plan page {useParams().id}</div>;
}

function setup(mocks: Mock[], me: Me = PLANNER) {
  const user = userEvent.setup({ applyAccept: false, delay: null });
  render(
    <MockedProvider mocks={mocks}>
      <App>
        <MeContext.Provider value={me}>
          <MemoryRouter initialEntries={['/import']}>
            <Routes>
              <Route path="/import" element={<ImportPage />} />
              <Route path="/plans/:id" element={<PlanStub />} />
            </Routes>
          </MemoryRouter>
        </MeContext.Provider>
      </App>
    </MockedProvider>,
  );
  return user;
}

const analyse = () => screen.getByRole('button', { name: /解\s*析/ });

async function pasteAndAnalyse(user: ReturnType<typeof userEvent.setup>, text = TEXT) {
  await user.click(screen.getByLabelText('文件文本'));
  await user.paste(text);
  await user.click(analyse());
}

// Each test renders the whole page with Ant Design's tables; a shared, busy machine needs more than the defaults.
const SLOW = { timeout: 180_000 };
configure({ asyncUtilTimeout: 15_000 });

const serverError = (code: string, message: string) => ({ errors: [new GraphQLError(message, { extensions: { code } })] });

describe('导入 form', SLOW, () => {
  it('refuses to analyse an empty text, saying so in Chinese, without asking the server', async () => {
    const sent: object[] = [];
    const user = setup([importMock(true, { data: { importPlanDocument: dryRunAnswer() } }, sent)]);
    await user.type(screen.getByLabelText('文件文本'), '   ');
    await user.click(analyse());
    expect(await screen.findByText('请粘贴规划文件的文本')).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });

  it('sends a Word file as a dry run, shows what was understood and puts the text read from it in the text box', async () => {
    const sent: object[] = [];
    const saved: object[] = [];
    const read = '示例市老旧小区改造三年行动任务分工方案（2025—2027年）\n东城区\t30\t35';
    const user = setup([
      importMock(true, { data: { importPlanDocument: dryRunAnswer({ text: read }) } }, sent),
      importMock(false, { data: { importPlanDocument: dryRunAnswer({ plan: { __typename: 'Plan', id: 'plan-2', status: 'DRAFT' } }) } }, saved),
    ]);
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(['PK'], '分工方案.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));

    expect(await screen.findByTestId('import-review')).toBeInTheDocument();
    expect(sent[0]).toEqual({ file: { name: '分工方案.docx', contentBase64: 'UEs=' }, dryRun: true, issuerCode: null });
    expect(screen.getByLabelText('文件文本')).toHaveValue(read);
    // What is saved is the text that was reviewed (it imports exactly like its file).
    await user.click(screen.getByTestId('import-save'));
    expect(await screen.findByText('plan page plan-2')).toBeInTheDocument();
    expect(saved[0]).toEqual({ text: read, dryRun: false, issuerCode: null });
  });

  it('sends a PDF too, and shows the server’s word for a scan without a text layer', async () => {
    const message = 'file.contentBase64: PDF 文件“扫描件.pdf”没有文字层（可能是扫描件），无法读取；请上传可复制文字的 PDF 或 .docx，或粘贴文本';
    const user = setup([importMock(true, serverError('BAD_USER_INPUT', message))]);
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(['%PDF-1.7'], '扫描件.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('以下内容不符合要求：上传的文件')).toBeInTheDocument();
    expect(screen.getByTestId('problem-detail')).toHaveTextContent('没有文字层');
  });

  it('refuses an old .doc file with the advice to save it as .docx, without asking the server', async () => {
    const sent: object[] = [];
    const user = setup([importMock(true, { data: { importPlanDocument: dryRunAnswer() } }, sent)]);
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(['x'], '分工方案.doc', { type: 'application/msword' }));
    expect(await screen.findByText(/暂不支持 分工方案.doc 这类文件.*另存为 .docx/)).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });

  it('encodes a file as base64 for the upload', async () => {
    expect(await readBase64(new Blob([new Uint8Array([0xe8, 0xa7, 0x84, 0x00, 0xff])]))).toBe('6KeEAP8=');
  });

  it('reads a .txt file into the text box', async () => {
    const user = setup([]);
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File([TEXT], '分工方案.txt', { type: 'text/plain' }));
    await waitFor(() => expect(screen.getByLabelText('文件文本')).toHaveValue(TEXT));
  });

  it('reads a .txt file saved in GB18030 (GBK), as Chinese office software often writes it', async () => {
    // 规划 in GBK
    expect(await readTextFile(new Blob([new Uint8Array([0xb9, 0xe6, 0xbb, 0xae])]))).toBe('规划');
  });

  it('is not offered to a viewer', () => {
    setup([], { ...PLANNER, roles: ['viewer'] });
    expect(screen.getByText('只有管理员和规划管理人员可以导入规划。')).toBeInTheDocument();
    expect(screen.queryByLabelText('文件文本')).not.toBeInTheDocument();
  });
});

describe('导入 review of the dry run', SLOW, () => {
  it('shows the header, resolved units in green and unresolved ones in red with their candidates', async () => {
    const sent: object[] = [];
    const user = setup([importMock(true, { data: { importPlanDocument: dryRunAnswer() } }, sent)]);
    await pasteAndAnalyse(user);
    const review = await screen.findByTestId('import-review');
    expect(sent[0]).toEqual({ text: TEXT, dryRun: true, issuerCode: null });

    expect(within(review).getByTestId('import-doc-number')).toHaveTextContent('示政办发〔2025〕12号');
    expect(within(review).getByTestId('import-issuer')).toHaveTextContent('示例市人民政府办公室');
    expect(within(review).getByText('分工方案')).toBeInTheDocument();
    expect(within(review).getByText('2025—2027')).toBeInTheDocument();
    expect(within(review).getByText('二、 重点任务')).toBeInTheDocument();

    const resolved = within(review).getAllByTestId('org-match').filter((e) => e.dataset.resolved === 'true');
    expect(resolved.map((e) => e.textContent)).toEqual(
      expect.arrayContaining(['示例市住房和城乡建设局', '示例市发展和改革委员会']),
    );
    const unresolved = within(review).getAllByTestId('org-match').filter((e) => e.dataset.resolved === 'false');
    expect(unresolved.map((e) => e.textContent)).toEqual([
      '市民政局（未识别）可能是：示例市民政局、内蒙古自治区民政厅',
      '各街道办事处（未识别）没有相近的单位',
    ]);
    expect(within(review).getByText('2 个单位名称未能识别：市民政局、各街道办事处')).toBeInTheDocument();
    expect(within(review).getByText('2025年6月30日')).toBeInTheDocument();
    expect(within(review).getByText('长期坚持')).toBeInTheDocument();
    expect(within(review).getByText('不低于 85%（2027年）')).toBeInTheDocument();
    // Cooperating units may stay unresolved (they are left off); the plan can be saved.
    expect(screen.getByTestId('import-save')).toBeEnabled();
  });

  it('marks a breakdown table whose rows do not add up to its total, column by column', async () => {
    const user = setup([importMock(true, { data: { importPlanDocument: dryRunAnswer() } })]);
    await pasteAndAnalyse(user);
    const table = await screen.findByTestId('import-table');
    expect(table.dataset.totalsMatch).toBe('false');
    expect(within(table).getByText(/各地区数值相加与合计行不一致/)).toBeInTheDocument();
    // 2025: 30 + 25 = 55 matches; 2026: 35 + 30 = 65, not 70.
    expect(within(table).getAllByTestId('sum-mismatch').map((e) => e.textContent)).toEqual(['65']);
  });

  it('does not let a plan be saved while a lead unit is unresolved, and names it', async () => {
    const answer = dryRunAnswer();
    const tasks = [{ ...answer.tasks[0], leadOrgs: [match('市城管委', null, [ZJJ])] }, answer.tasks[1]];
    const user = setup([importMock(true, { data: { importPlanDocument: { ...answer, tasks } } })]);
    await pasteAndAnalyse(user);
    expect(await screen.findByTestId('import-blocking')).toHaveTextContent('市城管委');
    expect(screen.getByTestId('import-save')).toBeDisabled();
  });

  it('shows an issuer that did not resolve with its candidates and does not let the plan be saved until one is chosen', async () => {
    const sent: object[] = [];
    const county = org('nmg.sl', '示例旗人民政府');
    const answer = dryRunAnswer({
      issuer: null,
      issuerName: '示例旗人民政府办公室',
      issuerMatch: match('示例旗人民政府办公室', null, [county]),
    });
    const user = setup([importMock(true, { data: { importPlanDocument: answer } }, sent)]);
    await pasteAndAnalyse(user);
    const review = await screen.findByTestId('import-review');
    expect(sent[0]).toEqual({ text: TEXT, dryRun: true, issuerCode: null });
    expect(within(review).getByTestId('import-issuer')).toHaveTextContent('示例旗人民政府办公室（未识别）可能是：示例旗人民政府');
    expect(screen.getByTestId('import-issuer-missing')).toHaveTextContent('发文机关“示例旗人民政府办公室”未能识别');
    expect(screen.getByTestId('import-save')).toBeDisabled();
  });

  it('saves exactly the reviewed text as a draft and opens the new plan', async () => {
    const saved: object[] = [];
    const user = setup([
      importMock(true, { data: { importPlanDocument: dryRunAnswer() } }),
      importMock(false, { data: { importPlanDocument: dryRunAnswer({ plan: { __typename: 'Plan', id: 'plan-1', status: 'DRAFT' } }) } }, saved),
    ]);
    await pasteAndAnalyse(user);
    await user.click(await screen.findByTestId('import-save'));
    expect(await screen.findByText('plan page plan-1')).toBeInTheDocument();
    expect(saved[0]).toEqual({ text: TEXT, dryRun: false, issuerCode: null });
  });

  it('asks for a new analysis when the text changed after the review', async () => {
    const user = setup([importMock(true, { data: { importPlanDocument: dryRunAnswer() } })]);
    await pasteAndAnalyse(user);
    await screen.findByTestId('import-review');
    await user.type(screen.getByLabelText('文件文本'), '补充');
    expect(await screen.findByText('文本或发文机关在解析后改动过，请重新解析后再保存')).toBeInTheDocument();
    expect(screen.getByTestId('import-save')).toBeDisabled();
  });
});

describe('导入 proposing a county’s missing departments as new organizations', SLOW, () => {
  const BANNER = org('nmg.sl', '示例旗人民政府');
  const proposal = (inputs: string[], name: string, code: string) => ({
    __typename: 'ProposedOrganization' as const,
    inputs,
    name,
    shortName: `旗${name.slice(3)}`,
    code,
    kind: 'DEPARTMENT' as const,
    level: 'COUNTY' as const,
    parent: { __typename: 'Organization' as const, id: BANNER.id, name: BANNER.name },
  });
  /** A banner's document: its 农牧局 leads, its 财政局 (written two ways) cooperates; neither is in the tree yet. */
  const bannerAnswer = () => {
    const answer = dryRunAnswer();
    return dryRunAnswer({
      issuer: BANNER,
      tasks: [{ ...answer.tasks[0], leadOrgs: [match('旗农牧局', null)], cooperatingOrgs: [match('财政局', null)] }, answer.tasks[1]],
      unresolvedNames: ['旗农牧局', '财政局', '旗财政局'],
      proposedOrganizations: [
        proposal(['旗农牧局'], '示例旗农牧局', 'nmg.sl.nmj'),
        proposal(['财政局', '旗财政局'], '示例旗财政局', 'nmg.sl.czj'),
      ],
    });
  };
  const ADMIN: Me = { ...PLANNER, username: 'admin', roles: ['admin'] };

  it('lets an admin tick 新建为组织, which unblocks the save and sends the ticked names', async () => {
    const saved: object[] = [];
    const user = setup(
      [
        importMock(true, { data: { importPlanDocument: bannerAnswer() } }),
        importMock(false, { data: { importPlanDocument: dryRunAnswer({ plan: { __typename: 'Plan', id: 'plan-3', status: 'DRAFT' } }) } }, saved),
      ],
      ADMIN,
    );
    await pasteAndAnalyse(user);
    const proposals = await screen.findByTestId('import-proposals');
    expect(within(proposals).getByText('建议新建的组织（2）')).toBeInTheDocument();
    expect(within(proposals).getByText('财政局、旗财政局')).toBeInTheDocument();
    expect(within(proposals).getByText('nmg.sl.czj')).toBeInTheDocument();
    expect(within(proposals).getAllByText('示例旗人民政府')).toHaveLength(2);
    // the banner's 农牧局 leads a task: until it is to be created, the plan cannot be saved
    expect(screen.getByTestId('import-blocking')).toHaveTextContent('旗农牧局');
    expect(screen.getByTestId('import-save')).toBeDisabled();

    await user.click(within(proposals).getAllByRole('checkbox', { name: '新建为组织' })[0]);
    expect(screen.queryByTestId('import-blocking')).not.toBeInTheDocument();
    // the task names the department to be created, no longer an unresolved unit; 财政局 (not ticked) stays unresolved
    expect(screen.getByText('示例旗农牧局（将新建）')).toBeInTheDocument();
    expect(screen.queryByText('旗农牧局（未识别）')).not.toBeInTheDocument();
    expect(screen.getByText('财政局（未识别）')).toBeInTheDocument();
    await user.click(screen.getByTestId('import-save'));
    expect(await screen.findByText('plan page plan-3')).toBeInTheDocument();
    expect(saved[0]).toEqual({ text: TEXT, dryRun: false, issuerCode: null, createOrganizations: ['示例旗农牧局'] });
  });

  it('counts in the summary only the names still unresolved after the ticks, and how many organizations will be created', async () => {
    const user = setup([importMock(true, { data: { importPlanDocument: bannerAnswer() } })], ADMIN);
    await pasteAndAnalyse(user);
    const proposals = await screen.findByTestId('import-proposals');
    const summary = screen.getByTestId('import-summary');
    expect(summary).toHaveTextContent('3 个单位名称未能识别：旗农牧局、财政局、旗财政局');

    await user.click(within(proposals).getAllByRole('checkbox', { name: '新建为组织' })[0]);
    expect(summary).toHaveTextContent('2 个单位名称未能识别：财政局、旗财政局；1 个单位将在保存时新建为组织：示例旗农牧局');

    // 财政局 is written two ways: ticking its one proposal settles both names
    await user.click(within(proposals).getAllByRole('checkbox', { name: '新建为组织' })[1]);
    expect(summary).toHaveTextContent('其余单位名称均已识别；2 个单位将在保存时新建为组织：示例旗农牧局、示例旗财政局');
    expect(summary).not.toHaveTextContent('未能识别');
    expect(summary.closest('.ant-alert')).toHaveClass('ant-alert-success');
  });

  it('shows a planner the proposals without the checkbox, saying only an admin can create them', async () => {
    const user = setup([importMock(true, { data: { importPlanDocument: bannerAnswer() } })]);
    await pasteAndAnalyse(user);
    const proposals = await screen.findByTestId('import-proposals');
    expect(within(proposals).getByText(/只有管理员可以在导入时新建/)).toBeInTheDocument();
    expect(within(proposals).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.getByTestId('import-save')).toBeDisabled();
  });
});

describe('导入 errors in Chinese', SLOW, () => {
  it('an issuer the server cannot resolve is shown at 发文机关, asking to choose one', async () => {
    const user = setup([
      importMock(true, serverError('BAD_USER_INPUT',
        'issuerCode: the issuer 示例市人民政府办公室 does not resolve to one organization (2 candidates); give issuerCode')),
    ]);
    await pasteAndAnalyse(user);
    expect(await screen.findByText('以下内容不符合要求：发文机关')).toBeInTheDocument();
    expect(screen.getByText('未能确定发文机关，请从列表中选择后重新解析')).toBeInTheDocument();
    expect(screen.getByTestId('problem-detail')).toHaveTextContent('does not resolve to one organization');
    expect(screen.getByLabelText('文件文本')).toHaveValue(TEXT);
  });

  it('FORBIDDEN says a planner may import only their own organizations’ plans', async () => {
    const user = setup([importMock(true, serverError('FORBIDDEN', 'planner may not import a plan document issued by sl'))]);
    await pasteAndAnalyse(user);
    expect(await screen.findByText('您只能导入本单位或下级单位印发的规划；请检查发文机关。')).toBeInTheDocument();
  });

  it('CONFLICT on saving says a plan with that document number is already published', async () => {
    const user = setup([
      importMock(true, { data: { importPlanDocument: dryRunAnswer() } }),
      importMock(false, serverError('CONFLICT', 'docNumber: plan 示政办发〔2025〕12号 is PUBLISHED and is never overwritten by an import')),
    ]);
    await pasteAndAnalyse(user);
    await user.click(await screen.findByTestId('import-save'));
    expect(await screen.findByText('已有相同发文字号的规划已发布或正在导入，不能覆盖，未做任何更改。')).toBeInTheDocument();
    expect(screen.getByTestId('import-review')).toBeInTheDocument();
  });

  it('a failed connection is reported, not a crash', async () => {
    const user = setup([{ request: { query: ImportPlanDocumentDocument, variables: () => true }, error: new TypeError('Failed to fetch') }]);
    await pasteAndAnalyse(user);
    expect(await screen.findByText('无法连接服务器，请检查网络后重试。')).toBeInTheDocument();
  });
});
