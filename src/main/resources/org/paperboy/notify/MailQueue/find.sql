SELECT id, recipient, subject, body_text, body_html, headers, message_id, attempts
FROM mail_queue WHERE id = :id AND status = 'sending' AND claimed_by = :node
