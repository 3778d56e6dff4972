#!/usr/bin/env node
// Runs the public federation gateway audit (graphql-hive/federation-gateway-audit) against this project's gateway
// jar and prints the pass count and the failing cases. See README.md beside this file.
//
//   npm ci && npm run audit [-- --suite node,partial-union-complex] [-- --build]
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const auditDir = join(here, ".audit");
const gatewayDir = join(auditDir, "gateways", "planning-gateway");

// The audit's own revision: its cases change over time, so a result names the revision it was measured at.
const AUDIT_COMMIT = process.env.AUDIT_COMMIT ?? "f59c05e3f48f4a4f8e8a731d67a1b71a9788a96f";
const AUDIT_REPO = process.env.AUDIT_REPO ?? "https://github.com/graphql-hive/federation-gateway-audit.git";
const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? 4011);
const AUDIT_PORT = Number(process.env.AUDIT_PORT ?? 4200);
// The audit waits 5 s for a gateway's health check by default; a JVM that starts Quarkus on a loaded 2-core machine
// needs more, and a suite whose gateway is not ready yet fails every case (the 117/199 of the manual steps).
const READY_TIMEOUT_MS = Number(process.env.READY_TIMEOUT_MS ?? 180_000);
const jar = resolve(process.env.GATEWAY_JAR ?? join(root, "gateway/target/quarkus-app/quarkus-run.jar"));

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const suites = option("--suite")?.split(",").filter(Boolean);

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: "inherit", ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(" ")} failed (exit ${r.status})`);
}

function checkoutAudit() {
  if (!existsSync(join(auditDir, ".git"))) {
    rmSync(auditDir, { recursive: true, force: true });
    console.log(`Cloning the audit from ${AUDIT_REPO}`);
    run("git", ["clone", "--quiet", AUDIT_REPO, auditDir]);
  }
  const head = spawnSync("git", ["-C", auditDir, "rev-parse", "HEAD"], { encoding: "utf8" }).stdout.trim();
  if (head !== AUDIT_COMMIT) {
    if (spawnSync("git", ["-C", auditDir, "cat-file", "-e", `${AUDIT_COMMIT}^{commit}`]).status !== 0) {
      run("git", ["-C", auditDir, "fetch", "--quiet", "origin"]);
    }
    run("git", ["-C", auditDir, "checkout", "--quiet", "--force", AUDIT_COMMIT]);
  }
}

function buildJar() {
  if (existsSync(jar) && !flag("--build")) return;
  console.log("Building the gateway jar (./mvnw -pl gateway -am package)");
  run(join(root, "mvnw"), ["-B", "-ntp", "-q", "-pl", "gateway", "-am", "package", "-DskipTests", "-DskipITs"], {
    cwd: root,
  });
}

// The run uses a copy: a build of the worktree during the run (tests repackage the jar) would swap the classes
// under the running gateways.
const appCopy = join(auditDir, "gateway-app");

function writeGatewayDir() {
  mkdirSync(gatewayDir, { recursive: true });
  rmSync(appCopy, { recursive: true, force: true });
  cpSync(dirname(jar), appCopy, { recursive: true });
  rmSync(join(gatewayDir, "logs"), { recursive: true, force: true });
  writeFileSync(
    join(gatewayDir, "gateway.json"),
    JSON.stringify(
      {
        name: "planning gateway",
        graphql: `http://127.0.0.1:${GATEWAY_PORT}/graphql`,
        health: `http://127.0.0.1:${GATEWAY_PORT}/q/health/ready`,
      },
      null,
      2,
    ),
  );
  // The audit sends no token: authentication is switched off here, which a deployed gateway must never do.
  const javaOpts = [
    "-Xmx256m",
    "-XX:TieredStopAtLevel=1",
    "-Dplanning.composition.supergraph-file=./supergraph.graphql",
    `-Dquarkus.http.port=${GATEWAY_PORT}`,
    "-Dquarkus.http.host=127.0.0.1",
    "-Dquarkus.oidc.tenant-enabled=false",
    "-Dquarkus.http.auth.permission.graphql.policy=permit",
    "-Dquarkus.shutdown.timeout=1s",
    "-Dquarkus.http.access-log.enabled=false",
    "-Dplanning.limits.max-depth=50",
    "-Dplanning.limits.max-aliases=200",
  ];
  writeFileSync(
    join(gatewayDir, "run.sh"),
    [
      "#!/bin/sh",
      "# Written by bench/federation-audit/audit.mjs: the suite's supergraph, then our gateway serving it.",
      "set -e",
      // The audit's server listens before it has registered the suites' routes: retry a 404 for a while.
      `node -e 'const url = "http://127.0.0.1:${AUDIT_PORT}/" + process.argv[1] + "/supergraph";` +
        ` (async () => { for (let i = 0; i < 120; i++) { const r = await fetch(url).catch(() => null);` +
        ` if (r?.ok) return require("fs").writeFileSync("supergraph.graphql", await r.text());` +
        ` await new Promise((s) => setTimeout(s, 500)); } console.error("no supergraph at " + url); process.exit(1); })()' "$1"`,
      `exec java ${javaOpts.join(" ")} -jar '${join(appCopy, "quarkus-run.jar")}'`,
      "",
    ].join("\n"),
  );
}

