import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { loadRuntimeConfig } from './auth/config';
import { createUserManager, signIn } from './auth/auth';
import { createApolloClient } from './api/client';
import { Root } from './Root';
import { BootMessage } from './components/BootMessage';

const root = createRoot(document.getElementById('root')!);

async function boot() {
  root.render(<BootMessage kind="loading" />);
  const config = await loadRuntimeConfig();
  const userManager = createUserManager(config);
  const user = await signIn(userManager);
  if (!user) {
    root.render(<BootMessage kind="signingIn" />);
    return;
  }
  const client = createApolloClient(config.graphqlUrl, userManager);
  root.render(
    <StrictMode>
      <Root client={client} userManager={userManager} user={user} graphqlUrl={config.graphqlUrl} />
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  console.error(error);
  root.render(<BootMessage kind="failed" detail={error instanceof Error ? error.message : String(error)} />);
});
