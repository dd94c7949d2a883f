-- Neovim's built-in LSP client (0.7's vim.lsp.start_client) against
-- `rdslint lsp`, headless. Run by nvim_e2e.sh, which checks what this writes.
--
-- Environment: RDSLINT (the binary), ROOT (workspace), FIXTURE (file to open,
-- relative to ROOT), OUT (folder for results), ENCODING (utf-16: the client's
-- default; utf-8: offer it), MODE (diagnostics, or fix: also apply the quick
-- fix for env-url-unencoded-password).
--
-- Results: init.txt (the negotiated encoding), diagnostics.txt (as the
-- command prints them: FILE:LINE:COL: SEVERITY: MESSAGE [RULE]),
-- links.txt (RULE SOURCE HREF), and for MODE=fix actions.txt, buffer.txt and
-- diagnostics-after.txt; exit.txt (the server's exit status); error.txt on
-- failure.

local env = vim.env
local out = env.OUT
local timeout_ms = 20000  -- generous: a loaded CI machine, never a hang

local function write(name, lines)
  local f = assert(io.open(out .. '/' .. name, 'w'))
  for _, line in ipairs(lines) do f:write(line, '\n') end
  f:close()
end

local severity_names = { [1] = 'error', [2] = 'warning', [3] = 'note', [4] = 'note' }

-- The diagnostics of `bufnr`, in the command's text format, in its order.
local function diagnostics_as_text(bufnr)
  local items = vim.diagnostic.get(bufnr)
  table.sort(items, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)
  local lines, links = {}, {}
  for _, d in ipairs(items) do
    -- vim.diagnostic holds 0-based lines and 0-based byte columns, converted
    -- from the server's positions with the negotiated encoding.
    table.insert(lines, string.format('%s:%d:%d: %s: %s [%s]', env.FIXTURE, d.lnum + 1, d.col + 1,
      severity_names[d.severity] or '?', d.message, tostring(d.code)))
    local lsp = (d.user_data or {}).lsp or {}
    local href = lsp.codeDescription and lsp.codeDescription.href or '-'
    table.insert(links, string.format('%s %s %s', tostring(d.code), tostring(d.source), href))
  end
  return lines, links
end

local function has_rule(bufnr, rule)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == rule then return true end
  end
  return false
end

local function main()
  vim.cmd('cd ' .. vim.fn.fnameescape(env.ROOT))
  vim.cmd('edit ' .. vim.fn.fnameescape(env.FIXTURE))
  local bufnr = vim.api.nvim_get_current_buf()

  local capabilities = vim.lsp.protocol.make_client_capabilities()
  if env.ENCODING == 'utf-8' then
    capabilities.general = { positionEncodings = { 'utf-8', 'utf-16' } }
  end
  local state = { exited = false }
  -- A pipe through tee records every byte the server sends; pipefail keeps
  -- the server's own exit status.
  local cmd = 'set -o pipefail; "$RDSLINT" lsp --verbose 2>"$OUT/server.err" | tee "$OUT/server.out"'
  local client_id = vim.lsp.start_client({
    name = 'rdslint',
    cmd = { 'bash', '-c', cmd },
    root_dir = env.ROOT,
    capabilities = capabilities,
    offset_encoding = env.ENCODING,
    on_init = function(_, result)
      state.encoding = result.capabilities.positionEncoding
    end,
    on_exit = function(code, signal)
      state.exit_code, state.signal, state.exited = code, signal, true
    end,
  })
  assert(client_id, 'the client did not start')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'could not attach the buffer')

  assert(vim.wait(timeout_ms, function() return #vim.diagnostic.get(bufnr) > 0 end, 20),
    'no diagnostics within ' .. timeout_ms .. ' ms')
  write('init.txt', { 'positionEncoding=' .. tostring(state.encoding) })
  local lines, links = diagnostics_as_text(bufnr)
  write('diagnostics.txt', lines)
  write('links.txt', links)

  if env.MODE == 'fix' then
    local target
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == 'env-url-unencoded-password' then target = d end
    end
    assert(target, 'no env-url-unencoded-password diagnostic to fix')
    local before = vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1]
    -- The cursor at the start of the line, as a user would put it; the menu
    -- (vim.ui.select) answered with the percent-encoding quick fix.
    vim.api.nvim_win_set_cursor(0, { target.lnum + 1, 0 })
    local titles = {}
    vim.ui.select = function(items, opts, on_choice)
      local chosen
      for i, item in ipairs(items) do
        local title = item[2].title
        table.insert(titles, title)
        if not chosen and title:find('percent-encode', 1, true) then chosen = i end
      end
      write('actions.txt', titles)
      on_choice(chosen and items[chosen] or nil, chosen)
    end
    vim.lsp.buf.code_action()
    assert(vim.wait(timeout_ms, function()
      return vim.api.nvim_buf_get_lines(bufnr, target.lnum, target.lnum + 1, false)[1] ~= before
    end, 20), 'the quick fix did not change the buffer')
    -- The edit reaches the server as didChange; its new diagnostics drop the finding.
    assert(vim.wait(timeout_ms, function()
      return not has_rule(bufnr, 'env-url-unencoded-password')
    end, 20), 'env-url-unencoded-password still reported after the fix')
    write('buffer.txt', vim.api.nvim_buf_get_lines(bufnr, 0, -1, false))
    write('diagnostics-after.txt', (diagnostics_as_text(bufnr)))
  end

  -- shutdown and exit, then the server's own exit status.
  vim.lsp.stop_client(client_id)
  assert(vim.wait(timeout_ms, function() return state.exited end, 20), 'the server did not exit')
  write('exit.txt', { tostring(state.exit_code) .. ' ' .. tostring(state.signal) })
end

local ok, err = xpcall(main, debug.traceback)
if ok then
  vim.cmd('qall!')
else
  write('error.txt', { tostring(err) })
  vim.cmd('cquit 3')
end
