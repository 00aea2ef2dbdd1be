// The citizen H5 page in headless Chromium at phone sizes, against the live service that
// scripts/h5-browser-tests.sh starts (Development: personas from /api/dev/tokens).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { api, BASE, check, fileComplaint, fillComplaint, launch, phone, pdf, photo, RESULTS, SIZES, token } from "./harness.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const WWWROOT = path.resolve(import.meta.dirname, "../../../api/Complaints.Api/wwwroot");

test("served at /: index.html not cached, hashed assets cached for a year, strict CSP, lang zh-CN", async () => {
  const index = await fetch(BASE + "/");
  assert.equal(index.status, 200);
  assert.equal(index.headers.get("cache-control"), "no-cache");
  const csp = index.headers.get("content-security-policy") ?? "";
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self';/);
  assert.match(csp, /style-src 'self';/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/, "no inline code and no other host");
  const html = await index.text();
  assert.match(html, /<html lang="zh-CN">/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script");
  assert.doesNotMatch(html, /<style|\sstyle=/, "no inline style");
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(assets.length >= 2, "a script and a style sheet");
  for (const asset of assets) {
    assert.match(asset, /-[A-Za-z0-9_-]{8}\.(js|css)$/, `${asset} has a content hash in its name`);
    const r = await fetch(BASE + asset);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("cache-control"), "public, max-age=31536000, immutable");
  }
  const api404 = await fetch(BASE + "/api/v1/nothing-here");
  assert.equal(api404.status, 404, "the API's own paths are not the page's");
});

test("JavaScript ≤ 100 KB gzipped; the first load transfers ≤ 300 KB", async () => {
  const js = readdirSync(path.join(WWWROOT, "assets")).filter((f) => f.endsWith(".js"));
  const raw = js.reduce((n, f) => n + readFileSync(path.join(WWWROOT, "assets", f)).length, 0);
  const gz = js.reduce((n, f) => n + gzipSync(readFileSync(path.join(WWWROOT, "assets", f)), { level: 9 }).length, 0);

  const { context, page } = await phone(browser, SIZES[0]);
  const requests = [];
  page.on("requestfinished", (r) => requests.push(r));
  await page.goto(BASE + "/", { waitUntil: "networkidle" });
  let transferred = 0;
  for (const r of requests) {
    const s = await r.sizes();
    transferred += s.responseBodySize + s.responseHeadersSize + s.requestHeadersSize;
  }
  await context.close();
  const figures = { jsFiles: js.length, jsBytes: raw, jsGzipBytes: gz, firstLoadRequests: requests.length, firstLoadTransferBytes: transferred };
  writeFileSync(path.join(RESULTS, "size.json"), JSON.stringify(figures, null, 2));
  console.log(`H5 size: JS ${raw} B raw, ${gz} B gzipped in ${js.length} file(s); first load ${transferred} B in ${requests.length} requests`);
  assert.ok(gz <= 100 * 1024, `JS is ${gz} B gzipped`);
  assert.ok(transferred <= 300 * 1024, `first load transferred ${transferred} B`);
});

