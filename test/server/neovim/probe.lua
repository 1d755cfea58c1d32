-- Run by test/server/neovim.test.ts in a headless Neovim whose init is docs/neovim.lua and whose
-- buffer is the fixture. It waits for derivcheck's client to attach and publish diagnostics, asks
-- for a hover at DERIVCHECK_HOVER_LINE:DERIVCHECK_HOVER_CHARACTER (0-based), writes what Neovim
-- saw as JSON to DERIVCHECK_PROBE_OUT and quits. Every step records a failure instead of raising,
-- so the test always gets a file that says how far Neovim got.
local out = assert(os.getenv('DERIVCHECK_PROBE_OUT'), 'DERIVCHECK_PROBE_OUT is not set')
local timeout = tonumber(os.getenv('DERIVCHECK_PROBE_TIMEOUT_MS') or '20000')
local result = { version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor), filetype = vim.bo.filetype }

local function clients()
	if vim.lsp.get_clients then return vim.lsp.get_clients({ bufnr = 0 }) end
	local list = {}
	for _, c in pairs(vim.lsp.buf_get_clients(0)) do table.insert(list, c) end
	return list
end

local function probe()
	if not vim.wait(timeout, function() return #clients() > 0 end, 50) then
		result.failure = 'no language client attached to the buffer'
		return
	end
	result.client = clients()[1].name
	if not vim.wait(timeout, function() return #vim.diagnostic.get(0) > 0 end, 50) then
		result.failure = 'no diagnostics within ' .. timeout .. ' ms'
		return
	end
	result.diagnostics = {}
	for _, d in ipairs(vim.diagnostic.get(0)) do
		table.insert(result.diagnostics, {
			lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
			severity = d.severity, code = d.code, source = d.source, message = d.message,
		})
	end
	local params = {
		textDocument = vim.lsp.util.make_text_document_params(),
		position = { line = tonumber(os.getenv('DERIVCHECK_HOVER_LINE')), character = tonumber(os.getenv('DERIVCHECK_HOVER_CHARACTER')) },
	}
	local responses, err = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, timeout)
	if not responses then
		result.failure = 'hover failed: ' .. tostring(err)
		return
	end
	for _, r in pairs(responses) do
		if r.error then result.failure = 'hover error: ' .. vim.inspect(r.error) end
		if r.result and r.result.contents then result.hover = r.result.contents.value or r.result.contents end
	end
end

local ok, err = pcall(probe)
if not ok then result.failure = 'probe raised: ' .. tostring(err) end
local file = assert(io.open(out, 'w'))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qall!')
