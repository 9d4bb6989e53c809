UPDATE users SET votes_public = :public WHERE id = :id
