#!/usr/bin/env node
// A minimal OCI distribution registry (plain HTTP, no auth) so that Jib can pull a base image and
// push the service images on a machine without Docker and without access to any real registry.
// Only the part of https://github.com/opencontainers/distribution-spec that Jib and our own tools
// use; every blob and manifest is checked against its digest before it is stored.
//
//   node k8s/tools/local-registry.mjs <storage-dir> [port] [--host 127.0.0.1] [--log <file>]
//
// Port 0 (the default) picks a free port. Prints "listening <host>:<port>" once it accepts requests.
// Storage: <dir>/blobs/sha256/<hex> (content), <dir>/repos/<name>/{blobs,manifests,tags}/… (which
// repository may see which blob: a blob pushed to one repository is only visible in another after
// an upload or a cross-repository mount, as in a real registry, so that mounts are really exercised).
import { createServer } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, appendFileSync } from 'node:fs';
import { mkdir, readFile, writeFile, rename, stat, rm, readdir, access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const HOST = option('--host', '127.0.0.1');
const LOG = option('--log', null);
if (args.length < 1 || args.length > 2) {
  console.error('usage: local-registry.mjs <storage-dir> [port] [--host 127.0.0.1] [--log <file>]');
  process.exit(2);
}
const ROOT = resolve(args[0]);
const PORT = Number(args[1] ?? 0);

const NAME = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*';
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^sha256:([a-f0-9]{64})$/;
const UUID = /^[0-9a-f-]{36}$/;
const MAX_MANIFEST = 4 * 1024 * 1024;

const ROUTES = [
  [new RegExp(`^/v2/(${NAME})/blobs/uploads/?$`), 'uploads'],
  [new RegExp(`^/v2/(${NAME})/blobs/uploads/([^/]+)$`), 'upload'],
  [new RegExp(`^/v2/(${NAME})/blobs/([^/]+)$`), 'blob'],
  [new RegExp(`^/v2/(${NAME})/manifests/([^/]+)$`), 'manifest'],
  [new RegExp(`^/v2/(${NAME})/tags/list$`), 'tags'],
];

const blobPath = (hex) => join(ROOT, 'blobs', 'sha256', hex);
const repoDir = (name) => join(ROOT, 'repos', name);
const uploadPath = (uuid) => join(ROOT, 'uploads', uuid);
const uploadRepoPath = (uuid) => join(ROOT, 'uploads', `${uuid}.repo`);

class RegistryError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const exists = (path) => access(path).then(() => true, () => false);

async function sha256File(path) {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

async function readBody(req, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new RegistryError(413, 'SIZE_INVALID', `body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function linkBlob(name, hex) {
  await mkdir(join(repoDir(name), 'blobs'), { recursive: true });
  await writeFile(join(repoDir(name), 'blobs', hex), '');
}

const blobVisible = (name, hex) => exists(join(repoDir(name), 'blobs', hex));

function parseDigest(value) {
  const match = DIGEST.exec(value ?? '');
  if (!match) throw new RegistryError(400, 'DIGEST_INVALID', `unsupported or malformed digest: ${value}`);
  return match[1];
}

// Moves a finished upload into content storage, but only when its bytes hash to the digest the
// client claims; a mismatch throws the upload away (the client has to start again).
async function commitUpload(name, uuid, digest) {
  const expected = parseDigest(digest);
  const actual = await sha256File(uploadPath(uuid));
  if (actual !== expected) {
    await rm(uploadPath(uuid), { force: true });
    await rm(uploadRepoPath(uuid), { force: true });
    throw new RegistryError(400, 'DIGEST_INVALID', `content is sha256:${actual}, not ${digest}`);
  }
  await mkdir(join(ROOT, 'blobs', 'sha256'), { recursive: true });
  await rename(uploadPath(uuid), blobPath(expected));
  await rm(uploadRepoPath(uuid), { force: true });
  await linkBlob(name, expected);
  return `sha256:${expected}`;
}

async function appendToUpload(req, uuid) {
  await pipeline(req, createWriteStream(uploadPath(uuid), { flags: 'a' }));
  return (await stat(uploadPath(uuid))).size;
}

async function openUpload(name, uuid) {
  if (!UUID.test(uuid) || !(await exists(uploadPath(uuid)))) {
    throw new RegistryError(404, 'BLOB_UPLOAD_UNKNOWN', `no upload ${uuid}`);
  }
  const owner = await readFile(uploadRepoPath(uuid), 'utf8');
  if (owner !== name) throw new RegistryError(404, 'BLOB_UPLOAD_UNKNOWN', `upload ${uuid} belongs to ${owner}`);
  return (await stat(uploadPath(uuid))).size;
}

function uploadHeaders(name, uuid, size) {
  return {
    Location: `/v2/${name}/blobs/uploads/${uuid}`,
    Range: `0-${Math.max(size - 1, 0)}`,
    'Docker-Upload-UUID': uuid,
    'Content-Length': '0',
  };
}

async function handleUploads(req, res, name, url) {
  if (req.method !== 'POST') throw new RegistryError(405, 'UNSUPPORTED', `${req.method} not allowed`);
  const mount = url.searchParams.get('mount');
  const from = url.searchParams.get('from');
  if (mount && from && new RegExp(`^${NAME}$`).test(from)) {
    const hex = parseDigest(mount);
    if ((await exists(blobPath(hex))) && (await blobVisible(from, hex))) {
      await linkBlob(name, hex);
      res.writeHead(201, { Location: `/v2/${name}/blobs/${mount}`, 'Docker-Content-Digest': mount, 'Content-Length': '0' });
      return res.end();
    }
    // Not mountable: the spec says to fall back to an ordinary upload session.
  }
  const uuid = randomUUID();
  await mkdir(join(ROOT, 'uploads'), { recursive: true });
  await writeFile(uploadRepoPath(uuid), name);
  const digest = url.searchParams.get('digest');
  if (digest) {
    // Monolithic upload: the whole blob is the body of the POST.
    await appendToUpload(req, uuid);
    const committed = await commitUpload(name, uuid, digest);
    res.writeHead(201, { Location: `/v2/${name}/blobs/${committed}`, 'Docker-Content-Digest': committed, 'Content-Length': '0' });
    return res.end();
  }
  await writeFile(uploadPath(uuid), '');
  req.resume();
  res.writeHead(202, uploadHeaders(name, uuid, 0));
  res.end();
}

async function handleUpload(req, res, name, uuid, url) {
  const size = await openUpload(name, uuid);
  if (req.method === 'GET') {
    res.writeHead(204, uploadHeaders(name, uuid, size));
    return res.end();
  }
  if (req.method === 'DELETE') {
    await rm(uploadPath(uuid), { force: true });
    await rm(uploadRepoPath(uuid), { force: true });
    res.writeHead(204, { 'Content-Length': '0' });
    return res.end();
  }
  if (req.method === 'PATCH' || req.method === 'PUT') {
    const range = req.headers['content-range'];
    if (range) {
      // Chunks must arrive in order; anything else would corrupt the blob silently.
      const match = /^(?:bytes )?(\d+)-(\d+)$/.exec(range);
      if (!match || Number(match[1]) !== size) {
        req.resume();
        res.writeHead(416, { ...uploadHeaders(name, uuid, size) });
        return res.end();
      }
    }
    const newSize = await appendToUpload(req, uuid);
    if (req.method === 'PATCH') {
      res.writeHead(202, uploadHeaders(name, uuid, newSize));
      return res.end();
    }
    const digest = await commitUpload(name, uuid, url.searchParams.get('digest'));
    res.writeHead(201, { Location: `/v2/${name}/blobs/${digest}`, 'Docker-Content-Digest': digest, 'Content-Length': '0' });
    return res.end();
  }
  throw new RegistryError(405, 'UNSUPPORTED', `${req.method} not allowed`);
}

async function handleBlob(req, res, name, digest) {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new RegistryError(405, 'UNSUPPORTED', `${req.method} not allowed`);
  const hex = parseDigest(digest);
  if (!(await blobVisible(name, hex)) || !(await exists(blobPath(hex)))) {
    throw new RegistryError(404, 'BLOB_UNKNOWN', `blob ${digest} unknown to ${name}`);
  }
  const size = (await stat(blobPath(hex))).size;
  const headers = { 'Content-Type': 'application/octet-stream', 'Docker-Content-Digest': digest, 'Accept-Ranges': 'bytes', ETag: `"${digest}"` };
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && req.method === 'GET') {
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start > end) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` });
      return res.end();
    }
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) });
    return pipeline(createReadStream(blobPath(hex), { start, end }), res);
  }
  res.writeHead(200, { ...headers, 'Content-Length': String(size) });
  if (req.method === 'HEAD') return res.end();
  return pipeline(createReadStream(blobPath(hex)), res);
}

