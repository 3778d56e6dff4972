// Policy rules over rendered manifests. Each rule takes the list of objects of ONE overlay
// and returns violations ({ rule, object, message }); an empty list means compliant.
// The rules are pure functions so that the tests can feed them deliberately broken input.

export const WRITABLE_ROOT_FS_ANNOTATION = "policy.planning.gov.cn/writable-root-fs-reason";
const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"]);
const id = (o) => `${o.kind}/${o.metadata?.name}`;
const v = (rule, o, message) => ({ rule, object: id(o), message });

/** Pod templates of the workloads: { owner, template: { metadata, spec } } */
export function podTemplates(objects) {
  const out = [];
  for (const o of objects) {
    if (!WORKLOAD_KINDS.has(o.kind)) continue;
    const template =
      o.kind === "Pod" ? { metadata: o.metadata, spec: o.spec }
      : o.kind === "CronJob" ? o.spec?.jobTemplate?.spec?.template
      : o.spec?.template;
    out.push({ owner: o, template: template ?? {} });
  }
  return out;
}

/** Pods that operators create from custom resources, with the labels the operators put on
 *  them (CloudNativePG: cnpg.io/cluster=<name>; Keycloak Operator: app=keycloak,
 *  app.kubernetes.io/instance=<name>, app.kubernetes.io/managed-by=keycloak-operator). */
export function operatorPods(objects) {
  const out = [];
  for (const o of objects) {
    const ns = o.metadata?.namespace;
    if (o.apiVersion === "postgresql.cnpg.io/v1" && o.kind === "Cluster") {
      out.push({ owner: o, namespace: ns, labels: { "cnpg.io/cluster": o.metadata.name, "cnpg.io/podRole": "instance" } });
    }
    if (o.apiVersion?.startsWith("k8s.keycloak.org/") && o.kind === "Keycloak") {
      out.push({ owner: o, namespace: ns, labels: { app: "keycloak", "app.kubernetes.io/instance": o.metadata.name, "app.kubernetes.io/managed-by": "keycloak-operator", "app.kubernetes.io/component": "server" } });
    }
  }
  return out;
}

/** Kubernetes label-selector semantics (matchLabels + matchExpressions). */
export function selectorMatches(selector, labels = {}) {
  if (!selector) return false;
  for (const [k, val] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== val) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    if (e.operator === "In" && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

const containersOf = (spec = {}) => spec.containers ?? [];
const allContainersOf = (spec = {}) => [...(spec.initContainers ?? []), ...(spec.containers ?? [])];

// --- rules -----------------------------------------------------------------------------------

/** Every (non-init) container has startup, readiness and liveness probes. */
export function probesRule(objects) {
  const out = [];
  for (const { owner, template } of podTemplates(objects)) {
    if (owner.kind === "Job" || owner.kind === "CronJob") continue; // run-to-completion: no probes
    for (const c of containersOf(template.spec)) {
      for (const p of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        if (!c[p]) out.push(v("probes", owner, `container ${c.name} has no ${p}`));
      }
    }
  }
  return out;
}

/** Every container (init containers too) requests and limits CPU and memory; operator-managed
 *  workloads (CNPG Cluster, Keycloak, KeycloakRealmImport) declare them in their spec. */
export function resourcesRule(objects) {
  const out = [];
  const check = (owner, what, r = {}) => {
    for (const kind of ["requests", "limits"]) {
      for (const res of ["cpu", "memory"]) {
        if (!r[kind]?.[res]) out.push(v("resources", owner, `${what} has no ${kind}.${res}`));
      }
    }
  };
  for (const { owner, template } of podTemplates(objects)) {
    for (const c of allContainersOf(template.spec)) check(owner, `container ${c.name}`, c.resources);
  }
  for (const o of objects) {
    if (["Cluster", "Keycloak", "KeycloakRealmImport"].includes(o.kind) && /cnpg|keycloak/.test(o.apiVersion)) check(o, "spec", o.spec?.resources);
  }
  return out;
}

/** Non-root, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp,
 *  read-only root filesystem (unless the pod template carries an explicit, explained
 *  exception annotation). */
export function securityContextRule(objects) {
  const out = [];
  for (const { owner, template } of podTemplates(objects)) {
    const pod = template.spec?.securityContext ?? {};
    const writableReason = template.metadata?.annotations?.[WRITABLE_ROOT_FS_ANNOTATION];
    for (const c of allContainersOf(template.spec)) {
      const sc = c.securityContext ?? {};
      const say = (m) => out.push(v("securityContext", owner, `container ${c.name}: ${m}`));
      if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true) say("runAsNonRoot is not true");
      if ((sc.runAsUser ?? pod.runAsUser) === 0) say("runAsUser is 0 (root)");
      if (sc.allowPrivilegeEscalation !== false) say("allowPrivilegeEscalation is not false");
      if (sc.privileged === true) say("privileged");
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) say("capabilities.drop does not contain ALL");
      if ((sc.capabilities?.add ?? []).length) say(`adds capabilities ${sc.capabilities.add}`);
      if ((sc.seccompProfile ?? pod.seccompProfile)?.type !== "RuntimeDefault") say("seccompProfile is not RuntimeDefault");
      if (sc.readOnlyRootFilesystem !== true && !writableReason) {
        say(`readOnlyRootFilesystem is not true (an exception needs the pod annotation ${WRITABLE_ROOT_FS_ANNOTATION})`);
      }
    }
    if (template.spec?.hostNetwork || template.spec?.hostPID || template.spec?.hostIPC) out.push(v("securityContext", owner, "uses host namespaces"));
  }
  return out;
}

