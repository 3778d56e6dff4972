// tools/local-registry.mjs is what k8s/image-check pushes the Jib images to; these tests hold it
// to the parts of the OCI distribution spec Jib relies on, above all that it never stores content
// under a digest the content does not have.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { K8S_DIR } from "./lib/render.mjs";

const storage = mkdtempSync(join(tmpdir(), "registry-test-"));
let registry;
let base;

before(async () => {
  registry = spawn(process.execPath, [join(K8S_DIR, "tools", "local-registry.mjs"), storage, "0"], { stdio: ["ignore", "pipe", "inherit"] });
  base = await new Promise((resolve, reject) => {
    registry.stdout.on("data", (chunk) => {
      const match = /listening (\S+)/.exec(String(chunk));
      if (match) resolve(`http://${match[1]}`);
    });
    registry.on("exit", (code) => reject(new Error(`registry exited with ${code}`)));
  });
});

after(() => {
  registry?.kill();
  rmSync(storage, { recursive: true, force: true });
});

const digestOf = (bytes) => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
const call = (method, path, { body, headers } = {}) => fetch(new URL(path, base), { method, body, headers });

async function pushBlob(repo, bytes) {
  const res = await call("POST", `/v2/${repo}/blobs/uploads/?digest=${digestOf(bytes)}`, { body: bytes });
  assert.equal(res.status, 201, await res.text());
  return digestOf(bytes);
}

test("GET /v2/ answers 200 without authentication", async () => {
  const res = await call("GET", "/v2/");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("docker-distribution-api-version"), "registry/2.0");
});

test("chunked upload: POST, PATCH in order (Range), PUT ?digest= commits", async () => {
  const part1 = Buffer.from("hello ");
  const part2 = Buffer.from("world");
  const whole = Buffer.concat([part1, part2]);
  const start = await call("POST", "/v2/demo/app/blobs/uploads/");
  assert.equal(start.status, 202);
  const location = start.headers.get("location");
  assert.match(location, /^\/v2\/demo\/app\/blobs\/uploads\/[0-9a-f-]{36}$/);

  const first = await call("PATCH", location, { body: part1, headers: { "Content-Range": "0-5" } });
  assert.equal(first.status, 202);
  assert.equal(first.headers.get("range"), "0-5");
  const outOfOrder = await call("PATCH", first.headers.get("location"), { body: part2, headers: { "Content-Range": "0-4" } });
  assert.equal(outOfOrder.status, 416);
  const second = await call("PATCH", first.headers.get("location"), { body: part2 });
  assert.equal(second.headers.get("range"), "0-10");

  const commit = await call("PUT", `${second.headers.get("location")}?digest=${digestOf(whole)}`);
  assert.equal(commit.status, 201);
  assert.equal(commit.headers.get("docker-content-digest"), digestOf(whole));
  assert.equal(commit.headers.get("location"), `/v2/demo/app/blobs/${digestOf(whole)}`);

  const head = await call("HEAD", `/v2/demo/app/blobs/${digestOf(whole)}`);
  assert.equal(head.status, 200);
  assert.equal(head.headers.get("content-length"), String(whole.length));
  const get = await call("GET", `/v2/demo/app/blobs/${digestOf(whole)}`);
  assert.deepEqual(Buffer.from(await get.arrayBuffer()), whole);
  const partial = await call("GET", `/v2/demo/app/blobs/${digestOf(whole)}`, { headers: { Range: "bytes=6-" } });
  assert.equal(partial.status, 206);
  assert.equal(await partial.text(), "world");
});

test("content whose digest differs from the claimed one is rejected and not stored", async () => {
  const claimed = digestOf(Buffer.from("something else"));
  const res = await call("POST", `/v2/demo/app/blobs/uploads/?digest=${claimed}`, { body: Buffer.from("actual bytes") });
  assert.equal(res.status, 400);
  assert.equal((await res.json()).errors[0].code, "DIGEST_INVALID");
  assert.equal((await call("HEAD", `/v2/demo/app/blobs/${claimed}`)).status, 404);
});

test("a blob is visible in another repository only after a cross-repository mount", async () => {
  const digest = await pushBlob("demo/base", Buffer.from("base layer"));
  assert.equal((await call("HEAD", `/v2/demo/other/blobs/${digest}`)).status, 404);
  const mount = await call("POST", `/v2/demo/other/blobs/uploads/?mount=${digest}&from=demo/base`);
  assert.equal(mount.status, 201);
  assert.equal(mount.headers.get("docker-content-digest"), digest);
  assert.equal((await call("HEAD", `/v2/demo/other/blobs/${digest}`)).status, 200);

  // not in the source repository: the spec's fallback is an ordinary upload session
  const fallback = await call("POST", `/v2/demo/third/blobs/uploads/?mount=${digest}&from=demo/nothing`);
  assert.equal(fallback.status, 202);
  assert.ok(fallback.headers.get("location"));
});

test("manifests: blobs must exist, digest is the body's, GET by tag and by digest", async () => {
  const config = Buffer.from(JSON.stringify({ architecture: "amd64", os: "linux", rootfs: { type: "layers", diff_ids: [] } }));
  const layer = Buffer.from("layer bytes");
  const type = "application/vnd.oci.image.manifest.v1+json";
  const manifest = (layers) => Buffer.from(JSON.stringify({
    schemaVersion: 2, mediaType: type,
    config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: digestOf(config), size: config.length },
    layers: layers.map((l) => ({ mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: digestOf(l), size: l.length })),
  }));

  await pushBlob("demo/image", config);
  const dangling = await call("PUT", "/v2/demo/image/manifests/v1", { body: manifest([layer]), headers: { "Content-Type": type } });
  assert.equal(dangling.status, 400);
  assert.equal((await dangling.json()).errors[0].code, "MANIFEST_BLOB_UNKNOWN");

  await pushBlob("demo/image", layer);
  const body = manifest([layer]);
  const put = await call("PUT", "/v2/demo/image/manifests/v1", { body, headers: { "Content-Type": type } });
  assert.equal(put.status, 201);
  assert.equal(put.headers.get("docker-content-digest"), digestOf(body));

  for (const reference of ["v1", digestOf(body)]) {
    const get = await call("GET", `/v2/demo/image/manifests/${reference}`, { headers: { Accept: type } });
    assert.equal(get.status, 200);
    assert.equal(get.headers.get("content-type"), type);
    assert.equal(get.headers.get("docker-content-digest"), digestOf(body));
    assert.deepEqual(Buffer.from(await get.arrayBuffer()), body);
  }
  const wrongDigest = await call("PUT", `/v2/demo/image/manifests/${digestOf(Buffer.from("x"))}`, { body, headers: { "Content-Type": type } });
  assert.equal(wrongDigest.status, 400);
  assert.equal((await call("HEAD", "/v2/demo/image/manifests/v2")).status, 404);
  assert.deepEqual(await (await call("GET", "/v2/demo/image/tags/list")).json(), { name: "demo/image", tags: ["v1"] });
});
