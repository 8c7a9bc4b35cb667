-- wrk script: each request asks a different query, read from a file of one query per line.
--   wrk -s bench/varied.lua URL -- QUERIES_FILE PATH_PREFIX [COOKIE]
-- PATH_PREFIX is the path and parameter before the query, e.g. "/catalogue?q=".
local queries = {}
local prefix = "/catalogue?q="
local cookie = nil
local counter = 0

function init(args)
  local file = args[1] or "bench/data/queries.txt"
  prefix = args[2] or prefix
  cookie = args[3]
  for line in io.lines(file) do
    if #line > 0 then queries[#queries + 1] = line end
  end
  -- Each thread starts at a different place in the list.
  counter = math.random(#queries)
end

function request()
  counter = counter + 1
  local query = queries[(counter % #queries) + 1]
  local headers = {}
  if cookie then headers["Cookie"] = cookie end
  return wrk.format("GET", prefix .. query, headers)
end
