-- POST /api/v1/complaints/lookup with tracking numbers and query codes the seeder wrote (random order).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local pairs_ = {}

function init(args)
  for line in io.lines(args[1]) do
    local tracking, code = line:match("^([^,]+),([^,]+)$")
    if tracking then
      table.insert(pairs_, '{"trackingNumber":"' .. tracking .. '","queryCode":"' .. code .. '"}')
    end
  end
  math.randomseed(os.time() + id * 7919)
end

function request()
  local body = pairs_[math.random(#pairs_)]
  return wrk.format("POST", "/api/v1/complaints/lookup", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  count_status(status)
end
