/** What the server tells the app at start (GET /api/config): one build serves every deployment. */
export interface RuntimeConfig {
  graphqlUrl: string;
  oidcIssuer: string;
  oidcClientId: string;
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/api/config', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/api/config answered HTTP ${response.status}`);
  return (await response.json()) as RuntimeConfig;
}
