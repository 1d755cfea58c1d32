;;; probe.el --- run by test/server/emacs.test.ts after docs/emacs.el, in a batch Emacs.
;; It opens the fixture named by DERIVCHECK_PROBE_FILE, lets eglot connect as the command loop would
;; (eglot-ensure connects from `post-command-hook', which a batch Emacs never runs by itself), waits
;; for flymake to hold derivcheck's diagnostics, asks for a hover at DERIVCHECK_HOVER_LINE and
;; DERIVCHECK_HOVER_CHARACTER (0-based), and writes what Emacs saw as JSON to DERIVCHECK_PROBE_OUT.
;; Every step records a failure instead of raising, so the test always gets a file that says how far
;; Emacs got.
(require 'json)
(defvar derivcheck-probe-result (list (cons 'emacs emacs-version)))
(defun derivcheck-probe-put (key value) (push (cons key value) derivcheck-probe-result))

(defun derivcheck-probe-wait (predicate seconds)
  "Wait up to SECONDS for PREDICATE, feeding the server's output to Emacs; return its value."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1)
      (when (bound-and-true-p flymake-mode) (flymake-start)))
    value))

(defun derivcheck-probe ()
  (find-file (getenv "DERIVCHECK_PROBE_FILE"))
  (derivcheck-probe-put 'mode (symbol-name major-mode))
  (run-hooks 'post-command-hook)
  (let ((server (derivcheck-probe-wait #'eglot-current-server 20)))
    (if (not server)
        (derivcheck-probe-put 'failure "eglot did not connect a server to the buffer")
      (derivcheck-probe-put 'server (plist-get (eglot--server-info server) :name))
      (let ((diagnostics (derivcheck-probe-wait #'flymake-diagnostics 20)))
        (if (not diagnostics)
            (derivcheck-probe-put 'failure "no diagnostics within 20 s")
          (derivcheck-probe-put
           'diagnostics
           (vconcat (mapcar (lambda (d)
                              (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d)))
                                (list (cons 'line (1- (line-number-at-pos beg)))
                                      (cons 'character (save-excursion (goto-char beg) (current-column)))
                                      (cons 'length (- end beg))
                                      (cons 'type (symbol-name (flymake-diagnostic-type d)))
                                      (cons 'text (flymake-diagnostic-text d)))))
                            diagnostics)))
          (goto-char (point-min))
          (forward-line (string-to-number (getenv "DERIVCHECK_HOVER_LINE")))
          (forward-char (string-to-number (getenv "DERIVCHECK_HOVER_CHARACTER")))
          (let* ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
                 (contents (plist-get hover :contents)))
            (derivcheck-probe-put 'hover (if (stringp contents) contents (plist-get contents :value)))))))))

(condition-case err
    (derivcheck-probe)
  (error (derivcheck-probe-put 'failure (format "probe raised: %S" err))))
(with-temp-file (getenv "DERIVCHECK_PROBE_OUT")
  (insert (json-encode derivcheck-probe-result)))
(kill-emacs 0)