/** Every Deployment and StatefulSet has a PodDisruptionBudget in its namespace selecting its pods;
 *  so do operator pods for which the operator makes none (Keycloak). */
export function pdbRule(objects) {
  const out = [];
  const pdbs = objects.filter((o) => o.kind === "PodDisruptionBudget");
  const covered = (ns, labels) => pdbs.some((p) => p.metadata?.namespace === ns && selectorMatches(p.spec?.selector, labels));
  for (const o of objects.filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet")) {
    if (!covered(o.metadata?.namespace, o.spec?.template?.metadata?.labels)) out.push(v("pdb", o, "no PodDisruptionBudget selects its pods"));
  }
  for (const p of operatorPods(objects)) {
    if (p.owner.kind === "Cluster" && p.owner.spec?.enablePDB === false) out.push(v("pdb", p.owner, "enablePDB is false"));
    if (p.owner.kind === "Keycloak" && !covered(p.namespace, p.labels)) out.push(v("pdb", p.owner, "no PodDisruptionBudget selects the Keycloak pods"));
  }
  return out;
}

/** A default-deny ingress policy exists in every namespace with pods, and every pod (workload
 *  templates and operator-created pods) is selected by at least one policy that allows some
 *  ingress, i.e. its allowed traffic is spelled out. */
export function networkPolicyRule(objects) {
  const out = [];
  const nps = objects.filter((o) => o.kind === "NetworkPolicy");
  const pods = [
    ...podTemplates(objects).map(({ owner, template }) => ({ owner, namespace: owner.metadata?.namespace, labels: template.metadata?.labels ?? {} })),
    ...operatorPods(objects),
  ];
  const isDefaultDeny = (np) =>
    Object.keys(np.spec?.podSelector ?? {}).length === 0 && (np.spec?.policyTypes ?? []).includes("Ingress") && !(np.spec?.ingress?.length);
  for (const ns of new Set(pods.map((p) => p.namespace))) {
    if (!nps.some((np) => np.metadata?.namespace === ns && isDefaultDeny(np))) {
      out.push({ rule: "networkPolicy", object: `Namespace/${ns}`, message: "no default-deny ingress NetworkPolicy" });
    }
  }
  for (const p of pods) {
    const allowing = nps.filter((np) => np.metadata?.namespace === p.namespace && !isDefaultDeny(np) && np.spec?.ingress?.length && selectorMatches(np.spec.podSelector, p.labels));
    if (!allowing.length) out.push(v("networkPolicy", p.owner, "its pods are selected by no NetworkPolicy that allows ingress"));
  }
  return out;
}

