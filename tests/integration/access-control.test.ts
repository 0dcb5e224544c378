import { sql } from 'kysely';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/services/auth-service';
import { cookieHeaders, createTestSession, sessionCookie, testToken } from '../helpers/auth';
import { FIXTURE } from '../helpers/fixtures';
import { connectClient, opId, settle } from '../helpers/socket-client';
import { type TestServer, startTestServer } from '../helpers/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ app: { revalidateMs: 300, loginAttemptsPerMinute: 100, commandRate: { burst: 20, perSecond: 2 } } });
});
afterAll(async () => {
  await srv.stop();
});

const board = FIXTURE.clinicBoard;
const db = () => srv.server.store;
/** The events count and every card's place: equal before and after means a refused command wrote nothing. */
const state = async () => ({
  events: (await db().first(sql<{ n: number }>`SELECT count(*) AS n FROM events`))?.n,
  cards: await db().all(db().q.selectFrom('cards').select(['id', 'column_id', 'order_key']).orderBy('id')),
});
const api = (path: string, init: RequestInit = {}) => fetch(`${srv.url}${path}`, init);
const session = (name: string, roles: { unitId: string; role: 'viewer' | 'member' | 'facilitator' | 'admin' }[]) =>
  createTestSession(srv.database, name, { roles });

/** Connects and resolves with the connect error's message, or '' if it connected. */
function connectError(options: Parameters<typeof io>[1]): Promise<string> {
  const s: Socket = io(srv.url, { transports: ['websocket'], reconnection: false, forceNew: true, ...options });
  return new Promise((resolve) => {
    s.once('connect', () => {
      s.disconnect();
      resolve('');
    });
    s.once('connect_error', (err) => {
      s.close();
      resolve(err.message);
    });
  });
}

const move = (toColumnId: string = FIXTURE.columns.doing) => ({
  opId: opId(),
  boardId: board,
  cardId: FIXTURE.cards.huddle,
  toColumnId,
  index: 0,
});