for (const size of SIZES) {
  test(`whole journey at ${size.name}: persona → two photos → confirmation → anonymous lookup → agency concludes → result → rating`, async () => {
    const { context, page } = await phone(browser, size);
    await page.goto(BASE + "/");
    await page.getByRole("link", { name: /我要投诉/ }).waitFor();
    for (const name of ["我要投诉", "投诉查询", "我的投诉"]) assert.ok(await page.getByRole("link", { name: new RegExp(name) }).isVisible());
    await check(page, size, "01-home");

    // Large-text mode: ≥ 1.3× text, remembered on the device.
    const base = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".lead")).fontSize));
    await page.getByRole("button", { name: "大字模式" }).tap();
    // The preference is stored when the page has applied it: wait for that before reloading.
    await page.getByRole("button", { name: "标准字号" }).waitFor();
    await page.reload();
    const large = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".lead")).fontSize));
    assert.ok(large >= base * 1.3 - 0.01, `large text ${large}px vs ${base}px`);
    await check(page, size, "02-home-large-text");
    await page.getByRole("button", { name: "标准字号" }).tap();

    await page.getByRole("link", { name: /我要投诉/ }).tap();
    await page.locator("[data-persona=citizen]").waitFor();
    await check(page, size, "03-sign-in");
    await page.locator("[data-persona=citizen]").tap();
    await page.locator("#facts").waitFor();
    assert.equal(await page.evaluate(() => document.cookie), "", "no token in a cookie");
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k !== "h5.largeText").length), 0, "no token in localStorage");
    await check(page, size, "04-complaint-form");

    const serviceItem = await fillComplaint(page, size.name);
    const uploads = [];
    page.on("response", (r) => r.url().endsWith("/api/v1/evidence") && r.request().method() === "POST" && uploads.push(r.json()));
    await page.getByTestId("file-input").setInputFiles([
      { name: "window-a12.jpg", mimeType: "image/jpeg", buffer: await photo(page, 10) },
      { name: "queue-ticket.jpg", mimeType: "image/jpeg", buffer: await photo(page, 200) },
    ]);
    await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=attachment]")].filter((e) => e.classList.contains("attachment-done")).length === 2, null, { timeout: 30_000 });
    assert.equal(uploads.length, 2);
    for (const u of await Promise.all(uploads)) assert.ok(Math.max(u.width, u.height) <= 2048 && Math.max(u.width, u.height) >= 2000, `scaled on the device to ${u.width}×${u.height}`);
    await check(page, size, "05-complaint-filled");

    await page.getByTestId("submit").tap();
    await page.getByTestId("confirmation").waitFor();
    const trackingNumber = (await page.getByTestId("tracking-number").textContent()).trim();
    const queryCode = (await page.getByTestId("query-code").textContent()).trim();
    await page.getByRole("button", { name: "复制查询码" }).tap();
    await page.getByRole("button", { name: "已复制查询码" }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), queryCode);
    await check(page, size, "06-confirmation");

    // Anonymous lookup, in a browser that never signed in.
    const anonymous = await phone(browser, size);
    await anonymous.page.goto(BASE + "/#/track");
    await anonymous.page.getByLabel("投诉编号").fill(trackingNumber);
    await anonymous.page.getByLabel("查询码").fill(queryCode);
    await anonymous.page.getByRole("button", { name: "查询" }).tap();
    await anonymous.page.getByTestId("status").waitFor();
    assert.equal(await anonymous.page.getByTestId("status-text").textContent(), "待交办");
    assert.match(await anonymous.page.getByTestId("deadline").textContent(), /^应于 \d{4}年\d{1,2}月\d{1,2}日 前交办承办机构/);
    await check(anonymous.page, size, "07-lookup-received");

    // The management department refers it; the agency accepts and concludes, through the API.
    const mine = await api("GET", "/api/v1/me/complaints?limit=50", { token: await token("citizen") });
    const id = mine.body.items.find((c) => c.trackingNumber === trackingNumber).id;
    const management = await token("management_staff");
    const agency = await token("agency_officer");
    const caseView = await api("GET", `/api/v1/cases/${id}`, { token: management });
    const refer = await api("POST", `/api/v1/cases/${id}/referral`, { token: management, body: { agencyId: caseView.body.respondent?.agencyId ?? caseView.body.respondentAgencyId, note: "请依法处理" } });
    assert.equal(refer.status, 200, JSON.stringify(refer.body));
    const accept = await api("POST", `/api/v1/cases/${id}/acceptance`, { token: agency, body: { decision: "accept", classification: "offsite" } });
    assert.equal(accept.status, 200, JSON.stringify(accept.body));
    await anonymous.page.getByRole("button", { name: "查询" }).tap();
    await anonymous.page.getByTestId("status-text").filter({ hasText: "办理中" }).waitFor();
    assert.match(await anonymous.page.getByTestId("deadline").textContent(), /^应于 \d{4}年\d{1,2}月\d{1,2}日 前办结/);
    await check(anonymous.page, size, "08-lookup-in-handling");
    const conclude = await api("POST", `/api/v1/cases/${id}/conclusion`, {
      token: agency,
      body: { finding: "substantiated", result: "经调查,窗口工作人员未一次性告知材料属实,已对其批评教育。", measures: "窗口张贴材料清单,实行一次性告知。" },
    });
    assert.equal(conclude.status, 200, JSON.stringify(conclude.body));
    await anonymous.page.getByRole("button", { name: "查询" }).tap();
    await anonymous.page.getByTestId("result").waitFor();
    assert.equal(await anonymous.page.getByTestId("status-text").textContent(), "已办结");
    await check(anonymous.page, size, "09-lookup-concluded");
    await anonymous.context.close();

    // The citizen sees the result in 我的投诉 and rates it, once.
    await page.goto(BASE + "/#/mine");
    await page.getByTestId("my-complaint").first().waitFor();
    await check(page, size, "10-my-complaints");
    await page.getByTestId("my-complaint").filter({ hasText: trackingNumber }).tap();
    await page.getByTestId("result").waitFor();
    assert.equal(await page.locator("#detail-title").textContent(), serviceItem);
    await page.getByTestId("agency-name").filter({ hasText: "五华区市场监督管理局" }).waitFor();
    await page.locator(".evidence-list img").nth(1).waitFor(); // thumbnails come with the token, as blob: images
    assert.equal(await page.locator(".evidence-list img").count(), 2, "both photos are shown");
    await check(page, size, "11-detail-concluded");
    await page.getByLabel("满意", { exact: true }).check();
    await page.getByRole("button", { name: "提交评价" }).tap();
    await page.getByTestId("rated").waitFor();
    assert.match(await page.getByTestId("rated").textContent(), /您的评价:满意/);
    await check(page, size, "12-rated");
    const rated = await api("GET", `/api/v1/me/complaints/${id}`, { token: await token("citizen") });
    assert.equal(rated.body.rating, "satisfied");
    await context.close();
  });
}