export const PLACEHOLDER = /^CHANGE_ME([_-][A-Za-z0-9_-]*)?$/;
const IDENTIFIER_KEYS = new Set(["username", "user"]);
/** Secrets in the repository carry placeholders only: every value is CHANGE_ME (or
 *  CHANGE_ME_<something>), except user names, which must be plain identifiers. */
export function secretsRule(objects) {
  const out = [];
  for (const s of objects.filter((o) => o.kind === "Secret")) {
    const values = {
      ...Object.fromEntries(Object.entries(s.data ?? {}).map(([k, b64]) => [k, Buffer.from(String(b64), "base64").toString("utf8")])),
      ...(s.stringData ?? {}),
    };
    if (s.type === "kubernetes.io/tls" || s.type === "kubernetes.io/dockerconfigjson") out.push(v("secrets", s, `type ${s.type} must not be committed`));
    for (const [k, val] of Object.entries(values)) {
      const value = String(val);
      if (IDENTIFIER_KEYS.has(k)) {
        if (!/^[a-z_][a-z0-9_]{0,62}$/.test(value)) out.push(v("secrets", s, `key ${k} is not a plain user name`));
      } else if (!PLACEHOLDER.test(value)) {
        out.push(v("secrets", s, `key ${k} holds a value that is not a CHANGE_ME placeholder`));
      }
    }
  }
  return out;
}

// our own Deployments: the gateway, the subgraphs and the console (web)
const APP_COMPONENTS = ["gateway", "subgraph", "web"];
const isApp = (o) => o.kind === "Deployment" && APP_COMPONENTS.includes(o.metadata?.labels?.["app.kubernetes.io/component"]);

/** The platform's own Deployments roll without losing capacity and shut down gracefully. */
export function rolloutRule(objects) {
  const out = [];
  const app = objects.filter(isApp);
  for (const d of app) {
    const ru = d.spec?.strategy?.rollingUpdate ?? {};
    if ((d.spec?.strategy?.type ?? "RollingUpdate") !== "RollingUpdate") out.push(v("rollout", d, "strategy is not RollingUpdate"));
    if (ru.maxUnavailable !== 0) out.push(v("rollout", d, "rollingUpdate.maxUnavailable is not 0"));
    if (ru.maxSurge !== 1) out.push(v("rollout", d, "rollingUpdate.maxSurge is not 1"));
    const spec = d.spec?.template?.spec ?? {};
    if (!((spec.terminationGracePeriodSeconds ?? 30) >= 30)) out.push(v("rollout", d, "terminationGracePeriodSeconds < 30"));
    for (const c of containersOf(spec)) {
      if (!c.lifecycle?.preStop) out.push(v("rollout", d, `container ${c.name} has no preStop hook`));
      if (!c.readinessProbe) out.push(v("rollout", d, `container ${c.name} has no readinessProbe to gate traffic`));
    }
  }
  return out;
}

/** gateway, subgraphs and console have an autoscaling/v2 HPA targeting them. */
export function hpaRule(objects) {
  const out = [];
  const hpas = objects.filter((o) => o.kind === "HorizontalPodAutoscaler");
  for (const d of objects.filter(isApp)) {
    const h = hpas.find((h) => h.spec?.scaleTargetRef?.kind === "Deployment" && h.spec.scaleTargetRef.name === d.metadata.name);
    if (!h) out.push(v("hpa", d, "no HorizontalPodAutoscaler targets it"));
    else {
      if (h.apiVersion !== "autoscaling/v2") out.push(v("hpa", h, "is not autoscaling/v2"));
      if (!(h.spec.minReplicas <= h.spec.maxReplicas)) out.push(v("hpa", h, "minReplicas > maxReplicas"));
      if (d.spec?.replicas !== undefined && d.spec.replicas < (h.spec.minReplicas ?? 1)) out.push(v("hpa", d, "replicas below the HPA minimum"));
    }
  }
  return out;
}

