import { Route } from '@angular/router';
import { signedIn, signedOut, withRole } from '@marea/web/session';
import { NotFoundPage, ShellLayout, inNavigation } from '@marea/web/shell';

/**
 * Every screen of Marea. A child of the shell with `inNavigation(…)` data appears in the main
 * navigation, in this order; features are loaded when first visited.
 */
export const appRoutes: Route[] = [
  // Outside the shell: screens for visitors who are not signed in.
  {
    path: 'sign-in',
    title: $localize`:@@nav.signIn:Sign in`,
    canActivate: [signedOut],
    loadComponent: () => import('@marea/web/access').then((feature) => feature.SignInPage),
  },
  {
    path: 'setup',
    title: $localize`:@@nav.setup:Set up Marea`,
    canActivate: [signedOut],
    loadComponent: () => import('@marea/web/access').then((feature) => feature.SetupPage),
  },
  {
    path: 'invitation',
    title: $localize`:@@nav.invitation:Join Marea`,
    loadComponent: () => import('@marea/web/access').then((feature) => feature.InvitationPage),
  },
  {
    path: 'forgot-password',
    title: $localize`:@@nav.forgotPassword:Forgot your password?`,
    canActivate: [signedOut],
    loadComponent: () => import('@marea/web/access').then((feature) => feature.ForgotPasswordPage),
  },
  {
    path: 'password-reset',
    title: $localize`:@@nav.passwordReset:Choose a new password`,
    loadComponent: () => import('@marea/web/access').then((feature) => feature.PasswordResetPage),
  },
  {
    path: '',
    component: ShellLayout,
    canActivate: [signedIn],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'overview' },
      {
        path: 'overview',
        title: $localize`:@@nav.overview:Overview`,
        loadComponent: () => import('@marea/web/overview').then((feature) => feature.OverviewPage),
        data: inNavigation({ label: $localize`:@@nav.overview:Overview`, icon: 'overview' }),
      },
      {
        path: 'customers',
        title: $localize`:@@nav.customers:Customers`,
        loadComponent: () => import('@marea/web/customers').then((feature) => feature.CustomerListPage),
        data: inNavigation({ label: $localize`:@@nav.customers:Customers`, icon: 'customers' }),
      },
      {
        path: 'customers/:id',
        title: $localize`:@@nav.customer:Customer profile`,
        loadComponent: () => import('@marea/web/customers').then((feature) => feature.CustomerProfilePage),
      },
      {
        path: 'segments',
        title: $localize`:@@nav.segments:Segments`,
        canActivate: [withRole('admin', 'marketer')],
        loadComponent: () => import('@marea/web/segments').then((feature) => feature.SegmentListPage),
        data: inNavigation({ label: $localize`:@@nav.segments:Segments`, icon: 'segments', roles: ['admin', 'marketer'] }),
      },
      {
        path: 'segments/new',
        title: $localize`:@@nav.newSegment:New segment`,
        canActivate: [withRole('admin', 'marketer')],
        loadComponent: () => import('@marea/web/segments').then((feature) => feature.SegmentEditorPage),
      },
      {
        path: 'segments/:code',
        title: $localize`:@@nav.segment:Segment`,
        canActivate: [withRole('admin', 'marketer')],
        loadComponent: () => import('@marea/web/segments').then((feature) => feature.SegmentEditorPage),
      },
      {
        path: 'automations',
        title: $localize`:@@nav.automations:Automations`,
        canActivate: [withRole('admin', 'marketer')],
        loadComponent: () => import('@marea/web/automations').then((feature) => feature.AutomationListPage),
        data: inNavigation({ label: $localize`:@@nav.automations:Automations`, icon: 'automations', roles: ['admin', 'marketer'] }),
      },
      {
        path: 'automations/new',
        title: $localize`:@@nav.newAutomation:New automation`,
        canActivate: [withRole('admin', 'marketer')],
        loadComponent: () => import('@marea/web/automations').then((feature) => feature.AutomationEditorPage),
      },
      {
        path: 'automations/dead-letters',
        title: $localize`:@@nav.deadLetters:Dead letters`,
        canActivate: [withRole('admin', 'marketer')],
        loadComponent: () => import('@marea/web/automations').then((feature) => feature.DeadLettersPage),
      },
      {
        path: 'automations/:id',
        title: $localize`:@@nav.automation:Automation`,
        canActivate: [withRole('admin', 'marketer')],
        loadComponent: () => import('@marea/web/automations').then((feature) => feature.AutomationEditorPage),
      },
      {
        path: 'analyses',
        title: $localize`:@@nav.analyses:Analyses`,
        canActivate: [withRole('admin', 'marketer')],
        loadComponent: () => import('@marea/web/analyses').then((feature) => feature.AnalysesHomePage),
        data: inNavigation({ label: $localize`:@@nav.analyses:Analyses`, icon: 'analyses', roles: ['admin', 'marketer'] }),
      },
      {
        path: 'analyses/personas/new',
        title: $localize`:@@nav.newPersonaAnalysis:New persona analysis`,
        canActivate: [withRole('admin', 'marketer')],
        loadComponent: () => import('@marea/web/analyses').then((feature) => feature.NewPersonaAnalysisPage),
      },
      {
        path: 'analyses/personas/:id',
        title: $localize`:@@nav.personaAnalysis:Persona analysis`,
        canActivate: [withRole('admin', 'marketer')],
        loadComponent: () => import('@marea/web/analyses').then((feature) => feature.PersonaAnalysisPage),
      },
      {
        path: 'analyses/clv-model',
        title: $localize`:@@nav.clvModel:CLV model`,
        canActivate: [withRole('admin', 'marketer')],
        loadComponent: () => import('@marea/web/analyses').then((feature) => feature.ClvModelPage),
      },
      {
        path: 'tasks',
        title: $localize`:@@nav.tasks:Tasks`,
        loadComponent: () => import('@marea/web/tasks').then((feature) => feature.TaskInboxPage),
        data: inNavigation({ label: $localize`:@@nav.tasks:Tasks`, icon: 'tasks' }),
      },
      {
        path: 'messages',
        title: $localize`:@@nav.messages:Messages`,
        canActivate: [withRole('admin', 'marketer')],
        loadComponent: () => import('@marea/web/messages').then((feature) => feature.MessagesPage),
        data: inNavigation({ label: $localize`:@@nav.messages:Messages`, icon: 'messages', roles: ['admin', 'marketer'] }),
      },
      {
        path: 'imports',
        title: $localize`:@@nav.imports:Data import`,
        loadComponent: () => import('@marea/web/imports').then((feature) => feature.ImportsPage),
        canActivate: [withRole('admin', 'marketer')],
        data: inNavigation({ label: $localize`:@@nav.imports:Data import`, icon: 'import', roles: ['admin', 'marketer'] }),
      },
      {
        path: 'settings',
        title: $localize`:@@nav.settings:Settings`,
        loadComponent: () => import('@marea/web/settings').then((feature) => feature.SettingsLayout),
        data: inNavigation({ label: $localize`:@@nav.settings:Settings`, icon: 'settings' }),
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'account' },
          {
            path: 'account',
            title: $localize`:@@nav.account:Account`,
            loadComponent: () => import('@marea/web/settings').then((feature) => feature.SettingsHome),
          },
          {
            path: 'users',
            title: $localize`:@@nav.users:Users`,
            canActivate: [withRole('admin')],
            loadComponent: () => import('@marea/web/access').then((feature) => feature.UsersPage),
          },
          {
            path: 'api-keys',
            title: $localize`:@@nav.apiKeys:API keys`,
            canActivate: [withRole('admin')],
            loadComponent: () => import('@marea/web/access').then((feature) => feature.ApiKeysPage),
          },
          {
            path: 'audit-log',
            title: $localize`:@@nav.auditLog:Audit log`,
            canActivate: [withRole('admin')],
            loadComponent: () => import('@marea/web/settings').then((feature) => feature.AuditLogPage),
          },
        ],
      },
      // Users and API keys live under Settings now; their old addresses still lead there.
      { path: 'users', redirectTo: 'settings/users' },
      { path: 'api-keys', redirectTo: 'settings/api-keys' },
      { path: '**', title: $localize`:@@nav.notFound:Page not found`, component: NotFoundPage },
    ],
  },
];
