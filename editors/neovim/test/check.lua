-- Headless end-to-end check of editors/neovim with the real language server: Neovim's own LSP
-- client (the config from lua/bnn) on copies of the quick start. Started by
-- scripts/check-neovim.sh, which sets BNN_CHECK_WORKSPACE (a folder with quickstart.bnn and
-- illustrative-hw.bnn) and BNN_LANGUAGE_SERVER_JAR. Prints PASS/FAIL/SKIP per feature and exits
-- non-zero when a feature fails.
local workspace = assert(vim.env.BNN_CHECK_WORKSPACE, 'BNN_CHECK_WORKSPACE is not set')
local TIMEOUT = tonumber(vim.env.BNN_CHECK_TIMEOUT_MS or '60000')
local version = vim.version()
local version_text = string.format('%d.%d.%d', version.major, version.minor, version.patch)
local counts = { passed = 0, failed = 0, skipped = 0 }

local function out(line)
  io.stdout:write(line .. '\n')
end

--- Runs one feature check: `fn` returns a short detail on success or raises the failure.
local function check(name, fn)
  local ok, detail = pcall(fn)
  if ok then
    counts.passed = counts.passed + 1
    out('PASS ' .. name .. ': ' .. tostring(detail or ''))
  else
    counts.failed = counts.failed + 1
    out('FAIL ' .. name .. ': ' .. tostring(detail))
  end
end

local function skip(name, why)
  counts.skipped = counts.skipped + 1
  out('SKIP ' .. name .. ': ' .. why)
end

local function expect(condition, message)
  if not condition then
    error(message, 2)
  end
end

local function wait_for(what, predicate)
  expect(vim.wait(TIMEOUT, predicate, 50), 'timed out after ' .. TIMEOUT .. ' ms waiting for ' .. what)
end

local function read(path)
  local file = assert(io.open(path, 'r'))
  local text = file:read('*a')
  file:close()
  return text
end

local function write(path, text)
  local file = assert(io.open(path, 'w'))
  file:write(text)
  file:close()
end

local function lines_of(text)
  return vim.split(text:gsub('\n$', ''), '\n', { plain = true })
end

--- 0-based line and column of the first occurrence of `snippet` in the buffer.
local function find(bufnr, snippet)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(snippet, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
  error('"' .. snippet .. '" not in ' .. vim.api.nvim_buf_get_name(bufnr))
end

--- Opens a file in the current window; the FileType autocommand of lua/bnn attaches the server.
local function open(name)
  vim.cmd('edit ' .. vim.fn.fnameescape(workspace .. '/' .. name))
  return vim.api.nvim_get_current_buf()
end

local function client_of(bufnr)
  local clients = vim.lsp.buf_get_clients(bufnr)
  for _, client in pairs(clients) do
    if client.name == 'bnn' then
      return client
    end
  end
end

--- One request through Neovim's client; the result of the bnn server, or an error.
local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  expect(responses, method .. ': ' .. tostring(err))
  for _, response in pairs(responses) do
    expect(not response.error, method .. ': ' .. vim.inspect(response.error))
    return response.result
  end
  error(method .. ': no response')
end

local function position_params(bufnr, line, col)
  return { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = col } }
end

-- Records the diagnostics the server publishes (uri -> LSP diagnostics), then lets Neovim's own
-- handler turn them into vim.diagnostic entries as usual.
local published = {}
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published[result.uri] = result.diagnostics
  return publish(err, result, ctx, config)
end

