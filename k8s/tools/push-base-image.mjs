#!/usr/bin/env node
// Pushes a one-layer OCI image made from a root filesystem tar to a registry over plain HTTP, so
// that Jib has a base image to build on where no public registry can be reached.
//
//   tar -C rootfs -c . | node k8s/tools/push-base-image.mjs --registry 127.0.0.1:5000 \
//       --image base/openjdk-17-runtime:17 --layer - --user 185 --workdir /home/default \
//       --env PATH=/usr/bin:/bin --env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
//
// --layer takes a tar file or "-" (stdin). Prints the pushed manifest's digest and sizes as JSON.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

function parseArgs(argv) {
  const options = { env: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`missing value for ${argv[i]}`);
    if (key === 'env') options.env.push(value);
    else options[key] = value;
  }
  for (const required of ['registry', 'image', 'layer']) {
    if (!options[required]) throw new Error(`--${required} is required`);
  }
  return options;
}

const hashing = (hash) => new Transform({
  transform(chunk, _encoding, done) {
    hash.update(chunk);
    done(null, chunk);
  },
});

function send(method, url, headers, body) {
  return new Promise((resolvePromise, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolvePromise({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body && typeof body.pipe === 'function') body.pipe(req);
    else req.end(body);
  });
}

// Monolithic upload (POST with ?digest=): one request per blob, the registry verifies the digest.
async function pushBlob(base, repository, digest, size, open) {
  const head = await send('HEAD', `${base}/v2/${repository}/blobs/${digest}`, {});
  if (head.status === 200) return;
  const res = await send('POST', `${base}/v2/${repository}/blobs/uploads/?digest=${encodeURIComponent(digest)}`,
    { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) }, open());
  if (res.status !== 201) throw new Error(`blob ${digest}: HTTP ${res.status} ${res.body}`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const base = `http://${options.registry}`;
  const [repository, tag = 'latest'] = options.image.split(':');

  // Compressing to a temporary file first: the upload needs the digest up front, and the tar may
  // come from a pipe that can be read only once.
  const work = await mkdtemp(join(tmpdir(), 'push-base-image-'));
  try {
    const layerFile = join(work, 'layer.tar.gz');
    const diffId = createHash('sha256');
    const compressed = createHash('sha256');
    const input = options.layer === '-' ? process.stdin : createReadStream(options.layer);
    await pipeline(input, hashing(diffId), createGzip({ level: 6 }), hashing(compressed), createWriteStream(layerFile));
    const layer = {
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      digest: `sha256:${compressed.digest('hex')}`,
      size: (await stat(layerFile)).size,
    };
    const diffIdHex = diffId.digest('hex');

    const created = new Date().toISOString();
    const config = Buffer.from(JSON.stringify({
      created,
      architecture: options.architecture ?? 'amd64',
      os: 'linux',
      config: {
        User: options.user,
        WorkingDir: options.workdir,
        Env: options.env,
        Cmd: options.cmd ? [options.cmd] : undefined,
        Labels: { description: options.description ?? 'local stand-in base image' },
      },
      rootfs: { type: 'layers', diff_ids: [`sha256:${diffIdHex}`] },
      history: [{ created, created_by: 'k8s/tools/push-base-image.mjs' }],
    }));
    const configDescriptor = {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: `sha256:${createHash('sha256').update(config).digest('hex')}`,
      size: config.length,
    };

    await pushBlob(base, repository, layer.digest, layer.size, () => createReadStream(layerFile));
    await pushBlob(base, repository, configDescriptor.digest, config.length, () => config);

    const manifest = Buffer.from(JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: configDescriptor,
      layers: [layer],
    }));
    const res = await send('PUT', `${base}/v2/${repository}/manifests/${tag}`,
      { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json', 'Content-Length': String(manifest.length) }, manifest);
    if (res.status !== 201) throw new Error(`manifest: HTTP ${res.status} ${res.body}`);
    const digest = res.headers['docker-content-digest'];
    const expected = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
    if (digest !== expected) throw new Error(`registry answered digest ${digest}, manifest is ${expected}`);
    console.log(JSON.stringify({ image: `${options.registry}/${repository}:${tag}`, digest, layerBytes: layer.size, diffId: `sha256:${diffIdHex}` }));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`push-base-image: ${error.message}`);
  process.exit(1);
});