/** Every ConfigMap/Secret a pod reads exists in the render, or (for Secrets) is one of the
 *  documented out-of-band Secrets. */
export function referencesRule(objects, { externalSecrets = [] } = {}) {
  const out = [];
  const has = (kind, name) => objects.some((o) => o.kind === kind && o.metadata?.name === name);
  const need = (owner, kind, name, optional) => {
    if (optional || has(kind, name) || (kind === "Secret" && externalSecrets.includes(name))) return;
    out.push(v("references", owner, `${kind} ${name} is referenced but neither rendered nor documented as created out of band`));
  };
  for (const { owner, template } of podTemplates(objects)) {
    const spec = template.spec ?? {};
    for (const c of allContainersOf(spec)) {
      for (const ef of c.envFrom ?? []) {
        if (ef.configMapRef) need(owner, "ConfigMap", ef.configMapRef.name, ef.configMapRef.optional);
        if (ef.secretRef) need(owner, "Secret", ef.secretRef.name, ef.secretRef.optional);
      }
      for (const e of c.env ?? []) {
        const r = e.valueFrom;
        if (r?.configMapKeyRef) need(owner, "ConfigMap", r.configMapKeyRef.name, r.configMapKeyRef.optional);
        if (r?.secretKeyRef) need(owner, "Secret", r.secretKeyRef.name, r.secretKeyRef.optional);
      }
    }
    for (const vol of spec.volumes ?? []) {
      if (vol.configMap) need(owner, "ConfigMap", vol.configMap.name, vol.configMap.optional);
      if (vol.secret) need(owner, "Secret", vol.secret.secretName, vol.secret.optional);
    }
  }
  // Secrets named by custom resources
  const crSecrets = [];
  for (const o of objects) {
    const s = o.spec ?? {};
    if (o.kind === "Cluster") {
      if (s.bootstrap?.initdb?.secret?.name) crSecrets.push([o, s.bootstrap.initdb.secret.name]);
      for (const r of s.managed?.roles ?? []) if (r.passwordSecret?.name) crSecrets.push([o, r.passwordSecret.name]);
    }
    if (o.kind === "Keycloak") {
      for (const x of [s.db?.usernameSecret, s.db?.passwordSecret]) if (x?.name) crSecrets.push([o, x.name]);
      if (s.bootstrapAdmin?.user?.secret) crSecrets.push([o, s.bootstrapAdmin.user.secret]);
      if (s.http?.tlsSecret) crSecrets.push([o, s.http.tlsSecret]);
    }
    if (o.kind === "KeycloakRealmImport") for (const p of Object.values(s.placeholders ?? {})) crSecrets.push([o, p.secret.name]);
    if (o.kind === "ObjectStore") for (const x of Object.values(s.configuration?.s3Credentials ?? {})) if (x?.name) crSecrets.push([o, x.name]);
  }
  for (const [o, name] of crSecrets) need(o, "Secret", name, false);
  return out;
}

export const RULES = {
  probes: probesRule,
  resources: resourcesRule,
  securityContext: securityContextRule,
  pdb: pdbRule,
  networkPolicy: networkPolicyRule,
  secrets: secretsRule,
  rollout: rolloutRule,
  hpa: hpaRule,
  references: referencesRule,
};

export function checkAll(objects, options = {}) {
  return Object.values(RULES).flatMap((rule) => rule(objects, options));
}
