;; derivcheck in Emacs through eglot (built in since Emacs 29; on Emacs 28, Debian's elpa-eglot or
;; M-x package-install RET eglot). README.md shows this file; test/server/emacs.test.ts runs it in a
;; batch Emacs on a fixture.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode latex-mode LaTeX-mode) . ("derivcheck-language-server" "--stdio"))))
(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'latex-mode-hook #'eglot-ensure)
(add-hook 'LaTeX-mode-hook #'eglot-ensure)
