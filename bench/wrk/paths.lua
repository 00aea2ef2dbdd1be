-- GET a random path from a file (one per line) with a bearer token: args token, file[, prefix].
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local paths = {}

function init(args)
  token = args[1]
  local prefix = args[3] or ""
  for line in io.lines(args[2]) do
    if line ~= "" then
      table.insert(paths, prefix .. line)
    end
  end
  math.randomseed(os.time() + id * 7919)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], { ["Authorization"] = "Bearer " .. token })
end

function response(status, headers, body)
  count_status(status)
end
