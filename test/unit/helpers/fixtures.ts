import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, from a test compiled to out/test/unit/<dir>/. */
export const REPO_ROOT = join(__dirname, '../../../..');

export function fixturePath(...parts: string[]): string {
  return join(REPO_ROOT, 'test/fixtures', ...parts);
}

export function readFixture(...parts: string[]): Buffer {
  return readFileSync(fixturePath(...parts));
}

/** The Appendix A test vector of the Postal webhook reference: body, headers and one key in four forms. */
export function appendixA(): { body: Buffer; headers: Record<string, string>; dns: string; jwks: string; spkiPem: string; pkcs1Pem: string } {
  const text = (name: string): string => readFixture('signature', name).toString('utf8');
  return {
    body: readFixture('signature', 'appendix-a.body.json'),
    headers: JSON.parse(text('appendix-a.headers.json')) as Record<string, string>,
    dns: text('appendix-a.dns.txt'),
    jwks: text('appendix-a.jwks.json'),
    spkiPem: text('appendix-a.public.pem'),
    pkcs1Pem: text('appendix-a.rsa-public.pem'),
  };
}
