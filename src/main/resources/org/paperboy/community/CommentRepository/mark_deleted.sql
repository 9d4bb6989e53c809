UPDATE comments SET deleted = :value WHERE id = :id
