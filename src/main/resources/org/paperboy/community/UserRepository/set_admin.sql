UPDATE users SET is_admin = :admin WHERE id = :id
