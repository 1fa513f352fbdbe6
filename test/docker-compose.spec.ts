import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { carepathSearchAttributes } from '../contracts/search-attributes';

/**
 * There is no Docker engine where the tests run, so this reads docker-compose.yml and the
 * Dockerfile the way a reviewer would and checks the wiring against the code they deploy.
 */

const root = resolve(__dirname, '..');
const readRepoFile = (path: string) => readFileSync(join(root, path), 'utf8');

type EnvironmentValue = string | number | boolean | null;
interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, EnvironmentValue> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: Array<string | number | { target: number; published?: string | number; host_ip?: string }>;
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

// Compose resolves `<<: *anchor` merge keys; so must the parser.
const compose = parse(readRepoFile('docker-compose.yml'), { merge: true }) as ComposeFile;
const services = compose.services;
const APP_SERVICES = ['migrate', 'worker', 'api'] as const;
const TEMPORAL_FRONTEND_PORT = 7233;
const POSTGRES_PORT = 5432;

function service(name: string): ComposeService {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function environmentOf(name: string): Record<string, string> {
  const environment = service(name).environment ?? {};
  const entries = Array.isArray(environment)
    ? environment.map((item): [string, string] => {
        const separator = item.indexOf('=');
        return separator < 0 ? [item, ''] : [item.slice(0, separator), item.slice(separator + 1)];
      })
    : Object.entries(environment).map(([key, value]): [string, string] => [
        key,
        value === null ? '' : String(value),
      ]);
  return Object.fromEntries(entries);
}

function dependenciesOf(name: string): Record<string, string> {
  const dependsOn = service(name).depends_on ?? {};
  if (Array.isArray(dependsOn))
    return Object.fromEntries(dependsOn.map((dependency) => [dependency, 'service_started']));
  return Object.fromEntries(
    Object.entries(dependsOn).map(([dependency, options]) => [
      dependency,
      options.condition ?? 'service_started',
    ]),
  );
}

/** Compose's variable interpolation: `$$`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`. */
function interpolate(value: string, variables: Record<string, string>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, braced?: string, colon?: string, operator?: string, argument?: string, bare?: string) => {
      if (match === '$$') return '$';
      const name = (braced ?? bare)!;
      const current = variables[name];
      const missing = current === undefined || (colon === ':' && current === '');
      if (!missing) return current;
      if (operator === '?') throw new Error(`required variable ${name} is missing: ${argument}`);
      return operator === '-' ? argument! : '';
    },
  );
}

/** Names whose value is `${NAME:?message}`: compose refuses to run until they are set and non-empty. */
function isRequiredVariable(value: string, name: string): boolean {
  return new RegExp(`^\\$\\{${name}:\\?[^}]+\\}$`).test(value);
}

/** Host port -> container port for each published port ("[ip:]host:container[/protocol]" or long syntax). */
function publishedPorts(name: string): Map<number, number> {
  const published = new Map<number, number>();
  for (const port of service(name).ports ?? []) {
    if (typeof port === 'object') {
      if (port.published !== undefined) published.set(Number(port.published), port.target);
      continue;
    }
    const parts = String(port)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    if (parts.length >= 2) published.set(Number(parts[parts.length - 2]), Number(parts[parts.length - 1]));
  }
  return published;
}

/** Variables a fresh `.env` would provide, to resolve interpolations as compose does. */
const SAMPLE_VARIABLES = {
  POSTGRES_PASSWORD: 'postgres-secret',
  TEMPORAL_DB_PASSWORD: 'temporal-secret',
  CAREPATH_DB_PASSWORD: 'carepath-secret',
  API_KEYS: `designer=${'d'.repeat(32)},operator=${'o'.repeat(32)},integration=${'i'.repeat(32)}`,
  PSEUDONYM_KEY: 'p'.repeat(32),
  PAYLOAD_ENCRYPTION_KEYS: `k1=${Buffer.alloc(32, 1).toString('base64')}`,
  METRICS_TOKEN: 'm'.repeat(32),
  GRAFANA_ADMIN_PASSWORD: 'grafana-secret',
};

/** The files whose zod schemas declare the environment the app processes read. */
const SETTINGS_SCHEMAS = {
  'config/app-config.ts': 'environmentSchema',
  'channels/email/email-settings.ts': 'emailEnvironmentSchema',
  'channels/sms/sms-settings.ts': 'smsEnvironmentSchema',
  'shared/ehr/ehr-settings.ts': 'ehrEnvironmentSchema',
  'shared/cohort/cohort-settings.ts': 'cohortEnvironmentSchema',
  'config/telemetry-settings.ts': 'telemetryEnvironmentSchema',
};

