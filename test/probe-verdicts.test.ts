/**
 * The probe's diagnosis table (src/probe/verdicts.ts) without a network: observations in,
 * diagnoses out, for the cases of issue 13 (partly blocked range, NAT seen from inside, implicit
 * FTPS, active mode blocked on the server's side).
 */
import type { AttemptReport, PassiveObservation, PortSample } from '../src/probe/types';
import {
  activeNoReply,
  activeTransferFailure,
  DiagnosisContext,
  describeSample,
  noBanner,
  passiveVerdict,
  portList,
  sampleVerdict,
} from '../src/probe/diagnosis-table';

const ctx = (extra: Partial<DiagnosisContext> = {}): DiagnosisContext => ({
  step: 'pasv',
  host: '10.0.0.1',
  port: 21,
  timeoutMs: 1500,
  user: 'anonymous',
  ...extra,
});
const RANGE = { lo: 40000, hi: 40009, source: 'pasv_min_port=40000 (line 1) and pasv_max_port=40009 (line 2)' };

function attempt(host: string, port: number, ok: boolean): AttemptReport {
  return ok ? { endpoint: { host, port }, ok, ms: 1 } : { endpoint: { host, port }, ok, error: 'timeout', ms: 1500 };
}

const LISTED = {
  report: {
    command: 'LIST',
    replies: ['150 Here comes the directory listing.', '226 Directory send OK.'],
    bytes: 10,
    entries: 1,
    ok: true,
    ms: 5,
  },
  summary: 'LIST: 1 entry',
  diagnoses: [],
};

function sample(ok: readonly number[], failed: readonly number[]): PortSample {
  return {
    command: 'PASV',
    host: '10.0.0.1',
    range: RANGE,
    ports: [...ok.map((port) => ({ port, ok: true })), ...failed.map((port) => ({ port, ok: false, error: 'timeout' }))],
  };
}

function observation(extra: Partial<PassiveObservation>): PassiveObservation {
  return {
    command: 'PASV',
    reply: { code: 227, lines: ['227 Entering Passive Mode (10,0,0,1,156,64).'], text: '227 Entering Passive Mode (10,0,0,1,156,64).' },
    advertised: { host: '10.0.0.1', port: 40000 },
    control: '10.0.0.1',
    local: '10.0.0.2',
    first: attempt('10.0.0.1', 40000, true),
    listing: LISTED,
    ...extra,
  };
}

describe('the passive range sample', () => {
  it('tells all, some (which) and none', () => {
    expect(sampleVerdict(sample([40000, 40001], []))).toBe('all');
    expect(sampleVerdict(sample([40000], [40007]))).toBe('some');
    expect(sampleVerdict(sample([], [40007, 40008]))).toBe('none');
    expect(portList([40003, 40000, 40001, 40002, 40007, 40001])).toBe('40000-40003, 40007');
    expect(describeSample(sample([40000, 40001, 40004], [40007, 40008]))).toBe(
      '5 PASV offers tried (5 distinct ports of the 10 in 40000-40009): worked: 40000-40001, 40004; failed: 40007-40008',
    );
  });

  it('some ports working: the step fails with passive-range-partly-blocked naming the ports, never "the whole range"', () => {
    for (const firstOk of [true, false]) {
      const verdict = passiveVerdict(
        ctx({ range: RANGE }),
        observation({
          first: attempt('10.0.0.1', firstOk ? 40000 : 40007, firstOk),
          ...(firstOk ? { listing: LISTED } : { listing: undefined }),
          sample: sample([40000, 40002], [40007]),
        }),
      );
      expect(verdict.status).toBe('fail');
      expect(verdict.diagnoses!.map((d) => d.id)).toEqual(['passive-range-partly-blocked']);
      expect(verdict.diagnoses![0].summary).toBe(
        'only part of the passive range answers: 3 PASV offers tried (3 distinct ports of the 10 in 40000-40009): worked: 40000, 40002; failed: 40007 (timeout)',
      );
      expect(JSON.stringify(verdict)).not.toMatch(/drops the passive range/);
    }
  });

  it('every port working: pass; none: the data-timeout for the range, with the count', () => {
    expect(passiveVerdict(ctx({ range: RANGE }), observation({ sample: sample([40000, 40001], []) })).status).toBe('pass');
    const none = passiveVerdict(
      ctx({ range: RANGE }),
      observation({ first: attempt('10.0.0.1', 40000, false), listing: undefined, sample: sample([], [40000, 40003, 40005]) }),
    );
    expect(none.status).toBe('fail');
    expect(none.diagnoses!.map((d) => d.id)).toEqual(['data-timeout']);
    expect(none.detail).toContain(
      'passive range: 3 PASV offers tried (3 distinct ports of the 10 in 40000-40009): none worked; failed: 40000, 40003, 40005',
    );
  });
});

