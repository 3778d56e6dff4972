import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';

// Every page loads when first opened (AppLayout's Suspense shows 正在加载页面…), the charts (ECharts) only with 督查看板 and 指标,
// so that the first screen downloads the shell and 我的任务 only.
const MyTasksPage = lazy(() => import('./pages/MyTasksPage').then((m) => ({ default: m.MyTasksPage })));
const TaskPage = lazy(() => import('./pages/TaskPage').then((m) => ({ default: m.TaskPage })));
const IndicatorsPage = lazy(() => import('./pages/IndicatorsPage').then((m) => ({ default: m.IndicatorsPage })));
const IndicatorPage = lazy(() => import('./pages/IndicatorPage').then((m) => ({ default: m.IndicatorPage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const PlansPage = lazy(() => import('./pages/PlansPage').then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import('./pages/PlanPage').then((m) => ({ default: m.PlanPage })));
const ImportPage = lazy(() => import('./pages/ImportPage').then((m) => ({ default: m.ImportPage })));
const ApprovalsPage = lazy(() => import('./pages/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })));
const MembersPage = lazy(() => import('./organizations/MembersPage').then((m) => ({ default: m.MembersPage })));
const OrganizationsPage = lazy(() => import('./organizations/OrganizationsPage').then((m) => ({ default: m.OrganizationsPage })));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/tasks" replace />} />
        <Route path="tasks" element={<MyTasksPage />} />
        <Route path="tasks/:id" element={<TaskPage />} />
        <Route path="approvals" element={<ApprovalsPage />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="plans" element={<PlansPage />} />
        <Route path="plans/:id" element={<PlanPage />} />
        <Route path="indicators" element={<IndicatorsPage />} />
        <Route path="indicators/:id" element={<IndicatorPage />} />
        <Route path="organizations" element={<OrganizationsPage />} />
        <Route path="members" element={<MembersPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="*" element={<Navigate to="/tasks" replace />} />
      </Route>
    </Routes>
  );
}
