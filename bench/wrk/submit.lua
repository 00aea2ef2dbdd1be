-- POST /api/v1/complaints as citizens (online_portal), a fresh Idempotency-Key per request.
-- Every 201's id is appended to <out>/submitted-<thread>.txt so run.sh can check each is stored.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local agencies = {}
local tokens = {}
local counter = 0
local out

function init(args)
  for token in args[1]:gmatch("[^,]+") do table.insert(tokens, token) end
  for line in io.lines(args[2]) do
    if #line > 0 then table.insert(agencies, line) end
  end
  out = io.open(args[3] .. "/submitted-" .. id .. ".txt", "w")
  out:setvbuf("line")
  math.randomseed(os.time() + id * 104729)
  run = tostring(os.time())
end

local items = { "营业执照办理", "不动产登记", "社会保障卡申领", "住房公积金提取", "机动车登记" }

function request()
  counter = counter + 1
  local body = '{"channel":"online_portal","respondent":{"agencyId":"' .. agencies[math.random(#agencies)] .. '","windowNumber":"A' .. math.random(1, 30) .. '"},'
    .. '"serviceItem":{"name":"' .. items[math.random(#items)] .. '"},'
    .. '"request":"请尽快依法办理并说明延误原因。",'
    .. '"facts":"压力测试提交的投诉:窗口未一次性告知所需材料,往返三次仍未办结。",'
    .. '"evidenceIds":[],"confidential":false}'
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1],
    ["Idempotency-Key"] = "bench-" .. run .. "-" .. id .. "-" .. counter,
  }
  return wrk.format("POST", "/api/v1/complaints", headers, body)
end

function response(status, headers, body)
  count_status(status)
  if status == 201 then
    local caseId = body:match('"id":"([0-9a-f%-]+)"')
    if caseId then out:write(caseId, "\n") end
  end
end
