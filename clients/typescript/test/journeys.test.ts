/**
 * Journeys of a front end through the typed client, against a live service that ./test.sh starts
 * (COMPLAINTS_API_URL, Development, seeded demo data). Tokens come from the Development token endpoint.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createComplaintsClient, ProblemError, type Schemas } from "../src/client.js";

const baseUrl = process.env.COMPLAINTS_API_URL ?? "http://127.0.0.1:8080";
const wuhuaMarket = "a0000000-0000-4000-8000-000000000007";

async function tokenOf(persona: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/dev/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ persona }),
  });
  assert.equal(response.status, 200, `token for ${persona}`);
  const body: unknown = await response.json();
  if (typeof body === "object" && body !== null && "token" in body && typeof body.token === "string") {
    return body.token;
  }
  throw new Error("no token in the answer");
}

async function clientAs(persona: string, fetchImpl?: (request: Request) => Promise<Response>) {
  const token = await tokenOf(persona);
  return createComplaintsClient({ baseUrl, token: () => token, sleep: async () => {}, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

function complaint(evidenceIds: string[]): Schemas["SubmitComplaintRequest"] {
  return {
    channel: "online_app",
    respondent: { agencyId: wuhuaMarket, windowNumber: "A12" },
    serviceItem: { code: "530102-SCJG-001", name: "个体工商户设立登记" },
    request: "请求责令窗口工作人员改正服务态度并给出书面答复。",
    facts: "2026年11月20日上午在A12窗口办理登记时,工作人员拒绝解释材料要求,并态度恶劣。",
    evidenceIds,
    confidential: false,
  };
}

// An 8×8 PNG, small enough to inline; the service re-encodes it without metadata.
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4YWSEFTEMLQkAc/tLAZi7j8gAAAAASUVORK5CYII=",
  "base64",
);

describe("citizen and agency journeys", () => {
  it("a citizen submits with evidence, looks it up, finds it among their complaints; the agency accepts and concludes; the citizen rates it", async () => {
    const citizen = await clientAs("citizen");
    const upload = await citizen.uploadEvidence(new Blob([png], { type: "image/png" }), "window.png");
    assert.equal(upload.response.status, 201);
    assert.equal(upload.data.kind, "image");

    const submitted = await citizen.submitComplaint(complaint([upload.data.id]));
    assert.equal(submitted.response.status, 201);
    assert.ok(submitted.response.headers.get("Location")?.endsWith(submitted.data.id));
    assert.equal(submitted.replayed, false);
    const { trackingNumber, queryCode } = submitted.data;

    const status = await citizen.lookup({ trackingNumber, queryCode });
    assert.equal(status.status, "pending_referral");

    const mine = await citizen.myComplaints({ limit: 20 });
    const listed = mine.items.find((item) => item.id === submitted.data.id);
    assert.ok(listed, "the new complaint is listed");
    assert.equal(listed.respondentAgencyName, "五华区市场监督管理局");

    // The management department refers it (第十条); the agency finds it in its queue, accepts and concludes it.
    const management = await clientAs("management_staff");
    const read = await management.getCase({ id: submitted.data.id });
    assert.ok(read.etag.length > 0, "the case carries an ETag");
    await management.refer({ id: submitted.data.id }, { agencyId: wuhuaMarket, note: "请依法处理" }, read.etag);

    const agency = await clientAs("agency_staff");
    const queue = await agency.queue({ limit: 100, status: "pending_acceptance" });
    assert.ok(queue.items.some((item) => item.id === submitted.data.id), "in the agency's queue");
    let current = await agency.getCase({ id: submitted.data.id });
    current = await agency.decideAcceptance({ id: submitted.data.id }, { decision: "accept", classification: "onsite" }, current.etag);
    assert.equal(current.case.status, "in_handling");
    current = await agency.recordInvestigation(
      { id: submitted.data.id },
      { method: "interview", summary: "约谈窗口工作人员,核实了服务态度问题。" },
      current.etag,
    );
    current = await agency.conclude(
      { id: submitted.data.id },
      { finding: "substantiated", result: "已责令窗口工作人员改正并向投诉人致歉。", measures: "加强窗口服务规范培训。" },
      current.etag,
    );
    assert.equal(current.case.status, "concluded");

    const concluded = await citizen.lookup({ trackingNumber, queryCode });
    assert.equal(concluded.status, "concluded");
    const rating = await citizen.rate({ id: submitted.data.id }, { rating: "satisfied" });
    assert.equal(rating.rating, "satisfied");
  });

  it("a stale ETag is refused with a typed 412 problem", async () => {
    const citizen = await clientAs("citizen");
    const submitted = await citizen.submitComplaint(complaint([]));
    const management = await clientAs("management_staff");
    await assert.rejects(
      management.refer({ id: submitted.data.id }, { agencyId: wuhuaMarket }, '"v999"'),
      (error: unknown) => error instanceof ProblemError && error.status === 412 && error.code === "complaint.precondition_failed",
    );
  });

  it("a retry after a lost response keeps its Idempotency-Key and files the complaint once", async () => {
    let calls = 0;
    let dropNextAnswer = false;
    const sentKeys: string[] = [];
    // The answer is lost on the way back, as on a flaky mobile network: the request did reach the service.
    const flaky = async (request: Request) => {
      calls++;
      sentKeys.push(request.headers.get("Idempotency-Key") ?? "");
      const response = await fetch(request);
      if (dropNextAnswer) {
        dropNextAnswer = false;
        throw new TypeError("network connection lost");
      }
      return response;
    };
    const citizen = await clientAs("citizen2", flaky);
    const before = (await citizen.myComplaints({ limit: 100 })).items.length;
    calls = 0;
    sentKeys.length = 0;
    dropNextAnswer = true;

    const submitted = await citizen.submitComplaint(complaint([]));
    assert.equal(calls, 2);
    assert.equal(sentKeys[0], sentKeys[1]);
    assert.equal(submitted.idempotencyKey, sentKeys[0]);
    assert.equal(submitted.replayed, true, "the second attempt replays the first answer");
    const after = (await citizen.myComplaints({ limit: 100 })).items.length;
    assert.equal(after, before + 1);
  });

  it("bad input is a typed problem listing every field by JSON path", async () => {
    const citizen = await clientAs("citizen");
    // Well typed, but against the rules the contract publishes (pattern, maxLength): one 400 names every field.
    const body = { ...complaint([]), request: "   ", facts: "事".repeat(10001), serviceItem: { name: " " } };
    await assert.rejects(
      citizen.submitComplaint(body),
      (error: unknown) => error instanceof ProblemError && error.status === 400 && error.problem.code === "request.validation_failed"
        && error.problem.traceId.length > 0
        && ["request", "facts", "serviceItem.name"].every((path) => error.fieldErrors(path).length > 0),
    );
  });

  it("labels name every status in Chinese", async () => {
    const anonymous = createComplaintsClient({ baseUrl });
    const labels = await anonymous.labels();
    assert.equal(labels["ComplaintStatus"]?.["pending_referral"], "待交办");
  });
});