// The blobs (or, for an index, the manifests) a manifest points at must already be in the
// repository; a registry that accepted dangling references would hide a broken push.
async function checkReferences(name, manifest) {
  const blobs = [manifest.config, ...(manifest.layers ?? [])].filter(Boolean);
  for (const descriptor of blobs) {
    const hex = parseDigest(descriptor.digest);
    if (!(await blobVisible(name, hex))) {
      throw new RegistryError(400, 'MANIFEST_BLOB_UNKNOWN', `blob ${descriptor.digest} not pushed to ${name}`);
    }
    const size = (await stat(blobPath(hex))).size;
    if (descriptor.size !== size) {
      throw new RegistryError(400, 'MANIFEST_INVALID', `${descriptor.digest}: size ${descriptor.size} in manifest, ${size} stored`);
    }
  }
  for (const descriptor of manifest.manifests ?? []) {
    const hex = parseDigest(descriptor.digest);
    if (!(await exists(join(repoDir(name), 'manifests', hex)))) {
      throw new RegistryError(400, 'MANIFEST_BLOB_UNKNOWN', `manifest ${descriptor.digest} not pushed to ${name}`);
    }
  }
}

async function resolveManifest(name, reference) {
  let hex;
  if (reference.startsWith('sha256:')) hex = parseDigest(reference);
  else if (TAG.test(reference)) {
    const tagged = await readFile(join(repoDir(name), 'tags', reference), 'utf8').catch(() => null);
    if (tagged === null) throw new RegistryError(404, 'MANIFEST_UNKNOWN', `tag ${reference} unknown to ${name}`);
    hex = parseDigest(tagged.trim());
  } else throw new RegistryError(400, 'TAG_INVALID', `bad reference ${reference}`);
  const typePath = join(repoDir(name), 'manifests', hex);
  if (!(await exists(typePath))) throw new RegistryError(404, 'MANIFEST_UNKNOWN', `manifest ${reference} unknown to ${name}`);
  return { hex, mediaType: await readFile(typePath, 'utf8') };
}

