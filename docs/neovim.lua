-- derivcheck in Neovim's built-in LSP client: put this in init.lua, or source it from there.
-- Strategy: on every Markdown or TeX buffer, attach the one derivcheck-language-server of the
-- current folder, starting it once. Neovim 0.8 and later do that with vim.lsp.start; 0.7 (Debian
-- 12's) has only vim.lsp.start_client and vim.lsp.buf_attach_client, so the client is kept here.
-- test/server/neovim.test.ts runs this very file in a headless Neovim.
local started = {}

vim.api.nvim_create_autocmd('FileType', {
	pattern = { 'markdown', 'tex', 'plaintex' },
	callback = function(args)
		local config = {
			name = 'derivcheck',
			cmd = { 'derivcheck-language-server', '--stdio' },
			root_dir = vim.fn.getcwd(),
		}
		if vim.lsp.start then
			vim.lsp.start(config, { bufnr = args.buf })
			return
		end
		local id = started[config.root_dir]
		if id == nil or vim.lsp.client_is_stopped(id) then
			id = vim.lsp.start_client(config)
			started[config.root_dir] = id
		end
		if id then vim.lsp.buf_attach_client(args.buf, id) end
	end,
})
