#!/usr/bin/env node
// Downloads an image from a registry over plain HTTP and checks it the way a container runtime
// would: manifest, config and every layer against their digests, and each uncompressed layer
// against the config's diff_ids. Writes manifest.json, config.json and layers/<n>.tar.gz to --out
// (unpack them in order with tar) and prints a summary as JSON.
//
//   node k8s/tools/pull-image.mjs --registry 127.0.0.1:5000 --image planning/gateway:latest --out dir
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { join } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

const ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) options[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const required of ['registry', 'image', 'out']) {
    if (!options[required]) throw new Error(`--${required} is required`);
  }
  return options;
}

function open(url, headers = {}) {
  return new Promise((resolvePromise, reject) => {
    get(url, { headers }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`GET ${url}: HTTP ${res.statusCode}`));
      } else resolvePromise(res);
    }).on('error', reject);
  });
}

async function fetchBytes(url, headers) {
  const res = await open(url, headers);
  const chunks = [];
  for await (const chunk of res) chunks.push(chunk);
  return { body: Buffer.concat(chunks), headers: res.headers };
}

const sha256 = (bytes) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

function expectDigest(what, actual, expected) {
  if (actual !== expected) throw new Error(`${what}: content is ${actual}, expected ${expected}`);
}

const hashing = (hash) => new Transform({
  transform(chunk, _encoding, done) {
    hash.update(chunk);
    done(null, chunk);
  },
});

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const base = `http://${options.registry}/v2`;
  const [repository, tag = 'latest'] = options.image.split(':');
  await mkdir(join(options.out, 'layers'), { recursive: true });

  const manifestResponse = await fetchBytes(`${base}/${repository}/manifests/${tag}`, { Accept: ACCEPT });
  const digest = sha256(manifestResponse.body);
  expectDigest('manifest', digest, manifestResponse.headers['docker-content-digest']);
  const manifest = JSON.parse(manifestResponse.body);
  await writeFile(join(options.out, 'manifest.json'), manifestResponse.body);

  const configBytes = (await fetchBytes(`${base}/${repository}/blobs/${manifest.config.digest}`)).body;
  expectDigest('config', sha256(configBytes), manifest.config.digest);
  const config = JSON.parse(configBytes);
  await writeFile(join(options.out, 'config.json'), configBytes);

  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== manifest.layers.length) {
    throw new Error(`${manifest.layers.length} layers but ${diffIds.length} diff_ids`);
  }
  const layers = [];
  for (const [index, layer] of manifest.layers.entries()) {
    const file = join(options.out, 'layers', `${String(index).padStart(2, '0')}.tar.gz`);
    const compressed = createHash('sha256');
    const uncompressed = createHash('sha256');
    const res = await open(`${base}/${repository}/blobs/${layer.digest}`);
    let size = 0;
    // One pass over the download: count, hash, store, and feed the gunzip that checks the diff_id.
    const gunzip = createGunzip();
    const unpacked = pipeline(gunzip, hashing(uncompressed), new Writable({ write: (_c, _e, done) => done() }));
    const tee = new Transform({
      transform(chunk, _encoding, done) {
        size += chunk.length;
        compressed.update(chunk);
        if (gunzip.write(chunk)) done(null, chunk);
        else gunzip.once('drain', () => done(null, chunk));
      },
      flush(done) {
        gunzip.end();
        done();
      },
    });
    await Promise.all([pipeline(res, tee, createWriteStream(file)), unpacked]);
    expectDigest(`layer ${index}`, `sha256:${compressed.digest('hex')}`, layer.digest);
    expectDigest(`layer ${index} (uncompressed)`, `sha256:${uncompressed.digest('hex')}`, diffIds[index]);
    if (size !== layer.size) throw new Error(`layer ${index}: ${size} bytes, manifest says ${layer.size}`);
    layers.push({ file, digest: layer.digest, size: layer.size });
  }

  console.log(JSON.stringify({
    image: `${options.registry}/${repository}:${tag}`,
    digest,
    mediaType: manifest.mediaType ?? manifestResponse.headers['content-type'],
    bytes: manifest.layers.reduce((sum, l) => sum + l.size, 0) + manifest.config.size,
    layers,
    architecture: config.architecture,
    os: config.os,
    entrypoint: config.config?.Entrypoint ?? null,
    cmd: config.config?.Cmd ?? null,
    user: config.config?.User ?? null,
    workingDir: config.config?.WorkingDir ?? null,
    env: config.config?.Env ?? [],
    exposedPorts: Object.keys(config.config?.ExposedPorts ?? {}),
  }));
}

main().catch((error) => {
  console.error(`pull-image: ${error.message}`);
  process.exit(1);
});
