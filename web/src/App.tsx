import { lazy, Suspense, useEffect, useRef, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { Layout } from './components/Layout.js';
import { Loading, Page } from './components/Page.js';
import { QueryError } from './components/QueryError.js';
import { applyLocale } from './i18n/index.js';
import { AccountPage } from './pages/AccountPage.js';
import { AssessmentsPage } from './pages/assessments/AssessmentsPage.js';
import { CheckAnswersPage } from './pages/assessments/CheckAnswersPage.js';
import { ClientCopyPage } from './pages/assessments/ClientCopyPage.js';
import { ConsentPage } from './pages/assessments/ConsentPage.js';
import { ConsentRevocationsPage } from './pages/assessments/ConsentRevocationsPage.js';
import { IdentityPage } from './pages/assessments/IdentityPage.js';
import { SectionPage } from './pages/assessments/SectionPage.js';
import { ServiceLevelPage } from './pages/assessments/ServiceLevelPage.js';
import { SummaryPage } from './pages/assessments/SummaryPage.js';
import { TaskListPage } from './pages/assessments/TaskListPage.js';
import { AuditVerifyPage } from './pages/AuditVerifyPage.js';
import { CalendarPage } from './pages/CalendarPage.js';
import { ClientFormPage } from './pages/ClientFormPage.js';
import { ClientProfilePage } from './pages/ClientProfilePage.js';
import { ClientSearchPage } from './pages/ClientSearchPage.js';
import { ForbiddenPage } from './pages/ForbiddenPage.js';
import { HomePage } from './pages/HomePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OrganizationDetailPage } from './pages/OrganizationDetailPage.js';
import { OrganizationFormPage } from './pages/OrganizationFormPage.js';
import { OrganizationsPage } from './pages/OrganizationsPage.js';
import { ReferralDetailPage } from './pages/referrals/ReferralDetailPage.js';
import { ReferralFormPage } from './pages/referrals/ReferralFormPage.js';
import { ReferralsPage } from './pages/referrals/ReferralsPage.js';
import { TrfImportPage } from './pages/referrals/TrfImportPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { SiteFormPage } from './pages/SiteFormPage.js';
import { StatisticsPage } from './pages/StatisticsPage.js';
import { UserFormPage } from './pages/UserFormPage.js';
import { UsersPage } from './pages/UsersPage.js';
import { sessionEndReason, SessionProvider, useMeQuery, useSession } from './session.js';
import type { Permission } from './types.js';

/**
 * The plan and case-management screens load on first use: they are a third of the app and most
 * sessions (intake, SA referrals, admin) never open them.
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const CaseloadBoardPage = lazyPage(
  () => import('./pages/casework/CaseloadBoardPage.js'),
  'CaseloadBoardPage',
);
const CaseloadPage = lazyPage(() => import('./pages/casework/CaseloadPage.js'), 'CaseloadPage');
const ConferenceQueuePage = lazyPage(
  () => import('./pages/casework/ConferenceQueuePage.js'),
  'ConferenceQueuePage',
);
const NoteTemplatesPage = lazyPage(
  () => import('./pages/casework/NoteTemplatesPage.js'),
  'NoteTemplatesPage',
);
const SharedClientsPage = lazyPage(
  () => import('./pages/casework/SharedClientsPage.js'),
  'SharedClientsPage',
);
const PlanCataloguePage = lazyPage(() => import('./pages/plans/PlanCataloguePage.js'), 'PlanCataloguePage');
const PlanPage = lazyPage(() => import('./pages/plans/PlanPage.js'), 'PlanPage');
const PlanSummaryPage = lazyPage(() => import('./pages/plans/PlanSummaryPage.js'), 'PlanSummaryPage');
const MonitoringPage = lazyPage(() => import('./pages/monitoring/MonitoringPage.js'), 'MonitoringPage');
const CheckpointWorklistPage = lazyPage(
  () => import('./pages/monitoring/CheckpointWorklistPage.js'),
  'CheckpointWorklistPage',
);
const PbfReviewQueuePage = lazyPage(() => import('./pages/pbf/PbfReviewQueuePage.js'), 'PbfReviewQueuePage');
const PbfStatementPage = lazyPage(() => import('./pages/pbf/PbfStatementPage.js'), 'PbfStatementPage');
const FundingAgreementPage = lazyPage(
  () => import('./pages/pbf/FundingAgreementPage.js'),
  'FundingAgreementPage',
);
const PlanSupportsPage = lazyPage(() => import('./pages/supports/PlanSupportsPage.js'), 'PlanSupportsPage');
const SupportRequestPage = lazyPage(
  () => import('./pages/supports/SupportRequestPage.js'),
  'SupportRequestPage',
);
const SupportPage = lazyPage(() => import('./pages/supports/SupportPage.js'), 'SupportPage');
const SupportApprovalsPage = lazyPage(
  () => import('./pages/supports/SupportApprovalsPage.js'),
  'SupportApprovalsPage',
);
const BudgetsPage = lazyPage(() => import('./pages/supports/BudgetsPage.js'), 'BudgetsPage');
const BudgetEditPage = lazyPage(() => import('./pages/supports/BudgetEditPage.js'), 'BudgetEditPage');
const EmployersPage = lazyPage(() => import('./pages/employers/EmployersPage.js'), 'EmployersPage');
const EmployerFormPage = lazyPage(() => import('./pages/employers/EmployerFormPage.js'), 'EmployerFormPage');
const EmployerPage = lazyPage(() => import('./pages/employers/EmployerPage.js'), 'EmployerPage');
const PlacementFormPage = lazyPage(
  () => import('./pages/employers/PlacementFormPage.js'),
  'PlacementFormPage',
);
const PlacementPage = lazyPage(() => import('./pages/employers/PlacementPage.js'), 'PlacementPage');
const WorkspacePage = lazyPage(() => import('./pages/plans/WorkspacePage.js'), 'WorkspacePage');

/** Pages for signed-in users. Without a session (or once the API answers 401) it goes to sign-in. */
function Authenticated() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMeQuery();
  const adoptedLocale = useRef(false);

  useEffect(() => {
    // On a fresh load the account's saved language wins: it may have been changed on another device.
    if (me.data && !adoptedLocale.current) {
      adoptedLocale.current = true;
      void applyLocale(me.data.user.locale);
    }
  }, [me.data]);

  if (me.isPending) {
    return (
      <Layout>
        <Page title={t('app.name')}>
          <Loading />
        </Page>
      </Layout>
    );
  }
  if (me.isError) {
    return (
      <Layout>
        <Page title={t('errors.serviceUnavailable')}>
          <QueryError error={me.error} onRetry={() => void me.refetch()} />
        </Page>
      </Layout>
    );
  }
  if (!me.data) {
    // After "Sign out" or a password change, the sign-in page says so; after an expired session it
    // also brings the user back to where they were.
    const notice = sessionEndReason();
    const from = `${location.pathname}${location.search}`;
    const state =
      notice === 'signedOut' || notice === 'passwordChanged'
        ? { notice }
        : { notice, from: from === '/' ? undefined : from };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return (
    <SessionProvider value={me.data}>
      <Layout me={me.data}>
        <Suspense
          fallback={
            <Page title={t('app.name')}>
              <Loading />
            </Page>
          }
        >
          <Outlet />
        </Suspense>
      </Layout>
    </SessionProvider>
  );
}

/** A page that needs a permission says so instead of failing on every request it makes. */
function Requires({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useSession();
  return me.permissions.includes(permission) ? <>{children}</> : <ForbiddenPage />;
}

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<Authenticated />}>
        <Route index element={<HomePage />} />
        <Route
          path="clients"
          element={
            <Requires permission="client.search">
              <ClientSearchPage />
            </Requires>
          }
        />
        <Route
          path="clients/new"
          element={
            <Requires permission="client.create">
              <ClientFormPage />
            </Requires>
          }
        />
        <Route
          path="clients/:clientId"
          element={
            <Requires permission="client.read">
              <ClientProfilePage />
            </Requires>
          }
        />
        <Route
          path="clients/:clientId/edit"
          element={
            <Requires permission="client.update">
              <ClientFormPage />
            </Requires>
          }
        />
        <Route
          path="clients/:clientId/refer"
          element={
            <Requires permission="referral.create">
              <ReferralFormPage />
            </Requires>
          }
        />
        <Route
          path="clients/:clientId/workspace"
          element={
            <Requires permission="plan.read">
              <WorkspacePage />
            </Requires>
          }
        />
        <Route
          path="plans/:planId"
          element={
            <Requires permission="plan.read">
              <PlanPage />
            </Requires>
          }
        />
        <Route
          path="plans/:planId/summary"
          element={
            <Requires permission="plan.read">
              <PlanSummaryPage />
            </Requires>
          }
        />
        <Route
          path="plans/:planId/monitoring"
          element={
            <Requires permission="monitoring.read">
              <MonitoringPage />
            </Requires>
          }
        />
        <Route
          path="checkpoints"
          element={
            <Requires permission="monitoring.write">
              <CheckpointWorklistPage />
            </Requires>
          }
        />
        <Route
          path="pbf/review"
          element={
            <Requires permission="pbf.review">
              <PbfReviewQueuePage />
            </Requires>
          }
        />
        <Route
          path="pbf/statements"
          element={
            <Requires permission="pbf.read">
              <PbfStatementPage />
            </Requires>
          }
        />
        <Route
          path="pbf/funding-agreements/:organizationId"
          element={
            <Requires permission="pbf.read">
              <FundingAgreementPage />
            </Requires>
          }
        />
        <Route
          path="plans/:planId/supports"
          element={
            <Requires permission="support.read">
              <PlanSupportsPage />
            </Requires>
          }
        />
        <Route
          path="plans/:planId/supports/new"
          element={
            <Requires permission="support.request">
              <SupportRequestPage />
            </Requires>
          }
        />
        <Route
          path="supports/:supportId"
          element={
            <Requires permission="support.read">
              <SupportPage />
            </Requires>
          }
        />
        <Route
          path="supports/approvals"
          element={
            <Requires permission="support.approve">
              <SupportApprovalsPage />
            </Requires>
          }
        />
        <Route
          path="budgets"
          element={
            <Requires permission="budget.read">
              <BudgetsPage />
            </Requires>
          }
        />
        <Route
          path="budgets/:organizationId/:fiscalYear"
          element={
            <Requires permission="budget.manage">
              <BudgetEditPage />
            </Requires>
          }
        />
        <Route
          path="employers"
          element={
            <Requires permission="employer.read">
              <EmployersPage />
            </Requires>
          }
        />
        <Route
          path="employers/new"
          element={
            <Requires permission="employer.manage">
              <EmployerFormPage />
            </Requires>
          }
        />
        <Route
          path="employers/:employerId"
          element={
            <Requires permission="employer.read">
              <EmployerPage />
            </Requires>
          }
        />
        <Route
          path="plans/:planId/placements/new"
          element={
            <Requires permission="support.request">
              <PlacementFormPage />
            </Requires>
          }
        />
        <Route
          path="placements/:placementId"
          element={
            // GET /placements/:id needs employer.read (the SA caseworker reads the support only, I3).
            <Requires permission="employer.read">
              <PlacementPage />
            </Requires>
          }
        />
        <Route
          path="plan-catalogue"
          element={
            <Requires permission="plan_catalogue.manage">
              <PlanCataloguePage />
            </Requires>
          }
        />
        <Route
          path="caseload"
          element={
            <Requires permission="caseload.read">
              <CaseloadPage />
            </Requires>
          }
        />
        <Route
          path="caseload/board"
          element={
            <Requires permission="caseload.assign">
              <CaseloadBoardPage />
            </Requires>
          }
        />
        <Route
          path="shared-clients"
          element={
            <Requires permission="plan.read">
              <SharedClientsPage />
            </Requires>
          }
        />
        <Route
          path="case-conferences"
          element={
            <Requires permission="conference.take_part">
              <ConferenceQueuePage />
            </Requires>
          }
        />
        <Route
          path="note-templates"
          element={
            <Requires permission="note_template.manage">
              <NoteTemplatesPage />
            </Requires>
          }
        />
        <Route
          path="referrals"
          element={
            <Requires permission="referral.read">
              <ReferralsPage />
            </Requires>
          }
        />
        <Route
          path="referrals/trf-import"
          element={
            <Requires permission="referral.assign">
              <TrfImportPage />
            </Requires>
          }
        />
        <Route
          path="referrals/:referralId"
          element={
            <Requires permission="referral.read">
              <ReferralDetailPage />
            </Requires>
          }
        />
        <Route
          path="clients/:clientId/assessments/new"
          element={
            <Requires permission="assessment.conduct">
              <ConsentPage />
            </Requires>
          }
        />
        <Route
          path="assessments"
          element={
            <Requires permission="assessment.read">
              <AssessmentsPage />
            </Requires>
          }
        />
        <Route
          path="assessments/:assessmentId"
          element={
            <Requires permission="assessment.read">
              <TaskListPage />
            </Requires>
          }
        />
        <Route
          path="assessments/:assessmentId/sections/:sectionId"
          element={
            <Requires permission="assessment.read">
              <SectionPage />
            </Requires>
          }
        />
        <Route
          path="assessments/:assessmentId/identity"
          element={
            <Requires permission="assessment.conduct">
              <IdentityPage />
            </Requires>
          }
        />
        <Route
          path="assessments/:assessmentId/service-level"
          element={
            <Requires permission="assessment.conduct">
              <ServiceLevelPage />
            </Requires>
          }
        />
        <Route
          path="assessments/:assessmentId/summary"
          element={
            <Requires permission="assessment.read">
              <SummaryPage />
            </Requires>
          }
        />
        <Route
          path="assessments/:assessmentId/check"
          element={
            <Requires permission="assessment.read">
              <CheckAnswersPage />
            </Requires>
          }
        />
        <Route
          path="assessments/:assessmentId/client-copy"
          element={
            <Requires permission="assessment.read">
              <ClientCopyPage />
            </Requires>
          }
        />
        <Route
          path="consent-revocations"
          element={
            <Requires permission="consent.removal">
              <ConsentRevocationsPage />
            </Requires>
          }
        />
        <Route
          path="organizations"
          element={
            <Requires permission="organization.read">
              <OrganizationsPage />
            </Requires>
          }
        />
        <Route
          path="organizations/new"
          element={
            <Requires permission="organization.manage">
              <OrganizationFormPage />
            </Requires>
          }
        />
        <Route
          path="organizations/:organizationId"
          element={
            <Requires permission="organization.read">
              <OrganizationDetailPage />
            </Requires>
          }
        />
        <Route
          path="organizations/:organizationId/edit"
          element={
            <Requires permission="organization.manage">
              <OrganizationFormPage />
            </Requires>
          }
        />
        <Route
          path="organizations/:organizationId/sites/new"
          element={
            <Requires permission="site.manage">
              <SiteFormPage />
            </Requires>
          }
        />
        <Route
          path="sites/:siteId/edit"
          element={
            <Requires permission="site.manage">
              <SiteFormPage />
            </Requires>
          }
        />
        <Route
          path="users"
          element={
            <Requires permission="user.read">
              <UsersPage />
            </Requires>
          }
        />
        <Route
          path="users/new"
          element={
            <Requires permission="user.manage">
              <UserFormPage />
            </Requires>
          }
        />
        <Route
          path="users/:userId"
          element={
            <Requires permission="user.read">
              <UserFormPage />
            </Requires>
          }
        />
        <Route
          path="calendar"
          element={
            <Requires permission="calendar.read">
              <CalendarPage />
            </Requires>
          }
        />
        <Route
          path="statistics"
          element={
            <Requires permission="statistics.read">
              <StatisticsPage />
            </Requires>
          }
        />
        <Route
          path="audit"
          element={
            <Requires permission="audit.verify">
              <AuditVerifyPage />
            </Requires>
          }
        />
        <Route path="account" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
