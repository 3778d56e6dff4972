// Schemas for the custom resources the prod overlay uses. No npm package publishes the
// CloudNativePG, Barman Cloud or Keycloak Operator CRD schemas, so these are written here
// from the published CRDs (cloudnative-pg config/crd/bases, keycloak-k8s-resources):
// every `required` field of the CRD, the types/enums of the fields we set, and the complete
// list of allowed property names at the levels we use (so a misspelt field fails).
// For a full check against the real CRDs, point CRD_SCHEMA_DIR at a folder of CRD YAML files
// (see README "Checks"); crd-full.mjs then validates against their openAPIV3Schema as well.

const str = { type: "string", minLength: 1 };
const int = { type: "integer" };
const bool = { type: "boolean" };
const ref = (props = { name: str }, required = ["name"]) => ({ type: "object", required, properties: props, additionalProperties: false });
const secretKeyRef = ref({ name: str, key: str, optional: bool }, ["name", "key"]);
const quantity = { anyOf: [{ type: "string", pattern: "^[0-9.]+([eE][0-9]+|m|k|Ki|Mi|Gi|Ti|Pi|Ei|M|G|T|P|E)?$" }, { type: "number" }] };
const resources = {
  type: "object",
  properties: {
    requests: { type: "object", additionalProperties: quantity },
    limits: { type: "object", additionalProperties: quantity },
    claims: { type: "array" },
  },
  additionalProperties: false,
};
const object = (name, apiVersion, kind, spec, { requireSpec = true } = {}) => ({
  $id: `${apiVersion}/${kind}`,
  title: name,
  type: "object",
  required: ["apiVersion", "kind", "metadata", ...(requireSpec ? ["spec"] : [])],
  properties: {
    apiVersion: { const: apiVersion },
    kind: { const: kind },
    metadata: {
      type: "object",
      required: ["name"],
      properties: {
        // DNS-1123 subdomain
        name: { type: "string", pattern: "^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$" },
        namespace: str,
        labels: { type: "object", additionalProperties: { type: "string" } },
        annotations: { type: "object", additionalProperties: { type: "string" } },
      },
    },
    spec,
    status: { type: "object" },
  },
  additionalProperties: false,
});

