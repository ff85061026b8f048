-- Neovim 0.7 LSP end-to-end driver. Run headless (see test/e2e/harness/nvim.mjs):
--   nvim --headless -u NONE -i NONE -n -c "lua ... pcall(dofile, 'driver.lua') ... cquit"
-- Configured by environment variables:
--   COPYDESK_LSP_CMD     JSON array, the server command, e.g. ["node","dist/server.cjs","--stdio"] (required)
--   COPYDESK_FILE        file to open (required)
--   COPYDESK_ROOT        workspace root (default: the file's folder)
--   COPYDESK_FILETYPE    buffer filetype = LSP languageId (default: markdown)
--   COPYDESK_SETTINGS    JSON object answered to workspace/configuration (default: {})
--   COPYDESK_TIMEOUT_MS  per wait (default: 15000)
--   COPYDESK_MIN_DIAGS   initial diagnostics wait until a publish has at least this many (default: 1)
--   COPYDESK_DIAG_CODE   only fix a diagnostic whose code equals this (default: any)
--   COPYDESK_ACTION      only apply an action whose title contains this (default: preferred, else first quickfix)
--   COPYDESK_NO_FIX=1    stop after printing the initial diagnostics
-- Prints one JSON object per line on stdout, each with an "event":
--   diagnostic {phase, diagnostic}  diagnostics {phase, count, version}
--   codeActions {titles}  applied {title, kind, isPreferred}  text {text}  done  error {message}
local json = vim.json
local function emit(t) io.stdout:write(json.encode(t), '\n'); io.stdout:flush() end
local function env(name, default)
  local v = os.getenv(name)
  if v == nil or v == '' then return default end
  return v
end

local cmd = json.decode((assert(env('COPYDESK_LSP_CMD'), 'COPYDESK_LSP_CMD is required')))
local file = vim.fn.fnamemodify((assert(env('COPYDESK_FILE'), 'COPYDESK_FILE is required')), ':p')
local root = (vim.fn.fnamemodify(env('COPYDESK_ROOT', vim.fn.fnamemodify(file, ':h')), ':p'):gsub('/$', ''))
local timeout = tonumber(env('COPYDESK_TIMEOUT_MS', '15000'))
local min_diags = tonumber(env('COPYDESK_MIN_DIAGS', '1'))
local uri = vim.uri_from_fname(file)

-- Every publishDiagnostics for our file, in arrival order.
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
local exited, exit_code = false, nil

local client_id = vim.lsp.start_client({
  name = 'e2e',
  cmd = cmd,
  root_dir = root,
  settings = json.decode(env('COPYDESK_SETTINGS', '{}')),
  flags = { debounce_text_changes = 0 },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.uri == uri then table.insert(published, result) end
      return default_publish(err, result, ctx, config)
    end,
  },
  on_exit = function(code) exited, exit_code = true, code end,
})
assert(client_id, 'could not start the language server: ' .. table.concat(cmd, ' '))

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = env('COPYDESK_FILETYPE', 'markdown')
assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')

local function wait(what, cond)
  local ok = vim.wait(timeout, function() return exited or cond() end, 10)
  if exited then error(string.format('language server exited (code %s) while waiting for %s', tostring(exit_code), what)) end
  if not ok then error('timed out after ' .. timeout .. ' ms waiting for ' .. what) end
end

local client
wait('initialize', function()
  client = vim.lsp.get_client_by_id(client_id)
  return client and client.initialized
end)

local function print_diags(phase, p)
  for _, d in ipairs(p.diagnostics) do emit({ event = 'diagnostic', phase = phase, diagnostic = d }) end
  emit({ event = 'diagnostics', phase = phase, count = #p.diagnostics, version = p.version })
end

-- 1. initial diagnostics
local initial
wait('textDocument/publishDiagnostics with >= ' .. min_diags .. ' diagnostics', function()
  for _, p in ipairs(published) do
    if #p.diagnostics >= min_diags then initial = p; return true end
  end
  return false
end)
print_diags('initial', initial)
if env('COPYDESK_NO_FIX') then emit({ event = 'done' }); return end

-- 2. code actions: the first diagnostic (matching COPYDESK_DIAG_CODE) that has a fitting action
local want_code, want_title = env('COPYDESK_DIAG_CODE'), env('COPYDESK_ACTION')
local chosen
for _, d in ipairs(initial.diagnostics) do
  if not want_code or tostring(d.code) == want_code then
    local resp = client.request_sync('textDocument/codeAction', {
      textDocument = { uri = uri }, range = d.range, context = { diagnostics = { d } },
    }, timeout, bufnr)
    if not resp or resp.err then error('textDocument/codeAction failed: ' .. vim.inspect(resp and resp.err)) end
    local actions = resp.result or {}
    local titles = {}
    for _, a in ipairs(actions) do table.insert(titles, a.title) end
    emit({ event = 'codeActions', code = d.code, message = d.message, titles = titles })
    for _, a in ipairs(actions) do
      if want_title and a.title:find(want_title, 1, true) then chosen = a; break end
    end
    if not want_title then
      for _, a in ipairs(actions) do if a.isPreferred then chosen = a; break end end
      for _, a in ipairs(actions) do
        if not chosen and type(a.kind) == 'string' and a.kind:match('^quickfix') then chosen = a end
      end
      chosen = chosen or actions[1]
    end
    if chosen then break end
  end
end
if not chosen then error('no code action to apply') end

-- 3. apply it (resolving it first if the server wants that)
local caps = client.server_capabilities or {}
if not chosen.edit and type(chosen.command) ~= 'string' and type(caps.codeActionProvider) == 'table'
    and caps.codeActionProvider.resolveProvider then
  local resp = client.request_sync('codeAction/resolve', chosen, timeout, bufnr)
  if resp and resp.result then chosen = resp.result end
end
local tick = vim.api.nvim_buf_get_changedtick(bufnr)
local before = #published
if chosen.edit then vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding) end
local command = type(chosen.command) == 'table' and chosen.command
  or (type(chosen.command) == 'string' and chosen) or nil
if command then -- the server answers with workspace/applyEdit, which the default handler applies
  local resp = client.request_sync('workspace/executeCommand',
    { command = command.command, arguments = command.arguments }, timeout, bufnr)
  if not resp or resp.err then error('workspace/executeCommand failed: ' .. vim.inspect(resp and resp.err)) end
end
wait('the action to change the buffer', function() return vim.api.nvim_buf_get_changedtick(bufnr) ~= tick end)
emit({ event = 'applied', title = chosen.title, kind = chosen.kind, isPreferred = chosen.isPreferred })
emit({ event = 'text', text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n') .. '\n' })

-- 4. diagnostics for the edited text: a publish newer than the edit (by version when the server sends one)
local version = vim.lsp.util.buf_versions[bufnr]
local after
wait('diagnostics after the edit', function()
  for i = before + 1, #published do
    local p = published[i]
    if p.version == nil or p.version == vim.NIL or p.version >= version then after = p end
  end
  return after ~= nil
end)
print_diags('after', after)

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return exited end, 10)
emit({ event = 'done' })
