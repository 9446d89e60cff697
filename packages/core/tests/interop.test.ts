// Compiled CommonJS (Babel, TypeScript, tslib) reaches a module through an interop helper: the
// constructions behind it must resolve to the catalog like a plain require.
import { describe, expect, it } from 'vitest';
import { analyze } from './parse.js';

function sites(source: string): string[] {
  return analyze(source).sites.map((analysis) => `${analysis.site.value.module}:${analysis.site.value.path.join('.')}`);
}

describe('interop helpers of compiled CommonJS', () => {
  it('resolves Babel runtime interopRequireDefault with a ["default"] member', () => {
    const source = `var _interopRequireDefault = require("@babel/runtime/helpers/interopRequireDefault");
var _httpsProxyAgent = _interopRequireDefault(require("https-proxy-agent"));
exports["default"] = function send(url, options) { options.agent = new _httpsProxyAgent["default"](process.env.HTTPS_PROXY); return fetch(url, options); };`;
    expect(sites(source)).toContain('https-proxy-agent:');
    expect(analyze(source).findings.map((finding) => finding.rule)).toEqual(['no-per-call-agent']);
  });

  it('resolves the corejs2/corejs3 variants of the Babel runtime (notifme-sdk lib/ shape)', () => {
    expect(sites(`var _i = require("@babel/runtime-corejs2/helpers/interopRequireDefault");\nvar _a = _i(require("https-proxy-agent"));\nexports.send = function (url) { return fetch(url, { agent: new _a["default"](process.env.PROXY) }); };`)).toEqual(['<global>:fetch', 'https-proxy-agent:']);
    expect(sites(`var _i = require("@babel/runtime-corejs3/helpers/interopRequireDefault");\nvar _pg = _i(require("pg"));\nexports.pool = new _pg.default.Pool();`)).toEqual(['pg:Pool']);
  });

  it("resolves Babel's interopRequireWildcard from the esm helpers folder", () => {
    expect(sites(`var _w = require("@babel/runtime/helpers/esm/interopRequireWildcard");\nvar https = _w(require("https"));\nexport const agent = new https.Agent({ keepAlive: true });`)).toEqual(['https:Agent']);
  });

  it('resolves an inline helper by its __esModule test, and Babel indirect calls `(0, m.default)()`', () => {
    const source = `function _interopRequireDefault(e) { return e && e.__esModule ? e : { default: e }; }
var _axios = _interopRequireDefault(require("axios"));
const api = (0, _axios.default)({ baseURL: process.env.API });
exports.api = _axios.default.create({ baseURL: process.env.API });`;
    expect(sites(source)).toEqual(['axios:', 'axios:create']);
  });

  it("resolves TypeScript's emitted __importDefault and tslib's __importStar", () => {
    expect(sites(`var __importDefault = (this && this.__importDefault) || function (mod) { return (mod && mod.__esModule) ? mod : { "default": mod }; };
const ioredis_1 = __importDefault(require("ioredis"));
exports.redis = new ioredis_1.default(process.env.REDIS_URL);`)).toEqual(['ioredis:']);
    expect(sites(`const tslib_1 = require("tslib");\nconst pg = tslib_1.__importStar(require("pg"));\nexports.pool = new pg.Pool();`)).toEqual(['pg:Pool']);
  });

  it('does not take a lookalike for a helper: no __esModule test, or a package that is not a compiler runtime', () => {
    expect(sites(`function _interopRequireDefault(m) { return { default: m.Stub }; }\nvar _pg = _interopRequireDefault(require("pg"));\nexports.pool = new _pg.default.Pool();`)).toEqual([]);
    expect(sites(`const wrap = require("acme-wrap");\nvar _pg = wrap(require("pg"));\nexports.pool = new _pg.Pool();`)).toEqual([]);
  });
});
