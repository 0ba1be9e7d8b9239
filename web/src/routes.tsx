// Every page of the app, in one table.
import { createBrowserRouter } from 'react-router';
import { AccountPage } from './account/AccountPage.tsx';
import { AdminPage } from './admin/AdminPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { AppLayout } from './components/AppLayout.tsx';
import { CrashPage, NotFoundPage } from './components/StatusPages.tsx';
import { FilePage } from './files/FilePage.tsx';
import { MyFilesPage } from './files/MyFilesPage.tsx';
import { HomePage } from './home/HomePage.tsx';
import { VigilancePage } from './identity/VigilancePage.tsx';
import { PatientPage } from './patients/PatientPage.tsx';
import { PatientsPage } from './patients/PatientsPage.tsx';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <CrashPage /> },
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
      { path: 'patients', element: <PatientsPage /> },
      { path: 'patients/:patientId', element: <PatientPage /> },
      { path: 'identity', element: <VigilancePage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'admin', element: <AdminPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