/** The variables the app reads: the keys of each settings schema above. */
function configEnvironmentVariables(): string[] {
  return Object.entries(SETTINGS_SCHEMAS).flatMap(([file, name]) => {
    const source = readRepoFile(file);
    const start = source.indexOf(`const ${name} = z`);
    if (start < 0) throw new Error(`${file}: ${name} not found`);
    const schema = source.slice(start, source.indexOf(';\n', start));
    // The schema's own keys: the first key's indentation, so nested objects do not count.
    const indent = /\n(\s+)[A-Z][A-Z0-9_]*:/.exec(schema)?.[1] ?? '';
    return [...schema.matchAll(new RegExp(`^${indent}([A-Z][A-Z0-9_]*):`, 'gm'))].map((match) => match[1]);
  });
}

/** The files `npm run build:server` emits: each compiled source of tsconfig.build.json, mapped into outDir. */
function serverBuildOutputs(): Set<string> {
  const configPath = join(root, 'tsconfig.build.json');
  const { config, error } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath);
  const { outDir, rootDir } = parsed.options;
  if (!outDir || !rootDir) throw new Error('tsconfig.build.json: outDir and rootDir are expected');
  return new Set(
    parsed.fileNames
      .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
      .map((file) => relative(root, join(outDir, relative(rootDir, file))).replace(/\.tsx?$/, '.js')),
  );
}

interface DockerfileStage {
  name: string | undefined;
  instructions: Array<{ keyword: string; args: string }>;
}

