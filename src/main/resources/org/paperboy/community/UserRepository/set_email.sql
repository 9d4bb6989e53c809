UPDATE users SET email = :email, email_key = :emailKey, verified_at = :now WHERE id = :id