local function run()
  vim.o.lines, vim.o.columns = 60, 160 -- the whole quick start in view, for what is drawn
  if vim.env.BNN_CHECK_LSP_LOG then -- every JSON-RPC message into Neovim's LSP log
    vim.lsp.set_log_level('debug')
    out('LSP log: ' .. vim.lsp.get_log_path())
  end
  out('Neovim ' .. version_text .. ', server ' .. vim.env.BNN_LANGUAGE_SERVER_JAR)
  local quickstart = read(workspace .. '/quickstart.bnn')
  -- A copy that needs 2,048 x 32 tiles for fc2 on the 4,096-tile chip Demo: the mapping must fail.
  local broken = quickstart:gsub('package examples.quickstart', 'package examples.broken'):gsub('dense fc2: 1024', 'dense fc2: 65536')
  write(workspace .. '/broken.bnn', broken)
  -- A copy without indentation and with extra blanks, for the formatter to restore.
  local formatted = quickstart:gsub('package examples.quickstart', 'package examples.messy')
  local messy = {}
  for _, line in ipairs(lines_of(formatted)) do
    if not line:find('^%s*//') then
      line = vim.trim(line):gsub(' {$', '  {  '):gsub(': ', ' :  ')
    end
    table.insert(messy, line)
  end
  messy = table.concat(messy, '\n') .. '\n'
  write(workspace .. '/messy.bnn', messy)

  local good = open('quickstart.bnn')
  check('server starts and attaches', function()
    wait_for('the bnn client on quickstart.bnn', function() return client_of(good) ~= nil end)
    local client = client_of(good)
    wait_for('initialization', function() return client.initialized or client.server_capabilities ~= nil end)
    local capabilities = client.server_capabilities or client.resolved_capabilities
    return 'filetype=' .. vim.bo[good].filetype .. ', root ' .. client.config.root_dir
      .. ', inlayHintProvider=' .. tostring(capabilities.inlayHintProvider)
  end)
  if not client_of(good) then
    out('neovim: ' .. counts.passed .. ' passed, ' .. counts.failed .. ' failed')
    return 1
  end

  check('diagnostics: no error or warning on the quick start', function()
    local uri = vim.uri_from_bufnr(good)
    wait_for('diagnostics published for quickstart.bnn', function() return published[uri] ~= nil end)
    local serious = vim.diagnostic.get(good, { severity = { min = vim.diagnostic.severity.WARN } })
    expect(#serious == 0, 'expected none, got ' .. vim.inspect(serious))
    local notes = {}
    for _, d in ipairs(vim.diagnostic.get(good)) do
      table.insert(notes, 'line ' .. (d.lnum + 1) .. ' ' .. vim.diagnostic.severity[d.severity] .. ' [' .. tostring(d.code) .. '] ' .. d.message)
    end
    return 'published, 0 errors, 0 warnings' .. (#notes > 0 and ('; ' .. table.concat(notes, '; ')) or '')
  end)

  -- One annotation per fact: where Neovim draws inlay hints (0.10+) the totals are inlay hints
  -- (checked below) and there is no code lens; before 0.10 they are the two code lenses.
  if vim.lsp.inlay_hint and vim.lsp.inlay_hint.get then
    check('code lenses: none, the totals are inlay hints', function()
      local lenses = request(good, 'textDocument/codeLens', { textDocument = { uri = vim.uri_from_bufnr(good) } })
      expect(type(lenses) == 'table' and #lenses == 0, 'expected no lens, got ' .. vim.inspect(lenses))
      return '0 lenses'
    end)
  else
    check('code lenses: mapping and experiment totals', function()
      wait_for('two code lenses', function() return #vim.lsp.codelens.get(good) >= 2 end)
      local lenses = vim.lsp.codelens.get(good)
      table.sort(lenses, function(a, b) return a.range.start.line < b.range.start.line end)
      local mapping_line = find(good, 'mapping OnDemo')
      local experiment_line = find(good, 'experiment BerSweep')
      expect(#lenses == 2, #lenses .. ' lenses')
      expect(lenses[1].range.start.line == mapping_line and lenses[2].range.start.line == experiment_line,
        'lenses on lines ' .. lenses[1].range.start.line .. ', ' .. lenses[2].range.start.line)
      local title = lenses[1].command and lenses[1].command.title or ''
      expect(vim.startswith(title, '2,880/4,096 tiles (70.3 %)'), 'mapping lens: ' .. title)
      return '"' .. title .. '"'
    end)
  end

  if vim.lsp.inlay_hint and vim.lsp.inlay_hint.get then
    check('inlay hints: tiles · energy · latency per layer, mapping and experiment totals', function()
      wait_for('six inlay hints', function() return #vim.lsp.inlay_hint.get({ bufnr = good }) >= 6 end)
      local by_line = {}
      for _, item in ipairs(vim.lsp.inlay_hint.get({ bufnr = good })) do
        local label = item.inlay_hint.label
        if type(label) == 'table' then
          local parts = {}
          for _, part in ipairs(label) do
            table.insert(parts, part.value)
          end
          label = table.concat(parts)
        end
        by_line[item.inlay_hint.position.line] = label
      end
      local fc1 = by_line[(find(good, 'dense fc1'))]
      expect(fc1 == '800 tiles at 0..799 · ≥ 41.6 nJ · 370 ns', 'fc1: ' .. tostring(fc1))
      local mapping = by_line[(find(good, 'mapping OnDemo'))] or ''
      expect(vim.startswith(mapping, '2,880/4,096 tiles (70.3 %)'), 'mapping: ' .. mapping)
      local experiment = by_line[(find(good, 'experiment BerSweep'))] or ''
      expect(vim.startswith(experiment, '2,910,208 weights × BER'), 'experiment: ' .. experiment)
      -- Drawn: Neovim renders hints as inline virtual text (extmarks) when it redraws the window.
      vim.cmd('redraw!')
      local drawn = 0
      for _, mark in ipairs(vim.api.nvim_buf_get_extmarks(good, -1, 0, -1, { details = true })) do
        if mark[4].virt_text_pos == 'inline' then
          drawn = drawn + 1
        end
      end
      expect(drawn >= 6, drawn .. ' inline virtual texts drawn')
      return vim.tbl_count(by_line) .. ' hints, ' .. drawn .. ' drawn inline; fc1 "' .. fc1 .. '"'
    end)
  else
    skip('inlay hints', 'Neovim ' .. version_text .. ' has no inlay-hint client (0.10+)')
  end

  local bad = open('broken.bnn')
  local exceeds
  check('diagnostics: error on the broken copy', function()
    wait_for('diagnostics of broken.bnn', function() return #vim.diagnostic.get(bad) > 0 end)
    local line = find(bad, 'mapping OnDemo')
    for _, d in ipairs(vim.diagnostic.get(bad)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == 'org.bnn.dsl.mappingExceedsChip' then
        exceeds = d
      end
    end
    expect(exceeds, 'no org.bnn.dsl.mappingExceedsChip in ' .. vim.inspect(vim.diagnostic.get(bad)))
    expect(exceeds.severity == vim.diagnostic.severity.ERROR, 'severity ' .. tostring(exceeds.severity))
    expect(exceeds.lnum >= line, 'on line ' .. (exceeds.lnum + 1) .. ', before the mapping (line ' .. (line + 1) .. ')')
    expect(exceeds.message:find('Demo', 1, true), 'message does not name the chip: ' .. exceeds.message)
    return 'line ' .. (exceeds.lnum + 1) .. ' [org.bnn.dsl.mappingExceedsChip] ' .. exceeds.message
  end)

  check('code action: quick fix applied', function()
    expect(exceeds, 'no diagnostic to fix')
    local raw
    for _, d in ipairs(published[vim.uri_from_bufnr(bad)]) do
      if d.code == 'org.bnn.dsl.mappingExceedsChip' then
        raw = d
      end
    end
    local actions = request(bad, 'textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(bad) }, range = raw.range, context = { diagnostics = { raw } },
    })
    local titles, chosen = {}, nil
    for _, action in ipairs(actions or {}) do
      table.insert(titles, action.title)
      if action.title == 'Allow reprogramming the weights while the network runs' then
        chosen = action
      end
    end
    expect(chosen and chosen.edit, 'no quick fix with an edit among ' .. vim.inspect(titles))
    vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
    expect(table.concat(vim.api.nvim_buf_get_lines(bad, 0, -1, false), '\n'):find('allow reprogramming', 1, true),
      'the edit did not reach the buffer')
    wait_for('the error to go after the fix', function()
      for _, d in ipairs(vim.diagnostic.get(bad)) do
        if d.code == 'org.bnn.dsl.mappingExceedsChip' then
          return false
        end
      end
      return true
    end)
    return '"' .. chosen.title .. '" applied, the error is gone (' .. #vim.diagnostic.get(bad) .. ' diagnostics left)'
  end)

  vim.cmd('buffer ' .. good)
  check('hover on a layer: the Estimator breakdown', function()
    local line, col = find(good, 'fc1: 1024')
    local result = request(good, 'textDocument/hover', position_params(good, line, col + 1))
    expect(result and result.contents, 'no hover')
    local text = type(result.contents) == 'table' and (result.contents.value or vim.inspect(result.contents)) or result.contents
    expect(vim.startswith(text, '**Layer fc1 on mapping OnDemo**'), 'hover text: ' .. text)
    for _, part in ipairs({ '- tiles: 800 = 25 column chunks', '- energy per inference: ≥ 41.6 nJ', '- latency: 37 cycles = 370 ns',
                            '- BER of regime nominal:' }) do
      expect(text:find(part, 1, true), '"' .. part .. '" not in hover: ' .. text)
    end
    -- What K shows: Neovim's hover handler turns the Markdown into the lines of a floating window.
    local shown = vim.lsp.util.convert_input_to_markdown_lines(result.contents)
    expect(#shown > 5, 'hover shows ' .. #shown .. ' lines')
    return #shown .. ' lines, "' .. text:match('[^\n]*- tiles:[^\n]*') .. '"'
  end)

  check('completion: chips and keywords', function()
    local line, col = find(good, 'on Demo')
    local result = request(good, 'textDocument/completion', position_params(good, line, col + 3))
    local items = result and (result.items or result) or {}
    local labels = {}
    for _, item in ipairs(items) do
      labels[item.label] = true
    end
    expect(labels.Demo, 'chip Demo not proposed: ' .. vim.inspect(vim.tbl_keys(labels)))
    local last = vim.api.nvim_buf_line_count(good)
    local keywords = request(good, 'textDocument/completion', position_params(good, last, 0))
    local kw = {}
    for _, item in ipairs(keywords and (keywords.items or keywords) or {}) do
      kw[item.label] = true
    end
    for _, word in ipairs({ 'device', 'tile', 'chip', 'network', 'mapping', 'experiment' }) do
      expect(kw[word], 'keyword ' .. word .. ' not proposed at the end: ' .. vim.inspect(vim.tbl_keys(kw)))
    end
    return #items .. ' proposals after "on " incl. Demo; keywords at the end of the file'
  end)

  check('go to definition: the chip in the imported file', function()
    local line, col = find(good, 'on Demo')
    vim.api.nvim_win_set_cursor(0, { line + 1, col + 4 })
    vim.lsp.buf.definition()
    wait_for('the jump to illustrative-hw.bnn', function()
      return vim.endswith(vim.api.nvim_buf_get_name(0), 'illustrative-hw.bnn')
    end)
    local row = vim.api.nvim_win_get_cursor(0)[1]
    local text = vim.api.nvim_buf_get_lines(0, row - 1, row, false)[1]
    expect(text:find('chip Demo', 1, true), 'cursor on line ' .. row .. ': ' .. text)
    vim.cmd('buffer ' .. good)
    return 'illustrative-hw.bnn:' .. row .. ': ' .. vim.trim(text)
  end)

  check('document symbols: elements and layers with estimates', function()
    local result = request(good, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(good) } })
    local by_name = {}
    local function walk(symbols)
      for _, s in ipairs(symbols or {}) do
        by_name[s.name] = s
        walk(s.children)
      end
    end
    walk(result)
    local network = by_name.MnistMlp
    expect(network and network.children, 'no hierarchical MnistMlp in ' .. vim.inspect(vim.tbl_keys(by_name)))
    local children = {}
    for _, c in ipairs(network.children) do
      table.insert(children, c.name)
    end
    expect(table.concat(children, ',') == 'pixels,fc1,fc2,fc3,out', 'layers ' .. table.concat(children, ','))
    expect(by_name.fc1.detail == '800 tiles at 0..799 · ≥ 41.6 nJ · 370 ns', 'fc1 detail ' .. tostring(by_name.fc1.detail))
    expect(by_name.OnDemo and by_name.BerSweep, 'mapping or experiment missing')
    -- What :lua vim.lsp.buf.document_symbol() puts into the location list.
    local items = vim.lsp.util.symbols_to_items(result, good)
    return #items .. ' location-list entries, e.g. "' .. items[3].text .. '"'
  end)

  check('formatting: restores the layout of the quick start', function()
    local buf = open('messy.bnn')
    wait_for('the client on messy.bnn', function() return client_of(buf) ~= nil and client_of(buf).initialized ~= false end)
    if vim.lsp.buf.format then
      vim.lsp.buf.format({ bufnr = buf, async = false, timeout_ms = TIMEOUT })
    else
      vim.lsp.buf.formatting_sync(nil, TIMEOUT)
    end
    local now = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local want = lines_of(formatted)
    for i = 1, math.max(#now, #want) do
      expect(now[i] == want[i], 'line ' .. i .. ': got "' .. tostring(now[i]) .. '", want "' .. tostring(want[i]) .. '"')
    end
    vim.cmd('buffer ' .. good)
    return #now .. ' lines equal to the quick start'
  end)

  if vim.lsp.semantic_tokens and vim.lsp.semantic_tokens.get_at_pos then
    check('semantic tokens', function()
      local result = request(good, 'textDocument/semanticTokens/full', { textDocument = { uri = vim.uri_from_bufnr(good) } })
      local count = result and result.data and math.floor(#result.data / 5) or 0
      assert(count > 0, 'the server returned no semantic tokens for quickstart.bnn')
      local line, col = find(good, 'MnistMlp on Demo')
      wait_for('a semantic token on MnistMlp', function()
        local tokens = vim.lsp.semantic_tokens.get_at_pos(good, line, col + 1)
        return tokens and #tokens > 0
      end)
      local kind = vim.lsp.semantic_tokens.get_at_pos(good, line, col + 1)[1].type
      assert(kind == 'class', 'MnistMlp (a network) should be a "class" token, got "' .. tostring(kind) .. '"')
      return count .. ' tokens; MnistMlp is a "' .. kind .. '"'
    end)
  else
    skip('semantic tokens', 'Neovim ' .. version_text .. ' has no semantic-token client (0.9+)')
  end

  out(string.format('neovim: %d passed, %d failed, %d skipped', counts.passed, counts.failed, counts.skipped))
  return counts.failed == 0 and 0 or 1
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  nested = true, -- the files it opens must fire FileType, which attaches the server
  callback = function()
    local ok, code = pcall(run)
    if not ok then
      out('FAIL check script: ' .. tostring(code))
      code = 1
    end
    for _, client in pairs(vim.lsp.get_active_clients()) do
      client.stop()
    end
    vim.wait(5000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
    vim.cmd((code == 0 and 'qall!') or 'cquit! 1')
  end,
})