function dockerfileStages(): DockerfileStage[] {
  const logicalLines = readRepoFile('Dockerfile')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  const stages: DockerfileStage[] = [];
  for (const line of logicalLines) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    if (keyword.toUpperCase() === 'FROM') {
      stages.push({ name: /\bAS\s+(\S+)\s*$/i.exec(args)?.[1], instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

function lastInstruction(stage: DockerfileStage, keyword: string): string | undefined {
  return stage.instructions.filter((instruction) => instruction.keyword === keyword).at(-1)?.args;
}

/** Exec-form (JSON array) or shell-form arguments of CMD / ENTRYPOINT. */
function execArguments(args: string): string[] {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
}

const asArray = (command: string | string[]) => (Array.isArray(command) ? command : command.split(/\s+/));

describe('docker-compose.yml', () => {
  test('every service named in depends_on exists, and the start order has no cycle', () => {
    const names = Object.keys(services);
    for (const name of names) {
      for (const dependency of Object.keys(dependenciesOf(name))) {
        expect({ service: name, dependsOn: dependency, exists: names.includes(dependency) }).toEqual({
          service: name,
          dependsOn: dependency,
          exists: true,
        });
      }
    }
    const done = new Set<string>();
    const visit = (name: string, path: string[]) => {
      if (path.includes(name)) throw new Error(`dependency cycle: ${[...path, name].join(' -> ')}`);
      if (done.has(name)) return;
      for (const dependency of Object.keys(dependenciesOf(name))) visit(dependency, [...path, name]);
      done.add(name);
    };
    for (const name of names) visit(name, []);
  });

  test('depends_on conditions are ones the dependency can satisfy', () => {
    for (const name of Object.keys(services)) {
      for (const [dependency, condition] of Object.entries(dependenciesOf(name))) {
        const target = service(dependency);
        if (condition === 'service_healthy') {
          // Only a compose-level health check counts: the app image's own probes the API only.
          expect({
            dependency,
            healthcheck: Boolean(target.healthcheck?.test && !target.healthcheck.disable),
          }).toEqual({
            dependency,
            healthcheck: true,
          });
        }
        if (condition === 'service_completed_successfully') {
          // A job that gets restarted never "completes"; an always-on service never exits.
          expect({ dependency, restart: target.restart ?? 'no' }).toEqual({ dependency, restart: 'no' });
        }
      }
    }
  });

  test('the worker and API start only after migrations and the Temporal namespace job', () => {
    for (const name of ['worker', 'api']) {
      expect(dependenciesOf(name)).toMatchObject({
        migrate: 'service_completed_successfully',
        'temporal-namespace': 'service_completed_successfully',
      });
    }
    expect(dependenciesOf('temporal')).toMatchObject({ 'temporal-schema': 'service_completed_successfully' });
  });

  test('the API publishes port 3000 and the Temporal Web UI port 8233', () => {
    const apiPort = Number(environmentOf('api').API_PORT ?? 3000);
    expect(publishedPorts('api').get(3000)).toBe(apiPort);
    expect(publishedPorts('temporal-ui').get(8233)).toBe(8080);
  });

  test("the Temporal Web UI decodes through the API's codec server, which lets that UI's origin call it", () => {
    const ui = environmentOf('temporal-ui');
    const api = environmentOf('api');
    const publicBaseUrl = interpolate(api.PUBLIC_BASE_URL, SAMPLE_VARIABLES);
    expect(interpolate(ui.TEMPORAL_CODEC_ENDPOINT, SAMPLE_VARIABLES)).toBe(`${publicBaseUrl}/api/codec`);
    // The browser sends the operator's codec session cookie only with this on.
    expect(String(ui.TEMPORAL_CODEC_INCLUDE_CREDENTIALS)).toBe('true');
    // The API grants CORS to TEMPORAL_WEB_UI_URL's origin: the UI as the browser reaches it.
    expect(new URL(api.TEMPORAL_WEB_UI_URL!).port).toBe('8233');
  });

  test('the app services set only variables that the app settings read', () => {
    const known = configEnvironmentVariables();
    // Guards the extraction itself: an empty or wrong list would let anything pass.
    expect(known).toEqual(
      expect.arrayContaining([
        'TEMPORAL_ADDRESS',
        'DATABASE_URL',
        'API_KEYS',
        'PSEUDONYM_KEY',
        'SMTP_URL',
        'TWILIO_ACCOUNT_SID',
      ]),
    );
    for (const name of APP_SERVICES) {
      const unknown = Object.keys(environmentOf(name)).filter((variable) => !known.includes(variable));
      expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
    }
  });

  test('the app services run in production mode with the same settings', () => {
    const [first, ...others] = APP_SERVICES.map(environmentOf);
    expect(first.CAREPATH_MODE).toBe('production');
    expect(first.NODE_ENV).toBe('production');
    for (const environment of others) expect(environment).toEqual(first);
  });

  test('TEMPORAL_ADDRESS points at the Temporal service and its frontend port', () => {
    const temporal = service('temporal');
    expect(temporal.image).toMatch(/^temporalio\/server:\d+\.\d+\.\d+$/);
    for (const name of [...APP_SERVICES, 'temporal-namespace', 'temporal-ui']) {
      const address = environmentOf(name).TEMPORAL_ADDRESS;
      expect({ service: name, address }).toEqual({
        service: name,
        address: `temporal:${TEMPORAL_FRONTEND_PORT}`,
      });
    }
  });

  test('DATABASE_URL points at the PostgreSQL service and a database its init script creates', () => {
    const url = new URL(interpolate(environmentOf('api').DATABASE_URL, SAMPLE_VARIABLES));
    expect(url.protocol).toBe('postgres:');
    const database = service(url.hostname);
    expect(database.image).toMatch(/^postgres:\d+/);
    expect(Number(url.port || POSTGRES_PORT)).toBe(POSTGRES_PORT);
    expect(decodeURIComponent(url.password)).toBe(SAMPLE_VARIABLES.CAREPATH_DB_PASSWORD);

    const initScripts = (database.volumes ?? [])
      .map((volume) => (typeof volume === 'string' ? volume.split(':') : [volume.source, volume.target]))
      .filter(([, target]) => target?.startsWith('/docker-entrypoint-initdb.d/'))
      .map(([source]) => readRepoFile(source!));
    const sql = initScripts.join('\n');
    expect(sql).toMatch(new RegExp(`CREATE ROLE ${url.username} LOGIN`));
    expect(sql).toMatch(new RegExp(`CREATE DATABASE ${url.pathname.slice(1)} OWNER ${url.username};`));
    // The init script reads the same variable the URL is built from.
    expect(database.environment).toMatchObject({
      CAREPATH_DB_PASSWORD: expect.stringContaining('${CAREPATH_DB_PASSWORD'),
    });
  });

  test('the namespace job registers exactly the search attributes the workflows declare, with their types', () => {
    const job = environmentOf('temporal-namespace');
    const registered = job.CAREPATH_SEARCH_ATTRIBUTES.split(/\s+/).filter(Boolean).sort();
    // The CLI spells types as Keyword and Datetime; the SDK declares KEYWORD and DATETIME.
    const cliType = (type: string) => type.charAt(0) + type.slice(1).toLowerCase();
    expect(registered).toEqual(
      carepathSearchAttributes.map((key) => `${key.name}=${cliType(key.type)}`).sort(),
    );
    expect(job.TEMPORAL_NAMESPACE).toBe(environmentOf('api').TEMPORAL_NAMESPACE);

    const script = readRepoFile('docs/compose/temporal-namespace.sh');
    expect(service('temporal-namespace').volumes).toContain(
      './docs/compose/temporal-namespace.sh:/scripts/temporal-namespace.sh:ro',
    );
    expect(script).toMatch(/for entry in \$CAREPATH_SEARCH_ATTRIBUTES/);
    expect(script).toMatch(/search-attribute create [^\n]*\\\n\s+--name "\$name" --type "\$type"/);
  });

  test('API_KEYS, PSEUDONYM_KEY and PAYLOAD_ENCRYPTION_KEYS must come from the host: compose refuses to start without them', () => {
    for (const name of APP_SERVICES) {
      const environment = environmentOf(name);
      for (const variable of ['API_KEYS', 'PSEUDONYM_KEY', 'PAYLOAD_ENCRYPTION_KEYS'] as const) {
        expect({
          service: name,
          variable,
          required: isRequiredVariable(environment[variable] ?? '', variable),
        }).toEqual({
          service: name,
          variable,
          required: true,
        });
        const { [variable]: _omitted, ...withoutIt } = SAMPLE_VARIABLES;
        expect(() => interpolate(environment[variable], withoutIt)).toThrow(
          `required variable ${variable} is missing`,
        );
        expect(interpolate(environment[variable], SAMPLE_VARIABLES)).toBe(SAMPLE_VARIABLES[variable]);
      }
    }
  });

  test('no secret has a default value', () => {
    const text = readRepoFile('docker-compose.yml');
    for (const variable of Object.keys(SAMPLE_VARIABLES)) {
      expect({ variable, defaulted: new RegExp(`\\$\\{${variable}:?-`).test(text) }).toEqual({
        variable,
        defaulted: false,
      });
    }
  });

  test('every file compose mounts from the repository exists', () => {
    const mounts = Object.values(services).flatMap((definition) =>
      (definition.volumes ?? [])
        .map((volume) => (typeof volume === 'string' ? volume.split(':')[0] : volume.source))
        .filter((source): source is string => Boolean(source?.startsWith('./'))),
    );
    expect(mounts.length).toBeGreaterThan(0);
    for (const source of mounts)
      expect({ source, exists: existsSync(join(root, source)) }).toEqual({ source, exists: true });
  });

  test('the app services build this repository, and the ones not serving HTTP disable the API health check', () => {
    for (const name of APP_SERVICES) {
      const build = service(name).build;
      expect(typeof build === 'string' ? build : build?.context).toBe('.');
    }
    for (const name of ['migrate', 'worker']) expect(service(name).healthcheck?.disable).toBe(true);
    expect(service('api').healthcheck?.disable).not.toBe(true);
  });
});

describe('Dockerfile', () => {
  const stages = dockerfileStages();
  const runtime = stages.at(-1)!;
  const outputs = serverBuildOutputs();

  test('the build outputs are computed from tsconfig.build.json', () => {
    // Guards the mapping below: api/main.ts compiles to dist/api/main.js.
    expect(outputs).toContain('dist/api/main.js');
    expect(outputs).not.toContain('dist/api/main.ts');
  });

  test('the runtime stage runs as a non-root user in production mode', () => {
    const user = lastInstruction(runtime, 'USER');
    expect(user).toBeDefined();
    expect(user!.split(':')[0]).not.toMatch(/^(root|0)$/);
    expect(lastInstruction(runtime, 'ENV')).toMatch(/NODE_ENV=production/);
    expect(lastInstruction(runtime, 'ENV')).toMatch(/CAREPATH_MODE=production/);
  });

  test('the default command and every app service command start a file tsc emits', () => {
    const entrypoint = lastInstruction(runtime, 'ENTRYPOINT');
    const cmd = lastInstruction(runtime, 'CMD');
    expect(cmd).toBeDefined();
    const imageCommand = [...(entrypoint ? execArguments(entrypoint) : []), ...execArguments(cmd!)];
    const commands = [
      imageCommand,
      ...APP_SERVICES.map((name) => {
        const command = service(name).command;
        return command ? asArray(command) : imageCommand;
      }),
    ];
    for (const command of commands) {
      expect(command[0]).toBe('node');
      expect({ command: command.join(' '), built: outputs.has(command[1]) }).toEqual({
        command: command.join(' '),
        built: true,
      });
    }
  });

  test('the runtime copies its node_modules from a stage that installs production dependencies only', () => {
    const copy = runtime.instructions.find(
      (instruction) => instruction.keyword === 'COPY' && /\bnode_modules\b/.test(instruction.args),
    );
    const from = copy && /--from=(\S+)/.exec(copy.args)?.[1];
    expect(from).toBeDefined();
    const source = stages.find((stage) => stage.name === from);
    const installs = source?.instructions.filter(
      (instruction) => instruction.keyword === 'RUN' && /\bnpm ci\b/.test(instruction.args),
    );
    expect(installs?.length).toBeGreaterThan(0);
    for (const install of installs ?? []) expect(install.args).toMatch(/--omit=dev\b/);
  });

  test('the image health check probes the API health endpoint', () => {
    const healthcheck = lastInstruction(runtime, 'HEALTHCHECK');
    expect(healthcheck).toMatch(/\/api\/health/);
    const controller = readRepoFile('api/health/health.controller.ts');
    expect(controller).toMatch(/@Controller\('health'\)/);
    expect(readRepoFile('api/create-app.ts')).toMatch(/setGlobalPrefix\('api'\)/);
  });
});