test("field errors from the problem's errors appear next to their fields", async () => {
  const size = SIZES[1];
  const { context, page } = await phone(browser, size);
  await page.goto(BASE + "/#/complain");
  await page.locator("[data-persona=citizen2]").tap();
  await page.locator("#facts").waitFor();
  const fields = { "respondent.agencyId": "agency", "serviceItem.name": "service-item", facts: "facts", request: "request" };
  const seen = new Set();
  // Submit as is; fix what the answer names; again, until every required field was reported next to itself.
  for (let round = 0; round < 5 && seen.size < 4; round++) {
    const answer = page.waitForResponse((r) => r.url().endsWith("/api/v1/complaints") && r.request().method() === "POST");
    await page.getByTestId("submit").tap();
    const problem = await (await answer).json();
    assert.equal((await answer).status(), 400);
    const keys = Object.keys(problem.errors ?? {});
    assert.ok(keys.length > 0, "the problem names the field");
    for (const key of keys) {
      const id = fields[key];
      assert.ok(id, `an error for ${key} has a field`);
      const error = page.locator(`[data-field="${id}"] .field-error`);
      await error.waitFor();
      assert.equal((await error.textContent()).trim(), problem.errors[key].join(" "));
      assert.equal(await page.locator(`#${id}`).getAttribute("aria-invalid"), "true");
      seen.add(key);
    }
    if (round === 0) await check(page, size, "13-field-errors");
    if (keys.includes("respondent.agencyId")) {
      await page.selectOption("#prefecture", "530100");
      await page.waitForFunction(() => document.querySelectorAll("#county option").length > 1);
      await page.selectOption("#county", "530102");
      await page.fill("#agency", "市场监督");
      await page.getByRole("button", { name: "五华区市场监督管理局" }).tap();
    }
    if (keys.includes("serviceItem.name")) await page.fill("#service-item", "个体工商户登记");
    if (keys.includes("facts")) await page.fill("#facts", "窗口人员态度生硬。");
    if (keys.includes("request")) await page.fill("#request", "请核实。");
  }
  assert.deepEqual([...seen].sort(), Object.keys(fields).sort());
  await context.close();
});

