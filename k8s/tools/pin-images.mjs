#!/usr/bin/env node
// Pins the prod overlay to the digests of the images just pushed, so that prod runs exactly the
// pushed bytes (a tag can be moved, a digest cannot):
//   node k8s/tools/pin-images.mjs [--tag 1.0.1] [--print] [service ...]   (default: every planning/* image)
//       digests from <service>/target/jib-image.digest, which Jib writes when it pushes
//   node k8s/tools/pin-images.mjs --registry registry.example.gov.cn --tag 1.0.1 [--print]
//       digests asked of the registry with `skopeo inspect` (images pushed elsewhere, e.g. by CI)
// Rewrites `digest:` (and `newTag:` with --tag) of the planning/* entries of
// overlays/prod/kustomization.yaml, keeping its comments; --print writes the result to stdout instead.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const K8S = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = join(K8S, '..');
const KUSTOMIZATION = join(K8S, 'overlays', 'prod', 'kustomization.yaml');
const DIGEST = /^sha256:[0-9a-f]{64}$/;

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const registry = option('--registry');
const tag = option('--tag');
const print = args.includes('--print');
const only = args.filter((a, i) => !a.startsWith('--') && !['--registry', '--tag'].includes(args[i - 1]));
if (registry && !tag) {
  console.error('pin-images: --registry needs --tag (which pushed tag to look up)');
  process.exit(2);
}

function digestOf(service) {
  if (registry) {
    return execFileSync('skopeo', ['inspect', '--format', '{{.Digest}}', `docker://${registry}/planning/${service}:${tag}`], { encoding: 'utf8' }).trim();
  }
  const file = join(REPO, service, 'target', 'jib-image.digest');
  if (!existsSync(file)) throw new Error(`${file} missing: push the image with Jib first (k8s/README.md "Building images")`);
  return readFileSync(file, 'utf8').trim();
}

const doc = parseDocument(readFileSync(KUSTOMIZATION, 'utf8'));
const images = doc.get('images');
for (const entry of images.items) {
  const name = entry.get('name');
  if (!name.startsWith('planning/') || (only.length && !only.includes(name.slice('planning/'.length)))) continue;
  const digest = digestOf(name.slice('planning/'.length));
  if (!DIGEST.test(digest)) throw new Error(`${name}: "${digest}" is not a sha256 digest`);
  if (tag) entry.set('newTag', tag);
  entry.set('digest', digest);
  console.error(`${name}: ${entry.get('newName')}:${entry.get('newTag')}@${digest}`);
}
if (print) process.stdout.write(doc.toString());
else writeFileSync(KUSTOMIZATION, doc.toString());
