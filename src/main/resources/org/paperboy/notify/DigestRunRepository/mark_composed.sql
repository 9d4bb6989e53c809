UPDATE digest_runs SET status = 'composed', composed_rows = composed_rows + :rows, composed_at = :now WHERE id = :id