test("the network drops during submit and the user taps again: exactly one complaint; it can be withdrawn", async () => {
  const size = SIZES[0];
  const { context, page } = await phone(browser, size);
  await page.goto(BASE + "/#/complain");
  await page.locator("[data-persona=citizen2]").tap();
  await page.locator("#facts").waitFor();
  const serviceItem = await fillComplaint(page, "断网重试");

  // Per file: a failed upload is retried on its own (same Idempotency-Key), another is removed.
  const uploadKeys = [];
  await page.route("**/api/v1/evidence", async (route) => {
    uploadKeys.push(route.request().headers()["idempotency-key"]);
    return uploadKeys.length === 1 ? route.abort("connectionreset") : route.continue();
  });
  await page.getByTestId("file-input").setInputFiles([
    { name: "first.jpg", mimeType: "image/jpeg", buffer: await photo(page, 40) },
    { name: "second.jpg", mimeType: "image/jpeg", buffer: await photo(page, 300) },
  ]);
  await page.locator(".attachment-failed").waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll(".attachment-done").length === 1, null, { timeout: 30_000 });
  await check(page, size, "14a-upload-failed");
  const failedName = (await page.locator(".attachment-failed .attachment-name").textContent()).trim();
  await page.getByRole("button", { name: `重试 ${failedName}` }).tap();
  await page.waitForFunction(() => document.querySelectorAll(".attachment-done").length === 2, null, { timeout: 30_000 });
  assert.equal(uploadKeys.length, 3);
  assert.ok(uploadKeys.filter((k) => k === uploadKeys[0]).length === 2, "the retry reuses its file's key");
  await page.getByRole("button", { name: `移除 ${failedName}` }).tap();
  assert.equal(await page.getByTestId("attachment").count(), 1);

  const keys = [];
  let dropped = false;
  await page.route("**/api/v1/complaints", async (route) => {
    keys.push(route.request().headers()["idempotency-key"]);
    if (dropped) return route.continue();
    dropped = true;
    const response = await route.fetch(); // the service stores the complaint…
    assert.equal(response.status(), 201);
    await route.abort("connectionreset"); // …and the answer never reaches the phone
  });
  await page.getByTestId("submit").tap();
  await page.getByText("网络连接中断").waitFor();
  await check(page, size, "14-network-dropped");
  await page.getByTestId("submit").tap();
  await page.getByTestId("confirmation").waitFor();

  assert.equal(keys.length, 2);
  assert.ok(keys[0] && keys[0] === keys[1], "one Idempotency-Key across the retry");
  const mine = await api("GET", "/api/v1/me/complaints?limit=100", { token: await token("citizen2") });
  const stored = mine.body.items.filter((c) => c.serviceItem === serviceItem);
  assert.equal(stored.length, 1, "exactly one complaint is stored");
  const storedDetail = await api("GET", `/api/v1/me/complaints/${stored[0].id}`, { token: await token("citizen2") });
  assert.equal(storedDetail.body.evidenceIds.length, 1, "the removed file is not attached");

  // 撤回, with a confirmation, while not concluded.
  await page.goto(BASE + `/#/mine/${stored[0].id}`);
  await page.getByRole("button", { name: "撤回" }).tap();
  await page.getByRole("alertdialog").waitFor();
  await check(page, size, "15-withdraw-confirm");
  await page.getByRole("button", { name: "确认撤回" }).tap();
  await page.getByTestId("status-text").filter({ hasText: "已撤回" }).waitFor();
  await check(page, size, "16-withdrawn");
  await context.close();
});

