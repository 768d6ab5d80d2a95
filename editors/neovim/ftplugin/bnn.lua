-- `gc` (0.10+) and commenting plugins use // like the language; the formatter indents by 4.
vim.bo.commentstring = '// %s'
vim.bo.comments = 's1:/*,mb:*,ex:*/,://'
vim.bo.shiftwidth = 4
vim.bo.expandtab = true
