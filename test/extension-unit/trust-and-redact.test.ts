import assert from 'node:assert/strict';
import { addSecret, clearSecrets, redact, REDACTED } from '../../extension/redact';
import { trustPolicy, UNTRUSTED_MESSAGE } from '../../extension/trust-policy';

describe('extension trust policy', () => {
  it('a trusted workspace loads plugins and may sync', () => {
    assert.deepEqual(trustPolicy(true), { loadPlugins: true, syncEnabled: true, message: undefined });
  });

  it('an untrusted workspace loads no plugin, does not sync, and says why', () => {
    const policy = trustPolicy(false);
    assert.equal(policy.loadPlugins, false);
    assert.equal(policy.syncEnabled, false);
    assert.equal(policy.message, UNTRUSTED_MESSAGE);
    assert.match(UNTRUSTED_MESSAGE, /not trusted/);
  });
});

describe('extension log redaction', () => {
  afterEach(() => clearSecrets());

  it('removes a registered secret wherever it appears', () => {
    addSecret('s3cr3t-token-value');
    assert.equal(redact('token=s3cr3t-token-value; again s3cr3t-token-value'), `token=${REDACTED}; again ${REDACTED}`);
  });

  it('removes Notion tokens and bearer headers even when not registered', () => {
    assert.equal(redact('using secret_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ'), `using ${REDACTED}`);
    assert.equal(redact('using ntn_1234567890abcdefghijklmnopqrstuvwxyz'), `using ${REDACTED}`);
    assert.equal(redact('Authorization: Bearer abc.def-ghi_jkl'), `Authorization: Bearer ${REDACTED}`);
  });

  it('ignores secrets too short to be tokens, and leaves other text alone', () => {
    addSecret('abc');
    assert.equal(redact('abc loaded 8 files'), 'abc loaded 8 files');
  });
});
