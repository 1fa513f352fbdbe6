import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, emptyAsUnset } from '../../config/env-values';

/** The signing algorithms SMART Backend Services requires servers to support. */
export type SmartSigningAlgorithm = 'RS384' | 'ES384';

export interface SmartBackendSettings {
  tokenUrl: string;
  clientId: string;
  /** PKCS#8 PEM, whatever PEM flavour was configured, and the algorithm its key type signs with. */
  privateKey: { pkcs8Pem: string; algorithm: SmartSigningAlgorithm };
  /** The `kid` of the public key registered with the EHR (its JWKS). */
  keyId: string;
  /** Space-separated SMART v2 scopes. */
  scopes: string;
}

export interface EhrSettings {
  /** The FHIR R4 base URL, without a trailing slash. */
  baseUrl: string;
  /** Present when the EHR needs SMART Backend Services (client credentials with a signed JWT). */
  smart: SmartBackendSettings | undefined;
  /** How long one HTTP request to the EHR (or its token endpoint) may take. */
  requestTimeoutMs: number;
}

export const DEFAULT_SMART_SCOPES = 'system/*.read system/Communication.write system/Task.write';
const REQUEST_TIMEOUT_MS = 15_000;

const httpUrl = z.url({ protocol: /^https?$/, hostname: /./, error: 'must be an http(s) URL' });
const optionalText = (explanation: string) =>
  z.preprocess(emptyAsUnset, z.string().trim().min(1, explanation).optional());

const ehrEnvironmentSchema = z.object({
  FHIR_BASE_URL: z.preprocess(
    emptyAsUnset,
    z.url({
      protocol: /^https?$/,
      hostname: /./,
      error: (issue) =>
        issue.input === undefined
          ? 'is required'
          : 'must be the http(s) FHIR R4 base URL, such as https://ehr.example.org/fhir/R4',
    }),
  ),
  FHIR_TOKEN_URL: z.preprocess(emptyAsUnset, httpUrl.optional()),
  FHIR_CLIENT_ID: optionalText('must be the client id registered with the EHR'),
  FHIR_PRIVATE_KEY: optionalText('must be a PEM private key'),
  FHIR_PRIVATE_KEY_FILE: optionalText('must be the path of a PEM private key file'),
  FHIR_KEY_ID: optionalText('must be the kid of the registered public key'),
  FHIR_SCOPES: z.preprocess(emptyAsUnset, z.string().trim().default(DEFAULT_SMART_SCOPES)),
});
type EhrEnvironment = z.infer<typeof ehrEnvironmentSchema>;

/** The variables that together configure SMART Backend Services: all of them, or none. */
const SMART_VARIABLES = ['FHIR_TOKEN_URL', 'FHIR_CLIENT_ID', 'FHIR_KEY_ID'] as const;

/**
 * Reads the EHR settings once at process start. Errors name the variable and never echo its
 * value: a private key (or a path to one) must not end up in a log line.
 */
export function loadEhrSettings(env: NodeJS.ProcessEnv): EhrSettings {
  const parsed = ehrEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw invalid(problems);
  }
  const vars = parsed.data;
  return {
    baseUrl: vars.FHIR_BASE_URL.replace(/\/+$/, ''),
    smart: smartSettings(vars),
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  };
}

function smartSettings(vars: EhrEnvironment): SmartBackendSettings | undefined {
  const keyVariables = (['FHIR_PRIVATE_KEY', 'FHIR_PRIVATE_KEY_FILE'] as const).filter((name) => vars[name]);
  const present = SMART_VARIABLES.filter((name) => vars[name] !== undefined);
  if (present.length === 0 && keyVariables.length === 0) return undefined;

  // Half a configuration would silently talk to the EHR without credentials: refuse it.
  const problems = SMART_VARIABLES.filter((name) => vars[name] === undefined).map(
    (name) => `${name}: is required when any SMART Backend Services variable is set`,
  );
  if (keyVariables.length === 0) {
    problems.push('FHIR_PRIVATE_KEY: set it (or FHIR_PRIVATE_KEY_FILE) for SMART Backend Services');
  }
  if (keyVariables.length === 2) {
    problems.push('FHIR_PRIVATE_KEY: set either FHIR_PRIVATE_KEY or FHIR_PRIVATE_KEY_FILE, not both');
  }
  if (problems.length) throw invalid(problems);

  const keySource = keyVariables[0]!;
  return {
    tokenUrl: vars.FHIR_TOKEN_URL!,
    clientId: vars.FHIR_CLIENT_ID!,
    privateKey: signingKey(keySource, keyPem(keySource, vars[keySource]!)),
    keyId: vars.FHIR_KEY_ID!,
    scopes: vars.FHIR_SCOPES.split(/\s+/).join(' '),
  };
}

function keyPem(variable: 'FHIR_PRIVATE_KEY' | 'FHIR_PRIVATE_KEY_FILE', value: string): string {
  if (variable === 'FHIR_PRIVATE_KEY') {
    // Docker and CI secrets often carry a PEM on one line with literal "\n" separators.
    return value.replace(/\\n/g, '\n');
  }
  try {
    return readFileSync(value, 'utf8');
  } catch {
    throw invalid(['FHIR_PRIVATE_KEY_FILE: cannot be read']);
  }
}

/** RSA keys sign RS384, P-384 keys ES384: the two algorithms SMART Backend Services names. */
function signingKey(variable: string, pem: string): SmartBackendSettings['privateKey'] {
  let key;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw invalid([`${variable}: must be a PEM private key`]);
  }
  const details = key.asymmetricKeyDetails ?? {};
  let algorithm: SmartSigningAlgorithm;
  if (key.asymmetricKeyType === 'rsa' && (details.modulusLength ?? 0) >= 2048) algorithm = 'RS384';
  else if (key.asymmetricKeyType === 'ec' && details.namedCurve === 'secp384r1') algorithm = 'ES384';
  else throw invalid([`${variable}: must be an RSA key of 2048 bits or more, or an EC P-384 key`]);
  return { pkcs8Pem: key.export({ type: 'pkcs8', format: 'pem' }).toString(), algorithm };
}

function invalid(problems: string[]): ConfigError {
  return new ConfigError(`Invalid EHR settings:\n  ${problems.join('\n  ')}`);
}
