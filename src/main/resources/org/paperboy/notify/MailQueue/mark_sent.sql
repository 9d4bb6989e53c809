UPDATE mail_queue SET status = 'sent', sent_at = :now, body_text = NULL, body_html = NULL, last_error = NULL
WHERE id = :id AND status = 'sending' AND claimed_by = :node