test("投诉查询: not found is said plainly; 429 shows the wait instead of an error", async () => {
  for (const size of SIZES) {
    const { context, page } = await phone(browser, size);
    await page.goto(BASE + "/#/track");
    await check(page, size, "17-lookup-empty");
    await page.getByLabel("投诉编号").fill("YN5301022026000000");
    await page.getByLabel("查询码").fill("AAAA-BBBB");
    await page.getByRole("button", { name: "查询" }).tap();
    await page.getByTestId("not-found").waitFor();
    await check(page, size, "18-lookup-not-found");
    await context.close();
  }

  // Spend this address's lookup budget, then look up once more on the phone. The budget is a window of one
  // minute: should it roll over between the two, spend it again and tap again.
  const spend = async () => {
    for (let i = 0; i < 40; i++) {
      const r = await api("POST", "/api/v1/complaints/lookup", { body: { trackingNumber: "YN5301022026000000", queryCode: "AAAA-BBBB" } });
      if (r.status === 429) return r;
    }
    assert.fail("the lookup budget never runs out");
  };
  for (const size of SIZES) {
    const { context, page } = await phone(browser, size);
    await page.goto(BASE + "/#/track");
    await page.getByLabel("投诉编号").fill("YN5301022026000000");
    await page.getByLabel("查询码").fill("AAAA-BBBB");
    let answer = null;
    for (let attempt = 0; attempt < 3 && answer?.status() !== 429; attempt++) {
      const limited = await spend();
      assert.ok(Number(limited.headers.get("retry-after")) > 0, "429 carries Retry-After");
      const response = page.waitForResponse((r) => r.url().endsWith("/api/v1/complaints/lookup"));
      await page.getByRole("button", { name: "查询" }).tap();
      answer = await response;
    }
    assert.equal(answer.status(), 429);
    const notice = page.getByTestId("rate-limited");
    await notice.waitFor();
    assert.match(await notice.textContent(), new RegExp(`请在 ${answer.headers()["retry-after"]} 秒后再试`));
    assert.equal(await page.getByTestId("error").count(), 0, "no error box");
    await check(page, size, "19-lookup-rate-limited");
    await context.close();
  }
});