async function handleManifest(req, res, name, reference) {
  if (req.method === 'PUT') {
    const body = await readBody(req, MAX_MANIFEST);
    let manifest;
    try {
      manifest = JSON.parse(body.toString('utf8'));
    } catch {
      throw new RegistryError(400, 'MANIFEST_INVALID', 'manifest is not JSON');
    }
    const mediaType = (req.headers['content-type'] ?? manifest.mediaType ?? '').split(';')[0].trim();
    if (!mediaType) throw new RegistryError(400, 'MANIFEST_INVALID', 'no media type');
    if (manifest.mediaType && manifest.mediaType !== mediaType) {
      throw new RegistryError(400, 'MANIFEST_INVALID', `Content-Type ${mediaType} but mediaType ${manifest.mediaType}`);
    }
    const hex = createHash('sha256').update(body).digest('hex');
    if (reference.startsWith('sha256:') && parseDigest(reference) !== hex) {
      throw new RegistryError(400, 'DIGEST_INVALID', `manifest is sha256:${hex}, not ${reference}`);
    }
    if (!reference.startsWith('sha256:') && !TAG.test(reference)) throw new RegistryError(400, 'TAG_INVALID', `bad tag ${reference}`);
    await checkReferences(name, manifest);
    await mkdir(join(ROOT, 'blobs', 'sha256'), { recursive: true });
    await writeFile(blobPath(hex), body);
    await mkdir(join(repoDir(name), 'manifests'), { recursive: true });
    await writeFile(join(repoDir(name), 'manifests', hex), mediaType);
    if (!reference.startsWith('sha256:')) {
      await mkdir(join(repoDir(name), 'tags'), { recursive: true });
      await writeFile(join(repoDir(name), 'tags', reference), `sha256:${hex}`);
    }
    res.writeHead(201, { Location: `/v2/${name}/manifests/sha256:${hex}`, 'Docker-Content-Digest': `sha256:${hex}`, 'Content-Length': '0' });
    return res.end();
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new RegistryError(405, 'UNSUPPORTED', `${req.method} not allowed`);
  const { hex, mediaType } = await resolveManifest(name, reference);
  const body = await readFile(blobPath(hex));
  res.writeHead(200, {
    'Content-Type': mediaType,
    'Content-Length': String(body.length),
    'Docker-Content-Digest': `sha256:${hex}`,
    ETag: `"sha256:${hex}"`,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function handleTags(req, res, name) {
  const tags = (await readdir(join(repoDir(name), 'tags')).catch(() => null));
  if (!tags) throw new RegistryError(404, 'NAME_UNKNOWN', `repository ${name} unknown`);
  sendJson(res, 200, { name, tags: tags.sort() });
}

async function listRepositories(dir = join(ROOT, 'repos'), prefix = '') {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory()) continue;
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (await exists(join(dir, entry.name, 'manifests'))) found.push(path);
    if (!['blobs', 'manifests', 'tags'].includes(entry.name)) found.push(...(await listRepositories(join(dir, entry.name), path)));
  }
  return found;
}

function sendJson(res, status, value) {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
  res.end(body);
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://registry');
  res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
  if (url.pathname === '/v2/' || url.pathname === '/v2') {
    req.resume();
    return sendJson(res, 200, {});
  }
  if (url.pathname === '/v2/_catalog' && req.method === 'GET') {
    return sendJson(res, 200, { repositories: (await listRepositories()).sort() });
  }
  for (const [pattern, kind] of ROUTES) {
    const match = pattern.exec(url.pathname);
    if (!match) continue;
    const [, name, ref] = match;
    if (kind === 'uploads') return handleUploads(req, res, name, url);
    if (kind === 'upload') return handleUpload(req, res, name, ref, url);
    if (kind === 'blob') return handleBlob(req, res, name, ref);
    if (kind === 'manifest') return handleManifest(req, res, name, ref);
    if (kind === 'tags') return handleTags(req, res, name);
  }
  throw new RegistryError(404, 'NAME_UNKNOWN', `no route for ${req.method} ${url.pathname}`);
}

await mkdir(join(ROOT, 'blobs', 'sha256'), { recursive: true });
const server = createServer((req, res) => {
  const started = Date.now();
  res.on('finish', () => {
    if (LOG) appendFileSync(LOG, `${new Date().toISOString()} ${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms\n`);
  });
  handle(req, res).catch((error) => {
    req.resume();
    if (res.headersSent) return res.destroy(error);
    if (error instanceof RegistryError) {
      if (req.method === 'HEAD') {
        res.writeHead(error.status, { 'Content-Length': '0' });
        return res.end();
      }
      return sendJson(res, error.status, { errors: [{ code: error.code, message: error.message }] });
    }
    console.error(error);
    sendJson(res, 500, { errors: [{ code: 'UNKNOWN', message: String(error.message ?? error) }] });
  });
});
server.listen(PORT, HOST, () => {
  const { address, port } = server.address();
  console.log(`listening ${address}:${port}`);
});
// Jib keeps connections alive; waiting for them would only delay the caller's cleanup.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