describe('credentials', () => {
  it('refuses no credentials: HTTP 401 and a socket connect error', async () => {
    const res = await api('/api/boards');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect((await api(`/api/boards/${board}`)).status).toBe(401);
    expect(await connectError({})).toMatch(/^UNAUTHENTICATED/);
    expect(await connectError({ auth: { token: 'ks_made-up' } })).toMatch(/^UNAUTHENTICATED/);
  });

  it('refuses an expired session', async () => {
    const { token } = session('Udløbet', [{ unitId: 'clinic', role: 'admin' }]);
    await db().run(sql`UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE token_hash = ${hashToken(token)}`);
    expect((await api('/api/boards', { headers: { cookie: sessionCookie(token) } })).status).toBe(401);
    expect(await connectError({ auth: { token } })).toMatch(/^UNAUTHENTICATED/);
  });

  it('signs in with a password into an HttpOnly SameSite=Lax cookie, works on both transports, and signs out', async () => {
    const hash = await (await import('argon2')).default.hash('rigtig-hemmelig-kode');
    await db().run(sql`INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES ('u-pw', 'pia', 'Pia', ${hash}, '2026-01-01')`);
    await db().run(sql`INSERT INTO role_assignments (user_id, unit_id, role) VALUES ('u-pw', 'clinic', 'member')`);
    const login = (password: string, headers: Record<string, string> = { 'x-kaskade-csrf': '1' }) =>
      api('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username: 'pia', password }) });

    expect((await login('forkert-kode')).status).toBe(401);
    expect((await login('rigtig-hemmelig-kode', {})).status).toBe(403); // no CSRF header: refused
    const ok = await login('rigtig-hemmelig-kode');
    expect(ok.status).toBe(200);
    const setCookie = ok.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^kaskade_session=ks_/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0]!;
    expect(await (await api('/api/auth/me', { headers: { cookie } })).json()).toMatchObject({ kind: 'user', name: 'Pia', roles: [{ unitId: 'clinic', role: 'member' }] });

    // The socket is known by the same cookie (as in the browser).
    const s: Socket = io(srv.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
    await new Promise<void>((resolve, reject) => {
      s.once('connect', resolve);
      s.once('connect_error', reject);
    });
    const dropped = new Promise<void>((resolve) => s.once('disconnect', () => resolve()));
    expect((await api('/api/auth/logout', { method: 'POST', headers: { cookie, 'x-kaskade-csrf': '1' } })).status).toBe(204);
    await dropped; // signing out ends the session's sockets at once
    const after = await api('/api/auth/me', { headers: { cookie } });
    expect(after.status).toBe(200); // signed out is an answer, not an error: no failed request on the sign-in page
    expect(await after.json()).toEqual({ kind: 'anonymous' });
    expect(await connectError({ extraHeaders: { cookie } })).toMatch(/^UNAUTHENTICATED/);
  });

  it('never stores a password or a token in the clear', async () => {
    const rows = await db().all(sql<{ password_hash: string }>`SELECT password_hash FROM users WHERE password_hash IS NOT NULL`);
    expect(rows.every((r) => r.password_hash.startsWith('$argon2id$'))).toBe(true);
    const sessions = await db().all(sql<{ token_hash: string }>`SELECT token_hash FROM sessions`);
    expect(sessions.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});

describe('roles', () => {
  it("refuses a viewer's commands with FORBIDDEN and changes nothing, while the viewer still reads the board", async () => {
    const viewer = await connectClient(srv.url, 'Læser', { roles: [{ unitId: 'clinic', role: 'viewer' }] });
    expect(await viewer.join(board)).toMatchObject({ ok: true });
    const before = await state();
    expect(await viewer.request('card:move', move())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await viewer.request('card:create', { opId: opId(), boardId: board, card: { id: 'v-card', columnId: FIXTURE.columns.todo, type: 'idea', title: 'Nej' } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await viewer.request('measurement:record', { opId: opId(), boardId: board, indicatorId: FIXTURE.indicators.restraint, periodStart: '2026-10-01', value: 2 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await state()).toEqual(before);
    viewer.close();
  });

  it('inherits a role down the tree, and refuses a unit outside the subtree', async () => {
    const ward = await connectClient(srv.url, 'Afsnit', { roles: [{ unitId: 'ward', role: 'member' }] });
    expect(await ward.join(FIXTURE.wardBoard)).toMatchObject({ ok: true });
    // Line of sight upward: the ward may read the clinic's board above it, but not write there.
    expect(await ward.join(board)).toMatchObject({ ok: true });
    expect(await ward.request('card:move', move())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    ward.close();
    const clinic = await connectClient(srv.url, 'Klinik', { roles: [{ unitId: 'clinic', role: 'member' }] });
    expect(await clinic.join(FIXTURE.wardBoard)).toMatchObject({ ok: true }); // clinic role reaches the ward below

    const { token } = session('Afsnitsadmin', [{ unitId: 'ward', role: 'admin' }]);
    const headers = cookieHeaders(token);
    // Reads the board above (line of sight), administers only its own subtree.
    expect((await api(`/api/boards/${board}`, { headers })).status).toBe(200);
    const list = (await (await api('/api/boards', { headers })).json()) as { boards: { id: string }[] };
    expect(list.boards.map((b) => b.id).sort()).toEqual([FIXTURE.clinicBoard, FIXTURE.wardBoard]);
    const someone = session('Nogen', []);
    const setRole = (unitId: string) =>
      api(`/api/admin/users/${someone.userId}/roles/${unitId}`, { method: 'PUT', headers, body: JSON.stringify({ role: 'admin' }) });
    expect((await setRole('clinic')).status).toBe(403);
    expect((await setRole('ward')).status).toBe(204);
    const newUnit = (parentId: string) =>
      api('/api/admin/units', { method: 'POST', headers, body: JSON.stringify({ name: 'Ny', parentId, layerId: 'l3' }) });
    expect((await newUnit('clinic')).status).toBe(403);
    expect((await newUnit('ward')).status).toBe(200);
    expect((await api('/api/admin/units/clinic', { method: 'PATCH', headers, body: JSON.stringify({ name: 'Overtaget' }) })).status).toBe(403);
    clinic.close();
  });

  it('takes a removed role away on the next command, without reconnecting', async () => {
    const member = await connectClient(srv.url, 'Medlem', { roles: [{ unitId: 'clinic', role: 'member' }] });
    await member.join(board);
    expect(await member.request('card:move', move(FIXTURE.columns.doing))).toMatchObject({ ok: true });
    const userId = member.actor.slice('user:'.length);
    await db().run(sql`UPDATE role_assignments SET role = 'viewer' WHERE user_id = ${userId}`);
    const before = await state();
    expect(await member.request('card:move', move(FIXTURE.columns.done))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await state()).toEqual(before);
    member.close();
  });

  it("refuses a disabled user's next command, without reconnecting", async () => {
    const member = await connectClient(srv.url, 'Medlem', { roles: [{ unitId: 'clinic', role: 'member' }] });
    await member.join(board);
    expect(await member.request('card:move', move(FIXTURE.columns.doing))).toMatchObject({ ok: true });
    await db().run(sql`UPDATE users SET disabled = 1 WHERE id = ${member.actor.slice('user:'.length)}`);
    const before = await state();
    // The command's own check refuses it; the periodic sweep (every 300 ms here) may instead close the socket
    // first. Either way the change is refused and nothing is written.
    const outcome = await member
      .request('card:move', move(FIXTURE.columns.done))
      .catch((err: unknown) => ({ disconnected: String(err) }));
    if ('disconnected' in outcome) expect(outcome.disconnected).toMatch(/disconnected/);
    else expect(outcome).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await state()).toEqual(before);
    member.close();
  });

  it('records who did it: the event actor is the user id, resolvable to a name in the audit trail', async () => {
    const alice = await connectClient(srv.url, 'Alice Auditeret', { roles: [{ unitId: 'clinic', role: 'member' }] });
    await alice.join(board);
    const ack = await alice.request<{ events: { actor: string; seq: number }[] }>('card:move', move(FIXTURE.columns.todo));
    expect(ack.ok && ack.data.events[0]!.actor).toBe(alice.actor);
    alice.close();

    const admin = cookieHeaders(session('Revisor', [{ unitId: 'clinic', role: 'admin' }]).token);
    const byBoard = (await (await api(`/api/admin/audit?boardId=${board}`, { headers: admin })).json()) as { entries: { actor: string; actorName: string; type: string }[] };
    expect(byBoard.entries[0]).toMatchObject({ actor: alice.actor, actorName: 'Alice Auditeret', type: 'card.moved' });
    const byUser = (await (await api(`/api/admin/audit?actor=${encodeURIComponent(alice.actor)}`, { headers: admin })).json()) as { entries: unknown[] };
    expect(byUser.entries).toHaveLength(1);
    const csv = await api(`/api/admin/audit?boardId=${board}&format=csv`, { headers: admin });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('source,boardId,seq,at,actor,actorName,type,subject,payload');
    expect(lines[1]).toContain('"Alice Auditeret"');

    const member = cookieHeaders(session('Ikke admin', [{ unitId: 'clinic', role: 'facilitator' }]).token);
    expect((await api(`/api/admin/audit?boardId=${board}`, { headers: member })).status).toBe(403);
    // The trail cannot be changed through the app: no route writes it, and the database refuses updates.
    expect((await api(`/api/admin/audit?boardId=${board}`, { method: 'DELETE', headers: { cookie: admin.cookie!, 'x-kaskade-csrf': '1' } })).status).toBe(404);
    await expect(db().run(sql`UPDATE events SET actor = ${'someone else'}`)).rejects.toThrow(/append-only/);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated change without the CSRF header, or from a foreign origin', async () => {
    const { token } = session('CSRF-admin', [{ unitId: 'clinic', role: 'admin' }]);
    const body = JSON.stringify({ name: 'Via CSRF', parentId: 'clinic', layerId: 'l3' });
    const plain = { cookie: sessionCookie(token), 'content-type': 'application/json' };
    const units = async () => (await db().first(sql<{ n: number }>`SELECT count(*) AS n FROM org_units WHERE name = 'Via CSRF'`))?.n;
    expect((await api('/api/admin/units', { method: 'POST', headers: plain, body })).status).toBe(403);
    expect((await api('/api/admin/units', { method: 'POST', headers: { ...cookieHeaders(token), origin: 'https://evil.example' }, body })).status).toBe(403);
    expect(await units()).toBe(0);
    expect((await api('/api/admin/units', { method: 'POST', headers: cookieHeaders(token), body })).status).toBe(200);
    expect(await units()).toBe(1);
  });
});

describe('origin checks', () => {
  it('refuses a foreign or null Origin over HTTP', async () => {
    const headers = { cookie: sessionCookie(testToken(srv.url)) };
    expect((await api('/api/boards', { headers: { ...headers, origin: 'https://evil.example' } })).status).toBe(403);
    expect((await api('/api/boards', { headers: { ...headers, origin: 'null' } })).status).toBe(403);
    expect((await api('/api/boards', { headers: { ...headers, origin: srv.url } })).status).toBe(200);
  });

  it('refuses a foreign or null Origin on the socket, for WebSocket and polling alike', async () => {
    const token = testToken(srv.url);
    for (const transports of [['websocket'], ['polling']] as const) {
      for (const origin of ['https://evil.example', 'null']) {
        const message = await connectError({ transports: [...transports], auth: { token }, extraHeaders: { origin } });
        expect(message, `${transports[0]} with Origin ${origin}`).not.toBe('');
      }
      expect(await connectError({ transports: [...transports], auth: { token }, extraHeaders: { origin: srv.url } })).toBe('');
    }
  });
});

describe('limits', () => {
  it('answers too many sign-in attempts with RATE_LIMITED', async () => {
    const strict = await startTestServer({ app: { loginAttemptsPerMinute: 5 } });
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await fetch(`${strict.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kaskade-csrf': '1' },
        body: JSON.stringify({ username: 'nobody', password: `guess-${i}` }),
      });
    }
    expect(last!.status).toBe(429);
    expect(await last!.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    await strict.stop();
  });

  it('answers a burst of commands beyond the allowance with RATE_LIMITED', async () => {
    const c = await connectClient(srv.url, 'Hurtig');
    const acks = await Promise.all(Array.from({ length: 40 }, () => c.request('card:move', { ...move(), cardId: 'no-such-card' })));
    const limited = acks.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.length).toBeLessThan(40);
    c.close();
  });

  it('refuses an oversize body', async () => {
    const res = await api('/api/admin/units', {
      method: 'POST',
      headers: cookieHeaders(testToken(srv.url)),
      body: JSON.stringify({ name: 'y'.repeat(400_000), parentId: 'clinic', layerId: 'l3' }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('refuses a GET that carries a body, in a few bytes', async () => {
    const { request } = await import('node:http');
    const port = Number(new URL(srv.url).port);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'GET', path: '/api/openapi.json', headers: { 'content-length': '400000' }, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? resolve(400) : reject(err)));
      req.end(Buffer.alloc(400_000, 0x61));
    });
    expect(status).toBe(400);
  });

  it('sends security headers with a strict CSP', async () => {
    const res = await api('/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('wall-screen devices', () => {
  const admin = () => cookieHeaders(session('Skærmadmin', [{ unitId: 'clinic', role: 'admin' }]).token);
  async function enrol(mode: 'read' | 'touch', boardId: string = board): Promise<{ token: string; id: string }> {
    const created = (await (await api('/api/admin/devices', { method: 'POST', headers: admin(), body: JSON.stringify({ boardId, name: `Skærm ${mode}`, mode }) })).json()) as { code: string; device: { id: string } };
    expect(created.code).toMatch(/^\d{8}$/);
    const res = await api('/api/devices/enrol', { method: 'POST', headers: { 'content-type': 'application/json', 'x-kaskade-csrf': '1' }, body: JSON.stringify({ code: created.code }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string };
    // The code works once.
    const again = await api('/api/devices/enrol', { method: 'POST', headers: { 'content-type': 'application/json', 'x-kaskade-csrf': '1' }, body: JSON.stringify({ code: created.code }) });
    expect(again.status).toBe(401);
    return { token: body.token, id: created.device.id };
  }

  it('a device token reads its own board only; touch-edit moves cards but records no measurements', async () => {
    const touch = await enrol('touch');
    const screen = await connectClient(srv.url, 'x', { token: touch.token });
    expect(await screen.join(board)).toMatchObject({ ok: true });
    expect(await screen.join(FIXTURE.wardBoard)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await screen.request('card:move', move(FIXTURE.columns.doing))).toMatchObject({ ok: true });
    expect(await screen.request('measurement:record', { opId: opId(), boardId: board, indicatorId: FIXTURE.indicators.restraint, periodStart: '2026-10-01', value: 2 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bearer = { authorization: `Bearer ${touch.token}` };
    expect((await api(`/api/boards/${board}`, { headers: bearer })).status).toBe(200);
    expect((await api(`/api/boards/${FIXTURE.wardBoard}`, { headers: bearer })).status).toBe(403);
    expect((await api('/api/admin/users', { headers: bearer })).status).toBe(403);
    screen.close();

    const read = await enrol('read');
    const viewOnly = await connectClient(srv.url, 'x', { token: read.token });
    await viewOnly.join(board);
    const before = await state();
    expect(await viewOnly.request('card:move', move(FIXTURE.columns.done))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await state()).toEqual(before);
    viewOnly.close();
  });

  it('revoking a device disconnects it within seconds, and it cannot come back', async () => {
    const device = await enrol('touch');
    const screen = await connectClient(srv.url, 'x', { token: device.token });
    await screen.join(board);
    const dropped = new Promise<number>((resolve) => screen.socket.once('disconnect', () => resolve(Date.now())));
    const start = Date.now();
    const { 'content-type': _none, ...noBody } = admin();
    expect((await api(`/api/admin/devices/${device.id}/revoke`, { method: 'POST', headers: noBody })).status).toBe(204);
    expect((await dropped) - start).toBeLessThan(2000);
    expect(await connectError({ auth: { token: device.token } })).toMatch(/^UNAUTHENTICATED/);
    expect((await api(`/api/boards/${board}`, { headers: { authorization: `Bearer ${device.token}` } })).status).toBe(401);
  });

  it('a device revoked behind the app\'s back (another process) is dropped by the periodic check', async () => {
    const device = await enrol('read');
    const screen = await connectClient(srv.url, 'x', { token: device.token });
    const dropped = new Promise<void>((resolve) => screen.socket.once('disconnect', () => resolve()));
    await db().run(sql`UPDATE devices SET revoked_at = '2026-01-01T00:00:00.000Z' WHERE id = ${device.id}`);
    await dropped;
    await settle(50);
  });
});

describe('boards from templates, indicator definitions', () => {
  it('creates a board from a template with its columns and mandatory indicators, only within the admin subtree', async () => {
    const top = cookieHeaders(session('Topadmin', [{ unitId: 'clinic', role: 'admin' }]).token);
    const wardAdmin = cookieHeaders(session('Afsnitsadmin 2', [{ unitId: 'ward', role: 'admin' }]).token);
    const post = (path: string, headers: Record<string, string>, body: unknown) => api(path, { method: 'POST', headers, body: JSON.stringify(body) });

    const template = { name: 'Afsnitstavle', columns: ['Idéer', 'I gang', 'Færdig'], indicators: [FIXTURE.indicators.restraint] };
    expect((await post('/api/admin/templates', wardAdmin, template)).status).toBe(403); // templates are organisation-wide
    const { id: templateId } = (await (await post('/api/admin/templates', top, template)).json()) as { id: string };

    expect((await post('/api/admin/boards/create', wardAdmin, { unitId: 'clinic', name: 'Ikke min', templateId })).status).toBe(403);
    const res = await post('/api/admin/boards/create', wardAdmin, { unitId: 'ward', name: 'Afsnit N2 – nattevagt', templateId });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const snapshot = (await (await api(`/api/boards/${id}`, { headers: wardAdmin })).json()) as {
      columns: { name: string }[];
      indicators: { id: string }[];
    };
    expect(snapshot.columns.map((c) => c.name)).toEqual(template.columns);
    expect(snapshot.indicators.map((i) => i.id)).toEqual([FIXTURE.indicators.restraint]);

    const plain = (await (await post('/api/admin/boards/create', wardAdmin, { unitId: 'ward', name: 'Uden skabelon', templateId: null })).json()) as { id: string };
    const plainSnap = (await (await api(`/api/boards/${plain.id}`, { headers: wardAdmin })).json()) as { columns: { name: string }[]; indicators: unknown[] };
    expect(plainSnap.columns.map((c) => c.name)).toEqual(['Nye forslag', 'I gang', 'Afsluttet']);
    expect(plainSnap.indicators).toEqual([]);

    // An indicator the clinic makes mandatory is on every board created below it later, template or not.
    await db().run(sql`UPDATE indicators SET mandatory = 1 WHERE id = ${FIXTURE.indicators.survey}`);
    const later = (await (await post('/api/admin/boards/create', wardAdmin, { unitId: 'ward', name: 'Senere', templateId })).json()) as { id: string };
    const laterSnap = (await (await api(`/api/boards/${later.id}`, { headers: wardAdmin })).json()) as { indicators: { id: string }[] };
    expect(laterSnap.indicators.map((i) => i.id)).toEqual([FIXTURE.indicators.restraint, FIXTURE.indicators.survey]);
    const clinicBoard = (await (await post('/api/admin/boards/create', top, { unitId: 'clinic', name: 'Klinikkens egen', templateId: null })).json()) as { id: string };
    const clinicSnap = (await (await api(`/api/boards/${clinicBoard.id}`, { headers: top })).json()) as { indicators: unknown[] };
    expect(clinicSnap.indicators).toEqual([]); // mandatory for the units below the owner, not for the owner itself
  });

  it('defines an indicator for a unit one administers, and refuses one outside', async () => {
    const wardAdmin = cookieHeaders(session('Afsnitsadmin 3', [{ unitId: 'ward', role: 'admin' }]).token);
    const body = (unitId: string) => JSON.stringify({ unitId, name: 'Ventetid til samtale', unitLabel: 'dage', direction: 'lower', frequency: 'monthly' });
    expect((await api('/api/admin/indicators', { method: 'POST', headers: wardAdmin, body: body('clinic') })).status).toBe(403);
    const ok = await api('/api/admin/indicators', { method: 'POST', headers: wardAdmin, body: body('ward') });
    expect(ok.status).toBe(200);
    const list = (await (await api('/api/admin/indicators', { headers: wardAdmin })).json()) as { indicators: { name: string; unitId: string }[] };
    expect(list.indicators).toContainEqual(expect.objectContaining({ name: 'Ventetid til samtale', unitId: 'ward' }));
    const trail = (await (await api(`/api/admin/audit?actor=${encodeURIComponent(`user:${'x'}`)}`, { headers: wardAdmin })).json()) as { entries: unknown[] };
    expect(trail.entries).toEqual([]);
  });
});