// ---- CloudNativePG postgresql.cnpg.io/v1 -----------------------------------------------------
const clusterSpec = {
  type: "object",
  required: ["instances"],
  additionalProperties: false,
  properties: {
    affinity: {
      type: "object",
      additionalProperties: false,
      properties: {
        additionalPodAffinity: { type: "object" }, additionalPodAntiAffinity: { type: "object" },
        enablePodAntiAffinity: bool, nodeAffinity: { type: "object" }, nodeSelector: { type: "object" },
        podAntiAffinityType: { enum: ["preferred", "required"] }, tolerations: { type: "array" }, topologyKey: str,
      },
    },
    backup: { type: "object" },
    bootstrap: {
      type: "object",
      additionalProperties: false,
      properties: {
        initdb: {
          type: "object",
          additionalProperties: false,
          properties: Object.fromEntries(
            ["builtinLocale", "encoding", "icuLocale", "icuRules", "locale", "localeCType", "localeCollate", "localeProvider", "walSegmentSize"]
              .map((k) => [k, k === "walSegmentSize" ? int : str])
              .concat([
                ["database", str], ["owner", str], ["secret", ref()], ["dataChecksums", bool], ["import", { type: "object" }],
                ["options", { type: "array", items: str }], ["postInitApplicationSQL", { type: "array", items: str }],
                ["postInitApplicationSQLRefs", { type: "object" }], ["postInitSQL", { type: "array", items: str }],
                ["postInitSQLRefs", { type: "object" }], ["postInitTemplateSQL", { type: "array", items: str }],
                ["postInitTemplateSQLRefs", { type: "object" }],
              ]),
          ),
        },
        pg_basebackup: { type: "object" },
        recovery: { type: "object" },
      },
    },
    certificates: { type: "object" }, description: str, enablePDB: bool, enableSuperuserAccess: bool,
    env: { type: "array" }, envFrom: { type: "array" }, ephemeralVolumeSource: { type: "object" },
    ephemeralVolumesSizeLimit: { type: "object" }, externalClusters: { type: "array" }, failoverDelay: int,
    imageCatalogRef: { type: "object" }, imageName: str, imagePullPolicy: { enum: ["Always", "Never", "IfNotPresent"] },
    imagePullSecrets: { type: "array" }, inheritedMetadata: { type: "object" },
    instances: { type: "integer", minimum: 1 }, livenessProbeTimeout: int, logLevel: { enum: ["error", "warning", "info", "debug", "trace"] },
    managed: {
      type: "object",
      additionalProperties: false,
      properties: {
        roles: {
          type: "array",
          items: {
            type: "object",
            required: ["name"],
            additionalProperties: false,
            properties: {
              name: str, bypassrls: bool, comment: { type: "string" }, connectionLimit: int, createdb: bool, createrole: bool,
              disablePassword: bool, ensure: { enum: ["present", "absent"] }, inRoles: { type: "array", items: str }, inherit: bool,
              login: bool, passwordSecret: ref(), replication: bool, superuser: bool, validUntil: str,
            },
          },
        },
        services: { type: "object" },
      },
    },
    maxSyncReplicas: int, minSyncReplicas: int, monitoring: { type: "object" }, nodeMaintenanceWindow: { type: "object" },
    plugins: {
      type: "array",
      items: {
        type: "object",
        required: ["name"],
        additionalProperties: false,
        properties: { name: str, enabled: bool, isWALArchiver: bool, parameters: { type: "object", additionalProperties: { type: "string" } } },
      },
    },
    podSecurityContext: { type: "object" }, podSelectorRefs: { type: "array" }, postgresGID: int, postgresUID: int,
    postgresql: {
      type: "object",
      additionalProperties: false,
      properties: {
        enableAlterSystem: bool, extensions: { type: "array" }, ldap: { type: "object" },
        parameters: { type: "object", additionalProperties: { type: "string" } },
        pg_hba: { type: "array", items: { type: "string" } }, pg_ident: { type: "array", items: { type: "string" } },
        promotionTimeout: int, shared_preload_libraries: { type: "array", items: { type: "string" } },
        syncReplicaElectionConstraint: { type: "object" }, synchronous: { type: "object" },
      },
    },
    primaryLease: { type: "object" }, primaryUpdateMethod: { enum: ["switchover", "restart"] },
    primaryUpdateStrategy: { enum: ["unsupervised", "supervised"] }, priorityClassName: str, probes: { type: "object" },
    projectedVolumeTemplate: { type: "object" }, replica: { type: "object" }, replicationSlots: { type: "object" },
    resources, schedulerName: str, seccompProfile: { type: "object" }, securityContext: { type: "object" },
    serviceAccountName: str, serviceAccountTemplate: { type: "object" }, smartShutdownTimeout: int, startDelay: int,
    stopDelay: int,
    storage: {
      type: "object",
      additionalProperties: false,
      properties: { pvcTemplate: { type: "object" }, resizeInUseVolumes: bool, size: quantity, storageClass: str },
    },
    superuserSecret: ref(), switchoverDelay: int, tablespaces: { type: "array" }, topologySpreadConstraints: { type: "array" },
    walStorage: {
      type: "object",
      additionalProperties: false,
      properties: { pvcTemplate: { type: "object" }, resizeInUseVolumes: bool, size: quantity, storageClass: str },
    },
  },
};

const databaseSpec = {
  type: "object",
  required: ["cluster", "name", "owner"],
  additionalProperties: false,
  properties: {
    cluster: ref(), name: str, owner: str, ensure: { enum: ["present", "absent"] },
    databaseReclaimPolicy: { enum: ["delete", "retain"] }, allowConnections: bool, builtinLocale: str, collationVersion: str,
    connectionLimit: int, encoding: str, extensions: { type: "array" }, fdws: { type: "array" }, icuLocale: str, icuRules: str,
    isTemplate: bool, locale: str, localeCType: str, localeCollate: str, localeProvider: str, schemas: { type: "array" },
    servers: { type: "array" }, tablespace: str, template: str,
  },
};

