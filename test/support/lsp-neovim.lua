-- Drives `vsftpd-lint lsp` from a real Neovim (test/lsp-neovim.integration.test.ts): opens
-- $VSFTPD_LINT_CONF, starts the server with the client Neovim ships, waits for diagnostics,
-- applies the quick fix titled $VSFTPD_LINT_ACTION, then the source.fixAll action, and writes
-- what it saw as JSON to $VSFTPD_LINT_RESULT. Debian 12's Neovim is 0.7, which has
-- vim.lsp.start_client + buf_attach_client (vim.lsp.start came in 0.8).
local result = { steps = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, os.getenv('VSFTPD_LINT_RESULT'))
  vim.cmd('qall!')
end

local function step(name, ok)
  table.insert(result.steps, { name = name, ok = ok })
  if not ok then finish() end
  return ok
end

local function diagnostics(bufnr)
  return vim.tbl_map(function(d)
    return { code = d.code, lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, message = d.message,
      href = d.user_data and d.user_data.lsp and d.user_data.lsp.codeDescription and d.user_data.lsp.codeDescription.href }
  end, vim.diagnostic.get(bufnr))
end

local function code_actions(bufnr, client, only)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(bufnr), character = 0 } },
    context = { diagnostics = {}, only = only },
  }
  local response = client.request_sync('textDocument/codeAction', params, 10000, bufnr)
  return response and response.result or {}
end

local function apply(action, client)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
end

vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('VSFTPD_LINT_CONF')))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'vsftpd-lint',
  cmd = { 'vsftpd-lint', 'lsp', '--stdio' },
  root_dir = vim.fn.getcwd(),
})
step('client started', client_id ~= nil)
vim.lsp.buf_attach_client(bufnr, client_id)
local client = vim.lsp.get_client_by_id(client_id)

step('diagnostics published', vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20))
result.diagnostics = diagnostics(bufnr)

local wanted = os.getenv('VSFTPD_LINT_ACTION')
local chosen
local actions = code_actions(bufnr, client, nil)
result.titles = vim.tbl_map(function(a) return a.title end, actions)
for _, action in ipairs(actions) do
  if action.title == wanted then chosen = action end
end
if step('quick fix offered', chosen ~= nil) then
  apply(chosen, client)
  result.after_quick_fix = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)
end

local fix_all = code_actions(bufnr, client, { 'source.fixAll' })
if step('fixAll offered', #fix_all == 1 and fix_all[1].kind == 'source.fixAll.vsftpd-lint') then
  apply(fix_all[1], client)
  result.after_fix_all = vim.api.nvim_buf_get_lines(bufnr, 0, -1, true)
end
step('diagnostics cleared', vim.wait(30000, function() return #vim.diagnostic.get(bufnr) == 0 end, 20))
finish()
