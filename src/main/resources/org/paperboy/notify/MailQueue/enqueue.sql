INSERT INTO mail_queue (recipient, subject, body_text, body_html, headers, message_id, status, next_attempt_at, created_at)
VALUES (:recipient, :subject, :text, :html, :headers, :messageId, 'queued', :now, :now)