const scheduledBackupSpec = {
  type: "object",
  required: ["cluster", "schedule"],
  additionalProperties: false,
  properties: {
    cluster: ref(), schedule: str, backupOwnerReference: { enum: ["none", "self", "cluster"] }, immediate: bool,
    method: { enum: ["barmanObjectStore", "volumeSnapshot", "plugin"] }, online: bool, onlineConfiguration: { type: "object" },
    pluginConfiguration: { type: "object", required: ["name"], properties: { name: str, parameters: { type: "object" } }, additionalProperties: false },
    suspend: bool, target: { enum: ["primary", "prefer-standby"] },
  },
};

// ---- Barman Cloud Plugin barmancloud.cnpg.io/v1 ---------------------------------------------
const objectStoreSpec = {
  type: "object",
  required: ["configuration"],
  additionalProperties: false,
  properties: {
    retentionPolicy: { type: "string", pattern: "^[1-9][0-9]*[dwm]$" },
    instanceSidecarConfiguration: { type: "object" },
    configuration: {
      type: "object",
      required: ["destinationPath"],
      properties: {
        destinationPath: { type: "string", pattern: "^(s3|gs|https?)://" },
        endpointURL: str,
        s3Credentials: { type: "object", properties: { accessKeyId: secretKeyRef, secretAccessKey: secretKeyRef, region: secretKeyRef, sessionToken: secretKeyRef, inheritFromIAMRole: bool }, additionalProperties: false },
        wal: { type: "object" },
        data: { type: "object" },
      },
    },
  },
};

// ---- Keycloak Operator k8s.keycloak.org/v2alpha1 ---------------------------------------------
const keycloakSpec = {
  type: "object",
  additionalProperties: false,
  properties: {
    additionalOptions: { type: "array", items: { type: "object", required: ["name"], properties: { name: str, value: { type: "string" }, secret: secretKeyRef }, additionalProperties: false } },
    bootstrapAdmin: { type: "object", additionalProperties: false, properties: { user: { type: "object", properties: { secret: str }, additionalProperties: false }, service: { type: "object" } } },
    cache: { type: "object" },
    db: {
      type: "object",
      additionalProperties: false,
      properties: {
        vendor: { enum: ["postgres", "mysql", "mariadb", "mssql", "oracle", "dev-file", "dev-mem", "tidb"] },
        host: str, port: int, database: str, schema: str, url: str, usernameSecret: secretKeyRef, passwordSecret: secretKeyRef,
        poolInitialSize: int, poolMaxSize: int, poolMinSize: int,
      },
    },
    features: { type: "object" },
    hostname: { type: "object", additionalProperties: false, properties: { admin: str, adminUrl: str, backchannelDynamic: bool, hostname: str, strict: bool, strictBackchannel: bool } },
    http: { type: "object", additionalProperties: false, properties: { httpEnabled: bool, httpPort: int, httpsPort: int, tlsSecret: str } },
    httpManagement: { type: "object", additionalProperties: false, properties: { port: int } },
    image: str, imagePullSecrets: { type: "array" },
    ingress: { type: "object", additionalProperties: false, properties: { annotations: { type: "object" }, className: str, enabled: bool } },
    instances: { type: "integer", minimum: 1 },
    proxy: { type: "object", additionalProperties: false, properties: { headers: { enum: ["forwarded", "xforwarded"] } } },
    resources,
    scheduling: { type: "object", additionalProperties: false, properties: { affinity: { type: "object" }, priorityClassName: str, tolerations: { type: "array" }, topologySpreadConstraints: { type: "array" } } },
    startOptimized: bool, transaction: { type: "object" }, truststores: { type: "object" }, unsupported: { type: "object" },
  },
};

const realmImportSpec = {
  type: "object",
  required: ["keycloakCRName", "realm"],
  additionalProperties: false,
  properties: {
    keycloakCRName: str,
    placeholders: {
      type: "object",
      additionalProperties: { type: "object", required: ["secret"], additionalProperties: false, properties: { secret: secretKeyRef } },
    },
    resources,
    realm: { type: "object", required: ["realm"], properties: { realm: str, enabled: bool, clients: { type: "array" }, users: { type: "array" } } },
  },
};


