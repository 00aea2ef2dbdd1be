-- GET with the bearer token from $BENCH_TOKEN (wrk passes no environment to Lua, so run.sh writes it here).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

function init(args)
  token = args[1]
  path = args[2]
end

function request()
  local headers = {}
  if token and token ~= "-" then
    headers["Authorization"] = "Bearer " .. token
  end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  count_status(status)
end
