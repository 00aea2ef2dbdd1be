// Shared by the H5 browser tests: the live service (BASE_URL), Debian's Chromium at phone sizes,
// axe-core injected into the page, screenshots under RESULTS_DIR/screens.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";

export const BASE = process.env.BASE_URL ?? "http://127.0.0.1:8080";
export const RESULTS = process.env.RESULTS_DIR ?? path.resolve("../../.test-results/h5");
mkdirSync(path.join(RESULTS, "screens"), { recursive: true });

export const SIZES = [
  { name: "390x844", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: "360x800", viewport: { width: 360, height: 800 }, deviceScaleFactor: 2 },
];

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
}

/** A phone: touch, mobile viewport, zh-CN, China Standard Time; CSP violations and page errors are collected. */
export async function phone(browser, size) {
  const context = await browser.newContext({
    viewport: size.viewport,
    deviceScaleFactor: size.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    userAgent: "Mozilla/5.0 (Linux; Android 14; Phone) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE });
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) page.problems.push(`CSP: ${m.text()}`);
  });
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/**
 * Every page and state is checked the same way: no sideways scrolling, tap targets ≥ 44 px,
 * axe-core (WCAG 2.1 A/AA) with 0 serious or critical violations, no CSP violation, and a screenshot.
 */
export async function check(page, size, name) {
  await page.evaluate(() => document.fonts.ready);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name} at ${size.name} scrolls sideways by ${overflow}px`);

  const small = await page.evaluate(() =>
    [...document.querySelectorAll("button, .button, select, textarea, input:not([type=checkbox]):not([type=radio]):not([type=file]), a.tile, a.complaint-item, label.radio")]
      .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden")
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 44 || r.width < 44)
      .map(({ e, r }) => `${e.tagName.toLowerCase()} "${(e.textContent ?? "").trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
  assert.deepEqual(small, [], `${name} at ${size.name}: tap targets under 44 px`);

  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert.deepEqual(violations, [], `${name} at ${size.name}: axe-core serious/critical violations`);
  assert.deepEqual(page.problems, [], `${name} at ${size.name}: CSP violations or script errors`);

  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky top bar at the top of the full-page picture
  await page.screenshot({ path: path.join(RESULTS, "screens", `${size.name}-${name}.png`), fullPage: true });
}

/** The API, as other parties (the agency, the management department) use it. */
export async function api(method, url, { token, body, headers = {} } = {}) {
  const response = await fetch(BASE + url, {
    method,
    headers: { ...(body ? { "Content-Type": "application/json" } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export async function token(persona) {
  const r = await api("POST", "/api/dev/tokens", { body: { persona } });
  assert.equal(r.status, 200, `token for ${persona}`);
  return r.body.token;
}

/** A JPEG the size of a phone photo (3000×2000), drawn by the browser itself. */
export async function photo(page, hue) {
  const base64 = await page.evaluate(async (h) => {
    const c = document.createElement("canvas");
    c.width = 3000;
    c.height = 2000;
    const g = c.getContext("2d");
    const grad = g.createLinearGradient(0, 0, 3000, 2000);
    grad.addColorStop(0, `hsl(${h},70%,40%)`);
    grad.addColorStop(1, `hsl(${(h + 120) % 360},70%,70%)`);
    g.fillStyle = grad;
    g.fillRect(0, 0, 3000, 2000);
    const blob = await new Promise((r) => c.toBlob(r, "image/jpeg", 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = "";
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, hue);
  return Buffer.from(base64, "base64");
}

/** Fills the complaint form up to the files; returns the service item name that identifies this complaint. */
export async function fillComplaint(page, label) {
  const serviceItem = `营业执照变更登记 ${label} ${Date.now().toString(36)}`;
  await page.selectOption("#prefecture", "530100");
  await page.waitForFunction(() => document.querySelectorAll("#county option").length > 1);
  await page.selectOption("#county", "530102");
  await page.fill("#agency", "市场监督");
  await page.getByRole("button", { name: "五华区市场监督管理局" }).tap();
  await page.getByTestId("chosen-agency").waitFor();
  await page.fill("#service-item", serviceItem);
  await page.fill("#window", "A12");
  await page.fill("#facts", "2026年11月30日上午在五华区政务服务中心A12窗口办理营业执照变更,工作人员未一次性告知所需材料,让我往返三次。");
  await page.fill("#request", "请核实情况,督促窗口一次性告知办事材料,并向我说明。");
  return serviceItem;
}

/** A small, plain one-page PDF (no script or action: the service refuses active content). */
export function pdf(text) {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
  ];
  const content = `BT /F1 24 Tf 72 760 Td (${text}) Tj ET`;
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  let out = "%PDF-1.7\n";
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A complaint filed through the API (as the app of another channel would), without evidence. */
export async function fileComplaint(who, serviceItem) {
  const agencies = await api("GET", "/api/v1/agencies?regionCode=530102&q=" + encodeURIComponent("市场监督"));
  const r = await api("POST", "/api/v1/complaints", {
    token: who,
    headers: { "Idempotency-Key": crypto.randomUUID() },
    body: {
      channel: "online_portal", confidential: false, evidenceIds: [],
      respondent: { agencyId: agencies.body.items[0].id, windowNumber: "C7" },
      serviceItem: { name: serviceItem },
      facts: "C7窗口告知需提供房产证原件,办事指南并无此要求。", request: "请核实窗口的要求是否有依据。",
    },
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}
