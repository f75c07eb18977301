/**
 * The request guard every test runs with (helpers/guardFixture.ts): it must
 * see a token wherever a page puts it, and fail the test that leaked it.
 *
 * Two tiny HTTP servers on 127.0.0.1 stand for a hub and another origin; no
 * JupyterLab is needed.
 */
import * as http from 'http';
import * as net from 'net';

import { pageToken, RequestRecorder } from './helpers/guardFixture';
import {
  findTokenLeaks,
  IRecordedRequest,
  IWatchedToken
} from './helpers/requestGuard';
import { expect, test } from './helpers/test';

const TOKEN = 'guard-test-token-4f1c9a';
const HUB = 'http://127.0.0.1:41001';
const LAB = 'http://127.0.0.1:8888';
const WATCHED: IWatchedToken[] = [{ token: TOKEN, origins: [HUB] }];

function request(
  url: string,
  more: Partial<IRecordedRequest> = {}
): IRecordedRequest {
  return { method: 'GET', url, headers: {}, body: null, ...more };
}

function leaks(requests: IRecordedRequest[]): string[] {
  return findTokenLeaks(requests, WATCHED, [LAB, HUB]).flatMap(leak =>
    leak.where.map(where => `${leak.method} ${leak.url}: ${where}`)
  );
}

test.describe('The token rules', () => {
  test('the token in the Authorization header to its hub is fine', () => {
    expect(
      leaks([
        request(`${HUB}/hub/api/user`, {
          headers: { authorization: `token ${TOKEN}` }
        }),
        request(`${HUB}/hub/api/start`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}` },
          body: '{"option":"default"}'
        }),
        request(`${LAB}/lab/api/settings/jupyterlab-nfdi-launcher:plugin`, {
          method: 'PUT',
          body: `{"raw":"{\\"token\\": \\"${TOKEN}\\"}"}`
        }),
        request(
          `${HUB}/user/demo/lab/api/settings/jupyterlab-nfdi-launcher:plugin?1795996091559`,
          {
            method: 'PUT',
            body: `{"raw":"{\\"token\\": \\"${TOKEN}\\"}"}`
          }
        )
      ])
    ).toEqual([]);
  });

  test('the token anywhere else is reported, redacted [F26]', () => {
    const found = leaks([
      request(`${HUB}/hub/api/start/demo/x?token=${TOKEN}`),
      request(`${HUB}/hub/api/user`, {
        headers: { cookie: `t=${encodeURIComponent(TOKEN)}` }
      }),
      request(`${HUB}/hub/api/user`, {
        headers: { referer: `${LAB}/lab?token=${TOKEN}` }
      }),
      request(`http://evil.example/collect`, {
        method: 'POST',
        headers: { authorization: `token ${TOKEN}` }
      }),
      request(`${HUB}/hub/api/user`, {
        headers: { authorization: `Basic ${TOKEN}` }
      }),
      request(`${LAB}/lab/api/workspaces/auto`, {
        method: 'PUT',
        body: `{"token":"${TOKEN}"}`
      }),
      // Not a settings save: the exception is for PUT only.
      request(`${LAB}/lab/api/settings/jupyterlab-nfdi-launcher:plugin`, {
        method: 'POST',
        body: TOKEN
      })
    ]);
    expect(found).toEqual([
      `GET ${HUB}/hub/api/start/demo/x?token=<token>: URL`,
      `GET ${HUB}/hub/api/user: header cookie`,
      `GET ${HUB}/hub/api/user: header referer`,
      `POST http://evil.example/collect: Authorization header to http://evil.example (the token's hub: ${HUB})`,
      `GET ${HUB}/hub/api/user: Authorization header, not as "token <t>" or "bearer <t>"`,
      `PUT ${LAB}/lab/api/workspaces/auto: body`,
      `POST ${LAB}/lab/api/settings/jupyterlab-nfdi-launcher:plugin: body`
    ]);
  });

  test('a JupyterLab page token is read from its config data', () => {
    const html =
      '<script id="jupyter-config-data" type="application/json">' +
      `{"baseUrl": "/user/demo/", "token": "${TOKEN}"}</script>`;
    expect(pageToken(html)).toBe(TOKEN);
    expect(pageToken('<html></html>')).toBeNull();
  });
});

test.describe('The guard in the browser', () => {
  let hub: http.Server;
  let other: http.Server;
  let hubOrigin: string;
  let otherOrigin: string;

  test.beforeAll(async () => {
    [hub, other] = [serve(), serve()];
    [hubOrigin, otherOrigin] = await Promise.all([listen(hub), listen(other)]);
  });

  test.afterAll(async () => {
    await Promise.all([hub, other].map(s => s && close(s)));
  });

  test('sees the token in a URL, a cookie, a body, a WebSocket and a request to another origin [F26]', async ({
    page,
    context
  }) => {
    const recorder = new RequestRecorder(context, null);
    recorder.watch(hubOrigin, TOKEN);
    await page.goto(`${hubOrigin}/`);
    await page.evaluate(
      async ({ token, other }) => {
        const auth = { Authorization: `token ${token}` };
        await fetch('/fine', { headers: auth });
        await fetch(`/api?token=${token}`);
        await fetch('/api', { method: 'POST', body: `token=${token}` });
        await fetch(`${other}/api`, { headers: auth });
        document.cookie = `t=${token}`;
        await fetch('/with-cookie');
        const socket = new WebSocket(`ws://${location.host}/ws?token=${token}`);
        await new Promise(resolve => {
          socket.onerror = socket.onclose = resolve;
        });
      },
      { token: TOKEN, other: otherOrigin }
    );
    let message = '';
    await recorder.check().catch(error => (message = String(error)));
    expect(message).not.toContain(TOKEN);
    for (const line of [
      `GET ${hubOrigin}/api?token=<token>: token in URL`,
      `POST ${hubOrigin}/api: token in body`,
      `GET ${otherOrigin}/api: token in Authorization header to ${otherOrigin}`,
      `GET ${hubOrigin}/with-cookie: token in header cookie`,
      `WEBSOCKET ws://${new URL(hubOrigin).host}/ws?token=<token>: token in URL`
    ]) {
      expect(message).toContain(line);
    }
    expect(message).not.toContain('/fine');
  });

  test('fails the test that leaked a watched token [F26]', async ({
    page,
    requestGuard
  }) => {
    // The failure comes from the guard after the test body.
    test.fail();
    requestGuard.watch(hubOrigin, TOKEN);
    await page.goto(`${hubOrigin}/`);
    await page.evaluate(token => fetch(`/api?token=${token}`), TOKEN);
  });
});

/** An HTTP server that answers every request with a tiny page, CORS open. */
function serve(): http.Server {
  return http.createServer((req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/html',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Authorization'
    });
    res.end('<html><body>guard test</body></html>');
  });
}

function listen(server: http.Server): Promise<string> {
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    })
  );
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise(resolve => server.close(() => resolve()));
}
