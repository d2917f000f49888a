// The fixed top level: public/ serves the project's own icon, to anyone, without a session.
import { expect, test } from "./fixtures";

test("the favicon answers, as an icon and as SVG, without signing in", async ({ request }) => {
  const ico = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toBe("image/x-icon");
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));

  const svg = await request.get("/favicon.svg", { maxRedirects: 0 });
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  expect(await svg.text()).toContain("<svg");
});

test("over plain HTTP there is no HSTS; the other security headers are on every response", async ({ request }) => {
  for (const path of ["/login", "/api/health", "/favicon.ico"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["strict-transport-security"], path).toBeUndefined();
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(response.headers()["cross-origin-opener-policy"], path).toBe("same-origin");
  }
});
