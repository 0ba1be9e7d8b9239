// Every page of the app, in one table.
import { createBrowserRouter } from 'react-router';
import { AccountPage } from './account/AccountPage.tsx';
import { AdminPage } from './admin/AdminPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { InvitationPage } from './invitations/InvitationPage.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { AppLayout } from './components/AppLayout.tsx';
import { CrashPage, NotFoundPage } from './components/StatusPages.tsx';
import { DirectoryPage } from './directory/DirectoryPage.tsx';
import { OrganizationPage } from './directory/OrganizationPage.tsx';
import { ProfessionalPage } from './directory/ProfessionalPage.tsx';
import { ImportRunPage } from './admin/imports/ImportRunPage.tsx';
import { ImportsPage } from './admin/imports/ImportsPage.tsx';
import { FilePage } from './files/FilePage.tsx';
import { MyFilesPage } from './files/MyFilesPage.tsx';
import { HomePage } from './home/HomePage.tsx';
import { IncomingRequestsPage } from './orientation/IncomingRequestsPage.tsx';
import { OrientationSearchPage } from './orientation/OrientationSearchPage.tsx';
import { VigilancePage } from './identity/VigilancePage.tsx';
import { PatientPage } from './patients/PatientPage.tsx';
import { NewReferralPage } from './referrals/NewReferralPage.tsx';
import { PublicReferralPage } from './referrals/PublicReferralPage.tsx';
import { PublicTrackingPage } from './referrals/PublicTrackingPage.tsx';
import { ReferralPage } from './referrals/ReferralPage.tsx';
import { ReferralsPage } from './referrals/ReferralsPage.tsx';
import { MyTasksPage } from './tasks/MyTasksPage.tsx';
import { BreakdownsPage } from './breakdowns/BreakdownsPage.tsx';
import { PatientsPage } from './patients/PatientsPage.tsx';
import { TerritoriesPage } from './territories/TerritoriesPage.tsx';
import { TerritoryPage } from './territories/TerritoryPage.tsx';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <CrashPage /> },
  { path: '/demande-appui', element: <PublicReferralPage />, errorElement: <CrashPage /> },
  { path: '/demande-appui/suivi', element: <PublicTrackingPage />, errorElement: <CrashPage /> },
  { path: '/invitation/:token', element: <InvitationPage />, errorElement: <CrashPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <CrashPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'files', element: <MyFilesPage /> },
      { path: 'files/:fileId', element: <FilePage /> },
      { path: 'tasks', element: <MyTasksPage /> },
      { path: 'breakdowns', element: <BreakdownsPage /> },
      { path: 'referrals', element: <ReferralsPage /> },
      { path: 'referrals/new', element: <NewReferralPage /> },
      { path: 'referrals/:referralId', element: <ReferralPage /> },
      { path: 'patients', element: <PatientsPage /> },
      { path: 'patients/:patientId', element: <PatientPage /> },
      { path: 'identity', element: <VigilancePage /> },
      { path: 'orientation', element: <OrientationSearchPage /> },
      { path: 'orientation/requests', element: <IncomingRequestsPage /> },
      { path: 'territories', element: <TerritoriesPage /> },
      { path: 'territories/:territoryId', element: <TerritoryPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'admin', element: <AdminPage /> },
      { path: 'admin/imports', element: <ImportsPage /> },
      { path: 'admin/imports/:importId', element: <ImportRunPage /> },
      { path: 'directory', element: <DirectoryPage /> },
      { path: 'directory/professionals/:professionalId', element: <ProfessionalPage /> },
      { path: 'directory/organizations/:organizationId', element: <OrganizationPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