function runAudit(command, extra) {
  const cli = join(here, "node_modules", "tsx", "dist", "cli.mjs");
  const common = [
    "--cwd", gatewayDir, "--run-script", "./run.sh", "--port", String(AUDIT_PORT),
    "--graphql", `http://127.0.0.1:${GATEWAY_PORT}/graphql`,
    "--healthcheck", `http://127.0.0.1:${GATEWAY_PORT}/q/health/ready`,
  ];
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, join(auditDir, "src", "cli.ts"), command, ...common, ...extra], {
      cwd: auditDir,
      stdio: "inherit",
      env: {
        ...process.env,
        GATEWAY_TIMEOUT: String(READY_TIMEOUT_MS),
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require=${join(here, "polyfill.cjs")}`.trim(),
      },
    });
    child.on("exit", (code) => done(code));
  });
}

// Every case's outcome, from the TAP log the audit writes per suite (`ok N - <suite>_<i>` / `not ok N - …`).
function outcomes() {
  const logs = join(gatewayDir, "logs");
  const cases = [];
  for (const file of existsSync(logs) ? readdirSync(logs).sort() : []) {
    if (!file.endsWith("-tests.log")) continue;
    for (const line of readFileSync(join(logs, file), "utf8").split("\n")) {
      const m = /^\s*(not ok|ok) \d+ - (\S+_\d+)\s*$/.exec(line);
      if (m) cases.push({ name: m[2], passed: m[1] === "ok" });
    }
  }
  return cases;
}

checkoutAudit();
buildJar();
writeGatewayDir();
const started = new Date();
if (suites) {
  for (const suite of suites) await runAudit("test-suite", ["--test", suite, "--reporter", "dot"]);
} else {
  await runAudit("test", ["--reporter", "dot"]);
}
const cases = outcomes();
const failed = cases.filter((c) => !c.passed).map((c) => c.name);
const summary = [
  "",
  `Federation gateway audit ${AUDIT_COMMIT.slice(0, 7)}, ${started.toISOString().slice(0, 16)}Z, ` +
    `gateway ${jar.replace(root + "/", "")}`,
  `Passed ${cases.length - failed.length} of ${cases.length}`,
  ...(failed.length ? ["Failed:", ...failed.map((n) => `  ${n}`)] : []),
  "",
].join("\n");
console.log(summary);
writeFileSync(join(here, ".audit", "summary.txt"), summary);
process.exit(cases.length > 0 && failed.length === 0 ? 0 : 1);
