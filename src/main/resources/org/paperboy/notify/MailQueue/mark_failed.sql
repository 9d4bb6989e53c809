UPDATE mail_queue SET status = 'failed', attempts = :attempts, last_error = :error, body_text = NULL, body_html = NULL
WHERE id = :id AND status = 'sending' AND claimed_by = :node