test("a token handed over by the host app; 我的投诉 newest first, more on scroll through the cursor", async () => {
  const size = SIZES[1];
  const enterprise = await token("enterprise");
  const agencies = await api("GET", "/api/v1/agencies?regionCode=530102&q=" + encodeURIComponent("市场监督"));
  const agencyId = agencies.body.items[0].id;
  const filed = [];
  for (let i = 1; i <= 12; i++) {
    const r = await api("POST", "/api/v1/complaints", {
      token: enterprise,
      headers: { "Idempotency-Key": crypto.randomUUID() },
      body: {
        channel: "online_portal", confidential: false, evidenceIds: [],
        respondent: { agencyId },
        serviceItem: { name: `食品经营许可 第${i}件` },
        facts: "窗口要求提供法规没有要求的材料。", request: "请说明依据。",
      },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    filed.push(r.body.trackingNumber);
  }

  const { context, page } = await phone(browser, size);
  await page.goto(BASE + `/#access_token=${enterprise}`);
  await page.waitForFunction(() => location.hash === "#/");
  assert.ok(!page.url().includes(enterprise.slice(0, 20)), "the token leaves the address at once");
  await page.getByRole("link", { name: /我的投诉/ }).tap();
  await page.getByTestId("my-complaint").first().waitFor();
  assert.equal(await page.getByTestId("my-complaint").count(), 10, "one page first");
  await page.locator(".sentinel").scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=my-complaint]").length === 12);
  const shown = await page.locator("[data-testid=my-complaint] .code").allTextContents();
  assert.deepEqual(shown.map((s) => s.trim()), [...filed].reverse(), "newest first, each once");
  await check(page, size, "20-my-complaints-scrolled");

  // Filed from the page opened by the host app: the 一部手机办事通 channel (第六条).
  await page.goto(BASE + "/#/complain");
  const serviceItem = await fillComplaint(page, "办事通");
  await page.getByTestId("submit").tap();
  await page.getByTestId("confirmation").waitFor();
  const mine = await api("GET", "/api/v1/me/complaints?limit=5", { token: enterprise });
  assert.equal(mine.body.items.find((c) => c.serviceItem === serviceItem)?.channel, "online_app");
  await context.close();
});

test("the layout holds from 320 to 430 px and on a desktop", async () => {
  for (const width of [320, 430, 1280]) {
    const size = { name: `${width}w`, viewport: { width, height: 800 }, deviceScaleFactor: 1 };
    const { context, page } = await phone(browser, size);
    for (const [route, name] of [["/", "home"], ["/#/track", "track"], ["/#/complain", "sign-in"]]) {
      await page.goto(BASE + route);
      await page.locator("main h1").waitFor();
      await page.waitForLoadState("networkidle");
      await check(page, size, `layout-${name}`);
    }
    // Visible focus: moving by keyboard outlines what has the focus.
    await page.goto(BASE + "/");
    await page.locator("main h1").waitFor();
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return { tag: document.activeElement.tagName, outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      assert.ok(focus.outline !== "none" && focus.width >= 2, `focus visible on ${focus.tag}: ${JSON.stringify(focus)}`);
    }
    await context.close();
  }
});

test("a merged complaint shows the case it joined and, once concluded, that case's result (第十三条)", async () => {
  const size = SIZES[0];
  const [citizen, citizen2, management, agency] = await Promise.all(["citizen", "citizen2", "management_staff", "agency_officer"].map(token));
  const agencies = await api("GET", "/api/v1/agencies?regionCode=530102&q=" + encodeURIComponent("市场监督"));
  const agencyId = agencies.body.items[0].id;
  const file = async (who) => {
    const r = await api("POST", "/api/v1/complaints", {
      token: who,
      headers: { "Idempotency-Key": crypto.randomUUID() },
      body: {
        channel: "online_portal", confidential: false, evidenceIds: [],
        respondent: { agencyId, windowNumber: "B3" },
        serviceItem: { name: "食品经营许可证延续" },
        facts: "B3窗口工作人员中午提前离岗,群众排队无人办理。", request: "请核实并整改。",
      },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    await api("POST", `/api/v1/cases/${r.body.id}/referral`, { token: management, body: { agencyId } });
    return r.body;
  };
  const target = await file(citizen);
  const joined = await file(citizen2);
  assert.equal((await api("POST", `/api/v1/cases/${target.id}/acceptance`, { token: agency, body: { decision: "accept", classification: "offsite" } })).status, 200);
  const merge = await api("POST", `/api/v1/cases/${joined.id}/merge`, { token: agency, body: { intoCaseId: target.id } });
  assert.equal(merge.status, 200, JSON.stringify(merge.body));
  const conclude = await api("POST", `/api/v1/cases/${target.id}/conclusion`, { token: agency, body: { finding: "substantiated", result: "已对提前离岗的工作人员批评教育,并调整午间值班安排。" } });
  assert.equal(conclude.status, 200, JSON.stringify(conclude.body));

  const { context, page } = await phone(browser, size);
  await page.goto(BASE + `/#access_token=${citizen2}`);
  await page.waitForFunction(() => location.hash === "#/");
  await page.goto(BASE + `/#/mine/${joined.id}`);
  const merged = page.getByTestId("merged");
  await merged.waitFor();
  assert.match(await merged.textContent(), new RegExp(`${target.trackingNumber}.*已办结`));
  assert.match(await page.getByTestId("result").textContent(), /调整午间值班安排/);
  // Each side of the merge says it from its own side: this case joined another…
  await page.locator(".timeline-event").filter({ hasText: "已并入其他投诉件合并办理" }).waitFor();
  assert.equal(await page.locator(".timeline-event").filter({ hasText: "并入本件" }).count(), 0);
  await check(page, size, "21-merged");

  await context.close();

  // …and the case it joined says that another complaint joined it.
  const other = await phone(browser, size);
  await other.page.goto(BASE + `/#access_token=${citizen}`);
  await other.page.waitForFunction(() => location.hash === "#/");
  await other.page.goto(BASE + `/#/mine/${target.id}`);
  await other.page.locator(".timeline-event").filter({ hasText: "其他投诉件并入本件合并办理" }).waitFor();
  assert.equal(await other.page.locator(".timeline-event").filter({ hasText: "已并入其他投诉件" }).count(), 0);
  assert.equal(await other.page.getByTestId("merged").count(), 0, "the target is not itself merged away");
  await check(other.page, size, "21b-merge-target");
  await other.context.close();
});

for (const [size, ending] of [[SIZES[0], "withdrawn"], [SIZES[1], "concluded"]]) {
  test(`补充材料 at ${size.name}: a photo and a PDF, a failed upload retried, attached and in the timeline; hidden once ${ending} (第七条)`, async () => {
    const citizen2 = await token("citizen2");
    const filed = await fileComplaint(citizen2, `不动产登记 补充材料 ${size.name}`);
    const { context, page } = await phone(browser, size);
    await page.goto(BASE + `/#access_token=${citizen2}`);
    await page.waitForFunction(() => location.hash === "#/");
    await page.goto(BASE + `/#/mine/${filed.id}`);
    const materials = page.getByTestId("materials");
    await materials.waitFor();
    assert.match(await materials.textContent(), /还可补充 9 个/);
    await check(page, size, "22-materials-open");

    // Nothing chosen: said next to the picker, nothing sent.
    await page.getByTestId("materials-submit").tap();
    await materials.locator(".field-error").filter({ hasText: "请先选择" }).waitFor();
    await check(page, size, "22b-materials-nothing-chosen");

    // The same picker as 我要投诉: the photo is scaled on the device; its first upload drops and is retried.
    const uploadKeys = [];
    const uploaded = [];
    await page.route("**/api/v1/evidence", async (route) => {
      uploadKeys.push(route.request().headers()["idempotency-key"]);
      if (uploadKeys.length === 1) return route.abort("connectionreset");
      const response = await route.fetch();
      uploaded.push(await response.json());
      return route.fulfill({ response });
    });
    await page.getByTestId("file-input").setInputFiles([
      { name: "receipt.jpg", mimeType: "image/jpeg", buffer: await photo(page, 90) },
      { name: "guide.pdf", mimeType: "application/pdf", buffer: pdf("Guide: no title deed original required") },
    ]);
    await page.locator(".attachment-failed").waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelectorAll(".attachment-done").length === 1, null, { timeout: 30_000 });
    const failedName = (await page.locator(".attachment-failed .attachment-name").textContent()).trim();
    await page.getByRole("button", { name: `重试 ${failedName}` }).tap();
    await page.waitForFunction(() => document.querySelectorAll(".attachment-done").length === 2, null, { timeout: 30_000 });
    assert.equal(uploadKeys.length, 3);
    assert.equal(uploadKeys.filter((k) => k === uploadKeys[0]).length, 2, "the retry reuses its file's key");
    assert.equal(await materials.locator(".field-error").count(), 0, "the earlier message went with the choice");
    const image = uploaded.find((u) => u.kind === "image");
    assert.ok(image && Math.max(image.width, image.height) <= 2048, `the photo was scaled on the device: ${JSON.stringify(image)}`);
    assert.ok(uploaded.some((u) => u.kind === "pdf"), "the PDF went as it is");
    await check(page, size, "23-materials-chosen");

    const added = page.waitForResponse((r) => r.url().endsWith(`/api/v1/me/complaints/${filed.id}/evidence`) && r.request().method() === "POST");
    await page.getByTestId("materials-submit").tap();
    assert.equal((await added).status(), 200);
    assert.deepEqual([...(await (await added).request().postDataJSON()).evidenceIds].sort(), uploaded.map((u) => u.id).sort());
    await page.getByTestId("materials-added").waitFor();
    await page.locator(".timeline-event").filter({ hasText: "已补充材料" }).waitFor();
    assert.equal(await page.locator(".evidence-list li").count(), 2, "both files are among the complaint's materials");
    assert.equal(await page.getByTestId("attachment").count(), 0, "the picker starts empty again");
    assert.match(await page.getByTestId("materials").textContent(), /还可补充 7 个/);
    await check(page, size, "24-materials-added");
    const stored = await api("GET", `/api/v1/me/complaints/${filed.id}`, { token: citizen2 });
    assert.deepEqual([...stored.body.evidenceIds].sort(), uploaded.map((u) => u.id).sort());
    assert.ok(stored.body.timeline.some((t) => t.event === "materials_added"));

    // Once the complaint is no longer open, 补充材料 is not offered.
    if (ending === "withdrawn") {
      assert.equal((await api("POST", `/api/v1/complaints/${filed.id}/withdrawal`, { token: citizen2, body: {} })).status, 200);
    } else {
      const [management, agency] = await Promise.all([token("management_staff"), token("agency_officer")]);
      const agencyId = (await api("GET", `/api/v1/cases/${filed.id}`, { token: management })).body.respondent.agencyId;
      assert.equal((await api("POST", `/api/v1/cases/${filed.id}/referral`, { token: management, body: { agencyId } })).status, 200);
      assert.equal((await api("POST", `/api/v1/cases/${filed.id}/acceptance`, { token: agency, body: { decision: "accept", classification: "offsite" } })).status, 200);
      const concluded = await api("POST", `/api/v1/cases/${filed.id}/conclusion`, { token: agency, body: { finding: "substantiated", result: "已要求窗口按办事指南收取材料。" } });
      assert.equal(concluded.status, 200, JSON.stringify(concluded.body));
    }
    await page.reload();
    await page.getByTestId("status-text").filter({ hasText: ending === "withdrawn" ? "已撤回" : "已办结" }).waitFor();
    assert.equal(await page.getByTestId("materials").count(), 0, `no 补充材料 once ${ending}`);
    await context.close();
  });
}

test("补充材料 offers only what is left of the nine files, and nothing once nine are attached (第七条)", async () => {
  const size = SIZES[1];
  const citizen = await token("citizen");
  const upload = async (i) => {
    const form = new FormData();
    form.append("file", new Blob([pdf(`Receipt ${i}`)], { type: "application/pdf" }), `receipt-${i}.pdf`);
    const r = await fetch(BASE + "/api/v1/evidence", { method: "POST", headers: { Authorization: `Bearer ${citizen}`, "Idempotency-Key": crypto.randomUUID() }, body: form });
    const body = await r.text();
    assert.equal(r.status, 201, body);
    return JSON.parse(body).id;
  };
  const filed = await fileComplaint(citizen, "不动产登记 材料上限");
  const ids = [];
  for (let i = 1; i <= 9; i++) ids.push(await upload(i));
  const first = await api("POST", `/api/v1/me/complaints/${filed.id}/evidence`, { token: citizen, body: { evidenceIds: ids.slice(0, 7) } });
  assert.equal(first.status, 200, JSON.stringify(first.body));

  const { context, page } = await phone(browser, size);
  await page.goto(BASE + `/#access_token=${citizen}`);
  await page.waitForFunction(() => location.hash === "#/");
  await page.goto(BASE + `/#/mine/${filed.id}`);
  await page.getByTestId("materials").waitFor();
  assert.match(await page.getByTestId("materials").textContent(), /还可补充 2 个/);

  const rest = await api("POST", `/api/v1/me/complaints/${filed.id}/evidence`, { token: citizen, body: { evidenceIds: ids.slice(7) } });
  assert.equal(rest.status, 200, JSON.stringify(rest.body));
  await page.reload();
  await page.getByTestId("materials-full").waitFor();
  assert.equal(await page.getByTestId("materials").count(), 0);
  await check(page, size, "25-materials-full");
  await context.close();
});
