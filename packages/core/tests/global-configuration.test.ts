// Statements that configure a client module or the process: hoisted constructions stay below them.
import { describe, expect, it } from 'vitest';
import { globalConfigurationEnd, globalConfigurationStatements } from '../src/index.js';
import { analyze, parse } from './parse.js';

function configuring(source: string): string[] {
  const input = parse(source);
  return globalConfigurationStatements(input).map((statement) => source.slice(statement.range[0], statement.range[1]));
}

describe('global configuration statements', () => {
  it('finds AWS, axios, undici, dotenv and process.env configuration, resolved through imports and requires', () => {
    const source = [
      `const AWS = require('aws-sdk');`,
      `import axios from 'axios';`,
      `import { setGlobalDispatcher, Agent } from 'undici';`,
      `import { config } from 'dotenv';`,
      `AWS.config.update({ region: 'eu-west-1' });`,
      `AWS.config.region = 'eu-west-1';`,
      `axios.defaults.headers.common['x-app'] = 'a';`,
      `setGlobalDispatcher(new Agent());`,
      `config();`,
      `require('dotenv').config();`,
      `const parsed = require('dotenv').config();`,
      `process.env.TZ = 'UTC';`,
      `if (!process.env.REGION) process.env.REGION = 'eu';`,
    ].join('\n');
    expect(configuring(source)).toEqual([
      `AWS.config.update({ region: 'eu-west-1' });`,
      `AWS.config.region = 'eu-west-1';`,
      `axios.defaults.headers.common['x-app'] = 'a';`,
      `setGlobalDispatcher(new Agent());`,
      `config();`,
      `require('dotenv').config();`,
      `const parsed = require('dotenv').config();`,
      `process.env.TZ = 'UTC';`,
      `if (!process.env.REGION) process.env.REGION = 'eu';`,
    ]);
  });

  it('ignores look-alikes: local objects, reads, and configuration inside functions that run later', () => {
    const source = [
      `const AWS = { config: { update() {} } };`,
      `AWS.config.update({});`,
      `const region = process.env.REGION;`,
      `function setup() { process.env.TZ = 'UTC'; }`,
      `import axios from 'axios';`,
      `const api = axios.create();`,
      `api.defaults.timeout = 1;`,
    ].join('\n');
    expect(configuring(source)).toEqual([]);
    expect(globalConfigurationEnd(parse(source))).toBe(0);
  });

  it('keeps the editor suggestion below the configuration', () => {
    const source = `import axios from 'axios';\naxios.defaults.timeout = 5;\nfor (const id of ids) { const api = axios.create(); }\n`;
    const [finding] = analyze(source).findings;
    const insert = finding?.suggestion?.hoist.edits[0];
    expect(insert?.range[0]).toBe(source.indexOf('\nfor'));
  });
});
