-- A second, independent LSP client: Neovim's built-in one (0.7+: vim.lsp.start_client).
-- Starts the built server over stdio on a corpus folder, opens one chunk, waits for its
-- diagnostics, asks for a hover on `Tokens`, and prints one JSON line for run.mjs to judge.
local server = os.getenv('CHUNK_REVIEW_SERVER')
local root = os.getenv('CHUNK_REVIEW_ROOT')
local file = os.getenv('CHUNK_REVIEW_FILE')

local function finish(result)
  io.stdout:write(vim.fn.json_encode(result) .. '\n')
  vim.cmd('qall!')
end

local client_id = vim.lsp.start_client({
  name = 'chunk-review',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'corpus' } },
})
if not client_id then
  finish({ error = 'the server did not start' })
  return
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'chunk'
vim.lsp.buf_attach_client(buf, client_id)

local ok = vim.wait(15000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)

local codes = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(codes, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?')
end
table.sort(codes)

local hover_text = ''
local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = 4, character = 1 },
}, 10000)
for _, r in pairs(responses or {}) do
  if r.result and r.result.contents then
    local c = r.result.contents
    hover_text = hover_text .. (type(c) == 'table' and (c.value or vim.fn.json_encode(c)) or tostring(c))
  end
end

-- Tools wait for readiness through chunkReview/stats: `indexed` turns true after the scan.
local chunks, indexed = nil, false
vim.wait(15000, function()
  local stats = vim.lsp.buf_request_sync(buf, 'chunkReview/stats', {}, 5000)
  for _, r in pairs(stats or {}) do
    if r.result then
      chunks, indexed = r.result.chunks, r.result.indexed
    end
  end
  return indexed
end, 50)

finish({ waited = ok, codes = codes, hover = hover_text, chunks = chunks, indexed = indexed })
