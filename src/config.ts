/**
 * Config files: options kept with the corpus, so a git hook, CI and a person
 * run with the same settings. Found from the working folder upward: the first
 * folder with `.clean-corpusrc.json`, or a package.json with a "clean-corpus"
 * key, wins. Keys are the long option names in camelCase (`textField`,
 * `output`), plus `"thresholds": {name: value}`; command-line flags win over
 * the file. Paths in the file are relative to the file's folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { applyThresholds, defaultThresholds } from './thresholds.js';

export const RC_NAME = '.clean-corpusrc.json';
export const PACKAGE_KEY = 'clean-corpus';

/** An option a config file may set, as the command line defines it. */
export interface ConfigurableOption {
  /** camelCase name (commander's attribute name). */
  key: string;
  kind: 'boolean' | 'string';
  choices?: readonly string[];
  /** Resolve the value as a path relative to the config file's folder. */
  isPath?: boolean;
}

/** A config file's settings, checked. */
export interface Config {
  /** Absolute path of the file. */
  file: string;
  /** Option values by camelCase name. */
  values: Record<string, boolean | string>;
  /** Threshold overrides. */
  thresholds: Record<string, number>;
}

/** A config file that cannot be used; the message names the file. */
export class ConfigError extends Error {}

/** The config file that applies in `cwd`: the nearest `.clean-corpusrc.json` or package.json with a "clean-corpus" key. */
export function findConfig(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const rc = path.join(dir, RC_NAME);
    if (isFile(rc)) return rc;
    const pkg = path.join(dir, 'package.json');
    if (isFile(pkg)) {
      try {
        const json = JSON.parse(fs.readFileSync(pkg, 'utf8')) as unknown;
        if (json && typeof json === 'object' && PACKAGE_KEY in json) return pkg;
      } catch {
        // a broken package.json is not ours to complain about unless it configures us
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Read and check a config file against the options the command line offers. */
export function loadConfig(file: string, allowed: readonly ConfigurableOption[], shown = file): Config {
  const fail = (message: string): never => {
    throw new ConfigError(`${shown}: ${message}`);
  };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail(`not valid JSON (${(err as Error).message})`);
  }
  const isPackage = path.basename(file) === 'package.json';
  if (isPackage) json = (json as Record<string, unknown> | null)?.[PACKAGE_KEY];
  const where = isPackage ? `"${PACKAGE_KEY}" ` : '';
  if (!json || typeof json !== 'object' || Array.isArray(json)) return fail(`${where}must be a JSON object of options`);

  const byKey = new Map(allowed.map((o) => [o.key, o]));
  const config: Config = { file, values: {}, thresholds: {} };
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key.startsWith('$')) continue; // "$schema" and comments
    if (key === 'thresholds') {
      if (!value || typeof value !== 'object' || Array.isArray(value)) fail('"thresholds" must be an object of name: number');
      const bad = applyThresholds(defaultThresholds(), value as Record<string, unknown>);
      if (bad) fail(bad);
      config.thresholds = value as Record<string, number>;
      continue;
    }
    const option = byKey.get(key);
    if (!option) return fail(`unknown option "${key}" (allowed: ${[...byKey.keys(), 'thresholds'].join(', ')})`);
    if (option.kind === 'boolean') {
      if (typeof value !== 'boolean') fail(`"${key}" must be true or false`);
      config.values[key] = value as boolean;
    } else {
      if (typeof value !== 'string' || value === '') fail(`"${key}" must be a non-empty string`);
      if (option.choices && !option.choices.includes(value as string)) fail(`"${key}" must be one of ${option.choices.join(', ')}, not "${String(value)}"`);
      config.values[key] = option.isPath ? path.resolve(path.dirname(file), value as string) : (value as string);
    }
  }
  return config;
}