describe("a 227 address other than the control connection's", () => {
  const natInside = (extra: Partial<PassiveObservation>) =>
    observation({
      advertised: { host: '10.203.4.1', port: 40000 },
      control: '10.203.3.2',
      first: attempt('10.203.4.1', 40000, false),
      fallback: attempt('10.203.3.2', 40000, true),
      ...extra,
    });

  it('probed from the server itself: explains both sides and never advises pasv_address=<internal>', () => {
    const verdict = passiveVerdict(ctx(), natInside({ local: '10.203.3.2' }));
    expect(verdict.diagnoses!.map((d) => d.id)).toEqual(['pasv-address-other-side']);
    expect(verdict.status).toBe('warn');
    const d = verdict.diagnoses![0];
    expect(d.summary).toContain('this probe runs on the server itself');
    expect(d.explanation).toContain('Do NOT set pasv_address to 10.203.3.2');
    expect(d.explanation).toContain('probe ftp://10.203.4.1 from outside');
  });

  it('from inside the network, with the config saying pasv_address is the advertised address: the same', () => {
    const verdict = passiveVerdict(ctx({ pasvAddress: '10.203.4.1' }), natInside({ local: '10.203.3.9' }));
    expect(verdict.diagnoses!.map((d) => d.id)).toEqual(['pasv-address-other-side']);
    expect(verdict.diagnoses![0].summary).toContain("inside the server's network");
  });

  it('without evidence of the vantage point: an error that explains both readings', () => {
    const verdict = passiveVerdict(ctx(), natInside({ local: '10.203.3.9' }));
    expect(verdict.status).toBe('fail');
    const d = verdict.diagnoses!.find((x) => x.id === 'pasv-address-mismatch')!;
    expect(d.explanation).toContain(
      'Set pasv_address to the address clients connect to (here 10.203.3.2), or remove a wrong pasv_address, if this probe runs where the clients are',
    );
    expect(d.explanation).toContain("If instead this probe runs inside the server's network and clients outside connect to 10.203.4.1");
  });
});

describe('other rows', () => {
  it('no banner, but a TLS handshake works: implicit FTPS', () => {
    const implicit = noBanner(ctx({ step: 'banner', port: 990 }), true);
    expect(implicit.diagnoses![0]).toMatchObject({
      id: 'implicit-ftps',
      summary: 'this port speaks implicit FTPS: use ftps://10.0.0.1:990',
    });
    expect(noBanner(ctx({ step: 'banner' }), false).diagnoses![0].id).toBe('no-banner');
  });

  it("active mode blocked: the server's own egress firewall is named as a cause too", () => {
    const announced = { host: '10.0.0.2', port: 50000 };
    const failed = activeTransferFailure(
      ctx({ step: 'active' }),
      'PORT',
      'LIST',
      { code: 425, lines: ['425 Failed to establish connection.'], text: '425 Failed to establish connection.' },
      announced,
    );
    const silent = activeNoReply(ctx({ step: 'active' }), 'PORT', 'LIST', announced).diagnoses![0];
    for (const d of [failed, silent]) {
      expect(d.explanation).toMatch(/the server's own firewall drops its outgoing connections/);
      expect(d.firewall).toMatch(/on the server: allow outgoing connections from ftp_data_port/);
      expect(d.options).toContain('connect_from_port_20');
    }
  });
});