// ---- Prometheus Operator monitoring.coreos.com/v1 (prometheus-operator example/prometheus-operator-crd) -------
const duration = { type: "string", pattern: "^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$" };
const labelSelector = {
  type: "object",
  additionalProperties: false,
  properties: {
    matchLabels: { type: "object", additionalProperties: { type: "string" } },
    matchExpressions: {
      type: "array",
      items: {
        type: "object", required: ["key", "operator"], additionalProperties: false,
        properties: { key: str, operator: { enum: ["In", "NotIn", "Exists", "DoesNotExist"] }, values: { type: "array", items: { type: "string" } } },
      },
    },
  },
};
const scrapeEndpoint = (portProps) => ({
  type: "object",
  additionalProperties: false,
  properties: {
    ...portProps, path: str, scheme: { enum: ["http", "https", "HTTP", "HTTPS"] }, interval: duration, scrapeTimeout: duration,
    honorLabels: bool, honorTimestamps: bool, params: { type: "object" }, relabelings: { type: "array" },
    metricRelabelings: { type: "array" }, tlsConfig: { type: "object" }, bearerTokenSecret: { type: "object" },
    basicAuth: { type: "object" }, authorization: { type: "object" }, followRedirects: bool, enableHttp2: bool,
    filterRunning: bool, proxyUrl: str, trackTimestampsStaleness: bool,
  },
});
// ServiceMonitor and PodMonitor share everything but the endpoints (and targetLabels, services only).
const monitorSpec = (endpoints) => ({
  type: "object",
  required: ["selector"],
  additionalProperties: false,
  properties: {
    selector: labelSelector, namespaceSelector: { type: "object" }, jobLabel: str, podTargetLabels: { type: "array", items: str },
    sampleLimit: int, scrapeProtocols: { type: "array" }, attachMetadata: { type: "object" },
    selectorMechanism: { enum: ["RelabelConfig", "RoleSelector"] }, ...endpoints,
  },
});
const serviceMonitorSpec = monitorSpec({
  targetLabels: { type: "array", items: str },
  endpoints: { type: "array", minItems: 1, items: scrapeEndpoint({ port: str, targetPort: { anyOf: [str, int] } }) },
});
const podMonitorSpec = monitorSpec({
  podMetricsEndpoints: { type: "array", minItems: 1, items: scrapeEndpoint({ port: str, portNumber: int, targetPort: { anyOf: [str, int] } }) },
});
const prometheusRuleSpec = {
  type: "object",
  additionalProperties: false,
  properties: {
    groups: {
      type: "array",
      items: {
        type: "object",
        required: ["name"],
        additionalProperties: false,
        properties: {
          name: str, interval: duration, limit: int, partial_response_strategy: str, query_offset: duration, labels: { type: "object" },
          rules: {
            type: "array",
            items: {
              type: "object",
              required: ["expr"],
              additionalProperties: false,
              properties: {
                alert: str, record: str, expr: { anyOf: [str, int] }, for: duration, keep_firing_for: duration,
                labels: { type: "object", additionalProperties: { type: "string" } },
                annotations: { type: "object", additionalProperties: { type: "string" } },
              },
            },
          },
        },
      },
    },
  },
};

export const CRD_SCHEMAS = [
  object("CloudNativePG Cluster", "postgresql.cnpg.io/v1", "Cluster", clusterSpec),
  object("CloudNativePG Database", "postgresql.cnpg.io/v1", "Database", databaseSpec),
  object("CloudNativePG ScheduledBackup", "postgresql.cnpg.io/v1", "ScheduledBackup", scheduledBackupSpec),
  object("Barman Cloud ObjectStore", "barmancloud.cnpg.io/v1", "ObjectStore", objectStoreSpec),
  object("Keycloak", "k8s.keycloak.org/v2alpha1", "Keycloak", keycloakSpec),
  object("KeycloakRealmImport", "k8s.keycloak.org/v2alpha1", "KeycloakRealmImport", realmImportSpec),
  object("Prometheus Operator ServiceMonitor", "monitoring.coreos.com/v1", "ServiceMonitor", serviceMonitorSpec),
  object("Prometheus Operator PodMonitor", "monitoring.coreos.com/v1", "PodMonitor", podMonitorSpec),
  object("Prometheus Operator PrometheusRule", "monitoring.coreos.com/v1", "PrometheusRule", prometheusRuleSpec),
];
