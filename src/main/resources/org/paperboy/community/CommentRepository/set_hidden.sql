UPDATE comments SET hidden = :value WHERE id = :id
