-- Neovim client settings for the BNN language server (`bnn-language-server.jar`, LSP over stdio).
-- Works on Neovim 0.7 to 0.11: `vim.lsp.start` where it exists (0.8+), else the 0.7 API; inlay
-- hints (tiles · energy · latency per layer) need 0.10. See editors/README.md.
--
--   vim.opt.runtimepath:append('/path/to/repo/editors/neovim')
--   require('bnn').setup({ jar = '/path/to/repo/org.bnn.dsl.ide/target/bnn-language-server.jar' })
local M = {}

local defaults = {
  jar = nil,                   -- path of bnn-language-server.jar; else $BNN_LANGUAGE_SERVER_JAR
  java = 'java',               -- Java 17 or newer
  root_markers = { '.git' },   -- the workspace folder the server indexes (imports across files)
  inlay_hints = true,          -- Neovim 0.10+
  code_lenses = true,          -- refreshed on open, save and leaving insert mode
  -- Where the server puts mapping and experiment totals: 'auto' (inlay hints where Neovim draws
  -- them, 0.10+, else code lenses), 'inlayHint' or 'codeLens' (docs/ide.md).
  estimate_totals = 'auto',
}

local options = vim.deepcopy(defaults)
local clients_by_root = {}     -- Neovim 0.7 only: one client per workspace folder

--- The nearest ancestor folder holding one of the root markers, else the file's own folder.
local function root_dir(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local current = dir
  while true do
    for _, marker in ipairs(options.root_markers) do
      if vim.loop.fs_stat(current .. '/' .. marker) then
        return current
      end
    end
    local parent = vim.fn.fnamemodify(current, ':h')
    if parent == current then
      return dir
    end
    current = parent
  end
end

local function refresh_code_lenses(bufnr)
  if vim.fn.has('nvim-0.10') == 1 then
    vim.lsp.codelens.refresh({ bufnr = bufnr })
  else -- before 0.10 it refreshes the current buffer
    vim.api.nvim_buf_call(bufnr, function() vim.lsp.codelens.refresh() end)
  end
end

local function on_attach(client, bufnr)
  -- 0.7 sets no omnifunc by itself; later versions do the same as this.
  vim.api.nvim_buf_set_option(bufnr, 'omnifunc', 'v:lua.vim.lsp.omnifunc')
  if options.inlay_hints and vim.lsp.inlay_hint and client.server_capabilities.inlayHintProvider then
    vim.lsp.inlay_hint.enable(true, { bufnr = bufnr })
  end
  if options.code_lenses then
    -- After each validation (the server publishes diagnostics once it has the new text): a
    -- request sent while the server takes a change is cancelled by it with RequestCancelled,
    -- which Neovim drops without clearing its "refresh running" flag, so that buffer's lenses
    -- would never refresh again (editors/README.md, known issues).
    vim.api.nvim_create_autocmd('DiagnosticChanged', {
      buffer = bufnr,
      callback = function(args) refresh_code_lenses(args.buf) end,
    })
  end
end

local function attach(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  if path == '' then
    return
  end
  local jar = options.jar or vim.env.BNN_LANGUAGE_SERVER_JAR
  if not jar or vim.fn.filereadable(jar) == 0 then
    vim.notify('bnn: set the language server jar: require("bnn").setup({ jar = ".../bnn-language-server.jar" })'
      .. ' (now: ' .. tostring(jar) .. ')', vim.log.levels.ERROR)
    return
  end
  local root = root_dir(path)
  local config = {
    name = 'bnn',
    cmd = { options.java, '-jar', jar },
    -- Also the one workspace folder; 0.10 reuses a client only if a folder's name is this path.
    root_dir = root,
    init_options = { estimateTotals = options.estimate_totals },
    on_attach = on_attach,
  }
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  local id = clients_by_root[root]
  if not id or vim.lsp.client_is_stopped(id) then
    id = vim.lsp.start_client(config)
    clients_by_root[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

--- Registers the `bnn` filetype for *.bnn and starts (or reuses) the server for each such buffer.
function M.setup(opts)
  options = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  local group = vim.api.nvim_create_augroup('bnn', { clear = true })
  if vim.fn.has('nvim-0.8') == 1 then
    vim.filetype.add({ extension = { bnn = 'bnn' } })
  else -- 0.7 detects filetypes with filetype.vim unless g:do_filetype_lua is set
    vim.api.nvim_create_autocmd({ 'BufNewFile', 'BufRead' }, {
      group = group, pattern = '*.bnn', command = 'setfiletype bnn',
    })
  end
  vim.api.nvim_create_autocmd('FileType', {
    group = group, pattern = 'bnn',
    callback = function(args) attach(args.buf) end,
  })
end

return M
